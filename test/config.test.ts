/**
 * Files and configuration as a user meets them: the built `trouw` in a child
 * process, run in throw-away folders. Config discovery (nearest wins, every
 * file kind, package.json), precedence (flags over config over defaults),
 * invalid config (one line naming the file and key, exit 2), allow by id and
 * by phrase, `.trouwignore`, folders and globs. The config checks themselves
 * are tested in-process too.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {ConfigError, knownRuleNames, resolveSettings, validateConfig} from '../src/config.js'
import {loadRules} from '../src/rule-loader.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')
let base: string

const lockIn = 'Your membership has a minimum term of 12 months.\n'
const shouting = 'WE ARE SO INCREDIBLY EXCITED FOR YOU!!!\n'

/**
 * Rule ids, with every over-the-top rule as `over-the-top` (the shouting line
 * may fire more than one of them as the rules grow), without repeats.
 */
function ids(messages: Array<{ruleId: string}>): string[] {
  const seen = messages.map((message) => (message.ruleId.startsWith('over-the-top/') ? 'over-the-top' : message.ruleId))
  return [...new Set(seen)]
}

/** A fresh project folder with these files (paths relative to it). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(base, 'p-'))
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name)
    mkdirSync(path.dirname(file), {recursive: true})
    writeFileSync(file, content)
  }
  return dir
}

function run(cwd: string, args: string[], input?: string) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd, input: input ?? '', encoding: 'utf8', timeout: 20000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

/** Run with `--format json` and return rule ids per file path. */
function findings(cwd: string, args: string[], input?: string) {
  const result = run(cwd, ['check', '--format', 'json', ...args], input)
  const report = result.stdout ? JSON.parse(result.stdout) : {files: []}
  const byPath: Record<string, string[]> = {}
  for (const file of report.files) byPath[file.path] = ids(file.messages)
  return {...result, byPath, report}
}

/** One line on stderr naming the file and the key, exit 2, no stack trace. */
function expectConfigError(result: ReturnType<typeof run>, file: string, key: RegExp) {
  expect(result.code).toBe(2)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(/^trouw: /)
  expect(lines[0]).toContain(file)
  expect(lines[0]).toMatch(key)
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'trouw-config-'))
})

afterAll(() => {
  rmSync(base, {recursive: true, force: true})
})

describe('config discovery', () => {
  it('finds the nearest config upwards from each file; nearest wins', () => {
    const dir = project({
      '.trouwrc.json': JSON.stringify({rules: {coercion: 'off'}}),
      'a.txt': lockIn + shouting,
      'team/.trouwrc.json': JSON.stringify({rules: {'over-the-top': 'off'}}),
      'team/b.txt': lockIn + shouting,
      'team/deep/c.txt': lockIn + shouting
    })
    const {byPath, code} = findings(dir, ['a.txt', 'team/b.txt', 'team/deep/c.txt'])
    expect(code).toBe(1)
    expect(byPath['a.txt']).toEqual(['over-the-top'])
    // The nearest config replaces the one above it (no cascade), like alex.
    expect(byPath['team/b.txt']).toEqual(['coercion/minimum-term'])
    expect(byPath[path.join('team', 'deep', 'c.txt')]).toEqual(['coercion/minimum-term'])
  })

  it('reads .trouwrc (JSON), YAML, .yml, and JavaScript modules', () => {
    const variants: Record<string, string> = {
      '.trouwrc': '{"rules": {"coercion/minimum-term": "off"}}',
      '.trouwrc.yaml': 'rules:\n  coercion/minimum-term: off\n',
      '.trouwrc.yml': 'rules:\n  coercion: "off"\n',
      '.trouwrc.js': 'export default {rules: {"coercion/lock-in": "off"}}\n',
      '.trouwrc.mjs': 'export default {rules: {coercion: "off"}}\n',
      '.trouwrc.cjs': 'module.exports = {rules: {coercion: "off"}}\n'
    }
    for (const [name, content] of Object.entries(variants)) {
      const dir = project({[name]: content, 'copy.txt': lockIn, 'package.json': '{"type": "module"}'})
      const {byPath, code, stderr} = findings(dir, ['copy.txt'])
      expect({name, found: byPath['copy.txt'], stderr}).toEqual({name, found: [], stderr: ''})
      expect(code).toBe(0)
    }
  }, 60000)

  it('reads the "trouw" field of package.json, and skips a package.json without one', () => {
    const dir = project({
      'package.json': JSON.stringify({name: 'x', trouw: {allow: ['minimum term']}}),
      'copy.md': lockIn,
      'sub/package.json': JSON.stringify({name: 'y'}),
      'sub/copy.md': lockIn
    })
    const {byPath} = findings(dir, ['copy.md', 'sub/copy.md'])
    expect(byPath['copy.md']).toEqual([])
    // sub/package.json has no "trouw": the search goes on up to the root one.
    expect(byPath[path.join('sub', 'copy.md')]).toEqual([])
  })

  it('stdin uses the config of the current folder', () => {
    const dir = project({'.trouwrc.json': '{"lang": "en", "allow": ["coercion/minimum-term"]}'})
    const {report, code} = findings(dir, [], lockIn)
    expect(code).toBe(0)
    expect(report.files[0].messages).toEqual([])
  })

  it('--config uses one file for every input; --no-config uses none', () => {
    const dir = project({
      '.trouwrc.json': '{"rules": {"coercion": "off"}}',
      'elsewhere/strict.json': '{"rules": {"over-the-top": "off"}}',
      'copy.txt': lockIn + shouting
    })
    expect(findings(dir, ['copy.txt']).byPath['copy.txt']).toEqual(['over-the-top'])
    expect(findings(dir, ['copy.txt', '--config', 'elsewhere/strict.json']).byPath['copy.txt']).toEqual(['coercion/minimum-term'])
    expect(findings(dir, ['copy.txt', '--no-config']).byPath['copy.txt']).toEqual(['coercion/minimum-term', 'over-the-top'])
  })
})

describe('precedence: flags over config over defaults', () => {
  it('--rule wins over the config for that rule and keeps the config for others', () => {
    const dir = project({
      '.trouwrc.json': JSON.stringify({rules: {'coercion/minimum-term': 'off', 'over-the-top': 'error'}}),
      'copy.txt': lockIn + shouting
    })
    const config = findings(dir, ['copy.txt'])
    expect([...new Set(config.report.files[0].messages.map((m: {severity: string}) => m.severity))]).toEqual(['error'])
    const flagged = findings(dir, ['copy.txt', '--rule', 'coercion/minimum-term=info'])
    const described = flagged.report.files[0].messages.map((m: {ruleId: string; severity: string}) => `${ids([m])[0]} ${m.severity}`)
    expect([...new Set(described)]).toEqual(['coercion/minimum-term info', 'over-the-top error'])
  })

  it('lang, failOn and minEsp from config; flags override them', () => {
    const dir = project({'.trouwrc.json': JSON.stringify({lang: 'nl', failOn: 'error', minEsp: 0}), 'copy.txt': lockIn})
    const config = findings(dir, ['copy.txt'])
    expect(config.report.files[0].language).toBe('nl')
    expect(config.code).toBe(0) // warnings pass with failOn: error
    const flags = findings(dir, ['copy.txt', '--lang', 'en', '--fail-on', 'warning'])
    expect(flags.report.files[0].language).toBe('en')
    expect(flags.code).toBe(1)
    expect(run(dir, ['check', 'copy.txt', '--lang', 'en', '--min-esp', '100']).code).toBe(1)
  })

  it('--allow adds to the config allow list', () => {
    const dir = project({'.trouwrc.json': '{"allow": ["over-the-top"]}', 'copy.txt': lockIn + shouting})
    expect(findings(dir, ['copy.txt']).byPath['copy.txt']).toEqual(['coercion/minimum-term'])
    expect(findings(dir, ['copy.txt', '--allow', 'minimum term']).byPath['copy.txt']).toEqual([])
  })
})

describe('allow in config', () => {
  it('by rule id, by category, and by phrase', () => {
    const copy = lockIn + shouting
    const byId = project({'.trouwrc.json': '{"allow": ["coercion/minimum-term"]}', 'c.txt': copy})
    expect(findings(byId, ['c.txt']).byPath['c.txt']).toEqual(['over-the-top'])
    const byCategory = project({'.trouwrc.json': '{"allow": ["over-the-top"]}', 'c.txt': copy})
    expect(findings(byCategory, ['c.txt']).byPath['c.txt']).toEqual(['coercion/minimum-term'])
    const byPhrase = project({'.trouwrc.yaml': 'allow:\n  - Minimum Term\n', 'c.txt': copy})
    expect(findings(byPhrase, ['c.txt']).byPath['c.txt']).toEqual(['over-the-top'])
  })
})

describe('spelling in config', () => {
  it('spell and words from config; --no-spell wins', () => {
    const dir = project({'.trouwrc.json': '{"lang": "en", "spell": true, "words": ["zwoebelkast"]}', 'copy.txt': 'Thanks for your ordr of the zwoebelkast and the frumbletap.\n'})
    const actual = (result: ReturnType<typeof findings>) => result.report.files[0].messages.map((m: {actual: string}) => m.actual)
    expect(actual(findings(dir, ['copy.txt']))).toEqual(['ordr', 'frumbletap'])
    expect(actual(findings(dir, ['copy.txt', '--word', 'frumbletap']))).toEqual(['ordr'])
    expect(actual(findings(dir, ['copy.txt', '--no-spell']))).toEqual([])
  })
})

describe('invalid config: one line naming the file and the key, exit 2', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['a bad level', '.trouwrc.json', '{"rules": {"coercion": "loud"}}', /`rules\.coercion` must be off, info, warning or error \(got `loud`\)/],
    ['a bad language', '.trouwrc.json', '{"lang": "de"}', /`lang` must be en, nl or auto \(got `de`\)/],
    ['allow not a list', '.trouwrc.yaml', 'allow: minimum term\n', /`allow` must be a list/],
    ['a word that is not a string', '.trouwrc.json', '{"words": ["Trouwbox", 3]}', /`words\[1\]` must be a non-empty string/],
    ['spell not a boolean', '.trouwrc.json', '{"spell": "yes"}', /`spell` must be true or false/],
    ['minEsp out of range', '.trouwrc.json', '{"minEsp": 120}', /`minEsp` must be a number from 0 to 100/],
    ['a bad failOn', '.trouwrc.json', '{"failOn": "always"}', /`failOn` must be error, warning, info or never/],
    ['an unknown key', '.trouwrc.json', '{"language": "nl"}', /`language` is not a trouw setting: use lang, rules/],
    ['rules not an object', '.trouwrc.json', '{"rules": ["coercion"]}', /`rules` must be an object/],
    ['not an object at all', '.trouwrc.yml', '- lang\n', /must be an object of settings/],
    ['broken JSON', '.trouwrc.json', '{"lang": "nl" "spell": true}', /cannot be read as JSON .*fix its syntax/],
    ['an unclosed comment', '.trouwrc.json', '{"lang": "nl" /* comment\n}', /cannot be read as JSON .*fix its syntax/],
    ['broken YAML', '.trouwrc.yaml', 'rules: [coercion\n', /cannot be read as YAML .*fix its syntax/],
    ['a bad package.json field', 'package.json', '{"trouw": {"rules": {"coercion": 1}}}', /`rules\.coercion` must be off, info, warning or error \(got `1`\)/]
  ]
  for (const [name, file, content, key] of cases) {
    it(name, () => {
      const dir = project({[file]: content, 'copy.txt': lockIn, 'more/other.txt': lockIn})
      expectConfigError(run(dir, ['check', 'copy.txt', 'more/other.txt']), file, key)
    })
  }

  it('an unknown rule name warns on one line and does not fail', () => {
    const dir = project({'.trouwrc.json': '{"rules": {"coercion/no-such-rule": "off", "coercion": "info"}}', 'copy.txt': lockIn, 'b.txt': lockIn})
    const result = findings(dir, ['copy.txt', 'b.txt'])
    expect(result.code).toBe(0)
    const lines = result.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^trouw: \.trouwrc\.json: `rules\.coercion\/no-such-rule` is not a known rule/)
    expect(result.report.files[0].messages[0].severity).toBe('info')
  })
})

describe('unknown names in flags', () => {
  it('an unknown --rule name warns on one line and does not fail', () => {
    const dir = project({'copy.txt': lockIn})
    const result = findings(dir, ['copy.txt', '--rule', 'coercion/nope=off', '--fail-on', 'error'])
    expect(result.code).toBe(0)
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^trouw: `--rule coercion\/nope` is not a known rule/)])
  })
})

describe('files: folders, globs and .trouwignore', () => {
  it('a folder is searched for copy files by extension, skipping node_modules', () => {
    const dir = project({
      'copy/a.md': lockIn,
      'copy/b.html': `<p>${lockIn}</p>`,
      'copy/nested/c.mjml': `<mjml><mj-body><mj-section><mj-column><mj-text>${lockIn}</mj-text></mj-column></mj-section></mj-body></mjml>`,
      'copy/d.txt': lockIn,
      'copy/e.markdown': lockIn,
      'copy/f.htm': `<p>${lockIn}</p>`,
      'copy/script.js': 'const minimumTerm = "minimum term"\n',
      'copy/node_modules/x/readme.md': lockIn
    })
    const {byPath} = findings(dir, ['copy'])
    expect(Object.keys(byPath).sort()).toEqual(
      ['copy/a.md', 'copy/b.html', 'copy/d.txt', 'copy/e.markdown', 'copy/f.htm', 'copy/nested/c.mjml'].map((name) => path.join(...name.split('/')))
    )
    for (const found of Object.values(byPath)) expect(found).toEqual(['coercion/minimum-term'])
  })

  it('a file reached twice (its folder and itself) is checked and reported once', () => {
    const dir = project({'copy/a.md': lockIn, 'copy/b.md': lockIn})
    const {report} = findings(dir, ['copy', 'copy/', 'copy/a.md'])
    expect(report.files.map((file: {path: string}) => file.path).sort()).toEqual([path.join('copy', 'a.md'), path.join('copy', 'b.md')])
  })

  it('globs are expanded by trouw', () => {
    const dir = project({'mails/a.md': lockIn, 'mails/b.md': lockIn, 'mails/c.txt': lockIn, 'other/d.md': lockIn})
    const {byPath} = findings(dir, ['mails/*.md'])
    expect(Object.keys(byPath).sort()).toEqual([path.join('mails', 'a.md'), path.join('mails', 'b.md')])
  })

  it('.trouwignore skips files in folders and globs', () => {
    const dir = project({
      '.trouwignore': '# drafts are not checked\ndrafts/\n*.draft.md\n',
      'copy/a.md': lockIn,
      'copy/b.draft.md': lockIn,
      'drafts/c.md': lockIn
    })
    expect(Object.keys(findings(dir, ['.']).byPath)).toEqual([path.join('copy', 'a.md')])
    expect(Object.keys(findings(dir, ['**/*.md']).byPath)).toEqual([path.join('copy', 'a.md')])
    expect(Object.keys(findings(dir, ['.', '--no-ignore']).byPath).sort()).toEqual(
      [path.join('copy', 'a.md'), path.join('copy', 'b.draft.md'), path.join('drafts', 'c.md')].sort()
    )
  })

  it('a pattern that matches nothing is an error, exit 2', () => {
    const dir = project({'a.md': lockIn})
    const result = run(dir, ['check', 'nothing/*.md'])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/no file to check in `nothing\/\*\.md`/)
  })
})

describe('validateConfig and resolveSettings', () => {
  const known = knownRuleNames(loadRules().rules)

  it('accepts every key and keeps unknown rule names with a warning', () => {
    const warnings: string[] = []
    const config = validateConfig(
      {lang: 'nl', rules: {coercion: 'error', 'made/up': 'off', spelling: 'info'}, allow: ['x'], words: ['Trouwbox'], spell: true, minEsp: 50, failOn: 'info'},
      '.trouwrc.json',
      known,
      (line) => warnings.push(line)
    )
    expect(config.rules).toEqual({coercion: 'error', 'made/up': 'off', spelling: 'info'})
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('`rules.made/up`')
  })

  it('throws a ConfigError that prints as one line', () => {
    expect(() => validateConfig({rules: {coercion: 'loud'}}, '.trouwrc.json', known)).toThrow(ConfigError)
    try {
      validateConfig({rules: {coercion: 'loud'}}, '.trouwrc.json', known)
    } catch (error) {
      expect(String(error)).toBe('.trouwrc.json: `rules.coercion` must be off, info, warning or error (got `loud`)')
    }
  })

  it('flags win, rules merge per key, allow and words add up', () => {
    const settings = resolveSettings(
      {lang: 'nl', rules: {coercion: 'off', 'over-the-top': 'error'}, allow: ['a'], words: ['w'], spell: true, minEsp: 40},
      {lang: 'en', rules: {coercion: 'info'}, allow: ['b'], words: ['v'], spell: false}
    )
    expect(settings).toMatchObject({
      lang: 'en',
      rules: {coercion: 'info', 'over-the-top': 'error'},
      allow: ['a', 'b'],
      words: ['w', 'v'],
      spell: false,
      minEsp: 40,
      failOn: 'warning'
    })
    expect(resolveSettings(null, null)).toMatchObject({lang: 'auto', rules: {}, allow: [], spell: false, failOn: 'warning'})
  })
})
