/**
 * The terminal report and review clip by display columns, as a terminal
 * draws them: wide (CJK) characters and emoji take two columns, combining
 * accents none, and no character (surrogate pair, emoji sequence, accent)
 * is ever cut in two. Carets under a span line up with it.
 */
import {describe, expect, it} from 'vitest'
import stringWidth from 'string-width'
import {check} from '../src/engine.js'
import {prettyReport} from '../src/report/pretty.js'
import {textReport} from '../src/report/text.js'
import {clipAround, displayWidth, truncate} from '../src/ui/clip.js'

/** Lone surrogates: a character cut in two. */
const broken = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

describe('truncate', () => {
  it('counts wide characters as two columns and cuts between characters', () => {
    const text = '日本語のテキストです'
    expect(displayWidth(text)).toBe(20)
    const cut = truncate(text, 7)
    expect(cut).toBe('日本語…')
    expect(stringWidth(cut)).toBeLessThanOrEqual(7)
  })

  it('keeps emoji sequences and combining accents whole', () => {
    const text = 'Cafe\u0301 👍🏽👨‍👩‍👧 party 🎉🎉🎉'
    for (let width = 1; width <= stringWidth(text) + 1; width++) {
      const cut = truncate(text, width)
      expect(stringWidth(cut), `width ${width}`).toBeLessThanOrEqual(width)
      expect(cut).not.toMatch(broken)
      // What is kept is the start of the text, never a part of a grapheme.
      const kept = cut.endsWith('…') && cut !== text ? cut.slice(0, -1) : cut
      expect(text.startsWith(kept)).toBe(true)
      expect(kept.endsWith('\u0301') || !/e$/.test(kept) || !text.slice(kept.length).startsWith('\u0301')).toBe(true)
    }
    expect(truncate('Cafe\u0301', 4)).toBe('Cafe\u0301')
  })
})

describe('clipAround', () => {
  it('never draws wider than asked, with wide characters around the span', () => {
    const line = '日本語'.repeat(20) + ' minimum term ' + '🎉'.repeat(30)
    const start = line.indexOf('minimum term')
    const parts = clipAround(line, start, start + 'minimum term'.length, 40)
    expect(stringWidth(parts.before + parts.span + parts.after)).toBeLessThanOrEqual(40)
    expect(parts.span).toBe('minimum term')
    expect(parts.before.startsWith('…')).toBe(true)
    expect(parts.after.endsWith('…')).toBe(true)
    expect(parts.before + parts.span + parts.after).not.toMatch(broken)
  })

  it('holds for lines of every mix and every span (generated)', () => {
    const pieces = ['a', 'word ', '日', '本語', '🎉', '👍🏽', 'e\u0301', '\t', ' ', '한국', 'x']
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed % n
    }
    for (let round = 0; round < 300; round++) {
      let line = ''
      const length = 5 + random(60)
      for (let index = 0; index < length; index++) line += pieces[random(pieces.length)]
      // Span ends on grapheme boundaries of the line, as findings do.
      const boundaries = [...new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(line)].map((segment) => segment.index).concat(line.length)
      const a = boundaries[random(boundaries.length)]
      const b = boundaries[random(boundaries.length)]
      const [start, end] = a <= b ? [a, b] : [b, a]
      const width = 10 + random(50)
      const parts = clipAround(line, start, end, width)
      const shown = parts.before + parts.span + parts.after
      expect(stringWidth(shown), JSON.stringify({line, start, end, width})).toBeLessThanOrEqual(width)
      expect(shown).not.toMatch(broken)
      const span = line.slice(start, end).replace(/\t/g, ' ')
      expect(span.startsWith(parts.span), JSON.stringify({line, start, end, width, parts})).toBe(true)
      if (stringWidth(line) <= width) expect(parts.span).toBe(span)
    }
  })
})

describe('the pretty report', () => {
  it('lines the carets up under a span after wide characters and emoji', async () => {
    const line = '🎉 日本の友達へ: your plan has a minimum term of 12 months.'
    const file = await check(line + '\n', {lang: 'en', format: 'text', path: 'wide.txt'})
    const out = await prettyReport([file], {columns: 80, colored: false})
    const rows = out.split('\n')
    const source = rows.findIndex((row) => row.includes('minimum term of 12') && row.includes('│'))
    expect(source).toBeGreaterThan(-1)
    const carets = rows[source + 1]
    const caretStart = carets.indexOf('^')
    const caretWidth = carets.lastIndexOf('^') - caretStart + 1
    const spanAt = rows[source].indexOf('minimum term')
    // The caret column is the display width of everything before the span on the drawn line.
    expect(caretStart).toBe(stringWidth(rows[source].slice(0, spanAt)))
    expect(caretWidth).toBe(stringWidth('minimum term'))
  })

  it('clips a long line of wide characters to the terminal width', async () => {
    const line = '日本語のテキスト'.repeat(12) + ' Your plan has a minimum term of 12 months. ' + '👍🏽'.repeat(40)
    const file = await check(line + '\n', {lang: 'en', format: 'text', path: 'long.txt'})
    const out = await prettyReport([file], {columns: 60, colored: false})
    for (const row of out.split('\n')) expect(stringWidth(row), row).toBeLessThanOrEqual(59)
    expect(out).toMatch(/minimum term/)
    expect(out).not.toMatch(broken)
  })
})

describe('the text report', () => {
  it('cuts long evidence text between characters, not inside an emoji', async () => {
    // 28 characters, then emoji of two UTF-16 units each: a cut at 39 units would split one.
    const copy = 'Thanks a lot, dear readers! ' + '🎉'.repeat(30) + '\n'
    const file = await check(copy, {lang: 'en', format: 'text', path: 'party.txt'})
    const report = textReport([file])
    const evidence = report.split('\n').find((line) => line.includes('score') && line.includes('🎉'))
    expect(evidence).toMatch(/"Thanks a lot, dear readers! (🎉)+…"/)
    expect(report).not.toMatch(broken)
  })
})
