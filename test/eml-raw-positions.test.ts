/**
 * `.eml` findings are placed in the raw message in every report (JSON,
 * SARIF, GitHub annotations, the text and terminal reports), through
 * quoted-printable, base64, multipart/alternative and nested multiparts;
 * a finding both body parts hold is reported once. The mails are written
 * here for this test.
 */
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {toJsonFile} from '../src/report/json.js'
import {sarifReport} from '../src/report/sarif.js'
import {githubReport} from '../src/report/github.js'
import {textReport} from '../src/report/text.js'
import {toReportFile} from '../src/ui/model.js'
import type {JsonMessage} from '../src/types.js'
import {unquote} from './quoted-printable.js'

/** Quoted-printable (UTF-8) of `text`, with soft line breaks after `width` characters. */
function quotedPrintable(text: string, width = 40): string {
  let out = ''
  let line = ''
  for (const byte of new TextEncoder().encode(text)) {
    const piece = byte === 10 ? '\r\n' : byte === 61 || byte > 126 ? '=' + byte.toString(16).toUpperCase().padStart(2, '0') : String.fromCharCode(byte)
    if (piece === '\r\n') {
      out += line + piece
      line = ''
      continue
    }
    if (line.length + piece.length > width) {
      out += line + '=\r\n'
      line = ''
    }
    line += piece
  }
  return out + line
}

/** Base64 of `text` in lines of 76 characters. */
function base64(text: string): string {
  return Buffer.from(text).toString('base64').replace(/.{76}/g, '$&\r\n')
}

const plain = [
  'Hi Noor,',
  '',
  'Our winter café reopens on Friday with soup, bread and a warm stove.',
  '',
  'Sign up today or lose your seat at the table forever.',
  '',
  'WE ARE SO INCREDIBLY EXCITED TO SEE YOU THERE!!!',
  ''
].join('\n')

const html = [
  '<html><body>',
  '<p>Hi Noor,</p>',
  '<p>Our winter café reopens on Friday with soup, bread and a warm stove.</p>',
  '<p>Sign up today or lose your seat at the table forever.</p>',
  '<p>WE ARE SO INCREDIBLY EXCITED TO SEE YOU THERE!!!</p>',
  '</body></html>'
].join('\n')

const headers = ['From: Soepkeuken <hallo@soep.example>', 'To: noor@example.org', 'Subject: Last chance: sign up today or lose your seat', 'MIME-Version: 1.0']

function alternative(textBody: string, textEncoding: string, htmlBody: string, htmlEncoding: string, boundary = 'alt-1'): string[] {
  return [
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${textEncoding}`,
    '',
    textBody,
    `--${boundary}`,
    'Content-Type: text/html; charset=utf-8',
    `Content-Transfer-Encoding: ${htmlEncoding}`,
    '',
    htmlBody,
    `--${boundary}--`
  ]
}

const mails: Record<string, string> = {
  'quoted-printable alternative': [...headers, ...alternative(quotedPrintable(plain), 'quoted-printable', quotedPrintable(html, 60), 'quoted-printable'), ''].join('\r\n'),
  'base64 alternative': [...headers, ...alternative(base64(plain), 'base64', base64(html), 'base64'), ''].join('\r\n'),
  '8bit text, quoted-printable HTML': [...headers, ...alternative(plain.replace(/\n/g, '\r\n'), '8bit', quotedPrintable(html, 50), 'quoted-printable'), ''].join('\r\n'),
  'nested multipart with an attachment': [
    ...headers,
    'Content-Type: multipart/mixed; boundary="outer"',
    '',
    'A preamble nobody reads.',
    '--outer',
    ...alternative(quotedPrintable(plain, 30), 'quoted-printable', base64(html), 'base64', 'inner'),
    '--outer',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Disposition: attachment; filename="menu.txt"',
    '',
    'Soup of the day. Act now, only 2 left!',
    '--outer--',
    ''
  ].join('\r\n')
}

/** The raw text between two 1-based line/column points. */
function rawSlice(raw: string, message: Pick<JsonMessage, 'line' | 'column' | 'endLine' | 'endColumn'>): string {
  const lines = raw.split('\r\n')
  const offset = (line: number, column: number) => lines.slice(0, line - 1).reduce((sum, text) => sum + text.length + 2, 0) + column - 1
  return raw.slice(offset(message.line, message.column), offset(message.endLine, message.endColumn))
}

/** What a raw range says: itself, or its quoted-printable or base64 decoding. */
function decodedAt(raw: string, message: JsonMessage): string {
  const slice = rawSlice(raw, message)
  if (message.located === 'words') return slice
  if (/^[A-Za-z\d+/\r\n]+$/.test(slice) && !/\s/.test(slice.replace(/\r\n/g, ''))) {
    // Base64: the characters of whole quanta around the range decode to the words.
    const lines = raw.split('\r\n')
    const joined = lines.slice(message.line - 1, message.endLine).join('')
    const before = message.column - 1
    const from = before - (before % 4)
    const to = joined.length - (lines[message.endLine - 1].length - (message.endColumn - 1))
    return Buffer.from(joined.slice(from, to + ((4 - ((to - from) % 4)) % 4)), 'base64').toString('utf8')
  }
  return unquote(slice)
}

describe('.eml findings are placed in the raw message', () => {
  for (const [name, raw] of Object.entries(mails)) {
    it(`${name}: every finding's raw range holds its words, once per issue`, async () => {
      const file = await check(raw, {path: 'winter.eml', lang: 'en'})
      const json = toJsonFile(file)
      const body = json.messages.filter((message) => message.part === 'html' || message.part === 'text')
      expect(body.length).toBeGreaterThanOrEqual(2)
      for (const message of json.messages) {
        expect(message.located, message.ruleId).toBeDefined()
        expect(message.located).not.toBe('part')
        expect(decodedAt(raw, message).replace(/\s+/g, ' '), `${name}: ${message.ruleId}`).toContain(message.actual.replace(/\s+/g, ' '))
        expect(message.inPart).toBeDefined()
      }
      // One finding per issue: the text part's twin is named, not repeated.
      for (const message of body) {
        const twins = body.filter((other) => other.ruleId === message.ruleId && other.actual === message.actual)
        expect(twins).toHaveLength(1)
        expect(message.alsoIn).toEqual([message.part === 'html' ? 'text' : 'html'])
      }
      // The attachment is not copy.
      expect(json.messages.some((message) => message.actual.includes('only 2 left'))).toBe(false)
      // The subject finding points into the Subject header line.
      const subject = json.messages.find((message) => message.part === 'subject')!
      expect(subject.located).toBe('words')
      expect(raw.split('\r\n')[subject.line - 1]).toMatch(/^Subject: /)
      expect(rawSlice(raw, subject)).toBe(subject.actual)
    })
  }

  it('an 8bit part is placed on its words as written; a quoted-printable finding split by a soft line break spans both raw lines', async () => {
    const textOnly = [...headers, 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', plain.replace(/\n/g, '\r\n')].join('\r\n')
    const text = toJsonFile(await check(textOnly, {path: 'winter.eml', lang: 'en'})).messages.filter((message) => message.part === 'text')
    expect(text.length).toBeGreaterThan(0)
    for (const message of text) {
      expect(message.located).toBe('words')
      expect(rawSlice(textOnly, message)).toBe(message.actual)
    }
    const raw = mails['8bit text, quoted-printable HTML']
    const html = toJsonFile(await check(raw, {path: 'winter.eml', lang: 'en'})).messages.filter((message) => message.part === 'html')
    const split = html.filter((message) => message.located === 'encoded' && message.endLine > message.line)
    expect(split.length).toBeGreaterThan(0)
    for (const message of split) expect(rawSlice(raw, message)).toContain('=\r\n')
  })

  it('SARIF, GitHub annotations, the text and the terminal report use the same raw places', async () => {
    const raw = mails['quoted-printable alternative']
    const file = await check(raw, {path: 'winter.eml', lang: 'en', parts: true})
    const json = toJsonFile(file)
    const places = json.messages.map((message) => [message.line, message.column, message.endLine, message.endColumn])
    const sarif = sarifReport([file]).runs[0].results.map((result) => {
      const region = result.locations[0].physicalLocation.region as {startLine: number; startColumn: number; endLine: number; endColumn: number}
      return [region.startLine, region.startColumn, region.endLine, region.endColumn]
    })
    expect(sarif).toEqual(places)
    const github = [...githubReport([file]).matchAll(/line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+)/g)].map((match) => match.slice(1).map(Number))
    expect(github).toEqual(places)
    const text = [...textReport([file]).matchAll(/winter\.eml:(\d+):(\d+)-(\d+):(\d+) \[/g)].map((match) => match.slice(1).map(Number))
    expect(text).toEqual(places)
    // The terminal report shows the readable decoded line, with the span on the words.
    const pretty = toReportFile(file)
    for (const finding of pretty.findings) {
      expect(finding.line).toBe(json.messages[pretty.findings.indexOf(finding)].line)
      expect(finding.sourceLine!.slice(finding.spanStart, finding.spanEnd)).toBe(finding.actual.split('\n')[0])
    }
    // Score evidence from the body is placed in the raw message too.
    const rawLines = raw.split('\r\n')
    const evidence = json.evidence.filter((item) => item.part === 'html' || item.part === 'text')
    expect(evidence.length).toBeGreaterThan(0)
    for (const item of evidence) expect(unquote(rawLines.slice(item.line - 1, item.endLine).join('=\r\n'))).toContain(item.text.split('\n')[0].slice(0, 10))
  })

  it('a base64 part: the range covers the base64 characters that encode the words, marked encoded', async () => {
    const raw = mails['base64 alternative']
    const json = toJsonFile(await check(raw, {path: 'winter.eml', lang: 'en'}))
    const body = json.messages.filter((message) => message.part === 'html')
    expect(body.length).toBeGreaterThan(0)
    for (const message of body) {
      expect(message.located).toBe('encoded')
      expect(rawSlice(raw, message)).toMatch(/^[A-Za-z\d+/=\r\n]+$/)
    }
  })

  it('words not found in the raw message are placed on their whole part, marked part', async () => {
    // A folded, encoded-word Subject cannot be matched word for word: its whole header value is the place.
    const raw = mails['quoted-printable alternative'].replace(
      'Subject: Last chance: sign up today or lose your seat',
      'Subject: =?UTF-8?Q?Last_chance=3A_sign_up_today_or_lose_?=\r\n =?UTF-8?Q?your_seat?='
    )
    const json = toJsonFile(await check(raw, {path: 'winter.eml', lang: 'en'}))
    const subject = json.messages.find((message) => message.part === 'subject')!
    expect(subject.located).toBe('part')
    expect(subject.line).toBe(3)
    expect(subject.column).toBe('Subject: '.length + 1)
    expect(subject.endLine).toBe(4)
    expect(subject.inPart!.line).toBe(1)
  })

  it('a folded plain Subject is matched word for word across its fold', async () => {
    const raw = mails['quoted-printable alternative'].replace('Subject: Last chance: sign up today or lose', 'Subject: Last chance: sign up today or\r\n lose')
    const json = toJsonFile(await check(raw, {path: 'winter.eml', lang: 'en'}))
    const subject = json.messages.find((message) => message.part === 'subject' && message.actual.includes('lose'))!
    expect(subject.located).toBe('encoded')
    expect([subject.line, subject.endLine]).toEqual([3, 4])
    expect(rawSlice(raw, subject).replace(/\r\n/, '')).toBe(subject.actual)
  })

  it('a finding whose surroundings differ between the parts (a button, a plain line with its link) is still reported once', async () => {
    const raw = [
      'From: a@b.example',
      'Subject: Your plan',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="z"',
      '',
      '--z',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Your plan renews next week at the same price.',
      '',
      'Keep my plan: https://shop.example/keep',
      "No thanks, I'd rather pay more: https://shop.example/leave",
      '',
      '--z',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<p>Your plan renews next week at the same price.</p>',
      '<table><tr><td><a href="https://shop.example/keep">Keep my plan</a></td><td><a href="https://shop.example/leave">No thanks, I\'d rather pay more</a></td></tr></table>',
      '--z--',
      ''
    ].join('\r\n')
    const json = toJsonFile(await check(raw, {path: 'plan.eml', lang: 'en'}))
    // One finding per span: the pay-more rule may be named in the outer finding's `also`.
    const shaming = json.messages.filter((message) => message.subtype === 'confirmshaming')
    expect(shaming).toHaveLength(1)
    expect(shaming[0].part).toBe('html')
    expect(shaming[0].alsoIn).toEqual(['text'])
    expect(rawSlice(raw, shaming[0])).toBe("No thanks, I'd rather pay more")
    expect(shaming[0].line).toBe(18)
  })
})
