/**
 * `.trouwrc` and `.trouwrc.json` with comments and trailing commas (as
 * ESLint's and TypeScript's JSON configs), `$schema` in a config, and the
 * shipped JSON Schema agreeing with trouw's own config checks.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Ajv} from 'ajv'
import {parseJsonc, stripJsonc} from '../src/jsonc.js'
import {ConfigError, knownRuleNames, validateConfig} from '../src/config.js'
import {loadRules} from '../src/rule-loader.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')
const schemaPath = path.join(root, 'schema', 'trouwrc.schema.json')
let base: string

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'trouw-jsonc-'))
})
afterAll(() => rmSync(base, {recursive: true, force: true}))

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(base, 'p-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

function check(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], {cwd, encoding: 'utf8', timeout: 20000})
  return {code: result.status, stderr: result.stderr, report: result.stdout ? JSON.parse(result.stdout) : undefined}
}

const lockIn = 'Your membership has a minimum term of 12 months.\n'

describe('stripJsonc', () => {
  it('blanks comments and trailing commas, keeping every line and column', () => {
    const text = '{\n  // the language\n  "lang": "nl", /* block\n  comment */\n  "allow": ["a", "b",],\n}\n'
    const stripped = stripJsonc(text)
    expect(stripped).toHaveLength(text.length)
    expect(stripped.split('\n').map((line) => line.length)).toEqual(text.split('\n').map((line) => line.length))
    expect(JSON.parse(stripped)).toEqual({lang: 'nl', allow: ['a', 'b']})
  })

  it('leaves strings alone, even with slashes, stars, commas and escaped quotes', () => {
    const value = {url: 'https://example.com/*x*/', phrase: 'a // b, ]', quoted: 'say "hi",}'}
    const text = JSON.stringify(value, null, 2)
    expect(stripJsonc(text)).toBe(text)
    expect(parseJsonc(text)).toEqual(value)
  })

  it('keeps what is not a trailing comma an error', () => {
    expect(() => parseJsonc('{"a": 1,, "b": 2}')).toThrow(SyntaxError)
    expect(() => parseJsonc('[,]')).not.toThrow() // a lone comma before `]` is trailing: []
    expect(parseJsonc('[1, 2, // two\n]')).toEqual([1, 2])
    expect(() => parseJsonc('{"a": 1 /* open')).toThrow(SyntaxError)
  })
})

describe('.trouwrc.json and .trouwrc with comments', () => {
  for (const name of ['.trouwrc.json', '.trouwrc']) {
    it(`${name}: comments and trailing commas are read, and the settings apply`, () => {
      const dir = project({
        [name]: '{\n  // lock-in is fine in this folder\n  "rules": {\n    "coercion": "off", /* all of it */\n  },\n  "failOn": "error",\n}\n',
        'copy.txt': lockIn
      })
      const result = check(dir, ['copy.txt'])
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect(result.report.files[0].messages.filter((message: {category: string}) => message.category === 'coercion')).toEqual([])
    })
  }

  it('a syntax error after a comment is still one line naming the file, exit 2', () => {
    const text = '{\n  // fine\n  "lang": "nl"\n  "spell": true\n}\n'
    const dir = project({'.trouwrc.json': text, 'copy.txt': lockIn})
    const result = check(dir, ['copy.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    // The position is the one in the file as written, comment included.
    expect(result.stderr).toMatch(new RegExp(`^trouw: \\.trouwrc\\.json: cannot be read as JSON \\(.*position ${text.indexOf('"spell"')}\\b.*fix its syntax`))
  })

  it('package.json stays strict JSON', () => {
    const dir = project({'package.json': '{"name": "x", // no\n "trouw": {"lang": "nl"}}', 'copy.txt': lockIn})
    const result = check(dir, ['copy.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/package\.json: cannot be read as JSON/)
  })

  it('`$schema` naming the shipped schema is accepted, not an unknown key', () => {
    const dir = project({
      '.trouwrc.json': JSON.stringify({$schema: './node_modules/trouw/schema/trouwrc.schema.json', rules: {coercion: 'info'}}),
      'copy.txt': lockIn
    })
    const result = check(dir, ['copy.txt'])
    expect(result.stderr).toBe('')
    expect(result.report.files[0].messages.some((message: {severity: string}) => message.severity === 'info')).toBe(true)
  })
})

describe('schema/trouwrc.schema.json', () => {
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'))
  const validate = new Ajv({strict: true, allErrors: true}).compile(schema)
  const known = knownRuleNames(loadRules().rules)

  it('names every category and subtype the rules have, for completion in editors', () => {
    const listed = Object.keys(schema.properties.rules.properties)
    const groups = new Set(['spelling'])
    for (const rule of loadRules().rules) {
      groups.add(rule.category)
      if (rule.subtype) groups.add(`${rule.category}/${rule.subtype}`)
    }
    expect(listed.sort()).toEqual([...groups].sort())
    for (const name of listed) expect(known.has(name), name).toBe(true)
  })

  it('lists exactly the keys trouw accepts', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(['$schema', 'allow', 'failOn', 'lang', 'minEsp', 'rules', 'spell', 'words'])
  })

  const configs: unknown[] = [
    {},
    {$schema: '../schema/trouwrc.schema.json', lang: 'nl', spell: true, minEsp: 60, failOn: 'never'},
    {rules: {coercion: 'error', 'coercion/minimum-term': 'off', spelling: 'info'}, allow: ['best in town'], words: ['Trouwbox']},
    {lang: 'de'},
    {rules: {coercion: 'loud'}},
    {rules: ['coercion']},
    {allow: 'best in town'},
    {words: ['ok', '']},
    {words: ['ok', 3]},
    {spell: 'yes'},
    {minEsp: 120},
    {minEsp: -1},
    {failOn: 'always'},
    {language: 'nl'},
    ['lang']
  ]
  for (const config of configs) {
    it(`agrees with trouw's own check on ${JSON.stringify(config)}`, () => {
      let accepted = true
      try {
        validateConfig(config, 'config', known)
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError)
        accepted = false
      }
      expect(validate(config), JSON.stringify(validate.errors)).toBe(accepted)
    })
  }
})
