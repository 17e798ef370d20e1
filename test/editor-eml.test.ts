/**
 * `.eml` findings in the editor land on the raw line that holds their words:
 * the language server's analysis maps positions in the decoded parts
 * (quoted-printable, base64, charsets undone) back to the raw message, per
 * part, also when the words are encoded or broken by a soft line break.
 * The fixture (`test/fixtures/editors/spring-qp.eml`, written for this test)
 * is a multipart/alternative mail with quoted-printable text and HTML parts.
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {analyse, type Finding} from '../src/lsp/analysis.js'
import {textParts} from '../src/formats/eml-raw.js'
import {unquote} from './quoted-printable.js'

const fixture = new URL('fixtures/editors/spring-qp.eml', import.meta.url)
const raw = readFileSync(fixture, 'utf8')
const rawLines = raw.split('\r\n')

/** The raw text a finding's range covers. */
function rawOf(finding: Finding): string {
  const offset = (line: number, character: number) => rawLines.slice(0, line).reduce((sum, text) => sum + text.length + 2, 0) + character
  return raw.slice(offset(finding.range.start.line, finding.range.start.character), offset(finding.range.end.line, finding.range.end.character))
}

/** The 0-based raw line that is `text`, after `from`. */
function lineOf(text: string, from = 0): number {
  const index = rawLines.indexOf(text, from)
  expect(index, text).toBeGreaterThan(-1)
  return index
}

async function check(text: string) {
  return analyse({uri: 'file:///mail/spring.eml', version: 1, text, path: '/mail/spring.eml', options: {lang: 'en', spell: false}})
}

describe('.eml positions in the editor', () => {
  it('finds the text and HTML parts of the raw message', () => {
    const parts = textParts(raw)
    expect(parts.map((part) => [part.kind, part.encoding, part.charset])).toEqual([
      ['text', 'quoted-printable', 'utf-8'],
      ['html', 'quoted-printable', 'utf-8']
    ])
    expect(raw.slice(parts[0].bodyStart).startsWith('Hi Sam,')).toBe(true)
    expect(raw.slice(parts[1].bodyStart).startsWith('<!doctype html>')).toBe(true)
  })

  it('puts every body finding on the raw lines of its own part, over exactly its words', async () => {
    const analysis = await check(raw)
    expect(analysis.problem).toBeUndefined()
    const htmlStart = lineOf('Content-Type: text/html; charset=utf-8')
    const body = analysis.findings.filter((finding) => finding.part === 'text' || finding.part === 'html')
    expect(body.length).toBeGreaterThan(0)
    for (const finding of body) {
      expect(finding.located, finding.reason).toBe(true)
      // In its own part: the text part's lines come before the HTML part's.
      if (finding.part === 'text') expect(finding.range.end.line).toBeLessThan(htmlStart)
      else expect(finding.range.start.line).toBeGreaterThan(htmlStart)
      // The raw stretch, decoded, is the finding's words.
      expect(unquote(rawOf(finding)).replace(/\r?\n/g, ' ')).toBe(finding.actual.replace(/\r?\n/g, ' '))
    }
    // Once per issue at a place: no two findings of one rule on the same range.
    const places = analysis.findings.map((finding) => `${finding.ruleId}@${JSON.stringify(finding.range)}`)
    expect(new Set(places).size).toBe(places.length)
  })

  it('maps words broken by a soft line break onto both raw lines', async () => {
    const analysis = await check(raw)
    const textLine = lineOf('Renew your card this week. You must renew today or lo=')
    const htmlLine = lineOf('<p>Renew your card this week. You must renew today or lose all your point=')
    // Where each phrase is, in the part it was found in (whichever parts the engine keeps).
    const expected: Record<string, Record<string, Finding['range']>> = {
      text: {
        'coercion/threat-lose': {start: {line: textLine, character: 36}, end: {line: textLine + 1, character: 'se all your'.length}},
        'coercion/deadline-or-lose': {start: {line: textLine, character: 42}, end: {line: textLine + 1, character: 'se all your points'.length}}
      },
      html: {
        'coercion/threat-lose': {start: {line: htmlLine, character: 39}, end: {line: htmlLine, character: 39 + 'renew today or lose all your'.length}},
        'coercion/deadline-or-lose': {start: {line: htmlLine, character: 45}, end: {line: htmlLine + 1, character: 's'.length}}
      }
    }
    const threats = analysis.findings.filter((finding) => finding.ruleId === 'coercion/threat-lose' || finding.ruleId === 'coercion/deadline-or-lose')
    expect(threats.length).toBeGreaterThanOrEqual(2)
    for (const finding of threats) expect(finding.range, `${finding.part} ${finding.ruleId}`).toEqual(expected[finding.part!][finding.ruleId])
    // At least one of them crosses a soft line break; the raw text there is not the words, so no quick fix writes over it.
    const crossing = threats.filter((finding) => finding.range.start.line !== finding.range.end.line)
    expect(crossing.length).toBeGreaterThan(0)
    for (const finding of crossing) expect(finding.fixes).toEqual([])
  })

  it('maps words with encoded characters (=E2=80=99) to their raw line, in the HTML part too', async () => {
    const analysis = await check(raw)
    const shouting = analysis.findings.filter((finding) => finding.ruleId === 'over-the-top/shouting')
    expect(shouting.length).toBeGreaterThan(0)
    for (const finding of shouting) {
      const line = finding.part === 'html' ? lineOf('<p>We=E2=80=99re absolutely thrilled beyond words to have you!!!</p>') : lineOf('We=E2=80=99re absolutely thrilled beyond words to have you!!!')
      expect(finding.range.start.line).toBe(line)
      expect(finding.range.end.line).toBe(line)
      expect(rawOf(finding)).toBe('We=E2=80=99re absolutely thrilled beyond words to have you!!!')
    }
  })

  it('maps an HTML-only mail', async () => {
    const htmlOnly = [
      'From: shop@example.com',
      'Subject: News',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: 7bit',
      '',
      '<p>Our planters ship in recycled boxes.</p>',
      '<p>You must renew today or lose all your points forever.</p>',
      ''
    ].join('\r\n')
    const analysis = await check(htmlOnly)
    const threat = analysis.findings.find((finding) => finding.ruleId === 'coercion/threat-lose')
    expect(threat?.range.start).toEqual({line: 7, character: '<p>You must '.length})
    expect(threat?.range.end).toEqual({line: 7, character: '<p>You must renew today or lose all your'.length})
  })

  it('maps a base64 part to the raw lines that encode the words', async () => {
    const text = 'Hello Sam,\n\nOur planters ship in recycled boxes.\nYou must renew today or lose all your points forever.\n'
    const encoded = Buffer.from(text).toString('base64').replace(/.{1,40}/g, '$&\r\n')
    const message = ['From: shop@example.com', 'Subject: News', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', encoded].join('\r\n')
    const analysis = await check(message)
    const threat = analysis.findings.find((finding) => finding.ruleId === 'coercion/threat-lose')
    expect(threat?.located).toBe(true)
    // Decoding the raw base64 lines it covers (whole lines) gives text that holds its words.
    const lines = message.split('\r\n').slice(threat!.range.start.line, threat!.range.end.line + 1).join('')
    expect(Buffer.from(lines, 'base64').toString('utf8')).toContain('renew today or lose')
    expect(threat!.fixes).toEqual([])
  })
})
