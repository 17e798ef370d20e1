#!/usr/bin/env node
/**
 * The service under hostile load, spelling on: `node scripts/load-service.js
 * [--duration S] [--connections N] [--workers N] [--seed S] [--kinds A,B] [--big P]`. Starts
 * `trouw serve` (dist/, run `npm run build` first) on a free loopback port
 * and keeps N requests in flight for S seconds, each a JSON check with
 * `config.spell: true` of one of these bodies, up to the body limit (1 MB):
 * (a share P of them, default 0.2, from 200 KB up to the limit) ordinary copy, long made-up words (300–2,000 letters), Dutch copy with
 * Arabic, Hebrew and Cyrillic words, pages of made-up misspellings, Markdown
 * of emphasis markers, deep nesting, and HTML of unclosed tags.
 *
 * Reports per body kind: requests, statuses, p50/p99/max latency; overall:
 * requests that took longer than the check timeout or failed to answer, and
 * the service's peak resident memory (VmHWM, all its threads). Exit 1 when
 * any request went unanswered, took longer than the check timeout, got a
 * 500, or the peak memory passed 500 MB.
 */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'
import process from 'node:process'
import {distCli, fail} from './bench/load-trouw.js'
import {random} from './fuzz-inputs.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf('--' + name)
  return at === -1 ? fallback : Number(args[at + 1])
}
const duration = option('duration', 60)
const connections = option('connections', 8)
const workers = option('workers', 2)
const seed = option('seed', 1)
const big = option('big', 0.2)
const checkTimeoutMs = 30_000
const maxBody = 1024 * 1024
const memoryLimit = 500 * 1024 * 1024
if (![duration, connections, workers, seed].every(Number.isFinite)) fail('load-service', 'options take numbers')

const r = random(seed)
const letters = 'abcdefghijklmnopqrstuvwxyz'
const madeUp = (min, max) => Array.from({length: min + r.int(max - min)}, () => letters[r.int(26)]).join('')
/** Text of about `size` characters from `unit()` pieces. */
const fill = (size, unit) => {
  const parts = []
  let length = 0
  while (length < size) {
    const part = unit()
    parts.push(part)
    length += part.length
  }
  return parts.join('')
}
/** A size for a body: mostly small, sometimes up to the limit (JSON adds a little). */
const size = () => (r.chance(big) ? 200_000 + r.int(maxBody - 220_000) : 200 + r.int(20_000))

const kinds = {
  ordinary: () => ({lang: r.pick(['en', 'nl']), format: 'text', text: fill(size(), () => r.pick(['Our spring sale ends on Sunday. ', 'Free delivery on orders over 50 euros. ', 'Onze voorjaarsactie loopt tot zondag. ', 'Bestel voor tien uur, morgen in huis. ', 'Thanks for reading, see you next week.\n\n']))}),
  longWords: () => ({lang: r.pick(['en', 'nl']), format: 'text', text: fill(r.chance(0.5) ? 4000 : size(), () => madeUp(300, 2000) + ' ')}),
  foreignScript: () => ({lang: 'nl', format: 'text', text: fill(size(), () => r.pick(['مرحبا', 'بالعالم', 'שלום', 'עולם', 'Привет', 'мир', 'καλημέρα']) + ' ' + r.pick(['nu', 'gratis', 'bestel', 'vandaag']) + ' ')}),
  misspelt: () => ({lang: r.pick(['en', 'nl']), format: 'text', text: fill(size(), () => madeUp(4, 14) + (r.chance(0.1) ? '. ' : ' '))}),
  emphasis: () => ({lang: 'en', format: 'markdown', text: fill(size(), () => r.pick(['**a', '*b_ ', '[c', '`d``', '**act now** ']))}),
  nesting: () => ({lang: 'en', format: r.pick(['markdown', 'html']), text: r.chance(0.5) ? '> '.repeat(20 + r.int(5000)) + 'last chance' : '<b>'.repeat(20 + r.int(5000)) + 'last chance'}),
  unclosed: () => ({lang: 'en', format: 'html', text: fill(size(), () => r.pick(['<p>Last chance ', '<div class="x">', '<!--trouw ', '<b>hurry ', '{{ name ']))})
}

function startService() {
  const child = spawn(process.execPath, [distCli, 'serve', '--port', '0', '--workers', String(workers)], {stdio: ['ignore', 'ignore', 'pipe']})
  let seen = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service did not start in 30 s')), 30_000)
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => {
      if (seen.length < 10_000) seen += chunk
      const match = /"event":"listening","url":"([^"]+)"/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve({url: match[1], child})
      }
    })
    child.on('exit', (code) => reject(new Error(`the service exited (${code}): ${seen.split('\n')[0]}`)))
  })
}

function memory(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) * 1024
    return {rss: kb('VmRSS'), peak: kb('VmHWM')}
  } catch {
    return {rss: NaN, peak: NaN}
  }
}

const {url, child} = await startService()
const results = []
let peakSampled = 0
const sampler = setInterval(() => {
  peakSampled = Math.max(peakSampled, memory(child.pid).rss)
}, 100)
const chosen = args.includes('--kinds') ? args[args.indexOf('--kinds') + 1].split(',') : Object.keys(kinds)
const names = chosen.filter((name) => name in kinds)
if (names.length === 0) fail('load-service', `--kinds takes some of ${Object.keys(kinds).join(', ')}`)
const end = Date.now() + duration * 1000
let sent = 0

async function one() {
  const kind = names[sent++ % names.length]
  const {lang, format, text} = kinds[kind]()
  const body = JSON.stringify({text, format, lang, config: {spell: true}})
  const started = performance.now()
  let status
  try {
    const response = await fetch(url + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body, signal: AbortSignal.timeout(checkTimeoutMs + 15_000)})
    await response.arrayBuffer()
    status = response.status
  } catch (error) {
    status = error?.name ?? 'error'
  }
  results.push({kind, bytes: Buffer.byteLength(body), status, ms: performance.now() - started})
}

await Promise.all(
  Array.from({length: connections}, async () => {
    while (Date.now() < end) await one()
  })
)
clearInterval(sampler)
const {peak} = memory(child.pid)
child.kill('SIGTERM')

const percentile = (values, p) => values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]
const line = (label, list) => {
  const ms = list.map((result) => result.ms).sort((a, b) => a - b)
  const statuses = {}
  for (const result of list) statuses[result.status] = (statuses[result.status] ?? 0) + 1
  const largest = Math.max(...list.map((result) => result.bytes))
  return `${label.padEnd(14)} ${String(list.length).padStart(5)} requests (largest ${Math.round(largest / 1024)} KB), statuses ${JSON.stringify(statuses)}, p50 ${Math.round(percentile(ms, 50))} ms, p99 ${Math.round(percentile(ms, 99))} ms, max ${Math.round(ms.at(-1))} ms`
}
console.log(`load-service: ${duration} s, ${connections} connections, ${workers} workers, spelling on, seed ${seed}, ${big * 100}% big bodies`)
for (const kind of names) console.log(line(kind, results.filter((result) => result.kind === kind)))
console.log(line('all', results))
const late = results.filter((result) => result.ms > checkTimeoutMs).length
const broken = results.filter((result) => typeof result.status !== 'number' || result.status >= 500 && result.status !== 503).length
const peakBytes = Math.max(peak || 0, peakSampled)
console.log(`over the check timeout (${checkTimeoutMs} ms): ${late}; unanswered or 5xx other than 503: ${broken}; peak memory ${Math.round(peakBytes / 1e6)} MB`)
process.exit(late > 0 || broken > 0 || peakBytes > memoryLimit ? 1 : 0)
