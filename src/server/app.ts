/**
 * The trouw HTTP service (node:http): `POST /v1/check`, `GET /v1/rules`,
 * `GET /healthz` and the playground at `/`. Stateless: every request carries
 * all it needs, so any number of replicas can sit behind a load balancer.
 *
 * Checks run on a bounded pool of threads (src/server/pool.ts), so the HTTP
 * loop only reads bodies and writes answers. Every answer is JSON (or one of
 * the playground's own files); copy is never echoed back as HTML, and no
 * copy text is ever logged.
 */
import http, {type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'
import {CheckPool, JobTimeoutError, PoolBusyError, PoolClosedError, WorkerCrashError, WorkerMemoryError} from './pool.js'
import {HttpError} from './errors.js'
import {assertAcceptedType, parseCheckRequest} from './parse-request.js'
import {rulesBody} from './rules-list.js'
import {playgroundFiles} from '../playground/index.js'
import {version} from '../cli/version.js'

export interface ServiceOptions {
  /** Port to listen on; 0 picks a free one (default: 8080). */
  port?: number | null
  /** Address to listen on (default: `127.0.0.1`, loopback only). */
  host?: string | null
  /** Checking threads (default: 2). */
  workers?: number | null
  /** Largest request body in bytes (default: 1 MB, 1048576). */
  maxBodyBytes?: number | null
  /** Longest a client may take to send a request body, in ms (default: 10000). */
  requestTimeoutMs?: number | null
  /** Longest one check may run before its thread is replaced, in ms (default: 30000). */
  checkTimeoutMs?: number | null
  /** Checks that may wait for a thread before the service answers 503 (default: 256). */
  maxQueue?: number | null
  /**
   * Origins that may call the service from a browser on another host (CORS),
   * e.g. `https://editor.example.com`; `*` for any (default: none, CORS off).
   */
  corsOrigins?: readonly string[] | null
  /** Where the one-line JSON logs go (default: none). */
  log?: ((line: string) => void) | null
  /** Honour test hooks such as `x-trouw-test-crash` (default: false; the CLI turns it on only with `TROUW_SERVE_TEST_HOOKS=1`). */
  testHooks?: boolean | null
}

export interface Service {
  server: http.Server
  pool: CheckPool
  /** The address the service listens on, e.g. `http://127.0.0.1:8080`. */
  url: string
  /** Stop taking requests, finish the ones in flight, stop the threads. */
  close(): Promise<void>
}

/** Headers on every answer: a strict Content-Security-Policy and friends. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()'
}

/**
 * Old-generation heap of one checking thread, in MB. V8 grows a heap lazily
 * and collects late: two threads checking 1 MB bodies with spelling on held
 * 585 MB of resident memory, though a 1 MB check lives in 64 MB (measured
 * with that limit in the CLI: 160 MB resident). 128 MB keeps the service of
 * two threads under 500 MB with room for the checks.
 */
export const threadHeapMb = 128

const jsonType = 'application/json; charset=utf-8'

/** What a cross-origin caller may send and read. */
const corsAllowHeaders = 'content-type, x-trouw-path'

/**
 * An origin as CORS compares it (`scheme://host[:port]`, lower case, no
 * path), or undefined when `value` is not one. `*` stays `*`.
 */
export function normalizeOrigin(value: string): string | undefined {
  if (value === '*') return value
  try {
    const url = new URL(value)
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.origin === 'null') return undefined
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined
    return url.origin
  } catch {
    return undefined
  }
}

/** Start the service; resolves once it listens. */
export async function startService(options?: Readonly<ServiceOptions> | null): Promise<Service> {
  const settings = options ?? {}
  const maxBodyBytes = settings.maxBodyBytes ?? 1024 * 1024
  const requestTimeoutMs = settings.requestTimeoutMs ?? 10_000
  const log = settings.log ?? undefined
  const testHooks = Boolean(settings.testHooks)
  const corsOrigins = new Set<string>()
  for (const origin of settings.corsOrigins ?? []) {
    const normalized = normalizeOrigin(origin)
    if (!normalized) throw new TypeError(`not an origin: ${origin}`)
    corsOrigins.add(normalized)
  }
  const corsAny = corsOrigins.has('*')
  // Load the rules first (for /v1/rules and config checks): invalid rules stop the start here.
  rulesBody()
  const pool = new CheckPool({
    size: settings.workers ?? 2,
    maxHeapMb: threadHeapMb,
    maxQueue: settings.maxQueue ?? 256,
    jobTimeoutMs: settings.checkTimeoutMs ?? 30_000,
    testHooks,
    onEvent: (event) => log?.(JSON.stringify({time: new Date().toISOString(), level: 'warn', ...event}))
  })
  // Warm the threads (rules loaded, both languages built) before taking requests.
  try {
    await pool.ready
  } catch (error) {
    await pool.close()
    throw error
  }
  let closing = false
  const inFlight = new Set<ServerResponse>()
  const sentBytes = new WeakMap<ServerResponse, number>()
  const corsHeaders = new WeakMap<ServerResponse, Record<string, string>>()

  /** The CORS headers for a request's answer: none when CORS is off or the origin is not allowed. */
  function corsFor(request: IncomingMessage): Record<string, string> | undefined {
    if (corsOrigins.size === 0) return undefined
    const origin = request.headers.origin
    const allowed = typeof origin === 'string' && (corsAny || corsOrigins.has(origin.toLowerCase()))
    if (!allowed) return {vary: 'Origin'}
    return {
      'access-control-allow-origin': corsAny ? '*' : origin,
      ...(corsAny ? {} : {vary: 'Origin'}),
      'access-control-expose-headers': 'retry-after'
    }
  }

  const server = http.createServer((request, response) => {
    const started = performance.now()
    inFlight.add(response)
    const cors = corsFor(request)
    if (cors) corsHeaders.set(response, cors)
    let bytesIn = 0
    const countIn = (size: number) => (bytesIn += size)
    response.on('close', () => {
      inFlight.delete(response)
      const path = (request.url ?? '/').split('?')[0].slice(0, 200)
      log?.(
        JSON.stringify({
          time: new Date().toISOString(),
          level: response.statusCode >= 500 ? 'error' : 'info',
          method: request.method,
          path,
          status: response.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          bytes: bytesIn,
          bytesOut: sentBytes.get(response) ?? 0,
          ...(response.writableFinished ? {} : {aborted: true})
        })
      )
      if (closing) maybeFinished()
    })
    handle(request, response, countIn).catch((error: unknown) => {
      const failure = error instanceof HttpError ? error : new HttpError(500, 'internal', 'internal error: the check failed, please report this')
      if (!(error instanceof HttpError)) log?.(JSON.stringify({time: new Date().toISOString(), level: 'error', event: 'internal', detail: String((error as Error)?.message ?? error).slice(0, 300)}))
      sendError(response, failure)
    })
  })
  // Node's own limits sit above ours, so a slow body gets our JSON 408 first.
  server.requestTimeout = requestTimeoutMs + 5_000
  server.headersTimeout = Math.min(requestTimeoutMs + 5_000, 60_000)
  server.keepAliveTimeout = 5_000

  async function handle(request: IncomingMessage, response: ServerResponse, countIn: (size: number) => void): Promise<void> {
    let url: URL
    try {
      url = new URL(request.url ?? '/', 'http://localhost')
    } catch {
      throw new HttpError(400, 'bad-url', 'the request path cannot be read: use /v1/check, /v1/rules or /healthz')
    }
    const method = request.method ?? 'GET'
    if (method === 'OPTIONS' && corsOrigins.size > 0) return preflight(response, url.pathname)
    if (url.pathname === '/v1/check') {
      if (method !== 'POST') throw methodNotAllowed('POST')
      // Check the content type before reading a byte, so a wrong one costs nothing.
      try {
        assertAcceptedType(request.headers['content-type'])
      } catch (error) {
        request.resume()
        throw error
      }
      const job = await readBody(request, response, countIn).then((body) => parseCheckRequest(request.headers['content-type'], url.searchParams, body, request.headers['x-trouw-path']))
      if (testHooks && request.headers['x-trouw-test-crash'] === '1') job.crash = true
      if (testHooks && request.headers['x-trouw-test-hang']) job.hangMs = Number(request.headers['x-trouw-test-hang']) || 0
      if (testHooks && request.headers['x-trouw-test-hold-mb']) job.holdMb = Number(request.headers['x-trouw-test-hold-mb']) || 0
      if (testHooks && request.headers['x-trouw-test-slow']) await new Promise((resolve) => setTimeout(resolve, Number(request.headers['x-trouw-test-slow']) || 0))
      let outcome
      try {
        outcome = await pool.run(job)
      } catch (error) {
        if (error instanceof PoolBusyError) throw new HttpError(503, 'busy', 'too many checks waiting: retry in a moment, or add replicas')
        if (error instanceof PoolClosedError) throw new HttpError(503, 'shutting-down', 'the service is shutting down: retry on another replica')
        if (error instanceof JobTimeoutError) throw new HttpError(503, 'check-timeout', `${error.message}: split the copy into smaller parts`)
        if (error instanceof WorkerMemoryError) throw new HttpError(503, 'check-memory', `${error.message}; its thread was replaced: split the copy into smaller parts`)
        if (error instanceof WorkerCrashError) throw new HttpError(500, 'worker-crash', 'the checking thread crashed on this input; it was replaced: please report this input')
        throw error
      }
      if (outcome.ok) return send(response, 200, jsonType, outcome.report, {'cache-control': 'no-store'})
      if (outcome.kind === 'input') throw new HttpError(422, 'invalid-input', outcome.message)
      throw new Error(outcome.message)
    }
    if (method !== 'GET' && method !== 'HEAD') throw methodNotAllowed('GET, HEAD')
    if (url.pathname === '/healthz') {
      const load = pool.load
      return send(response, closing ? 503 : 200, jsonType, JSON.stringify({status: closing ? 'shutting-down' : 'ok', version: version(), workers: pool.size, ...load}) + '\n', {'cache-control': 'no-store'})
    }
    if (url.pathname === '/v1/rules') return send(response, 200, jsonType, rulesBody(), {'cache-control': 'public, max-age=300'})
    const file = playgroundFiles[url.pathname]
    if (file) return send(response, 200, file.type, file.body, {'cache-control': 'no-cache'})
    throw new HttpError(404, 'not-found', `no such path: the service has POST /v1/check, GET /v1/rules, GET /healthz and the playground at /`)
  }

  /** Answer a CORS preflight: 204 with what may be sent, or 403 for an origin not allowed. */
  function preflight(response: ServerResponse, pathname: string): void {
    const allowed = corsHeaders.get(response)?.['access-control-allow-origin']
    if (!allowed) {
      throw new HttpError(403, 'origin-not-allowed', 'this origin may not call the service: start it with `trouw serve --cors ORIGIN` for each web origin that may')
    }
    if (pathname !== '/v1/check' && pathname !== '/v1/rules' && pathname !== '/healthz') {
      throw new HttpError(404, 'not-found', 'no such path: the service has POST /v1/check, GET /v1/rules and GET /healthz')
    }
    response.writeHead(204, {
      ...securityHeaders,
      ...corsHeaders.get(response),
      'access-control-allow-methods': pathname === '/v1/check' ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': corsAllowHeaders,
      'access-control-max-age': '600',
      'cache-control': 'no-store',
      'content-length': '0'
    })
    sentBytes.set(response, 0)
    response.end()
  }

  function methodNotAllowed(allow: string): HttpError {
    const error = new HttpError(405, 'method-not-allowed', `use ${allow} here`)
    return Object.assign(error, {allow})
  }

  /** Read the whole body, within the size and time limits. */
  function readBody(request: IncomingMessage, response: ServerResponse, countIn: (size: number) => void): Promise<Uint8Array> {
    return new Promise<Uint8Array>((resolve, reject) => {
      const declared = Number(request.headers['content-length'])
      if (Number.isFinite(declared) && declared > maxBodyBytes) {
        request.resume()
        reject(tooLarge())
        return
      }
      const chunks: Buffer[] = []
      let size = 0
      let done = false
      const finish = (error: Error | undefined, body?: Uint8Array) => {
        if (done) return
        done = true
        clearTimeout(timer)
        request.off('data', onData)
        if (error) reject(error)
        else resolve(body!)
      }
      const timer = setTimeout(() => {
        response.setHeader('connection', 'close')
        finish(new HttpError(408, 'request-timeout', `the request body took longer than ${requestTimeoutMs} ms to arrive: send it in one go`))
      }, requestTimeoutMs)
      const onData = (chunk: Buffer) => {
        size += chunk.length
        countIn(chunk.length)
        if (size > maxBodyBytes) {
          request.resume()
          finish(tooLarge())
          return
        }
        chunks.push(chunk)
      }
      request.on('data', onData)
      request.on('end', () => finish(undefined, Buffer.concat(chunks, size)))
      request.on('aborted', () => finish(new HttpError(400, 'aborted', 'the client closed the connection before the body was complete')))
      request.on('error', () => finish(new HttpError(400, 'bad-body', 'the request body could not be read completely: send it again')))
    })
  }

  function tooLarge(): HttpError {
    return new HttpError(413, 'body-too-large', `the body is larger than the limit of ${maxBodyBytes} bytes: split the copy, or start the service with a larger --max-body`)
  }

  function sendError(response: ServerResponse, error: HttpError): void {
    if (response.headersSent) {
      response.destroy()
      return
    }
    const extra: Record<string, string> = {'cache-control': 'no-store'}
    const allow = (error as HttpError & {allow?: string}).allow
    if (allow) extra.allow = allow
    if (error.status === 503) extra['retry-after'] = '1'
    if (error.status === 408 || error.status === 413) extra.connection = 'close'
    send(response, error.status, jsonType, JSON.stringify({error: {status: error.status, code: error.code, message: error.message}}) + '\n', extra)
  }

  function send(response: ServerResponse, status: number, type: string, body: string, extra?: Record<string, string>): void {
    const bytes = Buffer.from(body, 'utf8')
    response.writeHead(status, {
      ...securityHeaders,
      ...corsHeaders.get(response),
      ...extra,
      ...(closing ? {connection: 'close'} : {}),
      'content-type': type,
      'content-length': String(bytes.length)
    })
    sentBytes.set(response, bytes.length)
    response.end(response.req.method === 'HEAD' ? undefined : bytes)
  }

  let finished: (() => void) | undefined
  function maybeFinished(): void {
    if (inFlight.size === 0) finished?.()
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      void pool.close()
      reject(error)
    })
    server.listen(settings.port ?? 8080, settings.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  let closed: Promise<void> | undefined
  return {
    server,
    pool,
    url: `http://${host}:${address.port}`,
    close() {
      closed ??= (async () => {
        closing = true
        const drained = new Promise<void>((resolve) => {
          finished = resolve
        })
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeIdleConnections()
        maybeFinished()
        await drained
        server.closeIdleConnections()
        await stopped
        await pool.close()
      })()
      return closed
    }
  }
}
