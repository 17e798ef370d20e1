/** Every message points inside the input, start before end, also for controls left open at the very end. */
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {assertPlace} from '../src/messages.js'
import type {FormatName} from '../src/types.js'

const mail = (html: string) =>
  'From: shop@example.com\r\nTo: you@example.com\r\nSubject: Hello\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + html

describe('positions stay inside the input', () => {
  const cases: Array<[string, FormatName, string]> = [
    ['an unclosed control comment at the end of HTML', 'html', '<p>Act now, this deal ends tonight!!!</p><!--trouw ignore-next'],
    ['an unclosed control with a rule id at the end of HTML', 'html', '<p>Hurry, only today!</p><!--trouw ignore coercion'],
    ['an unclosed control at the end of an .eml HTML part', 'eml', mail('<p>Hurry, only today!</p><!--trouw ignore-next')],
    ['an unclosed control at the end of MJML', 'mjml', '<mjml><mj-body><mj-text>Hurry, only today!</mj-text><!--trouw ignore'],
    ['an unclosed control at the end of Markdown', 'markdown', 'Hurry, only today!\n\n<!--trouw ignore-next']
  ]
  for (const [name, format, text] of cases) {
    it(name, async () => {
      const file = await check(text, {format, lang: 'en'})
      const sources = (file.data.trouw?.parts ?? {}) as Record<string, string>
      for (const message of file.messages) {
        const place = message.place as {start: {offset: number}; end: {offset: number}}
        const length = format === 'eml' ? Math.max(...Object.values(sources).map((value) => value.length), text.length) : text.length
        expect(place.start.offset, message.ruleId ?? '').toBeGreaterThanOrEqual(0)
        expect(place.end.offset, message.ruleId ?? '').toBeGreaterThanOrEqual(place.start.offset)
        expect(place.end.offset, message.ruleId ?? '').toBeLessThanOrEqual(length)
      }
    })
  }

  it('the unclosed control is reported, ending at the last character', async () => {
    const text = '<p>Act now!</p><!--trouw ignore-next'
    const file = await check(text, {format: 'html', lang: 'en'})
    const control = file.messages.find((message) => message.ruleId === 'trouw/control')
    expect(control).toBeDefined()
    const place = control!.place as {start: {offset: number; line: number}; end: {offset: number; line: number; column: number}}
    expect(place.end.offset).toBe(text.length)
    expect(place.end.column).toBe(text.length + 1)
  })

  it('placing a message outside its text fails loudly', () => {
    const place = (start: number, end: number) => ({start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}})
    expect(() => assertPlace(place(2, 5), 5)).not.toThrow()
    expect(() => assertPlace(place(2, 6), 5, 'x/y')).toThrow(/trouw bug: x\/y placed at offsets 2-6/)
    expect(() => assertPlace(place(4, 3), 5)).toThrow(/outside/)
  })
})
