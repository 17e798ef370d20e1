#!/usr/bin/env node
/**
 * Load-test the HTTP service (`trouw serve`) on loopback with autocannon:
 * sustained POST /v1/check with the generated English and Dutch emails
 * (scripts/bench/generate.js, seed 1), one run per language. Reports
 * requests per second, p50/p99 latency, errors (must be 0), and the
 * service's CPU time per request, from which the figures per core follow.
 * Prints a Markdown section and writes it to docs/benchmarks-service.md.
 *
 * Usage: node scripts/bench-service.js [--duration S] [--connections N] [--workers N] [--count N] [--no-write]
 *   --duration S     seconds of sustained load per language (default: 30)
 *   --connections N  concurrent connections (default: 2 per worker)
 *   --workers N      checking threads of the service (default: 2)
 *   --count N        distinct emails per language, sent in turn (default: 200)
 *   --no-write       print only, leave docs/benchmarks-service.md alone
 *
 * Bounded: the service is a child process on 127.0.0.1 with a free port, the
 * load generator stops after `--duration` per language, and the service is
 * stopped with SIGTERM at the end (or killed if it does not stop in 10 s).
 * Exit code 1 when any request failed.
 */

import {spawn} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import autocannon from 'autocannon'
import {generateEmails} from './bench/generate.js'
import {distCli, fail, packageRoot} from './bench/load-trouw.js'

const script = 'bench-service'
const usage = 'Usage: node scripts/bench-service.js [--duration S] [--connections N] [--workers N] [--count N] [--no-write]'
const options = readArguments(process.argv.slice(2))
const docsPath = path.join(packageRoot, 'docs', 'benchmarks-service.md')
const clockTicks = 100 // USER_HZ on Linux: /proc/<pid>/stat times are in 1/100 s

if (!fs.existsSync(distCli)) fail(script, 'dist/cli/bin.cjs is missing; run npm run build first')

const loadAtStart = os.loadavg()[0]
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
const service = await startService(options.workers)
/** @type {Array<Record<string, any>>} */
const results = []
let peakMemory = NaN
try {
  for (const lang of /** @type {const} */ (['en', 'nl'])) {
    const emails = generateEmails({lang, count: options.count, seed: 1})
    const bytes = emails.reduce((sum, email) => sum + Buffer.byteLength(email.text), 0)
    const requests = emails.map((email) => ({method: 'POST', path: '/v1/check?lang=' + lang, headers: {'content-type': 'text/plain; charset=utf-8'}, body: email.text}))
    // Warm-up: a few seconds so both threads have compiled everything for this language.
    await autocannon({url: service.url, connections: options.connections, duration: 3, requests})
    const cpuBefore = cpuSeconds(service.child.pid)
    const result = await autocannon({url: service.url, connections: options.connections, duration: options.duration, timeout: 10, requests})
    const cpu = cpuSeconds(service.child.pid) - cpuBefore
    const total = result.requests.total
    const failed = result.errors + result.timeouts + result.non2xx
    results.push({
      lang,
      emails: emails.length,
      meanBytes: bytes / emails.length,
      total,
      perSecond: total / options.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      failed,
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      cpuMsPerRequest: total > 0 ? (cpu * 1000) / total : NaN
    })
  }
  peakMemory = peakResidentMB(service.child.pid)
} finally {
  await stopService(service.child)
}

const report = formatReport(results)
process.stdout.write(report)
if (options.write) {
  fs.writeFileSync(docsPath, report)
  process.stderr.write(`${script}: wrote ${path.relative(process.cwd(), docsPath)}\n`)
}
if (results.some((result) => result.failed > 0)) process.exitCode = 1

/**
 * @param {string[]} argv
 */
function readArguments(argv) {
  const settings = {duration: 30, connections: 0, workers: 2, count: 200, write: true}
  for (let index = 0; index < argv.length; index++) {
    const name = argv[index]
    if (name === '--no-write') {
      settings.write = false
      continue
    }
    const key = {'--duration': 'duration', '--connections': 'connections', '--workers': 'workers', '--count': 'count'}[name]
    const value = Number(argv[index + 1])
    if (!key || !Number.isInteger(value) || value < 1 || value > 100_000) fail(script, `bad argument \`${name}\`. ${usage}`)
    // @ts-ignore -- key is one of the numeric settings
    settings[key] = value
    index++
  }
  if (!settings.connections) settings.connections = settings.workers * 2
  return settings
}

/**
 * Start `trouw serve --port 0` on loopback and wait until it listens.
 *
 * @param {number} workers
 * @returns {Promise<{url: string, child: import('node:child_process').ChildProcess}>}
 */
function startService(workers) {
  const child = spawn(process.execPath, [distCli, 'serve', '--port', '0', '--host', '127.0.0.1', '--workers', String(workers)], {
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let seen = ''
  let logLines = 0
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error('the service did not start in 30 s'))
    }, 30_000)
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk) => {
      // Keep only the start of the log: one line per request adds up.
      if (seen.length < 10_000) seen += chunk
      logLines++
      const match = /"event":"listening","url":"([^"]+)"/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve({url: match[1], child})
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`the service exited (${code}) before listening: ${seen.split('\n')[0]}`))
    })
  })
}

/**
 * @param {import('node:child_process').ChildProcess} child
 */
async function stopService(child) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * User + system CPU seconds of a process (all its threads), from /proc.
 *
 * @param {number | undefined} pid
 */
function cpuSeconds(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) / clockTicks
  } catch {
    return NaN
  }
}

/**
 * Peak resident memory of a process in MB (VmHWM, from /proc).
 *
 * @param {number | undefined} pid
 */
function peakResidentMB(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))
    return match ? Number(match[1]) / 1024 : NaN
  } catch {
    return NaN
  }
}

/**
 * @param {number} value
 * @param {number} [digits]
 */
function round(value, digits = 0) {
  if (!Number.isFinite(value)) return 'n/a'
  return value.toFixed(digits)
}

/**
 * @param {Array<Record<string, any>>} results
 */
function formatReport(results) {
  const cores = os.cpus().length
  const used = Math.min(options.workers, cores)
  const lines = [
    '# Service benchmark (trouw serve)',
    '',
    `Written by \`node scripts/bench-service.js\` on ${startedAt}: Node ${process.version}, ${cores} cores (${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}), load average ${loadAtStart.toFixed(2)} at the start.`,
    `The service ran with ${options.workers} checking threads on 127.0.0.1; autocannon kept ${options.connections} connections busy for ${options.duration} s per language (after a 3 s warm-up), cycling through ${options.count} generated emails (scripts/bench/generate.js, seed 1) sent as \`text/plain\` with \`?lang=\`. Spelling off, every detector on. The load generator ran on the same machine and took CPU from the service, so these figures are a floor.`,
    '',
    '| Corpus | Mean email | Requests | Requests/s | Requests/s per core | p50 | p99 | max | Errors | Service CPU per request | Capacity per core |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const result of results) {
    lines.push(
      `| ${result.lang === 'en' ? 'English' : 'Dutch'} | ${round(result.meanBytes / 1024, 1)} KB | ${result.total} | ${round(result.perSecond)} | ${round(result.perSecond / used)} | ${result.p50} ms | ${result.p99} ms | ${result.max} ms | ${result.failed} | ${round(result.cpuMsPerRequest, 2)} ms | ${round(1000 / result.cpuMsPerRequest)} req/s |`
    )
  }
  lines.push(
    '',
    '- **Requests/s per core** divides the measured rate by the cores the service used (its threads, at most the cores there are).',
    '- **Service CPU per request** is the service process\'s user + system CPU time (all threads, from /proc) over the run, divided by the requests; **capacity per core** is 1000 ms over that: what one otherwise idle core can sustain. Plan with it: replicas × cores × capacity per core, kept below about 70% for headroom.',
    `- Peak resident memory of the service process (VmHWM, all threads): ${round(peakMemory)} MB with ${options.workers} threads.`,
    `- Errors counts connection errors, timeouts and non-2xx answers: ${results.every((result) => result.failed === 0) ? 'none in this run' : 'NOT ZERO in this run, see above'}.`,
    ''
  )
  return lines.join('\n')
}
