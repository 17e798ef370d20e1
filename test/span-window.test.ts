/**
 * A sentence-wide finding (shouting) in a run-on "sentence" of bulk mail
 * reports the lines that hold its loud words, never thousands of
 * characters; ordinary sentences are reported whole. No report shows the
 * URL mask's filler. The copy is written here for this test.
 */
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {toJsonFile} from '../src/report/json.js'
import {maxSpan, sentenceWindow} from '../src/kinds/span-window.js'

const filler = 'our catalogue lists garden tools and seeds for every season of the year\n'

describe('sentenceWindow', () => {
  it('keeps a sentence up to the limit whole', () => {
    const text = 'We are SO happy to see you!!!'
    expect(sentenceWindow(text, 0, text.length, [{start: 7, end: 9}])).toEqual([0, text.length])
  })

  it('cuts a run-on sentence to the lines of its loud words', () => {
    const loudLine = 'WE ARE SO INCREDIBLY HAPPY TO SHOW YOU THIS'
    const text = filler.repeat(5) + loudLine + '\n' + filler.repeat(5)
    const at = text.indexOf('SO INCREDIBLY')
    const [from, to] = sentenceWindow(text, 0, text.length, [{start: at, end: at + 2}])
    expect(text.slice(from, to)).toBe(loudLine)
  })

  it('takes the next lines with loud words while the span stays within the limit', () => {
    const text = filler.repeat(3) + 'SO HAPPY\nreally SO glad\n' + filler.repeat(3)
    const first = text.indexOf('SO HAPPY')
    const second = text.indexOf('SO glad')
    const [from, to] = sentenceWindow(text, 0, text.length, [{start: first, end: first + 2}, {start: second, end: second + 2}])
    expect(text.slice(from, to)).toBe('SO HAPPY\nreally SO glad')
  })

  it('cuts a single long line to a window around the loud words, between words', () => {
    const text = 'plain words '.repeat(40) + 'WE LOVE IT ' + 'more plain words '.repeat(40)
    const at = text.indexOf('LOVE')
    const [from, to] = sentenceWindow(text, 0, text.length, [{start: at, end: at + 4}])
    expect(to - from).toBeLessThanOrEqual(maxSpan)
    expect(from).toBeLessThan(at)
    expect(to).toBeGreaterThan(at + 4)
    expect(text.charAt(from - 1)).toBe(' ')
    expect(/\s/.test(text.charAt(to)) || to === text.length).toBe(true)
  })
})

describe('shouting in run-on bulk mail', () => {
  it('reports at most the limit, and its fix replaces exactly that span', async () => {
    const copy = filler.repeat(12) + 'WE ARE SO INCREDIBLY HAPPY TO OFFER YOU THIS AMAZING DEAL!!!\n'
    const file = await check(copy, {lang: 'en', format: 'text'})
    const shouting = file.messages.filter((message) => message.ruleId === 'over-the-top/shouting')
    expect(shouting).toHaveLength(1)
    const [message] = shouting
    const place = message.place as {start: {offset: number}; end: {offset: number}}
    expect(place.end.offset - place.start.offset).toBeLessThanOrEqual(maxSpan)
    expect(copy.slice(place.start.offset, place.end.offset)).toBe(message.actual)
    expect(message.actual).toBe('WE ARE SO INCREDIBLY HAPPY TO OFFER YOU THIS AMAZING DEAL!!!')
    expect(message.expected[0]).toMatch(/^We are happy to offer you this amazing deal\.$/)
  })

  it('an ordinary shouted sentence is still reported whole', async () => {
    const copy = 'Hello friends,\n\nWe are SO thrilled to see you at the market on Saturday!!!\n'
    const file = await check(copy, {lang: 'en', format: 'text'})
    const message = file.messages.find((item) => item.ruleId === 'over-the-top/shouting')!
    expect(message.actual).toBe('We are SO thrilled to see you at the market on Saturday!!!')
  })

  it('no report shows the URL mask filler', async () => {
    const copy = 'WE ARE SO EXCITED!!! See https://shop.example.com/winter-sale-2026?ref=mail and www.example.org/deals NOW!!!\n' + filler.repeat(8) + 'BUY NOW AND WE WILL LOVE YOU FOREVER http://example.net/a/b/c\n'
    const json = JSON.stringify(toJsonFile(await check(copy, {lang: 'en', format: 'text'})))
    expect(json).toContain('shouting')
    expect(json).not.toMatch(/x{6,}/)
  })
})
