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
 * - `scale-parse`, `scale-trouw`: one document of 1x, 4x, 16x the base size.
 *
 * Every loop is bounded: a fixed number of rounds, cut short by `budgetMs`.
 */

import process from 'node:process'
import {performance} from 'node:perf_hooks'
import {pathToFileURL} from 'node:url'
import {generateEmails} from './generate.js'
import {distIndex} from './load-trouw.js'

/**
 * @typedef {{
 *   kind: 'idle' | 'parse' | 'alex' | 'trouw' | 'scale-parse' | 'scale-trouw',
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

/** @type {Record<string, unknown>} */
let result
if (task.kind === 'idle') {
  result = {}
} else if (task.kind === 'scale-parse' || task.kind === 'scale-trouw') {
  result = {sizes: await measureSizes(run)}
} else {
  result = await measureEmails(run)
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
  if (task.kind === 'parse' || task.kind === 'scale-parse') {
    const {unified} = await import('unified')
    const parser = task.lang === 'nl' ? (await import('retext-dutch')).default : (await import('retext-english')).default
    const processor = unified().use(parser).freeze()
    return (text) => processor.parse(text)
  }
  if (task.kind === 'alex') {
    const {text: alex} = await import('alex')
    return (text) => alex(text)
  }
  const {check} = await import(pathToFileURL(distIndex).href)
  const options = {lang: task.checkLang ?? task.lang, format: 'text', spell: false}
  return (text) => check(text, options)
}

/**
 * Check every email once per round, one at a time; one warm-up round first.
 *
 * @param {(text: string) => unknown | Promise<unknown>} run
 */
async function measureEmails(run) {
  /** @type {Record<string, number>} */
  const findings = {}
  for (const text of texts) {
    const file = /** @type {any} */ (await run(text))
    if (task.kind !== 'trouw' || !file || !Array.isArray(file.messages)) continue
    for (const message of file.messages) findings[message.category] = (findings[message.category] ?? 0) + 1
  }
  /** @type {number[]} */
  const roundsMs = []
  const started = performance.now()
  for (let round = 0; round < task.rounds; round++) {
    const start = performance.now()
    for (const text of texts) await run(text)
    roundsMs.push(performance.now() - start)
    if (performance.now() - started > task.budgetMs) break
  }
  return {roundsMs, findings}
}

/**
 * Join `base * size` emails into one document per size and time one check
 * of it (median of a few runs; fewer for the big ones).
 *
 * @param {(text: string) => unknown | Promise<unknown>} run
 */
async function measureSizes(run) {
  const sizes = task.sizes ?? [1, 4, 16]
  const base = task.base ?? 10
  const out = []
  const started = performance.now()
  const warmUp = document(base)
  for (let index = 0; index < 3; index++) await run(warmUp)
  for (const size of sizes) {
    const text = document(base * size)
    /** @type {number[]} */
    const runsMs = []
    const runs = size >= 16 ? 3 : size >= 4 ? 5 : 9
    for (let index = 0; index < runs; index++) {
      const start = performance.now()
      await run(text)
      runsMs.push(performance.now() - start)
      if (performance.now() - started > task.budgetMs) break
    }
    out.push({size, bytes: Buffer.byteLength(text), runsMs})
    if (performance.now() - started > task.budgetMs) break
  }
  return out
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
