/**
 * The HTTP service end to end: `node dist/cli/bin.js serve` in a child
 * process on loopback, its answers compared byte for byte with
 * `node dist/cli/bin.js check --format json` on the same bytes. Needs a
 * build (`npm test` runs tsc first).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {once} from 'node:events'
import net from 'node:net'
import http from 'node:http'
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/cli/bin.js')

interface Running {
  url: string
  port: number
  child: ChildProcess
  logs: () => string[]
  stop: () => Promise<number | null>
}

/** Start `trouw serve --port 0` with test hooks on; resolves once it listens. */
async function startServe(args: string[] = []): Promise<Running> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], {
    cwd: os.tmpdir(),
    env: {...process.env, TROUW_SERVE_TEST_HOOKS: '1'},
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const lines: string[] = []
  let buffer = ''
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + lines.join('\n'))), 20_000)
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (chunk: string) => {
      buffer += chunk
      let newline
      while ((newline = buffer.indexOf('\n')) !== -1) {
        const line = buffer.slice(0, newline)
        buffer = buffer.slice(newline + 1)
        lines.push(line)
        try {
          const entry = JSON.parse(line)
          if (entry.event === 'listening') {
            clearTimeout(timer)
            resolve(entry.url)
          }
        } catch {
          // not a log line
        }
      }
    })
    child.on('exit', () => reject(new Error('serve exited: ' + lines.join('\n') + buffer)))
  })
  const url = await listening
  return {
    url,
    port: Number(new URL(url).port),
    child,
    logs: () => lines,
    async stop() {
      if (child.exitCode !== null) return child.exitCode
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit')
      return code as number | null
    }
  }
}

let emptyFolder: Promise<string> | undefined
/** An empty folder to run the CLI in, so no `.trouwrc` or `.trouwignore` from elsewhere applies. */
function cliFolder(): Promise<string> {
  emptyFolder ??= mkdtemp(path.join(os.tmpdir(), 'trouw-serve-cli-'))
  return emptyFolder
}

afterAll(async () => {
  if (emptyFolder) await rm(await emptyFolder, {recursive: true, force: true})
})

/** What `trouw check --format json` prints for these bytes on stdin. */
async function cliReport(bytes: Uint8Array | string, formatIn: string, lang = 'auto', extra: string[] = []): Promise<string> {
  const child = spawn(process.execPath, [bin, 'check', '--format', 'json', '--format-in', formatIn, '--lang', lang, '--no-config', '--no-ignore', ...extra], {
    cwd: await cliFolder(),
    stdio: ['pipe', 'pipe', 'pipe']
  })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  child.stdin!.end(bytes)
  const [code] = await once(child, 'exit')
  if ((code !== 0 && code !== 1) || out === '') throw new Error(`trouw check exited ${code} with ${out.length} bytes: ${err}`)
  return out
}

async function post(url: string, type: string, body: string | Uint8Array, headers: Record<string, string> = {}) {
  const response = await fetch(url, {method: 'POST', headers: {'content-type': type, ...headers}, body})
  return {status: response.status, headers: response.headers, text: await response.text()}
}

/** One raw HTTP exchange over a socket, so a test can send half a body, stall, or close early. */
function rawExchange(port: number, write: (socket: net.Socket) => void, timeoutMs = 10_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    let received = ''
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('no answer in time; got: ' + received))
    }, timeoutMs)
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => (received += chunk))
    socket.on('close', () => {
      clearTimeout(timer)
      resolve(received)
    })
    socket.on('error', () => {})
    socket.on('connect', () => write(socket))
  })
}

const english = 'Dear reader,\n\nOrder today or lose your loyalty points forever! Only 3 left, so hurry.\n\nWe are absolutely, incredibly, insanely thrilled to have you!!!\n\nThanks for reading; unsubscribe any time.\n'
const dutch = 'Beste lezer,\n\nBestel vandaag nog, anders ben je al je spaarpunten kwijt! Nog maar 3 over, dus haast je.\n\nWe zijn ontzettend, waanzinnig, mega blij met jou!!!\n\nBedankt voor het lezen; je kunt je altijd afmelden.\n'
const markdown = '# Our spring box\n\nYou would be **crazy** to miss this. Order now before it is gone forever!\n\n- Fresh tulips, grown by hand\n- Free returns within 30 days\n'
const html = '<!doctype html><html><body><h1>Laatste kans!</h1><p>Wie nu niet bestelt, mist alles. Alleen vandaag: <b>50% korting</b>.</p><p><a href="https://example.com/stop">Afmelden</a> kan altijd.</p></body></html>'
const mjml = '<mjml><mj-body><mj-section><mj-column><mj-text>Don\'t miss out: your exclusive offer ends tonight and will never come back!</mj-text><mj-button href="https://example.com">Claim it now</mj-button></mj-column></mj-section></mj-body></mjml>'
const eml = [
  'From: Tulip Shop <shop@example.com>',
  'To: reader@example.com',
  'Subject: Last chance: your points expire tonight!',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Hi there,',
  '',
  'Your points expire at midnight unless you order now. Don\'t you care about your rewards?',
  '',
  'Warm regards, the shop',
  ''
].join('\r\n')

describe('trouw serve', () => {
  let service: Running

  beforeAll(async () => {
    service = await startServe(['--timeout', '800', '--workers', '2'])
  }, 30_000)

  afterAll(async () => {
    await service?.stop()
  })

  it('answers /healthz, /v1/rules and unknown paths with JSON and security headers', async () => {
    const health = await fetch(service.url + '/healthz')
    expect(health.status).toBe(200)
    const body = await health.json()
    expect(body).toMatchObject({status: 'ok', workers: 2})
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(health.headers.get('x-content-type-options')).toBe('nosniff')

    const rules = await fetch(service.url + '/v1/rules')
    const list = (await rules.json()).rules as Array<Record<string, unknown>>
    expect(list.length).toBeGreaterThan(10)
    for (const rule of list) {
      expect(Object.keys(rule).sort()).toEqual(['category', 'id', 'languages', 'message', 'severity', 'subtype', 'url'])
    }
    expect(list.some((rule) => rule.category === 'coercion' && rule.subtype === 'threat')).toBe(true)

    const head = await fetch(service.url + '/v1/rules', {method: 'HEAD'})
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')

    const playground = await fetch(service.url + '/')
    expect(playground.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(playground.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await playground.text()).not.toMatch(/<script>|<style>| style=| on[a-z]+=/)

    const missing = await fetch(service.url + '/nope')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/^application\/json/)
    expect((await missing.json()).error.code).toBe('not-found')

    const wrongMethod = await fetch(service.url + '/v1/check')
    expect(wrongMethod.status).toBe(405)
    expect(wrongMethod.headers.get('allow')).toBe('POST')
  })

  it.each([
    ['text/plain', 'text', english],
    ['text/plain; charset=utf-8', 'text', dutch],
    ['text/markdown', 'markdown', markdown],
    ['text/html', 'html', html],
    ['application/mjml', 'mjml', mjml],
    ['text/mjml', 'mjml', mjml],
    ['message/rfc822', 'eml', eml]
  ])('POST %s returns the CLI report byte for byte', async (type, formatIn, copy) => {
    const [answer, expected] = await Promise.all([post(service.url + '/v1/check', type, copy), cliReport(copy, formatIn)])
    expect(answer.status).toBe(200)
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
    expect(answer.text).toBe(expected)
    expect(JSON.parse(answer.text).files[0].messages.length).toBeGreaterThan(0)
  })

  it('takes ?lang= and a JSON body with format, lang and config, as the CLI takes flags', async () => {
    const query = await post(service.url + '/v1/check?lang=nl', 'text/plain', dutch)
    expect(query.text).toBe(await cliReport(dutch, 'text', 'nl'))

    const config = {rules: {'coercion/urgency': 'off', 'over-the-top': 'error'}, allow: ['scarcity']}
    const json = await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: english, format: 'text', lang: 'en', config}))
    const flags = ['--rule', 'coercion/urgency=off', '--rule', 'over-the-top=error', '--allow', 'scarcity']
    expect(json.status).toBe(200)
    expect(json.text).toBe(await cliReport(english, 'text', 'en', flags))
    expect(json.text).not.toBe(await cliReport(english, 'text', 'en'))
  })

  it('adds an email\'s decoded parts with ?parts=true or "parts": true, and changes nothing else', async () => {
    const plain = JSON.parse((await post(service.url + '/v1/check', 'message/rfc822', eml)).text)
    expect(plain.files[0].parts).toBeUndefined()
    const withParts = JSON.parse((await post(service.url + '/v1/check?parts=true', 'message/rfc822', eml)).text)
    expect(Object.keys(withParts.files[0].parts).sort()).toEqual(['subject', 'text'])
    expect(withParts.files[0].parts.subject).toBe('Last chance: your points expire tonight!')
    expect(withParts.files[0].parts.text).toContain('Your points expire at midnight unless you order now.')
    // Every finding's place is in the raw message; `inPart` is a line and column in the part it names.
    for (const message of withParts.files[0].messages) {
      const lines = withParts.files[0].parts[message.part].split('\n')
      expect(lines[message.inPart.line - 1].slice(message.inPart.column - 1)).toContain(message.actual.split('\n')[0])
      expect(eml.split(/\r?\n/)[message.line - 1].slice(message.column - 1)).toContain(message.actual.split('\n')[0])
    }
    const {parts, ...rest} = withParts.files[0]
    expect(parts).toBeDefined()
    expect({...withParts, files: [rest]}).toEqual(plain)
    const json = JSON.parse((await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: eml, format: 'eml', parts: true}))).text)
    expect(json.files[0].parts).toEqual(withParts.files[0].parts)
    // Other formats have no parts to add.
    const text = JSON.parse((await post(service.url + '/v1/check?parts=true', 'text/plain', english)).text)
    expect(text.files[0].parts).toBeUndefined()
  })

  it('converts a declared charset to UTF-8 first', async () => {
    const latin1 = Uint8Array.from([...'Geniet van ons café, het is ontzettend geweldig!!!'].map((char) => char.charCodeAt(0)))
    const answer = await post(service.url + '/v1/check?lang=nl', 'text/plain; charset=iso-8859-1', latin1)
    expect(answer.status).toBe(200)
    expect(answer.text).toBe(await cliReport('Geniet van ons café, het is ontzettend geweldig!!!', 'text', 'nl'))
  })

  it('refuses wrong content types (415), malformed JSON (400) and bad values (422) with one-line JSON errors', async () => {
    const cases: Array<[string, string | Uint8Array, number, string]> = [
      ['image/png', 'x', 415, 'unsupported-media-type'],
      // Bytes, so fetch adds no content type of its own.
      ['', new TextEncoder().encode('x'), 415, 'unsupported-media-type'],
      ['text/plain; charset=klingon-8', 'x', 415, 'unsupported-charset'],
      ['application/json', '{"text": "hi",', 400, 'malformed-json'],
      ['application/json', '[1, 2]', 422, 'invalid-body'],
      ['application/json', '{"copy": "hi"}', 422, 'invalid-body'],
      ['application/json', '{"text": 42}', 422, 'invalid-text'],
      ['application/json', '{"text": "hi", "lang": "fr"}', 422, 'invalid-lang'],
      ['application/json', '{"text": "hi", "format": "pdf"}', 422, 'invalid-format'],
      ['application/json', '{"text": "hi", "config": {"rules": {"coercion": "loud"}}}', 422, 'invalid-config'],
      ['application/json', '{"text": "hi", "config": {"lang": "nl"}}', 422, 'invalid-config'],
      ['application/json', '{"text": "hi", "parts": "yes"}', 422, 'invalid-parts'],
      ['text/plain', 'hi', 422, 'invalid-lang']
    ]
    for (const [type, body, status, code] of cases) {
      const url = service.url + '/v1/check' + (code === 'invalid-lang' && type === 'text/plain' ? '?lang=de' : '')
      const answer = await fetch(url, {method: 'POST', headers: type ? {'content-type': type} : {}, body})
      const text = await answer.text()
      expect({type, status: answer.status}).toEqual({type, status})
      expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8')
      const error = JSON.parse(text).error
      expect(error.code).toBe(code)
      expect(error.message).not.toContain('\n')
      expect(error.message.length).toBeGreaterThan(10)
    }
  })

  it('answers invalid encodings and empty or binary copy with 422 and the engine message', async () => {
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['text/plain', Uint8Array.from([0x48, 0x69, 0x20, 0xc3, 0x28, 0x21, 0x0a]), /not valid UTF-8/],
      ['text/html', Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00]), /UTF-16/],
      ['text/markdown', Uint8Array.from([0x00, 0x01, 0x02, 0x03, 0x00, 0x00, 0x10, 0x11]), /binary/],
      ['text/plain', new TextEncoder().encode('   \n  '), /empty/],
      ['message/rfc822', new TextEncoder().encode('just some words, no headers at all'), /MIME/],
      ['application/json', Uint8Array.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), /UTF-8/]
    ]
    for (const [type, bytes, pattern] of cases) {
      const answer = await post(service.url + '/v1/check', type, bytes)
      expect({type, status: answer.status}).toEqual({type, status: 422})
      expect(JSON.parse(answer.text).error.message).toMatch(pattern)
      expect(answer.text).not.toContain('<stdin>')
    }
  })

  it('refuses bodies over the limit with 413, with and without a content-length', async () => {
    const big = new Uint8Array(1024 * 1024 + 1).fill(0x61)
    const declared = await post(service.url + '/v1/check', 'text/plain', big)
    expect(declared.status).toBe(413)
    expect(JSON.parse(declared.text).error.code).toBe('body-too-large')

    const chunked = await new Promise<{status: number; body: string}>((resolve, reject) => {
      const request = http.request(service.url + '/v1/check', {method: 'POST', headers: {'content-type': 'text/plain', 'transfer-encoding': 'chunked'}}, (response) => {
        let body = ''
        response.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({status: response.statusCode ?? 0, body}))
      })
      request.on('error', reject)
      const chunk = Buffer.alloc(256 * 1024, 0x62)
      for (let index = 0; index < 5; index++) request.write(chunk)
      request.end()
    })
    expect(chunked.status).toBe(413)
    expect(JSON.parse(chunked.body).error.code).toBe('body-too-large')
  })

  it('answers a slow client that sends half a body and stalls with 408', async () => {
    const started = Date.now()
    const answer = await rawExchange(service.port, (socket) => {
      socket.write('POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 200\r\n\r\n')
      socket.write('Order now or lose it all, this half of a body never'.padEnd(100, '.'))
      // ... and the other 100 bytes never come.
    })
    expect(answer).toMatch(/^HTTP\/1\.1 408 /)
    expect(answer).toContain('"code":"request-timeout"')
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('survives truncated bodies (the client closes mid-body) and keeps serving', async () => {
    const answer = await rawExchange(service.port, (socket) => {
      socket.write('POST /v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: 500\r\n\r\nOnly part of the copy')
      socket.end()
    })
    expect(answer).not.toMatch(/^HTTP\/1\.1 200/)
    const after = await post(service.url + '/v1/check', 'text/plain', english)
    expect(after.status).toBe(200)
  })

  it('checks concurrent requests in mixed languages, each byte-identical to the CLI', async () => {
    const inputs: Array<[string, string, string, string]> = [
      ['text/plain', 'text', english, 'auto'],
      ['text/plain', 'text', dutch, 'auto'],
      ['text/plain', 'text', english, 'en'],
      ['text/plain', 'text', dutch, 'nl'],
      ['text/html', 'html', html, 'nl'],
      ['text/markdown', 'markdown', markdown, 'en'],
      ['application/mjml', 'mjml', mjml, 'auto'],
      ['message/rfc822', 'eml', eml, 'en']
    ]
    const expected = await Promise.all(inputs.map(([, formatIn, copy, lang]) => cliReport(copy, formatIn, lang)))
    const rounds = 3
    const answers = await Promise.all(
      Array.from({length: rounds}, () => inputs).flat().map(([type, , copy, lang]) => post(service.url + '/v1/check?lang=' + lang, type, copy))
    )
    answers.forEach((answer, index) => {
      expect(answer.status).toBe(200)
      expect(answer.text).toBe(expected[index % inputs.length])
    })
    expect(new Set(answers.map((answer) => JSON.parse(answer.text).files[0].language))).toEqual(new Set(['en', 'nl']))
  })

  it('survives a crashing checking thread: that request gets 500, the others and later ones succeed', async () => {
    const [crashed, ...others] = await Promise.all([
      post(service.url + '/v1/check', 'text/plain', english, {'x-trouw-test-crash': '1'}),
      post(service.url + '/v1/check', 'text/plain', dutch),
      post(service.url + '/v1/check', 'text/plain', english)
    ])
    expect(crashed.status).toBe(500)
    expect(JSON.parse(crashed.text).error.code).toBe('worker-crash')
    for (const answer of others) expect(answer.status).toBe(200)
    for (let index = 0; index < 4; index++) {
      const answer = await post(service.url + '/v1/check', 'text/plain', index % 2 ? dutch : english)
      expect(answer.status).toBe(200)
    }
    expect((await (await fetch(service.url + '/healthz')).json()).workers).toBe(2)
    expect(service.logs().some((line) => line.includes('"event":"thread-crash"'))).toBe(true)
  })

  it('ends a thread that needs more than its heap cap: that request gets 503 check-memory, the service keeps answering', async () => {
    // The hook holds 300 MB in the thread before checking: over the 128 MB cap (`threadHeapMb`), so V8 ends the thread.
    const [heavy, ...others] = await Promise.all([
      post(service.url + '/v1/check', 'text/plain', english, {'x-trouw-test-hold-mb': '300'}),
      post(service.url + '/v1/check', 'text/plain', dutch),
      post(service.url + '/v1/check', 'text/plain', english)
    ])
    expect(heavy.status).toBe(503)
    expect(heavy.text.trim().split('\n')).toHaveLength(1)
    const error = JSON.parse(heavy.text).error
    expect(error.code).toBe('check-memory')
    expect(error.message).toContain('128 MB')
    expect(error.message).toContain('split the copy')
    for (const answer of others) expect(answer.status).toBe(200)
    for (let index = 0; index < 4; index++) {
      const answer = await post(service.url + '/v1/check', 'text/plain', index % 2 ? dutch : english)
      expect(answer.status).toBe(200)
      expect(answer.text).toBe(await cliReport(index % 2 ? dutch : english, 'text'))
    }
    const health = await (await fetch(service.url + '/healthz')).json()
    expect(health).toMatchObject({status: 'ok', workers: 2})
    expect(service.logs().some((line) => line.includes('"event":"thread-out-of-memory"'))).toBe(true)
    expect(service.child.exitCode).toBe(null)
  }, 60_000)

  it('logs one JSON line per request, without copy text', () => {
    const requests = service
      .logs()
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.method)
    expect(requests.length).toBeGreaterThan(20)
    for (const entry of requests) {
      expect(typeof entry.status).toBe('number')
      expect(typeof entry.ms).toBe('number')
      expect(typeof entry.bytes).toBe('number')
      expect(entry.path.startsWith('/')).toBe(true)
    }
    const all = service.logs().join('\n')
    expect(all).not.toContain('loyalty points')
    expect(all).not.toContain('spaarpunten')
  })
})

describe('trouw serve: verdict, file name and CORS', () => {
  let service: Running
  let open: Running
  const editor = 'https://editor.example.com'

  beforeAll(async () => {
    ;[service, open] = await Promise.all([startServe(['--workers', '1', '--cors', editor, '--cors', 'http://localhost:5173']), startServe(['--workers', '1'])])
  }, 30_000)

  afterAll(async () => {
    await Promise.all([service?.stop(), open?.stop()])
  })

  it('answers with a verdict: pass, and the reasons it fails (findings at failOn, ESP below minEsp)', async () => {
    const failing = JSON.parse((await post(service.url + '/v1/check', 'text/plain', english)).text)
    expect(failing.pass).toBe(false)
    expect(failing.reasons).toEqual([expect.objectContaining({path: '<stdin>', ruleId: 'trouw/fail-on', failOn: 'warning'})])
    expect(failing.reasons[0].count).toBe(failing.files[0].messages.filter((message: {severity: string}) => message.severity !== 'info').length)
    expect(failing.files[0].pass).toBe(false)

    const never = JSON.parse((await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: english, failOn: 'never'}))).text)
    expect(never.pass).toBe(true)
    expect(never.reasons).toEqual([])

    const esp = never.files[0].scores.esp
    const gate = JSON.parse((await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: english, failOn: 'never', minEsp: esp + 1}))).text)
    expect(gate.pass).toBe(false)
    expect(gate.reasons).toEqual([{path: '<stdin>', ruleId: 'trouw/min-esp', esp, minEsp: esp + 1, message: expect.stringMatching(new RegExp(`^ESP score ${esp} is below the minimum of ${esp + 1}`))}])
    const atScore = JSON.parse((await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: english, config: {failOn: 'never', minEsp: esp}}))).text)
    expect(atScore.pass).toBe(true)
  })

  it('takes failOn and minEsp as query parameters too, and answers what the CLI prints with the same flags', async () => {
    const answer = await post(service.url + '/v1/check?failOn=never&minEsp=100', 'text/plain', english)
    expect(answer.status).toBe(200)
    expect(answer.text).toBe(await cliReport(english, 'text', 'auto', ['--fail-on', 'never', '--min-esp', '100']))
    expect(JSON.parse(answer.text).reasons.map((reason: {ruleId: string}) => reason.ruleId)).toEqual(['trouw/min-esp'])
  })

  it('rejects a bad failOn or minEsp with 422', async () => {
    for (const [body, code] of [
      [{text: 'x', failOn: 'always'}, 'invalid-fail-on'],
      [{text: 'x', minEsp: 101}, 'invalid-min-esp'],
      [{text: 'x', minEsp: '50'}, 'invalid-min-esp']
    ] as const) {
      const answer = await post(service.url + '/v1/check', 'application/json', JSON.stringify(body))
      expect(answer.status).toBe(422)
      expect(JSON.parse(answer.text).error.code).toBe(code)
    }
    expect((await post(service.url + '/v1/check?minEsp=lots', 'text/plain', english)).status).toBe(422)
  })

  it('names the file as the request does (X-Trouw-Path, "path", ?path=) instead of <stdin>', async () => {
    const header = JSON.parse((await post(service.url + '/v1/check', 'text/html', html, {'x-trouw-path': 'mails/zomer.html'})).text)
    expect(header.files[0].path).toBe('mails/zomer.html')
    for (const message of header.files[0].messages) expect(message).not.toHaveProperty('file')
    const encoded = JSON.parse((await post(service.url + '/v1/check', 'text/plain', dutch, {'x-trouw-path': encodeURIComponent('mails/één.txt')})).text)
    expect(encoded.files[0].path).toBe('mails/één.txt')
    const query = JSON.parse((await post(service.url + '/v1/check?path=a.txt', 'text/plain', english)).text)
    expect(query.files[0].path).toBe('a.txt')
    // In JSON, the name picks the format by its extension, as a file name does for the CLI.
    const json = JSON.parse((await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: markdown, path: 'spring/box.md'}))).text)
    expect(json.files[0]).toMatchObject({path: 'spring/box.md', format: 'markdown'})
    expect(json.reasons.every((reason: {path: string}) => reason.path === 'spring/box.md')).toBe(true)
    const bad = await post(service.url + '/v1/check', 'application/json', JSON.stringify({text: 'x', path: 'a\nb.txt'}))
    expect(bad.status).toBe(422)
    expect(JSON.parse(bad.text).error.code).toBe('invalid-path')
  })

  it('without --cors: no CORS headers, and a preflight is not answered', async () => {
    const answer = await post(open.url + '/v1/check', 'text/plain', english, {origin: editor})
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
    const preflight = await fetch(open.url + '/v1/check', {method: 'OPTIONS', headers: {origin: editor, 'access-control-request-method': 'POST'}})
    expect(preflight.status).toBe(405)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('with --cors ORIGIN: that origin may call, others may not; preflight handled', async () => {
    const allowed = await post(service.url + '/v1/check', 'text/plain', english, {origin: editor})
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe(editor)
    expect(allowed.headers.get('vary')).toMatch(/Origin/)
    const second = await fetch(service.url + '/healthz', {headers: {origin: 'http://localhost:5173'}})
    expect(second.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    // Error answers carry the header too, so the page can read why.
    const error = await post(service.url + '/v1/check', 'application/json', '{', {origin: editor})
    expect(error.status).toBe(400)
    expect(error.headers.get('access-control-allow-origin')).toBe(editor)

    const other = await post(service.url + '/v1/check', 'text/plain', english, {origin: 'https://evil.example.net'})
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
    expect(other.headers.get('vary')).toMatch(/Origin/)

    const preflight = await fetch(service.url + '/v1/check', {
      method: 'OPTIONS',
      headers: {origin: editor, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-trouw-path'}
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe(editor)
    expect(preflight.headers.get('access-control-allow-methods')).toMatch(/POST/)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/content-type/)
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/x-trouw-path/)
    const refused = await fetch(service.url + '/v1/check', {method: 'OPTIONS', headers: {origin: 'https://evil.example.net', 'access-control-request-method': 'POST'}})
    expect(refused.status).toBe(403)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect((await refused.json()).error.code).toBe('origin-not-allowed')
  })

  it('refuses a --cors value that is not an origin: one line, exit 2', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--cors', 'https://editor.example.com/app'], {stdio: ['ignore', 'ignore', 'pipe']})
    let err = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(err).toMatch(/^trouw: `--cors` takes an origin such as https:\/\/editor\.example\.com, without a path \(got `https:\/\/editor\.example\.com\/app`\)/)
    expect(err.trim().split('\n')).toHaveLength(1)
  })
})

describe('trouw serve under a huge email', () => {
  // About 900 KB of copy: under the 1 MB limit, but hundreds of times a normal email.
  const huge = Array.from({length: 2200}, (_, index) => `Paragraph ${index}: order today or lose your points forever, we are so incredibly thrilled!!!\n\nThanks for reading, take your time.\n\n`).join('').slice(0, 900_000)

  it('keeps answering small checks on the other thread while one huge email is checked', async () => {
    const service = await startServe(['--workers', '2'])
    try {
      let hugeDone = 0
      const hugeRequest = post(service.url + '/v1/check?lang=en', 'text/plain', huge).then((answer) => {
        hugeDone = Date.now()
        return answer
      })
      await new Promise((resolve) => setTimeout(resolve, 100))
      const smallDone: number[] = []
      for (let index = 0; index < 5; index++) {
        const answer = await post(service.url + '/v1/check', 'text/plain', index % 2 ? dutch : english)
        expect(answer.status).toBe(200)
        smallDone.push(Date.now())
      }
      const big = await hugeRequest
      expect(big.status).toBe(200)
      expect(JSON.parse(big.text).files[0].messages.length).toBeGreaterThan(1000)
      for (const done of smallDone) expect(done).toBeLessThan(hugeDone)
    } finally {
      await service.stop()
    }
  }, 60_000)

  it('answers 503 busy when every thread is taken and the queue is full', async () => {
    const service = await startServe(['--workers', '1', '--max-queue', '0'])
    try {
      const hugeRequest = post(service.url + '/v1/check?lang=en', 'text/plain', huge)
      // Wait (bounded) until the huge check holds the only thread.
      for (let tries = 0; tries < 100; tries++) {
        if ((await (await fetch(service.url + '/healthz')).json()).running === 1) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const refused = await post(service.url + '/v1/check', 'text/plain', english)
      expect(refused.status).toBe(503)
      expect(JSON.parse(refused.text).error.code).toBe('busy')
      expect(refused.headers.get('retry-after')).toBe('1')
      expect((await hugeRequest).status).toBe(200)
      expect((await post(service.url + '/v1/check', 'text/plain', english)).status).toBe(200)
    } finally {
      await service.stop()
    }
  }, 60_000)

  it('replaces a thread whose check runs past --check-timeout, answers 503, and goes on', async () => {
    const service = await startServe(['--workers', '1', '--check-timeout', '400'])
    try {
      // The hook keeps the thread busy for 3 s, so the 400 ms limit fires on any machine.
      const answer = await post(service.url + '/v1/check?lang=en', 'text/plain', english, {'x-trouw-test-hang': '3000'})
      expect(answer.status).toBe(503)
      expect(JSON.parse(answer.text).error.code).toBe('check-timeout')
      expect(answer.headers.get('retry-after')).toBe('1')
      const after = await post(service.url + '/v1/check', 'text/plain', english)
      expect(after.status).toBe(200)
      expect(service.logs().some((line) => line.includes('"event":"thread-timeout"'))).toBe(true)
    } finally {
      await service.stop()
    }
  }, 60_000)
})

describe('trouw serve shutdown', () => {
  it('finishes requests in flight on SIGTERM, then exits 0', async () => {
    const service = await startServe()
    const exited = once(service.child, 'exit')
    const inFlight = post(service.url + '/v1/check', 'text/plain', english, {'x-trouw-test-slow': '1000'})
    await new Promise((resolve) => setTimeout(resolve, 200))
    service.child.kill('SIGTERM')
    const answer = await inFlight
    expect(answer.status).toBe(200)
    expect(answer.text).toBe(await cliReport(english, 'text'))
    const [code] = await exited
    expect(code).toBe(0)
    const events = service.logs().map((line) => JSON.parse(line).event)
    expect(events).toContain('stopping')
    expect(events.at(-1)).toBe('stopped')
    await expect(fetch(service.url + '/healthz')).rejects.toThrow()
  }, 30_000)

  it('prints its help, and refuses bad options with one line and exit code 2', async () => {
    const run = async (args: string[]) => {
      const child = spawn(process.execPath, [bin, 'serve', ...args], {stdio: ['ignore', 'pipe', 'pipe']})
      let out = ''
      child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
      child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
      const [code] = await once(child, 'exit')
      return {code, out}
    }
    const help = await run(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('--max-body BYTES')
    for (const args of [['--port', 'abc'], ['--workers', '0'], ['--max-body', 'lots'], ['--bogus']]) {
      const result = await run(args)
      expect({args, code: result.code}).toEqual({args, code: 2})
      expect(result.out.trim().split('\n')).toHaveLength(1)
      expect(result.out).toMatch(/^trouw: /)
    }
  }, 30_000)

  it('refuses to start on a port in use, with one line', async () => {
    const service = await startServe()
    const child = spawn(process.execPath, [bin, 'serve', '--port', String(service.port)], {stdio: ['ignore', 'ignore', 'pipe']})
    let err = ''
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
    const [code] = await once(child, 'exit')
    expect(code).toBe(2)
    expect(err).toMatch(/port \d+ is in use/)
    expect(await service.stop()).toBe(0)
  }, 30_000)
})
