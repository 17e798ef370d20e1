/**
 * `trouw check` over many files in checking threads: the same report, in the
 * order of the file list, as checking them in-process; a bad file among them
 * is still one line and exit 2. Runs `dist/cli/bin.js` (needs a build).
 */
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {stringifyReport, toJsonReport, writeJsonReport} from '../src/report/json.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')

const lines = [
  'Our autumn range is in: wool socks, rain jackets and a kettle that whistles.',
  'Order before Friday and only this week you get free delivery, so hurry before it is gone forever!',
  'We are so incredibly thrilled, absolutely overjoyed, to share this amazing, stunning news with you!!!',
  'Je kunt je abonnement op elk moment opzeggen via de knop onderaan deze mail.',
  'Wie nu niet bestelt, mist de boot en zal er spijt van krijgen: dit komt nooit meer terug.',
  'The shop in the harbour opens at nine on Saturdays; parking is free behind the building.'
]

function folderOf(count: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'trouw-parallel-'))
  for (let index = 0; index < count; index++) {
    const text = [lines[index % lines.length], lines[(index * 5 + 1) % lines.length], `Mail number ${index}.`].join('\n\n')
    writeFileSync(path.join(folder, `mail-${String(index).padStart(3, '0')}.txt`), text + '\n')
  }
  return folder
}

function run(args: string[], threads: string) {
  return spawnSync(process.execPath, [bin, ...args], {encoding: 'utf8', timeout: 60000, env: {...process.env, TROUW_THREADS: threads}})
}

describe('checking a folder in threads', () => {
  it('reports exactly what an in-process run reports, in file-list order', () => {
    const folder = folderOf(30)
    for (const format of ['json', 'text']) {
      const threaded = run(['check', folder, '--format', format], '2')
      const inProcess = run(['check', folder, '--format', format], '0')
      expect(threaded.stderr).toBe('')
      expect(threaded.status).toBe(1)
      expect(inProcess.status).toBe(1)
      expect(threaded.stdout).toBe(inProcess.stdout)
    }
    const report = JSON.parse(run(['check', folder, '--format', 'json'], '2').stdout) as {files: Array<{path: string; messages: unknown[]}>}
    const paths = report.files.map((file) => path.basename(file.path))
    expect(paths).toEqual([...paths].sort())
    expect(paths).toHaveLength(30)
    expect(report.files.some((file) => file.messages.length > 0)).toBe(true)
  }, 120000)

  it('names a bad file in one line and exits 2, checking the others', () => {
    const folder = folderOf(6)
    mkdirSync(path.join(folder, 'sub'))
    writeFileSync(path.join(folder, 'sub', 'empty.txt'), '')
    const threaded = run(['check', folder, '--format', 'json'], '2')
    const inProcess = run(['check', folder, '--format', 'json'], '0')
    expect(threaded.status).toBe(2)
    expect(threaded.stderr).toBe(inProcess.stderr)
    expect(threaded.stderr.trim().split('\n')).toHaveLength(1)
    expect(threaded.stderr).toContain('empty.txt')
    expect(threaded.stdout).toBe(inProcess.stdout)
  }, 120000)
})

describe('the JSON report written a file at a time', () => {
  it('is the same text as the report stringified whole', async () => {
    const files = [
      await check(lines.slice(0, 3).join('\n\n'), {path: 'a.txt'}),
      await check(lines.slice(3, 5).join('\n\n'), {path: 'b.txt', lang: 'nl'}),
      await check(lines[5], {path: 'c.md'})
    ]
    for (const list of [files, files.slice(0, 1)]) {
      let written = ''
      writeJsonReport(list, (chunk) => (written += chunk))
      expect(written).toBe(stringifyReport(toJsonReport(list)))
    }
  })
})

describe('when threads pay', () => {
  it('uses threads only on idle cores, for enough files, unless TROUW_THREADS says', async () => {
    const {threadsFor} = await import('../src/cli/parallel.js')
    const {availableParallelism} = await import('node:os')
    const cores = availableParallelism()
    if (cores >= 2) {
      expect(threadsFor(400, {}, 0)).toBe(Math.min(cores, Math.floor(400 / 24)))
      expect(threadsFor(60, {}, 0)).toBe(2)
    }
    // Few files, or every core busy already: in-process.
    expect(threadsFor(20, {}, 0)).toBe(0)
    expect(threadsFor(400, {}, cores)).toBe(0)
    expect(threadsFor(400, {}, cores - 0.6)).toBe(0)
    // TROUW_THREADS wins over the load, for any count above one.
    expect(threadsFor(400, {TROUW_THREADS: '3'}, cores * 4)).toBe(3)
    expect(threadsFor(2, {TROUW_THREADS: '2'}, 0)).toBe(2)
    expect(threadsFor(1, {TROUW_THREADS: '2'}, 0)).toBe(0)
    expect(threadsFor(400, {TROUW_THREADS: '0'}, 0)).toBe(0)
  })
})
