#!/usr/bin/env node
/**
 * How trouw behaves on real mail (`npm run real`): the copy in
 * `../shared/real/` (one JSON object a line: `text`, `lang`, `source`,
 * `kind`, `meta`), each row checked as plain text in its own language with
 * spelling off. Nothing there is labelled line by line, so this measures what
 * can be counted without a label:
 *
 * - findings per 10 KB of copy, per source file and per rule;
 * - the share of rows with a warning or an error (for care replies: the share
 *   of replies a service team would be told to change);
 * - the mean ESP score per source file;
 * - hype recall: lines with at least four words in capitals and an
 *   exclamation mark, and the share of them that get any over-the-top finding
 *   (bulk mail shouts this way; newsletters rarely do);
 * - span health: the longest reported span, spans running over a line end
 *   (a heading merged with the next sentence) and spans showing the URL mask
 *   filler (`xxxxxxxx`).
 *
 * With `--sample N --seed S --out FILE` it also writes N findings picked at
 * random (seeded, so the same run picks the same findings) as JSONL for
 * reviewers who see only the copy and the finding: the mail's id and source,
 * the line(s) around the finding, the flagged text, the rule and the message.
 *
 * Usage: node scripts/real.js [--real DIR] [--source NAME] [--json]
 *                             [--sample N] [--seed S] [--out FILE]
 *    or: npm run eval -- --real [DIR] [the same options] (the same code)
 *   --real DIR     the folder of JSONL files (default: ../shared/real)
 *   --source NAME  only files whose name contains NAME (may repeat)
 *   --json         machine-readable output
 *   --sample N     write N random findings (of the files read) to --out
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {pathToFileURL} from 'node:url'
import {fail, firstLine, loadCheck, packageRoot, readJsonl} from './bench/load-trouw.js'

let script = 'real'
const usage = 'Usage: node scripts/real.js [--real DIR] [--source NAME] [--json] [--sample N --seed S --out FILE]'

/** Four or more words in capitals (two letters or more) and an exclamation mark. */
const capsWord = /\b\p{Lu}[\p{Lu}'’]*\p{Lu}\b/gu
function isHypeLine(line) {
  if (!line.includes('!')) return false
  let count = 0
  capsWord.lastIndex = 0
  while (capsWord.exec(line)) if (++count >= 4) return true
  return false
}

/**
 * The real-copy report, as `npm run real` prints it; `npm run eval -- --real
 * [DIR]` runs this same function (scripts/eval.js).
 *
 * @param {string[]} argv  the arguments after the script name
 * @param {string} [name]  the script named in error messages (default: real)
 */
export async function runReal(argv, name = 'real') {
  script = name
  const options = readArguments(argv)
  const folder = path.resolve(options.real ?? path.join(packageRoot, '..', 'shared', 'real'))
  if (!fs.existsSync(folder)) fail(script, 'no real mail at ' + folder + '; pass --real DIR with JSONL files')
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.jsonl'))
    .filter((name) => options.sources.length === 0 || options.sources.some((wanted) => name.includes(wanted)))
    .sort()
  if (files.length === 0) fail(script, 'no .jsonl files in ' + folder + (options.sources.length ? ' matching --source' : ''))
  if (options.sample > 0 && !options.out) fail(script, '--sample needs --out FILE; ' + usage)

  const check = await loadCheck(script)
  // The engine's own line index (built with it, next to dist/index.js).
  const {LineIndex, floorIndex} = await import(pathToFileURL(path.join(packageRoot, 'dist', 'line-index.js')).href)

  const reports = []
  /** Every finding, for the sample. */
  const all = []

  for (const name of files) {
    const rows = readJsonl(script, path.join(folder, name))
    const report = {
      file: name,
      rows: rows.length,
      kb: 0,
      findings: 0,
      per10kb: 0,
      byRule: /** @type {Record<string, number>} */ ({}),
      rowsWarned: 0,
      warnedShare: 0,
      meanEsp: /** @type {number | null} */ (null),
      hypeLines: 0,
      hypeCaught: 0,
      hypeRecall: /** @type {number | null} */ (null),
      longestSpan: 0,
      spansOverLineEnd: 0,
      maskFiller: 0,
      errors: 0
    }
    let bytes = 0
    let espSum = 0
    let espCount = 0
    for (const [index, row] of rows.entries()) {
      const text = String(row.text ?? '')
      bytes += Buffer.byteLength(text)
      const id = String(row.meta?.id ?? row.meta?.tweet_id ?? row.meta?.template ?? index + 1)
      let file
      try {
        file = await check(text, {lang: row.lang === 'nl' ? 'nl' : 'en', format: 'text', spell: false})
      } catch (error) {
        report.errors++
        if (report.errors <= 3) console.error(script + ': ' + name + ' row ' + (index + 1) + ': ' + firstLine(error))
        continue
      }
      const data = /** @type {any} */ (file.data).trouw
      if (data && data.scores && typeof data.scores.esp === 'number') {
        espSum += data.scores.esp
        espCount++
      }
      const messages = file.messages.filter((message) => message.source === 'trouw' && message.category !== 'notice')
      if (messages.some((message) => message.severity === 'warning' || message.severity === 'error')) report.rowsWarned++
      const lineIndex = new LineIndex(text)
      const lines = Array.from({length: lineIndex.lineCount}, (_, line) => lineIndex.lineStart(line))
      const ranges = []
      for (const message of messages) {
        report.findings++
        report.byRule[message.ruleId] = (report.byRule[message.ruleId] ?? 0) + 1
        const start = message.place?.start?.offset ?? 0
        const end = message.place?.end?.offset ?? start
        ranges.push([start, end, message.category])
        report.longestSpan = Math.max(report.longestSpan, end - start)
        if (text.slice(start, end).includes('\n')) report.spansOverLineEnd++
        if (/x{8,}/.test(String(message.actual ?? '')) && !/x{8,}/.test(text.slice(start, end))) report.maskFiller++
        all.push({file: name, id, text, lines, start, end, message, kind: row.kind, sender: row.meta?.sender ?? row.meta?.company ?? null})
      }
      // Hype lines, and whether an over-the-top finding touches them.
      for (let line = 0; line < lines.length; line++) {
        const from = lines[line]
        const to = line + 1 < lines.length ? lines[line + 1] - 1 : text.length
        if (!isHypeLine(text.slice(from, to))) continue
        report.hypeLines++
        if (ranges.some(([start, end, category]) => category === 'over-the-top' && start < to && end > from)) report.hypeCaught++
      }
    }
    report.kb = round(bytes / 1024, 1)
    report.per10kb = bytes > 0 ? round((report.findings / bytes) * 10240, 2) : 0
    report.warnedShare = rows.length > 0 ? round(report.rowsWarned / rows.length, 4) : 0
    report.meanEsp = espCount > 0 ? round(espSum / espCount, 1) : null
    report.hypeRecall = report.hypeLines > 0 ? round(report.hypeCaught / report.hypeLines, 3) : null
    for (const rule of Object.keys(report.byRule)) report.byRule[rule] = round((report.byRule[rule] / bytes) * 10240, 2)
    report.byRule = Object.fromEntries(Object.entries(report.byRule).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)))
    reports.push(report)
  }

  if (options.sample > 0) writeSample(all, options.sample, options.seed, options.out, floorIndex)

  if (options.json) console.log(JSON.stringify({folder, files: reports}, null, 2))
  else {
    for (const report of reports) {
      console.log(report.file + ': ' + report.rows + ' rows, ' + report.kb + ' KB' + (report.errors ? ', ' + report.errors + ' not checked' : ''))
      console.log('  findings ' + report.findings + ' (' + report.per10kb + ' per 10 KB); rows with a warning or error ' + report.rowsWarned + ' (' + pct(report.warnedShare) + '); mean ESP ' + report.meanEsp)
      console.log('  hype lines (>= 4 caps words and "!") ' + report.hypeLines + ', with an over-the-top finding ' + report.hypeCaught + (report.hypeRecall === null ? '' : ' (recall ' + report.hypeRecall + ')'))
      console.log('  spans: longest ' + report.longestSpan + ' chars, over a line end ' + report.spansOverLineEnd + ', with mask filler ' + report.maskFiller)
      for (const [rule, rate] of Object.entries(report.byRule)) console.log('    ' + rate.toFixed(2).padStart(7) + '  ' + rule)
    }
    if (options.sample > 0) console.log('sample: ' + Math.min(options.sample, all.length) + ' of ' + all.length + ' findings written to ' + options.out)
  }
}

// Run as a script (not imported by scripts/eval.js).
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await runReal(process.argv.slice(2))

/**
 * Pick `count` findings with a seeded shuffle and write them as JSONL.
 *
 * @param {any[]} findings
 * @param {number} count
 * @param {number} seed
 * @param {string} out
 * @param {(sorted: readonly number[], value: number) => number} floorIndex  the engine's (src/line-index.ts)
 */
function writeSample(findings, count, seed, out, floorIndex) {
  const random = mulberry32(seed)
  const order = findings.map((_, index) => index)
  for (let index = order.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1))
    ;[order[index], order[other]] = [order[other], order[index]]
  }
  const picked = order.slice(0, count).sort((a, b) => a - b)
  const lines = picked.map((index) => {
    const {file, id, text, lines, start, end, message, kind, sender} = findings[index]
    const first = floorIndex(lines, start)
    const last = floorIndex(lines, Math.max(start, end - 1))
    const from = lines[Math.max(0, first - 1)]
    const to = last + 2 < lines.length ? lines[last + 2] - 1 : text.length
    return JSON.stringify({
      source: file,
      id,
      kind,
      sender,
      context: text.slice(from, to),
      flagged: text.slice(start, end),
      ruleId: message.ruleId,
      category: message.category,
      subtype: message.subtype ?? null,
      severity: message.severity,
      message: message.reason
    })
  })
  fs.writeFileSync(out, lines.join('\n') + (lines.length ? '\n' : ''))
}

/** @param {number} seed */
function mulberry32(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/** @param {number} value @param {number} digits */
function round(value, digits) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/** @param {number} share */
function pct(share) {
  return (share * 100).toFixed(1) + ' %'
}

/** @param {string[]} argv */
function readArguments(argv) {
  /** @type {{real?: string, sources: string[], json: boolean, sample: number, seed: number, out?: string}} */
  const result = {sources: [], json: false, sample: 0, seed: 1}
  const value = (index, flag) => {
    const next = argv[index]
    if (next === undefined) fail(script, flag + ' needs a value; ' + usage)
    return next
  }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--json') result.json = true
    else if (argument === '--real') {
      // The folder is optional: `--real` alone reads ../shared/real.
      if (argv[index + 1] !== undefined && !argv[index + 1].startsWith('--')) result.real = argv[++index]
    }
    else if (argument === '--source') result.sources.push(value(++index, '--source'))
    else if (argument === '--out') result.out = value(++index, '--out')
    else if (argument === '--sample' || argument === '--seed') {
      const number = Number(value(++index, argument))
      if (!Number.isInteger(number) || number < 0) fail(script, argument + ' needs a whole number; ' + usage)
      if (argument === '--sample') result.sample = number
      else result.seed = number
    } else if (argument === '--help' || argument === '-h') {
      console.log(usage)
      process.exit(0)
    } else fail(script, 'unknown argument `' + argument + '`; ' + usage)
  }
  return result
}
