/**
 * `trouw serve`: the HTTP check service and its playground (docs/service.md).
 * Logs one JSON line per request on stderr; stops gracefully on SIGTERM or
 * SIGINT, finishing the requests in flight.
 */
import {parseCommandArgs} from './args.js'
import type {Io} from './run.js'

export const serveHelp = `trouw serve: the HTTP check service and playground

Usage:
  trouw serve [--port N] [--host ADDRESS] [--workers N] [options]

Options:
  --port N              port to listen on, 0 for any free one (default: 8080)
  --host ADDRESS        address to listen on (default: 127.0.0.1, loopback only;
                        0.0.0.0 to take requests from other machines)
  --workers N           checking threads (default: 2)
  --max-body BYTES      largest request body, e.g. 1048576, 512kb, 2mb (default: 1mb)
  --timeout MS          longest a client may take to send its body (default: 10000)
  --check-timeout MS    longest one check may run (default: 30000)
  --max-queue N         checks that may wait for a thread before 503 (default: 256)
  --cors ORIGIN         let web pages of ORIGIN (e.g. https://editor.example.com)
                        call the service from the browser; repeatable; * for
                        any origin (default: none, CORS off)
  -h, --help            show this help

Endpoints: POST /v1/check, GET /v1/rules, GET /healthz, the playground at /.
See docs/service.md.
`

function fail(io: Io, message: string): number {
  io.stderr.write(`trouw: ${message} (see \`trouw serve --help\`)\n`)
  return 2
}

/** A whole number from a flag, or undefined when not given; NaN when invalid. */
function wholeNumber(value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  return /^\d+$/.test(value.trim()) && number >= min && number <= max ? number : Number.NaN
}

/** `1048576`, `512kb`, `2mb` to bytes. */
function byteSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const match = /^(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m)?$/i.exec(value.trim())
  if (!match) return Number.NaN
  const unit = (match[2] ?? 'b').toLowerCase()
  const factor = unit.startsWith('m') ? 1024 * 1024 : unit.startsWith('k') ? 1024 : 1
  return Math.round(Number(match[1]) * factor)
}

export async function serve(argv: string[], io: Io): Promise<number> {
  const {values} = parseCommandArgs(
    {
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: {type: 'string'},
        host: {type: 'string'},
        workers: {type: 'string'},
        'max-body': {type: 'string'},
        timeout: {type: 'string'},
        'check-timeout': {type: 'string'},
        'max-queue': {type: 'string'},
        cors: {type: 'string', multiple: true},
        help: {type: 'boolean', short: 'h'}
      }
    },
    'serve'
  )
  if (values.help) {
    io.stdout.write(serveHelp)
    return 0
  }
  const port = wholeNumber(values.port, 0, 65535)
  const workers = wholeNumber(values.workers, 1, 256)
  const maxBody = byteSize(values['max-body'])
  const timeout = wholeNumber(values.timeout, 1, 3_600_000)
  const checkTimeout = wholeNumber(values['check-timeout'], 1, 3_600_000)
  const maxQueue = wholeNumber(values['max-queue'], 0, 1_000_000)
  if (Number.isNaN(port)) return fail(io, `\`--port\` must be a number from 0 to 65535 (got \`${values.port}\`)`)
  if (Number.isNaN(workers)) return fail(io, `\`--workers\` must be a number from 1 to 256 (got \`${values.workers}\`)`)
  if (Number.isNaN(maxBody) || maxBody === 0) return fail(io, `\`--max-body\` must be a size like 1048576, 512kb or 2mb (got \`${values['max-body']}\`)`)
  if (Number.isNaN(timeout)) return fail(io, `\`--timeout\` must be a number of milliseconds (got \`${values.timeout}\`)`)
  if (Number.isNaN(checkTimeout)) return fail(io, `\`--check-timeout\` must be a number of milliseconds (got \`${values['check-timeout']}\`)`)
  if (Number.isNaN(maxQueue)) return fail(io, `\`--max-queue\` must be a whole number (got \`${values['max-queue']}\`)`)

  const {startService, normalizeOrigin} = await import('../server/app.js')
  const corsOrigins: string[] = []
  for (const origin of values.cors ?? []) {
    const normalized = normalizeOrigin(origin.trim())
    if (!normalized) return fail(io, `\`--cors\` takes an origin such as https://editor.example.com, without a path (got \`${origin}\`)`)
    corsOrigins.push(normalized)
  }
  const log = (line: string) => io.stderr.write(line + '\n')
  let service
  try {
    service = await startService({
      port: port ?? 8080,
      host: values.host ?? '127.0.0.1',
      workers,
      maxBodyBytes: maxBody,
      requestTimeoutMs: timeout,
      checkTimeoutMs: checkTimeout,
      maxQueue,
      corsOrigins,
      log,
      testHooks: process.env.TROUW_SERVE_TEST_HOOKS === '1'
    })
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE') return fail(io, `port ${port ?? 8080} is in use: pick another with \`--port N\``)
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return fail(io, `cannot listen on \`${values.host}\`: pass an address of this machine`)
    if (code === 'EACCES') return fail(io, `no permission to listen on port ${port}: use a port above 1023`)
    throw error
  }
  log(JSON.stringify({time: new Date().toISOString(), level: 'info', event: 'listening', url: service.url, workers: service.pool.size}))

  return new Promise<number>((resolve) => {
    let stopping = false
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) {
        // A second signal: stop now.
        log(JSON.stringify({time: new Date().toISOString(), level: 'warn', event: 'forced-stop', signal}))
        process.exit(1)
      }
      stopping = true
      log(JSON.stringify({time: new Date().toISOString(), level: 'info', event: 'stopping', signal}))
      void service.close().then(() => {
        log(JSON.stringify({time: new Date().toISOString(), level: 'info', event: 'stopped'}))
        process.off('SIGTERM', stop)
        process.off('SIGINT', stop)
        resolve(0)
      })
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}
