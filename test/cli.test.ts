/**
 * The `trouw` command as a user runs it: the built bin in a child process.
 * Exit codes, stdin, report formats, and every bad-input case: a one-line
 * error that names the file and what to do, exit 2, no stack trace, no hang.
 */
import {beforeAll, describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')
let dir: string

function run(args: string[], input?: string | Buffer) {
  const result = spawnSync(process.execPath, [bin, ...args], {input: input ?? '', encoding: 'utf8', timeout: 20000})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name)
  writeFileSync(file, content)
  return file
}

/** A one-line error that names the file, exit 2, no stack trace. */
function expectInputError(result: ReturnType<typeof run>, file: string, hint: RegExp) {
  expect(result.code).toBe(2)
  const lines = result.stderr.trim().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toContain(file)
  expect(lines[0]).toMatch(hint)
  expect(result.stderr).not.toMatch(/\n\s+at /)
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'trouw-cli-'))
})

describe('exit codes and reports', () => {
  it('exit 0 on clean copy, 1 on findings, text report when not a terminal', () => {
    const clean = write('clean.txt', 'Thanks for your order. It ships on Monday.\n')
    const bad = write('bad.txt', 'Your membership has a minimum term of 12 months.\n')
    expect(run(['check', clean]).code).toBe(0)
    const result = run(['check', bad])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`${bad}:1:`)
    expect(result.stdout).toContain('coercion/minimum-term')
  })

  it('reads stdin when no file is given', () => {
    const result = run(['check', '--lang', 'nl', '--format', 'json'], 'Er geldt een minimale looptijd van een jaar.')
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout)
    expect(report.files[0].path).toBe('<stdin>')
    expect(report.files[0].language).toBe('nl')
  })

  it('--fail-on error lets warnings pass; --min-esp fails a low score', () => {
    const bad = write('bad2.txt', 'Your membership has a minimum term of 12 months.\n')
    expect(run(['check', bad, '--fail-on', 'error']).code).toBe(0)
    expect(run(['check', bad, '--fail-on', 'error', '--min-esp', '100']).code).toBe(1)
  })

  it('--format github and sarif', () => {
    const bad = write('bad3.txt', 'Your membership has a minimum term of 12 months.\n')
    const github = run(['check', bad, '--format', 'github'])
    expect(github.stdout).toMatch(/^::warning file=.*bad3\.txt,line=1,col=\d+,endLine=1,endColumn=\d+,title=trouw coercion\/minimum-term::/m)
    const sarif = JSON.parse(run(['check', bad, '--format', 'sarif']).stdout)
    expect(sarif.version).toBe('2.1.0')
    expect(sarif.runs[0].results[0].ruleId).toBe('coercion/minimum-term')
  })

  it('explain prints a rule and lists a category', () => {
    const rule = run(['explain', 'coercion/minimum-term'])
    expect(rule.code).toBe(0)
    expect(rule.stdout).toContain('✗')
    expect(run(['explain', 'coercion']).stdout).toContain('coercion/minimum-term')
    expect(run(['explain', 'nope']).code).toBe(2)
  })

  it('--help and --version', () => {
    expect(run(['--help']).stdout).toContain('Usage:')
    expect(run(['check', '--help']).stdout).toContain('--min-esp')
    expect(run(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+/)
  })
})

describe('bad input', () => {
  it('a binary file', () => {
    const file = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]))
    expectInputError(run(['check', file]), file, /binary/)
  })

  it('invalid UTF-8', () => {
    const file = write('latin1.txt', Buffer.from('Caf\xe9 met korting\n', 'latin1'))
    expectInputError(run(['check', file]), file, /UTF-8/)
  })

  it('an empty file', () => {
    const file = write('empty.md', '')
    expectInputError(run(['check', file]), file, /empty/)
  })

  it('a 50 MB file is refused with what to do', () => {
    const file = write('huge.txt', Buffer.alloc(50 * 1024 * 1024, 'Buy now. '))
    const result = run(['check', file])
    expectInputError(result, file, /split/)
  })

  it('a missing file', () => {
    const file = path.join(dir, 'nope.txt')
    expectInputError(run(['check', file]), file, /no such file/)
  })

  it('broken MIME', () => {
    const file = write('broken.eml', 'this is not a mail at all\x00\x01')
    const result = run(['check', file])
    expect(result.code).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toContain(file)
  })

  it('broken HTML still gets checked', () => {
    const file = write('broken.html', '<p>Your membership has a <b>minimum term</i> of 12 months<td><p>Thanks!')
    const result = run(['check', file])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('coercion/minimum-term')
  })

  it('an unknown option and an unknown command', () => {
    const option = run(['check', '--colour', 'x.txt'])
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/--colour/)
    expect(option.stderr.trim().split('\n')).toHaveLength(1)
    const command = run(['chekc'])
    expect(command.code).toBe(2)
    expect(command.stderr).toMatch(/unknown command `chekc`/)
  })

  it('a bad option value', () => {
    const result = run(['check', '--lang', 'de', 'x.txt'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/--lang.*en, nl, auto/)
  })

  it('one bad file among good ones: the good ones are still reported, exit 2', () => {
    const good = write('good.txt', 'Your membership has a minimum term of 12 months.\n')
    const missing = path.join(dir, 'missing.txt')
    const result = run(['check', good, missing, '--format', 'json'])
    expect(result.code).toBe(2)
    expect(JSON.parse(result.stdout).files).toHaveLength(1)
    expect(result.stderr).toContain(missing)
  })
})

describe('--watch', () => {
  it('checks again once after a save, then stops when killed', async () => {
    const {spawn} = await import('node:child_process')
    const {setTimeout: sleep} = await import('node:timers/promises')
    const file = write('watched.txt', 'Thanks for your order.\n')
    const child = spawn(process.execPath, [bin, 'check', '--watch', '--format', 'json', file], {stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const reports = () => stdout.split(/^\{$/m).length - 1
    const waitFor = async (test: () => boolean) => {
      for (let tries = 0; tries < 200 && !test(); tries++) await sleep(50)
      return test()
    }
    try {
      expect(await waitFor(() => reports() === 1 && /watching/.test(stderr))).toBe(true)
      expect(stdout).not.toContain('coercion/minimum-term')
      writeFileSync(file, 'Your membership has a minimum term of 12 months.\n')
      expect(await waitFor(() => reports() === 2 && (stderr.match(/watching/g) ?? []).length === 2)).toBe(true)
      expect(stdout.split(/^\{$/m)[2]).toContain('coercion/minimum-term')
      // Debounced: one save, one check.
      await sleep(600)
      expect(reports()).toBe(2)
    } finally {
      child.kill()
    }
    const code = await new Promise((resolve) => child.on('exit', (exitCode, signal) => resolve(signal ?? exitCode)))
    expect(code).toBe('SIGTERM')
  }, 60000)
})

describe('progress and help', () => {
  async function inProcess(args: string[], stderrIsTTY: boolean) {
    const {runCli} = await import('../src/cli/run.js')
    const {PassThrough} = await import('node:stream')
    let out = ''
    let err = ''
    const stdout = Object.assign(new PassThrough(), {isTTY: false})
    const stderr = Object.assign(new PassThrough(), {isTTY: stderrIsTTY, columns: 100})
    stdout.on('data', (chunk) => (out += chunk))
    stderr.on('data', (chunk) => (err += chunk))
    const code = await runCli(args, {stdin: new PassThrough(), stdout, stderr})
    return {code, stdout: out, stderr: err}
  }

  it('a progress line on a terminal when more than 20 files are checked, cleared at the end', async () => {
    const folder = path.join(dir, 'many')
    const {mkdirSync} = await import('node:fs')
    mkdirSync(folder, {recursive: true})
    for (let index = 0; index < 25; index++) writeFileSync(path.join(folder, `mail-${index}.md`), `Thanks for order ${index}.\n`)
    const terminal = await inProcess(['check', '--format', 'json', folder], true)
    expect(terminal.code).toBe(0)
    expect(terminal.stderr).toContain('25/25 files')
    expect(terminal.stderr.endsWith('\r\x1b[K')).toBe(true)
    expect(JSON.parse(terminal.stdout).files).toHaveLength(25)
    expect((await inProcess(['check', '--format', 'json', folder], false)).stderr).toBe('')
    const few = await inProcess(['check', '--format', 'json', path.join(folder, 'mail-1.md'), path.join(folder, 'mail-2.md')], true)
    expect(few.stderr).toBe('')
  })

  it('the help names every option', () => {
    const text = run(['check', '--help']).stdout
    for (const option of ['--lang', '--format', '--format-in', '--fail-on', '--min-esp', '--rule', '--allow', '--spell', '--no-spell', '--word', '--config', '--no-config', '--no-ignore', '--max-size', '--watch', '--help', '.trouwignore', '.trouwrc.yaml', '<!--trouw ignore']) {
      expect(text).toContain(option)
    }
  })
})

describe('the installed commands', () => {
  it('are executable files after the build, so `npx trouw` runs on a fresh clone', async () => {
    const {readFileSync, statSync} = await import('node:fs')
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    for (const file of Object.values(manifest.bin)) {
      expect(statSync(path.join(root, file)).mode & 0o111, file).not.toBe(0)
    }
  })

  it('runs the README\'s first command: the example email has findings (exit 1)', () => {
    const result = spawnSync(path.join(root, 'dist', 'cli', 'bin.js'), ['check', path.join(root, 'examples', 'zomeractie-nl.html'), '--format', 'json'], {encoding: 'utf8', timeout: 20000})
    expect(result.status).toBe(1)
    expect(JSON.parse(result.stdout).files[0].messages.length).toBeGreaterThan(0)
  })
})
