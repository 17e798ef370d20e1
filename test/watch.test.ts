/**
 * `trouw check --watch` checks again only for the files that took part:
 * other files changing in the same folder do not count, and a report
 * written beside the checked file (`trouw check a.md --watch > out.txt`)
 * does not make it check again and again. In a given folder, a new file
 * trouw looks for does count. The built bin in a child process.
 */
import {afterEach, describe, expect, it} from 'vitest'
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')
const children: ChildProcess[] = []

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill()
      await new Promise((resolve) => child.once('exit', resolve))
    }
  }
})

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trouw-watch-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), {recursive: true})
    writeFileSync(path.join(dir, name), content)
  }
  return dir
}

/** Start `trouw check … --watch` in `cwd`; stdout to a pipe, or to a file when `stdoutFile` is given. */
function watchIn(cwd: string, args: string[], stdoutFile?: string) {
  const fd = stdoutFile ? openSync(path.join(cwd, stdoutFile), 'w') : undefined
  const child = spawn(process.execPath, [bin, 'check', ...args, '--watch'], {cwd, stdio: ['ignore', fd ?? 'pipe', 'pipe']})
  if (fd !== undefined) closeSync(fd)
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  /** Completed checks: one "watching" line on stderr after each. */
  const checks = () => (stderr.match(/^trouw: watching /gm) ?? []).length
  const waitFor = async (test: () => boolean, ms = 10_000) => {
    for (let waited = 0; waited < ms && !test(); waited += 50) await sleep(50)
    return test()
  }
  return {child, checks, waitFor, stdout: () => stdout, stderr: () => stderr}
}

const thanks = 'Thanks for your order, Sam.\n'
const lockIn = 'Your membership has a minimum term of 12 months.\n'

describe('--watch re-checks only what took part', () => {
  it('other files changing in the folder of a given file cause no check', async () => {
    const dir = folder({'a.md': thanks, 'other.md': thanks, 'notes.txt': 'x\n', 'sub/deep.html': '<p>hi</p>\n'})
    const watching = watchIn(dir, ['a.md', '--format', 'json'])
    expect(await watching.waitFor(() => watching.checks() === 1)).toBe(true)
    for (let round = 0; round < 3; round++) {
      writeFileSync(path.join(dir, 'other.md'), lockIn + round)
      writeFileSync(path.join(dir, 'notes.txt'), `note ${round}\n`)
      writeFileSync(path.join(dir, 'sub/deep.html'), `<p>${round}</p>\n`)
      writeFileSync(path.join(dir, `new-${round}.md`), lockIn)
      await sleep(100)
    }
    await sleep(1000)
    expect(watching.checks()).toBe(1)

    // The given file itself does count: one save, one check.
    writeFileSync(path.join(dir, 'a.md'), lockIn)
    expect(await watching.waitFor(() => watching.checks() === 2)).toBe(true)
    expect(watching.stdout()).toContain('coercion/minimum-term')
    await sleep(800)
    expect(watching.checks()).toBe(2)
  }, 30_000)

  it('`trouw check a.md --watch > out.txt` writes one report and does not loop', async () => {
    const dir = folder({'a.md': lockIn})
    const watching = watchIn(dir, ['a.md'], 'out.txt')
    expect(await watching.waitFor(() => watching.checks() === 1)).toBe(true)
    await sleep(2000)
    expect(watching.checks()).toBe(1)
    const out = readFileSync(path.join(dir, 'out.txt'), 'utf8')
    expect(out.match(/^a\.md: en, markdown, esp/gm)).toHaveLength(1)
  }, 30_000)

  it('a configuration file created beside the given file counts', async () => {
    const dir = folder({'a.md': lockIn})
    const watching = watchIn(dir, ['a.md', '--format', 'json'])
    expect(await watching.waitFor(() => watching.checks() === 1)).toBe(true)
    writeFileSync(path.join(dir, '.trouwrc.json'), '{"rules": {"coercion": "off"}}')
    expect(await watching.waitFor(() => watching.checks() === 2)).toBe(true)
    const last = watching.stdout().split(/^\{$/m).at(-1)!
    expect(last).not.toContain('coercion/minimum-term')
  }, 30_000)

  it('in a given folder: a new file trouw looks for counts; other files do not', async () => {
    const dir = folder({'copy/a.md': thanks, 'copy/data.json': '{}', 'copy/node_modules/x/readme.md': thanks})
    const watching = watchIn(dir, ['copy', '--format', 'json'])
    expect(await watching.waitFor(() => watching.checks() === 1)).toBe(true)
    writeFileSync(path.join(dir, 'copy/data.json'), '{"a": 1}')
    writeFileSync(path.join(dir, 'copy/picture.png'), 'not a picture')
    writeFileSync(path.join(dir, 'copy/node_modules/x/readme.md'), lockIn)
    await sleep(1000)
    expect(watching.checks()).toBe(1)
    writeFileSync(path.join(dir, 'copy/b.md'), lockIn)
    expect(await watching.waitFor(() => watching.checks() === 2)).toBe(true)
    expect(watching.stdout().split(/^\{$/m).at(-1)).toContain('copy/b.md')
    // And the new file, now checked, counts when saved.
    writeFileSync(path.join(dir, 'copy/b.md'), thanks)
    expect(await watching.waitFor(() => watching.checks() === 3)).toBe(true)
  }, 30_000)

  it('for a glob: a new file it matches counts, one it does not match does not', async () => {
    const dir = folder({'copy/a.md': thanks, 'copy/sub/deep.md': thanks})
    const watching = watchIn(dir, ['copy/*.md', '--format', 'json'])
    expect(await watching.waitFor(() => watching.checks() === 1)).toBe(true)
    writeFileSync(path.join(dir, 'copy/notes.txt'), lockIn)
    writeFileSync(path.join(dir, 'copy/sub/new.md'), lockIn)
    await sleep(1000)
    expect(watching.checks()).toBe(1)
    writeFileSync(path.join(dir, 'copy/b.md'), lockIn)
    expect(await watching.waitFor(() => watching.checks() === 2)).toBe(true)
    const last = watching.stdout().split(/^\{$/m).at(-1)!
    expect(last).toContain('copy/b.md')
    expect(last).toContain('coercion/minimum-term')
    expect(last).not.toContain('copy/sub/new.md')
  }, 30_000)
})
