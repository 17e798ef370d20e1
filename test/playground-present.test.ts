/**
 * The playground's pure helpers, run in Node: the same functions the
 * browser runs (the script embeds their source). Detecting pasted Markdown
 * and MJML, "1 note" / "2 notes", backticked spans as code. The browser test
 * (test/playground.test.ts) checks them on the page where Chromium exists.
 */
import {describe, expect, it} from 'vitest'
import {codeSegments, guessPastedFormat, plural} from '../src/playground/present.js'
import {scriptJs} from '../src/playground/script.js'
import {check} from '../src/engine.js'

describe('guessPastedFormat', () => {
  const markdown = [
    '# Our autumn box\n\nApples and pears, picked this week.\n',
    'Hello Sam,\n\n- Fresh apples\n- Ripe pears\n\nSee you **soon**.\n',
    'Read [the story of our orchard](https://example.com/orchard) before you order.\n',
    'Autumn box\n==========\n\nApples, pears.\n',
    '```\ncode\n```\n',
    '> A customer wrote: lovely pears.\n\nOrder by **Friday**.\n'
  ]
  for (const text of markdown) {
    it(`Markdown: ${JSON.stringify(text.slice(0, 30))}`, () => expect(guessPastedFormat(text)).toBe('markdown'))
  }

  const mjml = [
    '<mjml><mj-body><mj-section><mj-column><mj-text>Hi</mj-text></mj-column></mj-section></mj-body></mjml>',
    '<mj-section>\n  <mj-column><mj-text>Only a fragment</mj-text></mj-column>\n</mj-section>'
  ]
  for (const text of mjml) {
    it(`MJML: ${JSON.stringify(text.slice(0, 30))}`, () => expect(guessPastedFormat(text)).toBe('mjml'))
  }

  const others = [
    'Thanks for your order. It ships on Monday.\n',
    'Dear reader,\n\n- one thing to know: we ship on Monday.\n\nThanks!\n',
    'Prices: 5 * 3 = 15, and 2 ** 3 = 8.\n',
    '#1 in town, says the paper.\n',
    '<p>Hello <b>there</b></p>\n\n# not a heading in HTML\n',
    'From: shop@example.com\nSubject: Hi\nContent-Type: text/plain\n\n# Order now\n\n- a\n- b\n'
  ]
  for (const text of others) {
    it(`not guessed: ${JSON.stringify(text.slice(0, 30))}`, () => expect(guessPastedFormat(text)).toBeUndefined())
  }

  it('is needed: without it, the service reads pasted Markdown as plain text', async () => {
    const text = '# Autumn\n\nYour plan has a **minimum term** of 12 months.\n'
    expect((await check(text, {lang: 'en'})).data.trouw!.format).toBe('text')
    expect((await check(text, {lang: 'en', format: guessPastedFormat(text)})).data.trouw!.format).toBe('markdown')
  })
})

describe('plural', () => {
  it('writes one in the singular and the rest in the plural', () => {
    expect(plural(1, 'note', 'notes')).toBe('1 note')
    expect(plural(2, 'note', 'notes')).toBe('2 notes')
    expect(plural(0, 'note', 'notes')).toBe('0 notes')
  })
})

describe('codeSegments', () => {
  it('cuts backticked spans out as code', () => {
    expect(codeSegments('`minimum term`: stresses a minimum term; use `--lang nl`.')).toEqual([
      {code: true, text: 'minimum term'},
      {code: false, text: ': stresses a minimum term; use '},
      {code: true, text: '--lang nl'},
      {code: false, text: '.'}
    ])
  })

  it('leaves text without a pair of backticks as it is', () => {
    expect(codeSegments('no code here')).toEqual([{code: false, text: 'no code here'}])
    expect(codeSegments('a lone ` backtick')).toEqual([{code: false, text: 'a lone ` backtick'}])
    expect(codeSegments('``')).toEqual([{code: false, text: '``'}])
    expect(codeSegments('')).toEqual([])
  })
})

describe('the served script', () => {
  it('embeds the helpers and parses as JavaScript', () => {
    expect(scriptJs).toContain('function guessPastedFormat(')
    expect(scriptJs).toContain('function plural(')
    expect(scriptJs).toContain('function codeSegments(')
    expect(() => new Function(scriptJs)).not.toThrow()
    // Counts go through plural, reasons through the code renderer.
    expect(scriptJs).not.toMatch(/' notes'|' errors, '/)
    expect(scriptJs).toMatch(/rich\('span', 'reason', message\.reason\)/)
  })
})
