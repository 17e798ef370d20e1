#!/usr/bin/env node
/**
 * Benchmark trouw (`npm run bench`) against the bare retext parse (the floor)
 * and alex, on the same seeded, generated marketing emails; measure growth
 * with input size, peak memory per measurement set and the CLI's cold start.
 * Prints a Markdown report and writes it to docs/benchmarks.md.
 *
 * Usage: node scripts/bench.js [--count N] [--rounds N] [--warmup N] [--no-write]
 *   --count N   emails per language (default: 200)
 *   --rounds N  measured rounds per set after the warm-up rounds (default: 15)
 *   --warmup N  warm-up rounds per set besides the first, which counts findings (default: 9)
 *   --no-write  print only, leave docs/benchmarks.md alone
 *
 * Every measurement set runs in its own child process (bounded rounds, a
 * share of a 150 s time budget per set, a hard 60 s timeout per child), so
 * the whole run stays under three minutes on a busy 2-core machine.
 */

import {execFileSync, spawn, spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {generateEmails} from './bench/generate.js'
import {distCli, fail, firstLine, loadCheck, packageRoot} from './bench/load-trouw.js'
import {median} from './bench/stats.js'

const script = 'bench'
const usage = 'Usage: node scripts/bench.js [--count N] [--rounds N] [--warmup N] [--no-write]'
const options = readArguments(process.argv.slice(2))
const seed = 1
const measureScript = fileURLToPath(new URL('bench/measure.js', import.meta.url))
const docsPath = path.join(packageRoot, 'docs', 'benchmarks.md')
const benchStarted = performance.now()
const loadAtStart = os.loadavg()[0]
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')

// Fail early, in one line, when trouw has not been built.
await loadCheck(script)

/** @type {Array<{key: string, label: string, task: Record<string, unknown>}>} */
const sets = [
  {key: 'idle', label: 'baseline (node + generated emails)', task: {kind: 'idle', lang: 'en'}},
  {key: 'parse-en', label: 'bare retext parse', task: {kind: 'parse', lang: 'en'}},
  {key: 'parse-nl', label: 'bare retext parse', task: {kind: 'parse', lang: 'nl'}},
  {key: 'alex-en', label: 'alex (plain text)', task: {kind: 'alex', lang: 'en'}},
  {key: 'trouw-en', label: 'trouw check, lang given', task: {kind: 'trouw', lang: 'en', checkLang: 'en'}},
  {key: 'trouw-nl', label: 'trouw check, lang given', task: {kind: 'trouw', lang: 'nl', checkLang: 'nl'}},
  {key: 'trouw-auto-en', label: 'trouw check, lang auto', task: {kind: 'trouw', lang: 'en', checkLang: 'auto'}},
  {key: 'trouw-auto-nl', label: 'trouw check, lang auto', task: {kind: 'trouw', lang: 'nl', checkLang: 'auto'}},
  {key: 'scale-en', label: 'trouw check and bare parse', task: {kind: 'scale', lang: 'en', checkLang: 'en'}},
  {key: 'scale-nl', label: 'trouw check and bare parse', task: {kind: 'scale', lang: 'nl', checkLang: 'nl'}}
]

/** The whole run aims to end within this time; sets share what is left, the cold start keeps a reserve. */
const deadlineMs = 150000
const coldStartReserveMs = 35000

/** @type {Record<string, any>} */
const results = {}
for (const [index, set] of sets.entries()) {
  const left = deadlineMs - coldStartReserveMs - (performance.now() - benchStarted)
  const budgetMs = Math.round(Math.min(9000, Math.max(1500, left / (sets.length - index))))
  const task = {count: options.count, seed, rounds: options.rounds, warmup: options.warmup, budgetMs, sizes: [1, 4, 16], base: 10, ...set.task}
  process.stderr.write('bench: ' + set.key + ' … ')
  const started = performance.now()
  results[set.key] = await runChild(task)
  process.stderr.write(results[set.key].error ? 'failed: ' + results[set.key].error + '\n' : Math.round(performance.now() - started) + ' ms\n')
}

process.stderr.write('bench: cold start … ')
const cold = measureColdStart()
process.stderr.write('done\n')

const totalSeconds = (performance.now() - benchStarted) / 1000
const markdown = render()
console.log(markdown)
if (options.write) {
  fs.mkdirSync(path.dirname(docsPath), {recursive: true})
  // The whole-process table (scripts/bench-process.js) leads the file: keep it.
  const previous = fs.existsSync(docsPath) ? fs.readFileSync(docsPath, 'utf8') : ''
  const processTable = /<!-- process-bench:start[\s\S]*?<!-- process-bench:end -->/.exec(previous)?.[0]
  fs.writeFileSync(docsPath, (processTable ? markdown.replace(/^# Benchmarks\n+/, '# Benchmarks\n\n' + processTable + '\n\n') : markdown) + '\n')
  process.stderr.write('bench: wrote ' + path.relative(packageRoot, docsPath) + ' in ' + totalSeconds.toFixed(0) + ' s total\n')
}

/**
 * Run one measurement set in a child process (bounded by a hard timeout).
 *
 * @param {Record<string, unknown>} task
 * @returns {Promise<any>}
 */
function runChild(task) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [measureScript, JSON.stringify(task)], {cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe']})
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60000)
    child.on('close', (code) => {
      clearTimeout(timer)
      const last = stdout.trim().split('\n').pop() ?? ''
      try {
        if (code !== 0) throw new Error(childError(stderr) || 'exit code ' + code)
        resolve(JSON.parse(last))
      } catch (error) {
        resolve({error: firstLine(error)})
      }
    })
  })
}

/**
 * The telling line of a crashed child's stderr: the first line naming an
 * error, skipping stack frames and node's version footer.
 *
 * @param {string} stderr
 */
function childError(stderr) {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at ') && !line.startsWith('Node.js v'))
  return lines.find((line) => /error/i.test(line)) ?? lines.pop() ?? ''
}

/**
 * Wall and CPU time of spawning the CLI on one email file (median of 5 after
 * one warm-up spawn), with node's own start-up for reference. CPU time is read
 * by a preloaded one-line module that prints `process.cpuUsage()` on exit.
 */
function measureColdStart() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trouw-bench-'))
  const cpuReporter =
    'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nTROUW_BENCH_CPU_MS="+(u.user+u.system)/1000+"\\n")})'
  const [email] = generateEmails({lang: 'en', count: 1, seed})
  const file = path.join(folder, 'email.txt')
  fs.writeFileSync(file, email.text)

  /**
   * @param {string[]} args
   * @returns {{ms: number | null, cpuMs?: number | null, status: number | null, note?: string, runs?: number}}
   */
  function time(args) {
    const runs = []
    /** @type {number[]} */
    const cpuRuns = []
    let status = null
    let stderr = ''
    for (let index = 0; index < 6; index++) {
      // Keep the whole bench bounded: past the deadline, stop at three timed spawns.
      if (runs.length >= 3 && performance.now() - benchStarted > deadlineMs) break
      const start = performance.now()
      const child = spawnSync(process.execPath, ['--import', cpuReporter, ...args], {cwd: folder, encoding: 'utf8', timeout: 30000})
      const elapsed = performance.now() - start
      status = child.status
      stderr = child.stderr ?? ''
      if (status === null || status === 2) return {ms: null, status, note: firstLine(stderr.trim() || 'exit code ' + status)}
      const cpu = /TROUW_BENCH_CPU_MS=([\d.]+)/.exec(stderr)
      if (index > 0) {
        runs.push(elapsed)
        if (cpu) cpuRuns.push(Number(cpu[1]))
      }
    }
    return {ms: median(runs), cpuMs: cpuRuns.length === runs.length ? median(cpuRuns) : null, status, runs: runs.length}
  }

  const result = {
    node: time(['-e', '']),
    check: time([distCli, 'check', file, '--format', 'json']),
    spell: time([distCli, 'check', file, '--format', 'json', '--spell']),
    bytes: Buffer.byteLength(email.text),
    words: email.words
  }
  fs.rmSync(folder, {recursive: true, force: true})
  return result
}

/** The Markdown report. */
function render() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const commit = gitCommit()
  const emailsEn = results['parse-en']
  const emailsNl = results['parse-nl']

  /**
   * Median ms per email of a set: CPU time by default, or wall time.
   *
   * @param {string} key
   * @param {'cpuRoundsMs' | 'roundsMs'} [field]
   */
  function perEmail(key, field = 'cpuRoundsMs') {
    const result = results[key]
    if (!result || result.error || !result[field]) return null
    return median(result[field]) / result.emails
  }

  /**
   * The cost relative to the bare parse: the median of per-round ratios to
   * the parse rounds timed in the same process, else the standalone floor.
   *
   * @param {string} key
   */
  function toFloor(key) {
    const result = results[key]
    if (!result || result.error || !result.roundsMs) return null
    if (result.floorCpuRoundsMs && result.floorCpuRoundsMs.length === result.cpuRoundsMs.length) {
      return median(result.cpuRoundsMs.map((/** @type {number} */ ms, /** @type {number} */ index) => ms / result.floorCpuRoundsMs[index]))
    }
    const lang = key.endsWith('nl') ? 'nl' : 'en'
    return ratioOf(perEmail(key), perEmail('parse-' + lang))
  }

  const alexToFloor = toFloor('alex-en')
  const rows = []
  for (const key of ['parse-en', 'alex-en', 'trouw-en', 'trouw-auto-en', 'parse-nl', 'trouw-nl', 'trouw-auto-nl']) {
    const set = sets.find((item) => item.key === key)
    const result = results[key]
    const lang = key.endsWith('nl') ? 'nl' : 'en'
    const ms = perEmail(key)
    if (ms === null) {
      rows.push([set.label, lang, 'failed: ' + (result?.error ?? 'no result'), '', '', '', '', '', '', ''])
      continue
    }
    const bytesPerEmail = result.bytes / result.emails
    rows.push([
      set.label,
      lang,
      fixed(ms, 3),
      fixed(perEmail(key, 'roundsMs'), 3),
      fixed(bytesPerEmail / 1e6 / (ms / 1000), 2),
      fixed(1000 / ms, 0),
      fixedRatio(toFloor(key)),
      key.startsWith('trouw') && lang === 'en' ? fixedRatio(ratioOf(toFloor(key), alexToFloor)) : key === 'alex-en' ? '1.00×' : '',
      fixed(result.maxRssMb, 0),
      String(result.roundsMs.length)
    ])
  }

  /** @param {string} key */
  function perByte(key) {
    const ms = perEmail(key)
    return ms === null ? null : ms / (results[key].bytes / results[key].emails)
  }
  const dutchTrouw = ratioOf(perByte('trouw-nl'), perByte('trouw-en'))
  const dutchParse = ratioOf(perByte('parse-nl'), perByte('parse-en'))

  const scaleRows = []
  for (const lang of ['en', 'nl']) {
    const result = results['scale-' + lang]
    if (!result || result.error) {
      scaleRows.push([lang, 'failed: ' + (result?.error ?? 'no result'), '', '', '', '', '', '', '', '', ''])
      continue
    }
    const base = {parse: sizeMs(result, 1, 'floorCpuRunsMs'), trouw: sizeMs(result, 1, 'cpuRunsMs')}
    /** @type {{size: number, ms: number | null} | undefined} */
    let previous
    for (const {size, bytes, cpuRunsMs, floorCpuRunsMs} of result.sizes) {
      const parseMs = sizeMs(result, size, 'floorCpuRunsMs')
      const trouwMs = sizeMs(result, size, 'cpuRunsMs')
      const paired = median(cpuRunsMs.map((/** @type {number} */ ms, /** @type {number} */ index) => ms / floorCpuRunsMs[index]))
      scaleRows.push([
        lang,
        size + 'x',
        fixed(bytes / 1024, 0),
        fixed(parseMs, 1),
        fixed(trouwMs, 1),
        fixed(sizeMs(result, size, 'runsMs'), 1),
        fixedRatio(paired),
        trouwMs ? fixed((trouwMs * 1000) / (bytes / 1024), 0) : '–',
        base.trouw && trouwMs ? fixed(trouwMs / (base.trouw * size), 2) : '–',
        previous?.ms && trouwMs ? fixed(trouwMs / ((previous.ms * size) / previous.size), 2) : '–',
        base.parse && parseMs ? fixed(parseMs / (base.parse * size), 2) : '–'
      ])
      previous = {size, ms: trouwMs}
    }
  }

  const coldRows = [
    ['`node -e ""` (node itself)', ...coldCells(cold.node)],
    ['`trouw check email.txt --format json`', ...coldCells(cold.check)],
    ['`trouw check email.txt --format json --spell`', ...coldCells(cold.spell)]
  ]

  const emailSummary = (/** @type {any} */ set, /** @type {string} */ lang) =>
    set && !set.error
      ? set.emails + ' ' + lang + ' emails, ' + fixed(set.bytes / set.emails / 1024, 2) + ' KB on average'
      : lang + ': not generated'

  return [
    '# Benchmarks',
    '',
    'Measured ' + startedAt + ' on ' + cpu + ' (' + os.cpus().length + ' cores, ' + os.type() + ' ' + os.release() + '), Node ' + process.version + (commit ? ', trouw at commit `' + commit + '` (dist built from the working tree)' : '') + '.',
    'Load average when the run started: ' + loadAtStart.toFixed(2) + ' (at its end: ' + os.loadavg()[0].toFixed(2) + '); the machine is shared with other work, so expect noise between runs.',
    '',
    '## How to reproduce',
    '',
    '```sh',
    'npm run build',
    'npm run bench            # writes this file; add --no-write to only print',
    'node scripts/bench.js --count 100 --rounds 5 --no-write   # smaller or quicker runs',
    '```',
    '',
    '`npm run bench` also runs `scripts/bench-service.js`: the HTTP service under 30 s of sustained load per language, in [benchmarks-service.md](benchmarks-service.md).',
    '',
    'The emails come from `scripts/bench/generate.js` (seed ' + seed + '): plain-text marketing emails of 150 to 600 words (greeting, intro, product and news paragraphs, offer, service information, sign-off); about 4 in 10 carry pressure phrasing and about 1 in 3 gush. ' +
      emailSummary(emailsEn, 'English') + '; ' + emailSummary(emailsNl, 'Dutch') + '.',
    'Each set runs in its own child process: ' + (options.warmup + 1) + ' warm-up rounds over all emails (the first also counts the findings; the extra ones stop at a quarter of the set\'s time budget), so that the JIT compiler has settled (V8 keeps optimizing trouw\'s functions for about ten rounds, and that background compiling counts as CPU time), then up to ' + options.rounds + ' rounds (median reported; fewer, at least two, when the set\'s share of the time budget is spent), one email at a time. trouw runs with `format: "text"`, `spell: false`, every detector on.',
    'Times are CPU time (`process.cpuUsage()`, user + system) unless marked wall: on a shared, busy machine the wall clock mostly measures waiting for a core, CPU time measures the work. MB/s and emails/s follow from CPU time, so they are what one free core would do.',
    'Ratios are paired: in the alex and trouw processes every round is timed right after a round of the bare parse on the same emails, and "vs bare parse" is the median of the per-round CPU-time ratios; "vs alex" divides trouw\'s ratio by alex\'s. The Dutch/English comparison compares separate processes.',
    'The bare parse reuses one frozen `unified().use(retext-english | retext-dutch)` processor; alex is `text()` from `alex` ' + alexVersion() + ' (English only; it builds its processor per call, which is what its API costs a caller).',
    '',
    '## Throughput per email',
    '',
    markdownTable(['what', 'lang', 'CPU ms / email', 'wall ms / email', 'MB/s', 'emails/s', 'vs bare parse', 'vs alex', 'peak RSS MB', 'rounds'], rows),
    '',
    'Peak RSS is `process.resourceUsage().maxRSS` of the child process; the baseline child (node, the generator and the emails, nothing else) peaks at ' + (results.idle && !results.idle.error ? fixed(results.idle.maxRssMb, 0) + ' MB' : 'unknown') + '.',
    '',
    'MB is 10^6 bytes of UTF-8. trouw (lang given) costs ' + fixedRatio(toFloor('trouw-en')) + ' the bare parse in English and ' + fixedRatio(toFloor('trouw-nl')) + ' in Dutch (the project budget is about 2×); alex takes ' + fixedRatio(ratioOf(alexToFloor, toFloor('trouw-en'))) + ' as long as trouw on the same English emails.',
    '',
    'Dutch cost per byte relative to English: trouw ' + fixedRatio(dutchTrouw) + ', bare parse ' + fixedRatio(dutchParse) + '.',
    '',
    'Findings trouw reported in the warm-up round (a sign the detectors ran): English ' + findingsOf('trouw-en') + '; Dutch ' + findingsOf('trouw-nl') + '.',
    'Generated emails with injected pressure that got a coercion finding: English ' + injectedOf('trouw-en', 'pressure') + '; Dutch ' + injectedOf('trouw-nl', 'pressure') + '. With injected gush that got an over-the-top or generic-claim finding: English ' + injectedOf('trouw-en', 'gush') + '; Dutch ' + injectedOf('trouw-nl', 'gush') + '.',
    'Generated emails without injected pressure or gush that still got a finding: English ' + cleanOf('trouw-en') + '; Dutch ' + cleanOf('trouw-nl') + '.' + cleanExamples(),
    '',
    '## Growth with input size',
    '',
    'The first 10, 40 and 160 emails joined into one document (1x, 4x, 16x) and checked as one file (median of 9, 5 and 3 runs after up to ' + (3 + 3 * options.warmup) + ' warm-up checks of the 1x document; each trouw run right after a bare parse of the same document in the same process, "trouw vs parse" is the median of those paired ratios). "vs linear" is the time divided by size × the 1x time: 1.00 is linear growth; "vs the size before" divides by the time of the size before, scaled. CPU time counts V8\'s helper threads too (concurrent marking), so it can exceed wall time. Per KB, a document costs more than a single email once its results (sentences, signals, evidence) outgrow V8\'s young generation, at some tens of KB; from there on the cost per KB stays level, which "vs the size before" shows.',
    '',
    markdownTable(['lang', 'size', 'KB', 'bare parse CPU ms', 'trouw CPU ms', 'trouw wall ms', 'trouw vs parse', 'trouw µs/KB', 'trouw vs linear', 'trouw vs the size before', 'parse vs linear'], scaleRows),
    '',
    '## Cold start of the CLI',
    '',
    'Wall and CPU time (the CPU time of the spawned process, read on exit) of spawning `node dist/cli/bin.js` on one ' + cold.words + '-word English email (' + fixed(cold.bytes / 1024, 1) + ' KB), median of 5 after one warm-up spawn.',
    '',
    markdownTable(['command', 'wall ms', 'CPU ms'], coldRows, 1),
    '',
    'The whole benchmark took ' + totalSeconds.toFixed(0) + ' s.'
  ].join('\n')
}

/**
 * How many clean generated emails got a finding, as `3 of 80`.
 *
 * @param {string} key
 */
function cleanOf(key) {
  const clean = results[key]?.clean
  return clean ? clean.flagged + ' of ' + clean.emails : 'unknown'
}

/**
 * @param {string} key
 * @param {'pressure' | 'gush'} kind
 */
function injectedOf(key, kind) {
  const injected = results[key]?.injected
  return injected ? injected[kind + 'Found'] + ' of ' + injected[kind] : 'unknown'
}

/** A few of those findings, so a rule writer can look (generated copy, not the corpus). */
function cleanExamples() {
  const examples = [...(results['trouw-en']?.clean?.examples ?? []), ...(results['trouw-nl']?.clean?.examples ?? [])]
  return examples.length === 0 ? '' : ' Examples: ' + examples.map((example) => '`' + example.replace(/`/g, "'") + '`').join('; ') + '.'
}

/**
 * Findings per category of one set, as `12 coercion, 3 over-the-top`.
 *
 * @param {string} key
 */
function findingsOf(key) {
  const result = results[key]
  if (!result || result.error || !result.findings) return 'unknown'
  const entries = Object.entries(result.findings).sort((a, b) => b[1] - a[1])
  const total = entries.reduce((sum, [, count]) => sum + count, 0)
  if (total === 0) return 'none on ' + result.emails + ' emails'
  return total + ' on ' + result.emails + ' emails (' + entries.map(([name, count]) => count + ' ' + name).join(', ') + ')'
}

/**
 * Median time of one size in a scale set.
 *
 * @param {any} result
 * @param {number} size
 * @param {'runsMs' | 'cpuRunsMs' | 'floorCpuRunsMs'} field
 */
function sizeMs(result, size, field) {
  const entry = result.sizes.find((/** @type {any} */ item) => item.size === size)
  return entry && entry[field].length > 0 ? median(entry[field]) : null
}

/**
 * Table cells for one cold-start command: wall ms and CPU ms.
 *
 * @param {{ms: number | null, cpuMs?: number | null, status: number | null, note?: string, runs?: number}} entry
 * @returns {string[]}
 */
function coldCells(entry) {
  if (entry.ms === null) return ['n/a (' + (entry.note ?? 'failed') + ')', '']
  const shortRun = entry.runs !== undefined && entry.runs < 5 ? ' (median of ' + entry.runs + ', out of time)' : ''
  return [fixed(entry.ms, 0) + shortRun, fixed(entry.cpuMs, 0)]
}

/**
 * @param {number | null} a
 * @param {number | null} b
 */
function ratioOf(a, b) {
  return a === null || b === null ? null : a / b
}

/** @param {number | null} value */
function fixedRatio(value) {
  return value === null ? 'n/a' : value.toFixed(2) + '×'
}

/**
 * @param {number | null | undefined} value
 * @param {number} digits
 */
function fixed(value, digits) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '–'
}

/**
 * @param {string[]} header
 * @param {string[][]} rows
 * @param {number} [leftColumns]
 *   How many leading columns hold names and align left (default: 2).
 */
function markdownTable(header, rows, leftColumns = 2) {
  const line = (/** @type {string[]} */ cells) => '| ' + cells.join(' | ') + ' |'
  return [line(header), line(header.map((_, index) => (index < leftColumns ? '---' : '---:'))), ...rows.map(line)].join('\n')
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: packageRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']}).trim()
  } catch {
    return ''
  }
}

function alexVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'node_modules', 'alex', 'package.json'), 'utf8')).version
  } catch {
    return '(not installed)'
  }
}

/**
 * @param {string[]} argv
 * @returns {{count: number, rounds: number, warmup: number, write: boolean}}
 */
function readArguments(argv) {
  const result = {count: 200, rounds: 15, warmup: 9, write: true}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--no-write') result.write = false
    else if (argument === '--count' || argument === '--rounds' || argument === '--warmup') {
      const value = Number(argv[++index])
      const least = argument === '--warmup' ? 0 : 1
      if (!Number.isInteger(value) || value < least || value > 2000) fail(script, argument + ' needs a whole number from ' + least + ' to 2000; ' + usage)
      result[argument === '--count' ? 'count' : argument === '--rounds' ? 'rounds' : 'warmup'] = value
    } else if (argument === '--help' || argument === '-h') {
      console.log(usage)
      process.exit(0)
    } else fail(script, 'unknown argument `' + argument + '`; ' + usage)
  }
  return result
}
