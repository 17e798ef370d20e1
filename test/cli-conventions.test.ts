/**
 * The conventions alex, Vale and ESLint users type first: `-` and `--stdin`
 * for standard input, `--quiet`, `--color`/`--no-color` (and `NO_COLOR`,
 * `FORCE_COLOR`), "did you mean" for options and commands, `trouw FILE`,
 * and a language notice that quotes nothing when there is nothing to quote.
 * The built bin in a child process, as a user runs it.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {didYouMean, editDistance} from '../src/cli/args.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')
let dir: string

const lockIn = 'Your membership has a minimum term of 12 months.\n'
/** Only an info finding (a generic claim), no warning. */
const generic = 'Top quality at the best price.\n'
const clean = 'Thanks for your order, Sam. It ships from our Leiden shop on Monday.\n'

/** The environment without colour settings, so each test sets its own. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = {...process.env}
  delete env.NO_COLOR
  delete env.FORCE_COLOR
  delete env.CI
  return {...env, ...extra}
}

function run(args: string[], input = '', env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [bin, ...args], {cwd: dir, input, encoding: 'utf8', timeout: 20000, env: plainEnv(env)})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trouw-conventions-'))
  writeFileSync(path.join(dir, 'lock.txt'), lockIn)
  writeFileSync(path.join(dir, 'generic.txt'), generic)
  writeFileSync(path.join(dir, 'clean.txt'), clean)
  writeFileSync(path.join(dir, '.trouwrc.json'), '{}')
})

describe('standard input: - and --stdin', () => {
  it('`-` reads the copy from stdin, as no file does', () => {
    const dash = run(['check', '-', '--format', 'json'], lockIn)
    const none = run(['check', '--format', 'json'], lockIn)
    expect(dash.code).toBe(1)
    expect(dash.stdout).toBe(none.stdout)
    expect(JSON.parse(dash.stdout).files[0].path).toBe('<stdin>')
  })

  it('`--stdin` reads the copy from stdin', () => {
    const result = run(['check', '--stdin', '--format', 'json'], lockIn)
    expect(result.code).toBe(1)
    expect(JSON.parse(result.stdout).files[0].messages.map((message: {ruleId: string}) => message.ruleId)).toContain('coercion/minimum-term')
  })

  it('stdin and files together is a usage error', () => {
    for (const args of [['check', '-', 'lock.txt'], ['check', '--stdin', 'lock.txt']]) {
      const result = run(args, lockIn)
      expect(result.code).toBe(2)
      expect(result.stderr).toMatch(/^trouw: read standard input \(`-` or `--stdin`\) or files, not both/)
    }
    expect(run(['check', '-', '--watch'], lockIn).stderr).toMatch(/`--watch` watches files/)
  })
})

describe('--quiet', () => {
  it('reports warnings and errors only, and nothing of clean files', () => {
    const loud = run(['check', 'lock.txt', 'generic.txt', 'clean.txt', '--format', 'text'])
    expect(loud.stdout).toMatch(/^generic\.txt: /m)
    expect(loud.stdout).toMatch(/^clean\.txt: /m)
    expect(loud.stdout).toMatch(/ {2}info {2}/)

    const quiet = run(['check', 'lock.txt', 'generic.txt', 'clean.txt', '--format', 'text', '--quiet'])
    expect(quiet.code).toBe(loud.code)
    expect(quiet.stdout).toMatch(/^lock\.txt: /m)
    expect(quiet.stdout).toMatch(/lock\.txt:1:\d+-1:\d+ {2}warning {2}.*coercion\/minimum-term/)
    expect(quiet.stdout).not.toMatch(/^generic\.txt|^clean\.txt| {2}info {2}/m)
  })

  it('keeps the exit code of every finding: --fail-on info still fails on a hidden info', () => {
    const result = run(['check', 'generic.txt', '-q', '--fail-on', 'info', '--format', 'json'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.files[0].messages).toEqual([])
    expect(report.pass).toBe(false)
  })

  it('leaves clean files out of the pretty report too', () => {
    const result = run(['check', 'lock.txt', 'clean.txt', '--format', 'pretty', '--quiet', '--no-color'])
    expect(result.stdout).toMatch(/^lock\.txt/m)
    expect(result.stdout).not.toMatch(/^clean\.txt/m)
    expect(result.stdout).toMatch(/2 files/)
  })
})

describe('--color, --no-color, NO_COLOR, FORCE_COLOR', () => {
  const escape = /\u001B\[/

  it('a pipe gets plain text; --color gets the pretty report in colour', () => {
    const plain = run(['check', 'lock.txt'])
    expect(plain.stdout).toMatch(/^lock\.txt: en, text, esp/)
    expect(plain.stdout).not.toMatch(escape)
    const colour = run(['check', 'lock.txt', '--color'])
    expect(colour.stdout).toMatch(escape)
    expect(colour.stdout).toMatch(/ESP/)
  })

  it('--no-color draws the pretty report without colour, marking spans with ^', () => {
    const result = run(['check', 'lock.txt', '--format', 'pretty', '--no-color'], '', {FORCE_COLOR: '1'})
    expect(result.stdout).not.toMatch(escape)
    expect(result.stdout).toMatch(/\^{12}/)
  })

  it('FORCE_COLOR colours the pretty report on a pipe; NO_COLOR does not', () => {
    expect(run(['check', 'lock.txt', '--format', 'pretty'], '', {FORCE_COLOR: '1'}).stdout).toMatch(escape)
    expect(run(['check', 'lock.txt', '--format', 'pretty'], '', {NO_COLOR: '1'}).stdout).not.toMatch(escape)
  })

  it('--color and --no-color together is a usage error', () => {
    const result = run(['check', 'lock.txt', '--color', '--no-color'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/not both/)
  })
})

describe('did you mean', () => {
  it('a misspelt option names the nearest one', () => {
    for (const [typed, meant] of [['--fromat', '--format'], ['--quite', '--quiet'], ['--colour', '--color'], ['--min-eps', '--min-esp'], ['--no-colour', '--no-color']]) {
      const result = run(['check', typed, 'x', 'lock.txt'])
      expect(result.code).toBe(2)
      expect(result.stderr).toBe(`trouw: unknown option \`${typed}\`: did you mean \`${meant}\`? (see \`trouw check --help\`)\n`)
    }
  })

  it('an option far from every other is named without a guess', () => {
    const result = run(['check', '--banana', 'lock.txt'])
    expect(result.stderr).toBe('trouw: unknown option `--banana` (see `trouw check --help`)\n')
  })

  it('a misspelt command names the nearest one, with the rest of the line', () => {
    const result = run(['chekc', 'lock.txt', '--lang', 'en'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('trouw: unknown command `chekc`: did you mean `trouw check lock.txt --lang en`? (see `trouw --help`)\n')
    expect(run(['expain', 'coercion']).stderr).toMatch(/did you mean `trouw explain coercion`\?/)
    expect(run(['banana']).stderr).toBe('trouw: unknown command `banana`: use check, explain, lsp, review, serve (see `trouw --help`)\n')
  })

  it('`trouw FILE` is answered with `trouw check FILE`', () => {
    const result = run(['lock.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe('trouw: unknown command `lock.txt`: did you mean `trouw check lock.txt`? (see `trouw --help`)\n')
    expect(run(['mails/', '--format', 'json']).stderr).toMatch(/did you mean `trouw check mails\/ --format json`\?/)
  })

  it('a check option before the command points at `trouw check`', () => {
    expect(run(['--format', 'json', 'lock.txt']).stderr).toMatch(/^trouw: `--format` is an option of a command: did you mean `trouw check --format json lock\.txt`\?/)
  })

  it('edit distance: insert, delete, replace and swapped neighbours count one each', () => {
    expect(editDistance('check', 'check')).toBe(0)
    expect(editDistance('chek', 'check')).toBe(1)
    expect(editDistance('chekc', 'check')).toBe(1)
    expect(editDistance('serv', 'serve')).toBe(1)
    expect(editDistance('', 'lsp')).toBe(3)
    expect(didYouMean('lps', ['check', 'lsp'])).toBe('lsp')
    expect(didYouMean('xyz', ['check', 'lsp'])).toBeUndefined()
    expect(didYouMean('check', ['check'])).toBeUndefined()
  })
})

describe('the language notice', () => {
  it('quotes nothing (no empty backticks) when copy is too short to tell', () => {
    const result = run(['check', '--format', 'text'], 'Hi.\n')
    const notice = result.stdout.split('\n').find((line) => line.includes('trouw/language'))
    expect(notice).toMatch(/ {2}info {2}Could not tell whether this is English or Dutch/)
    expect(notice).not.toMatch(/``/)
  })

  it('is not given for copy without words (numbers, signs)', () => {
    const result = run(['check', '--format', 'json'], '12 34 €5 — 10:30\n')
    expect(JSON.parse(result.stdout).files[0].messages).toEqual([])
  })

  it('is not given when the language is chosen', () => {
    const result = run(['check', '--format', 'json', '--lang', 'en'], 'Hi.\n')
    expect(JSON.parse(result.stdout).files[0].messages).toEqual([])
  })
})
