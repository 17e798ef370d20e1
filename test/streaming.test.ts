/**
 * `trouw check` over a folder reports each file as soon as it and the files
 * before it are checked (`onFile` of `runFiles`), in the order of the file
 * list, and keeps none of them; the text and JSON reports written a file at
 * a time are the text of the whole-set reports.
 */
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {runFiles} from '../src/cli/files.js'
import {TextReportWriter, textReport} from '../src/report/text.js'
import {JsonReportWriter, stringifyReport, toJsonReport} from '../src/report/json.js'
import {SarifReportWriter, sarifReport} from '../src/report/sarif.js'

const copy = [
  'Hurry, this deal disappears at midnight and you will regret missing it forever!',
  'The workshop in the old mill is open on Tuesdays; bring your own apron.',
  'Wij zijn ontzettend, waanzinnig blij en dolgelukkig met jou als klant!!!',
  'Our repair service is free for the first year, and you can cancel whenever you like.'
]

function folderWith(count: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'trouw-stream-'))
  for (let index = 0; index < count; index++) {
    writeFileSync(path.join(folder, `note-${String(index).padStart(2, '0')}.txt`), `${copy[index % copy.length]}\n\nLetter ${index}.\n`)
  }
  return folder
}

describe('runFiles with onFile', () => {
  it('hands on each file in list order, before the run is over, and keeps none', async () => {
    const folder = folderWith(12)
    const events: string[] = []
    const result = await runFiles({
      files: [folder],
      cwd: folder,
      detectConfig: false,
      onProgress: (done) => events.push(`checked ${done}`),
      onFile: (file) => events.push(`report ${path.basename(file.path)}`)
    })
    expect(result.errors).toEqual([])
    expect(result.files).toEqual([])
    expect(result.streamed).toBe(12)
    const reported = events.filter((event) => event.startsWith('report ')).map((event) => event.slice(7))
    expect(reported).toEqual(Array.from({length: 12}, (_, index) => `note-${String(index).padStart(2, '0')}.txt`))
    // The first file is reported while others are still to be checked.
    expect(events.indexOf('report note-00.txt')).toBeLessThan(events.indexOf('checked 12'))
  })

  it('passes over a file that cannot be checked and a file given twice, keeping the order', async () => {
    const folder = folderWith(5)
    mkdirSync(path.join(folder, 'deeper'))
    writeFileSync(path.join(folder, 'deeper', 'big.txt'), 'Big news. '.repeat(400))
    const seen: VFile[] = []
    const result = await runFiles({
      files: [folder, path.join(folder, 'note-02.txt'), path.join(folder, 'missing.txt')],
      detectConfig: false,
      maxBytes: 1000,
      onFile: (file) => seen.push(file)
    })
    expect(seen.map((file) => path.relative(folder, file.path))).toEqual(['note-00.txt', 'note-01.txt', 'note-02.txt', 'note-03.txt', 'note-04.txt'])
    expect(result.streamed).toBe(5)
    expect(result.errors).toHaveLength(2)
    expect(result.errors.join('\n')).toMatch(/big\.txt/)
    expect(result.errors.join('\n')).toMatch(/missing\.txt/)
    // What a report reads is on each file: findings, scores, settings.
    expect(seen[0].messages.length).toBeGreaterThan(0)
    expect(seen[0].data.trouw?.scores).toBeDefined()
    expect(seen[0].data.trouwSettings).toBeDefined()
  })

  it('in threads, with at most 2 × cores files queued, hands on the same files in list order as in-process', async () => {
    // More files than the queue's bound (2 × cores), so the window moves.
    const folder = folderWith(24)
    const seen = (files: VFile[]) => files.map((file) => [path.basename(file.path), file.messages.map((message) => `${message.ruleId}@${message.line}:${message.column}`).join(' ')].join(' '))
    const inProcess: VFile[] = []
    await runFiles({files: [folder], cwd: folder, detectConfig: false, onFile: (file) => inProcess.push(file)})
    const threaded: VFile[] = []
    const before = process.env.TROUW_THREADS
    process.env.TROUW_THREADS = '2'
    try {
      const result = await runFiles({files: [folder], cwd: folder, detectConfig: false, parallel: true, onFile: (file) => threaded.push(file)})
      expect(result.errors).toEqual([])
      expect(result.files).toEqual([])
      expect(result.streamed).toBe(24)
    } finally {
      if (before === undefined) delete process.env.TROUW_THREADS
      else process.env.TROUW_THREADS = before
    }
    expect(seen(threaded)).toEqual(seen(inProcess))
    expect(threaded.map((file) => path.basename(file.path))).toEqual(Array.from({length: 24}, (_, index) => `note-${String(index).padStart(2, '0')}.txt`))
  }, 60000)
})

describe('reports written a file at a time', () => {
  it('are the text of the reports of the whole set', async () => {
    const files = [
      await check(copy[0] + '\n\n' + copy[1], {path: 'one.txt'}),
      await check(copy[2], {path: 'two.txt', lang: 'nl'}),
      await check(copy[3], {path: 'three.md'})
    ]
    for (const quiet of [false, true]) {
      const writer = new TextReportWriter({quiet})
      expect(files.map((file) => writer.add(file)).join('') + writer.end()).toBe(textReport(files, {quiet}))
    }
    let json = ''
    const writer = new JsonReportWriter((chunk) => (json += chunk))
    for (const file of files) writer.add(file)
    writer.end()
    expect(json).toBe(stringifyReport(toJsonReport(files)))
    expect(JSON.parse(json).files.map((file: {path: string}) => file.path)).toEqual(['one.txt', 'two.txt', 'three.md'])
    // SARIF, also with a file without findings first and with no result at all.
    const clean = await check('The workshop is open on Tuesdays.', {path: 'clean.txt'})
    for (const list of [files, [clean, ...files], [clean]]) {
      const sarif = new SarifReportWriter()
      const text = list.map((file) => sarif.add(file)).join('') + sarif.end()
      expect(text).toBe(JSON.stringify(sarifReport(list), null, 2) + '\n')
    }
    expect(JSON.parse(new SarifReportWriter().end()).runs[0].results).toEqual([])
  })
})
