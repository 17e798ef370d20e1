/**
 * One benchmark measurement set, run in its own child process by
 * `scripts/bench.js` so that its peak memory (maxRSS) and JIT state are its
 * own. Reads a task as JSON from argv[2], prints one JSON result line.
 *
 * Task kinds:
 * - `idle`: generate the emails and load nothing else (the memory baseline);
 * - `parse`: bare `unified().use(retext-english | retext-dutch).parse`;
 * - `alex`: `alex`'s plain-text check (English only);
 * - `trouw`: trouw `check()`, format text, spelling off, `lang` as given;
 * - `scale`: trouw and the bare parse on one document of 1x, 4x, 16x the base size.
 *
 * alex, trouw and scale sets also time the bare parse right before each of
 * their rounds, so that ratios to the floor are paired under the same load.
 *
 * Every loop is bounded: a fixed number of rounds, cut short once `budgetMs`
 * (warm-up included) is spent, keeping at least two rounds (one run per size).
 */

import process from 'node:process'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {generateEmails} from './generate.js'
import {distIndex} from './load-trouw.js'

/**
 * @typedef {{
 *   kind: 'idle' | 'parse' | 'alex' | 'trouw' | 'scale',
 *   lang: 'en' | 'nl', checkLang?: 'en' | 'nl' | 'auto',
 *   count: number, seed: number, rounds: number, budgetMs: number,
 *   sizes?: number[], base?: number
 * }} Task
 */

/** @type {Task} */
const task = JSON.parse(process.argv[2] ?? '{}')
const emails = generateEmails({lang: task.lang, count: task.count, seed: task.seed})
const texts = emails.map((email) => email.text)
const bytes = texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0)

/** @type {(text: string) => unknown | Promise<unknown>} */
const run = await createRunner(task)
/** The bare parse, timed in the same process right before each round of alex or trouw. */
const floor = task.kind === 'alex' || task.kind === 'trouw' || task.kind === 'scale' ? await createParser(task.lang) : null

/** @type {Record<string, unknown>} */
let result
if (task.kind === 'idle') {
  result = {}
} else if (task.kind === 'scale') {
  result = {sizes: await measureSizes(run, floor)}
} else {
  result = await measureEmails(run, floor)
}

const usage = process.resourceUsage()
console.log(
  JSON.stringify({
    ...result,
    emails: texts.length,
    bytes,
    maxRssMb: usage.maxRSS / 1024,
    heapUsedMb: process.memoryUsage().heapUsed / 1048576
  })
)

/**
 * @param {Task} task
 * @returns {Promise<(text: string) => unknown | Promise<unknown>>}
 */
async function createRunner(task) {
  if (task.kind === 'idle') return () => undefined
  if (task.kind === 'parse') return createParser(task.lang)
  if (task.kind === 'alex') {
    const {text: alex} = await import('alex')
    return (text) => alex(text)
  }
  const {check} = await import(pathToFileURL(distIndex).href)
  const options = {lang: task.checkLang ?? task.lang, format: 'text', spell: false}
  return (text) => check(text, options)
}

/**
 * The floor: one frozen `unified().use(retext-english | retext-dutch)` processor's `parse`.
 *
 * @param {'en' | 'nl'} lang
 * @returns {Promise<(text: string) => unknown>}
 */
async function createParser(lang) {
  const {unified} = await import('unified')
  const parser = lang === 'nl' ? (await import('retext-dutch')).default : (await import('retext-english')).default
  const processor = unified().use(parser).freeze()
  return (text) => processor.parse(text)
}

/**
 * Check every email once per round, one at a time; warm-up rounds first (the
 * first also counts what trouw found).
 * With a `floor`, each round is preceded by a round of the bare parse, so the
 * two see the same load on a shared machine.
 *
 * @param {(text: string) => unknown | Promise<unknown>} run
 * @param {((text: string) => unknown) | null} floor
 */
async function measureEmails(run, floor) {
  const started = performance.now()
  /** @type {Record<string, number>} */
  const findings = {}
  /** Generated emails without injected pressure or gush, and what trouw still reported on them. */
  const clean = {emails: 0, flagged: 0, examples: /** @type {string[]} */ ([])}
  /** Generated emails with injected pressure or gush, and how many of them trouw caught. */
  const injected = {pressure: 0, pressureFound: 0, gush: 0, gushFound: 0}
  for (const [index, text] of texts.entries()) {
    if (floor) floor(text)
    const file = /** @type {any} */ (await run(text))
    if (task.kind !== 'trouw' || !file || !Array.isArray(file.messages)) continue
    for (const message of file.messages) findings[message.category] = (findings[message.category] ?? 0) + 1
    const email = emails[index]
    const categories = new Set(file.messages.map((/** @type {any} */ message) => message.category))
    if (email.pressure > 0) {
      injected.pressure++
      if (categories.has('coercion')) injected.pressureFound++
    }
    if (email.gush > 0) {
      injected.gush++
      if (categories.has('over-the-top') || categories.has('generic-claim')) injected.gushFound++
    }
    if (email.pressure > 0 || email.gush > 0) continue
    clean.emails++
    const judged = file.messages.filter((/** @type {any} */ message) => message.category !== 'spelling')
    if (judged.length === 0) continue
    clean.flagged++
    for (const message of judged) {
      const finding = message.ruleId + ' on "' + message.actual + '"'
      if (clean.examples.length < 6 && !clean.examples.some((example) => example.endsWith(': ' + finding))) {
        clean.examples.push(email.id + ': ' + finding)
      }
    }
  }
  // More warm-up rounds, so the JIT compiler has settled before anything is
  // timed: V8 keeps optimizing trouw's functions for about ten rounds of 200
  // emails, and that background compiling counts as CPU time. Bounded by a
  // quarter of the time budget (alex needs seconds per round).
  for (let round = 0; round < (task.warmup ?? 9) && performance.now() - started < task.budgetMs / 4; round++) {
    for (const text of texts) {
      if (floor) floor(text)
      await run(text)
    }
  }
  /** @type {number[]} */
  const roundsMs = []
  /** @type {number[]} */
  const floorRoundsMs = []
  /** @type {number[]} */
  const cpuRoundsMs = []
  /** @type {number[]} */
  const floorCpuRoundsMs = []
  for (let round = 0; round < task.rounds; round++) {
    if (floor) {
      const start = performance.now()
      const cpu = process.cpuUsage()
      for (const text of texts) floor(text)
      floorCpuRoundsMs.push(cpuMs(cpu))
      floorRoundsMs.push(performance.now() - start)
    }
    const start = performance.now()
    const cpu = process.cpuUsage()
    for (const text of texts) await run(text)
    cpuRoundsMs.push(cpuMs(cpu))
    roundsMs.push(performance.now() - start)
    if (round >= 1 && performance.now() - started > task.budgetMs) break
  }
  const extra = task.kind === 'trouw' ? {findings, clean, injected} : {}
  return floor ? {roundsMs, cpuRoundsMs, floorRoundsMs, floorCpuRoundsMs, ...extra} : {roundsMs, cpuRoundsMs, ...extra}
}

/**
 * Join `base * size` emails into one document per size and time checking it
 * as one file, each run right after a bare parse of the same document
 * (median of a few runs; fewer for the big ones).
 *
 * @param {(text: string) => unknown | Promise<unknown>} run
 * @param {((text: string) => unknown) | null} floor
 */
async function measureSizes(run, floor) {
  const sizes = task.sizes ?? [1, 4, 16]
  const base = task.base ?? 10
  const out = []
  const started = performance.now()
  const warmUp = document(base)
  // Enough checks for the JIT compiler to settle (see `measureEmails`), within a quarter of the budget.
  for (let index = 0; index < 3 + 3 * (task.warmup ?? 9) && (index < 3 || performance.now() - started < task.budgetMs / 4); index++) {
    if (floor) floor(warmUp)
    await run(warmUp)
  }
  for (const size of sizes) {
    const text = document(base * size)
    /** @type {number[]} */
    const runsMs = []
    /** @type {number[]} */
    const floorRunsMs = []
    /** @type {number[]} */
    const cpuRunsMs = []
    /** @type {number[]} */
    const floorCpuRunsMs = []
    const runs = size >= 16 ? 3 : size >= 4 ? 5 : 9
    for (let index = 0; index < runs; index++) {
      if (floor) {
        const start = performance.now()
        const cpu = process.cpuUsage()
        floor(text)
        floorCpuRunsMs.push(cpuMs(cpu))
        floorRunsMs.push(performance.now() - start)
      }
      const start = performance.now()
      const cpu = process.cpuUsage()
      await run(text)
      cpuRunsMs.push(cpuMs(cpu))
      runsMs.push(performance.now() - start)
      if (performance.now() - started > task.budgetMs) break
    }
    out.push({size, bytes: Buffer.byteLength(text), runsMs, floorRunsMs, cpuRunsMs, floorCpuRunsMs})
  }
  return out
}

/**
 * CPU time (user + system, all threads of the process) since `start`, in ms.
 *
 * @param {NodeJS.CpuUsage} start
 */
function cpuMs(start) {
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}

/**
 * The first `count` emails (wrapping around) as one document.
 *
 * @param {number} count
 */
function document(count) {
  const parts = []
  for (let index = 0; index < count; index++) parts.push(texts[index % texts.length])
  return parts.join('\n')
}
