/**
 * What the CLI refuses to read, with one line and exit 2: a FIFO (given or
 * inside a folder), a device (`/dev/zero`, also on stdin, where it is cut
 * at the limit), a link loop, an unreadable file or folder (as `nobody`
 * when the tests run as root), a closed or unreadable stdin; and a
 * folder that links to itself is checked once.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {checkFile, readInput} from '../src/check-file.js'
import {InputError} from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/cli/bin.js')
const copy = 'Our spring range is in: linen shirts, made in Porto.\n'

/**
 * Who runs the CLI in the permission tests: root reads every file whatever
 * its mode, so as root the CLI runs as `nobody` there (else the test could
 * not fail).
 */
const reader = process.getuid?.() === 0 ? {uid: 65_534, gid: 65_534} : {}

function run(args: string[], options: {cwd: string; shell?: string; as?: {uid?: number; gid?: number}}) {
  const result = options.shell
    ? spawnSync('/bin/sh', ['-c', options.shell], {cwd: options.cwd, encoding: 'utf8', timeout: 60_000})
    : spawnSync(process.execPath, [bin, ...args], {cwd: options.cwd, encoding: 'utf8', timeout: 60_000, input: '', ...options.as})
  return {status: result.status, stdout: result.stdout, lines: result.stderr.trim().split('\n').filter(Boolean)}
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0
}

const folder = mkdtempSync(path.join(os.tmpdir(), 'trouw-reading-'))
// Open to other users: the permission tests run the CLI as `nobody` when the tests run as root.
chmodSync(folder, 0o755)

describe('the CLI reads with limits', () => {
  it('refuses a FIFO given by name, without waiting for a writer', () => {
    const fifo = path.join(folder, 'pipe.txt')
    if (!mkfifo(fifo)) return
    const result = run(['check', 'pipe.txt'], {cwd: folder})
    expect(result.status).toBe(2)
    expect(result.lines).toEqual(['trouw: pipe.txt: is a named pipe (FIFO), not a file: pipe the copy to trouw on stdin, or save it to a file'])
  })

  it('refuses a FIFO inside a scanned folder, and checks the rest', () => {
    const scanned = path.join(folder, 'scanned')
    mkdirSync(scanned)
    writeFileSync(path.join(scanned, 'mail.md'), copy)
    if (!mkfifo(path.join(scanned, 'pipe.md'))) return
    // Not a checked extension: skipped like any other file.
    mkfifo(path.join(scanned, 'pipe.log'))
    const result = run(['check', 'scanned', '--format', 'json'], {cwd: folder})
    expect(result.status).toBe(2)
    expect(result.lines).toEqual([`trouw: ${path.join('scanned', 'pipe.md')}: is a named pipe (FIFO), not a file: pipe the copy to trouw on stdin, or save it to a file`])
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual([path.join('scanned', 'mail.md')])
  })

  it('refuses a FIFO that a glob matches', () => {
    const globbed = path.join(folder, 'globbed')
    mkdirSync(globbed)
    writeFileSync(path.join(globbed, 'a.txt'), copy)
    if (!mkfifo(path.join(globbed, 'b.txt'))) return
    const result = run(['check', 'globbed/*.txt', '--format', 'json'], {cwd: folder})
    expect(result.status).toBe(2)
    expect(result.lines).toEqual(['trouw: globbed/b.txt: is a named pipe (FIFO), not a file: pipe the copy to trouw on stdin, or save it to a file'])
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual(['globbed/a.txt'])
  })

  it('refuses /dev/zero as a file, and cuts it at the limit on stdin', () => {
    const given = run(['check', '/dev/zero'], {cwd: folder})
    expect(given.status).toBe(2)
    expect(given.lines).toEqual(['trouw: /dev/zero: is a device, not a file: pass a file, or pipe the copy to trouw on stdin'])
    const piped = run([], {cwd: folder, shell: `"${process.execPath}" "${bin}" check --format text < /dev/zero`})
    expect(piped.status).toBe(2)
    expect(piped.lines).toEqual(['trouw: <stdin>: is more than the limit of 10 MB: split it into smaller files, or raise the limit with `--max-size MB`'])
  })

  it('--max-size raises or lowers the limit for files and stdin', () => {
    // 10.5 MB that would take a while to check: with the limit raised, the next check (binary data) refuses it at once.
    const big = Buffer.alloc(Math.ceil(10.5 * 1024 * 1024), 'a')
    big[100] = 0
    writeFileSync(path.join(folder, 'big.txt'), big)
    const refused = run(['check', 'big.txt', '--format', 'json'], {cwd: folder})
    expect(refused.status).toBe(2)
    expect(refused.lines).toEqual(['trouw: big.txt: is 10.5 MB, more than the limit of 10 MB: split it into smaller files, or raise the limit with `--max-size MB`'])
    const raised = run(['check', 'big.txt', '--format', 'json', '--max-size', '11'], {cwd: folder})
    expect(raised.status).toBe(2)
    expect(raised.lines).toEqual(['trouw: big.txt: is a binary file, not copy: pass a text, Markdown, HTML, MJML or .eml file'])
    // A lower limit refuses a small file, given or on stdin.
    writeFileSync(path.join(folder, 'small.txt'), copy.repeat(40))
    expect(run(['check', 'small.txt', '--format', 'json'], {cwd: folder}).status).toBe(0)
    const lowered = run(['check', 'small.txt', '--format', 'json', '--max-size', '0.001'], {cwd: folder})
    expect(lowered.status).toBe(2)
    expect(lowered.lines).toEqual(['trouw: small.txt: is 2.1 KB, more than the limit of 1 KB: split it into smaller files, or raise the limit with `--max-size MB`'])
    const piped = run([], {cwd: folder, shell: `"${process.execPath}" "${bin}" check --format text --max-size 0.001 < small.txt`})
    expect(piped.status).toBe(2)
    expect(piped.lines).toEqual(['trouw: <stdin>: is more than the limit of 1 KB: split it into smaller files, or raise the limit with `--max-size MB`'])
  })

  it('refuses a --max-size that is not a size', () => {
    for (const value of ['0', '-3', 'ten', '']) {
      const result = run(['check', 'x.txt', `--max-size=${value}`], {cwd: folder})
      expect(result.status).toBe(2)
      expect(result.lines).toEqual([`trouw: \`--max-size\` takes a size in MB greater than 0, e.g. \`--max-size 64\` (got \`${value}\`) (see \`trouw check --help\`)`])
    }
  })

  it('stops quietly when the reader of its output goes away (`| head`)', () => {
    const many = path.join(folder, 'many.txt')
    writeFileSync(many, 'We are SO HAPPY!!! Only 2 left, act now!\n\n'.repeat(400))
    // The shell's pipe closes after one byte; the report is far longer than the pipe holds.
    const result = run([], {cwd: folder, shell: `"${process.execPath}" "${bin}" check many.txt --format json | head -c 1 > /dev/null; echo done`})
    expect(result.stdout.trim()).toBe('done')
    expect(result.lines.join('\n')).not.toMatch(/EPIPE|Unhandled|throw/)
  })

  it('gives one line for a closed stdin', () => {
    const result = run([], {cwd: folder, shell: `"${process.execPath}" "${bin}" check --format text <&-`})
    expect(result.status).toBe(2)
    // Node gives a process whose stdin is closed /dev/null in its place: nothing to read.
    expect(result.lines).toEqual(['trouw: <stdin>: is empty: there is no copy to check'])
    // A stdin that cannot be read at all (opened for writing only): the read fails with EBADF.
    const unreadable = run([], {cwd: folder, shell: `"${process.execPath}" "${bin}" check --format text 0>>write-only.txt`})
    expect(unreadable.status).toBe(2)
    expect(unreadable.lines).toEqual(['trouw: <stdin>: cannot be read (EBADF): pipe the copy to trouw, or pass files to check'])
  })

  it('names a symbolic link loop', () => {
    symlinkSync('loop-b.txt', path.join(folder, 'loop-a.txt'))
    symlinkSync('loop-a.txt', path.join(folder, 'loop-b.txt'))
    const result = run(['check', 'loop-a.txt'], {cwd: folder})
    expect(result.status).toBe(2)
    expect(result.lines).toEqual(['trouw: loop-a.txt: is a loop of symbolic links: fix or remove the link'])
  })

  it('checks a folder that links to itself once', () => {
    const selfish = path.join(folder, 'selfish')
    mkdirSync(selfish)
    writeFileSync(path.join(selfish, 'mail.txt'), copy)
    symlinkSync('.', path.join(selfish, 'again'))
    mkdirSync(path.join(selfish, 'inner'))
    writeFileSync(path.join(selfish, 'inner', 'more.txt'), copy)
    symlinkSync('..', path.join(selfish, 'inner', 'back'))
    const result = run(['check', 'selfish', '--format', 'json'], {cwd: folder})
    expect(result.status).toBe(0)
    expect(result.lines).toEqual([])
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual([path.join('selfish', 'inner', 'more.txt'), path.join('selfish', 'mail.txt')])
  })

  it('names a file it may not read', () => {
    const secret = path.join(folder, 'secret.txt')
    writeFileSync(secret, copy)
    chmodSync(secret, 0)
    const result = run(['check', 'secret.txt'], {cwd: folder, as: reader})
    expect(result.status).toBe(2)
    expect(result.lines).toEqual(['trouw: secret.txt: cannot be read: check its permissions (chmod u+r)'])
  })

  it('names a file and a folder it may not read inside a scanned folder, and checks the rest', () => {
    const scanned = path.join(folder, 'guarded')
    mkdirSync(path.join(scanned, 'locked'), {recursive: true})
    writeFileSync(path.join(scanned, 'open.txt'), copy)
    writeFileSync(path.join(scanned, 'closed.txt'), copy)
    writeFileSync(path.join(scanned, 'locked', 'inside.txt'), copy)
    chmodSync(path.join(scanned, 'closed.txt'), 0)
    chmodSync(path.join(scanned, 'locked'), 0)
    const result = run(['check', 'guarded', '--format', 'json'], {cwd: folder, as: reader})
    expect(result.status).toBe(2)
    expect(result.lines.sort()).toEqual([
      `trouw: ${path.join('guarded', 'closed.txt')}: cannot be read: check its permissions (chmod u+r)`,
      `trouw: ${path.join('guarded', 'locked')}: cannot be read: check its permissions (chmod u+r)`
    ])
    expect(JSON.parse(result.stdout).files.map((file: {path: string}) => file.path)).toEqual([path.join('guarded', 'open.txt')])
  })
})

describe('readInput (the API and review)', () => {
  it('stops at the size limit and refuses what is not a regular file', async () => {
    const big = path.join(folder, 'big.txt')
    writeFileSync(big, copy.repeat(100))
    await expect(readInput(big, undefined, 1000)).rejects.toThrow(/more than the limit of 1000 bytes/)
    await expect(checkFile(big, {maxBytes: 1000})).rejects.toBeInstanceOf(InputError)
    expect((await readInput(big, undefined, 10_000)).length).toBe(copy.length * 100)
    await expect(readInput('/dev/zero')).rejects.toThrow(/is a device, not a file/)
    await expect(readInput(folder)).rejects.toThrow(/is a folder/)
  })
})
