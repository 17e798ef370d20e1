/**
 * Size ladders for the scans of the format and masking layers: each input
 * is measured at two sizes, 8x apart, in the same run, and the cost must grow
 * about linearly (a ratio under 8 × 6, room for a busy machine and the
 * caches; a quadratic scan gives 64 and more). Times are the best of nine, compared with each other only, never
 * with a fixed limit. Every input here is one that was quadratic before.
 */
import {describe, expect, it} from 'vitest'
import {maskSyntax} from '../src/mask.js'
import {extract} from '../src/formats/index.js'
import {check} from '../src/index.js'

const small = 24_000
const factor = 8

function fill(unit: string, size: number, every?: string): string {
  let text = ''
  while (text.length < size) text += every ? unit.repeat(Math.ceil(4000 / unit.length)) + every : unit
  return text.slice(0, size)
}

function best(run: () => unknown): number {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < 9; round++) {
    const start = performance.now()
    run()
    fastest = Math.min(fastest, performance.now() - start)
  }
  // Below a millisecond the clock says little: count it as one.
  return Math.max(fastest, 1)
}

async function bestAsync(run: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < 9; round++) {
    const start = performance.now()
    await run()
    fastest = Math.min(fastest, performance.now() - start)
  }
  return Math.max(fastest, 1)
}

/** Like `bestAsync`, in CPU milliseconds of this process. */
async function bestCpu(run: () => Promise<unknown>): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY
  for (let round = 0; round < 9; round++) {
    const start = process.cpuUsage()
    await run()
    const used = process.cpuUsage(start)
    fastest = Math.min(fastest, (used.user + used.system) / 1000)
  }
  return Math.max(fastest, 1)
}

const growthLimit = factor * 6

describe('the masker scans in linear time', () => {
  const inputs: Record<string, [string, string?]> = {
    'dotted runs with an address every 4 KB': ['a.b.c.d.', ' someone@example.com '],
    'dotted words with a domain every 4 KB': ['word.other.', ' shop.example.nl '],
    'hyphenated runs with an address every 4 KB': ['a-b-c-d-', ' hulp@winkel.nl '],
    'plus and underscore runs with an address': ['a+b.c-d_', ' x@example.com '],
    'repeated template openers': ['{{ {% ']
  }
  for (const [name, [unit, every]] of Object.entries(inputs)) {
    it(name, () => {
      const one = fill(unit, small, every)
      const eight = fill(unit, small * factor, every)
      const ratio = best(() => maskSyntax(eight)) / best(() => maskSyntax(one))
      expect(ratio, `${name}: ${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
    })
  }
})

describe('the format layer scans in linear time', () => {
  const inputs: Record<string, [string, 'text' | 'markdown' | 'mjml' | 'html']> = {
    'text of template openers without closers ({% )': ['{% ', 'text'],
    'text of template openers without closers ({{ )': ['{{ ', 'text'],
    'Markdown with unclosed comment openers': ['<!-- a ', 'markdown'],
    'MJML of unclosed start tags': ['<mj-text ', 'mjml'],
    'MJML of unclosed comments': ['<!-- <mj-text> ', 'mjml']
  }
  for (const [name, [unit, format]] of Object.entries(inputs)) {
    it(name, async () => {
      const prefix = format === 'mjml' ? '<mjml><mj-body>' : ''
      const one = prefix + fill(unit, small)
      const eight = prefix + fill(unit, small * factor)
      const ratio = (await bestAsync(() => extract(eight, {format}))) / (await bestAsync(() => extract(one, {format})))
      expect(ratio, `${name}: ${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
    })
  }

  // One paragraph full of inline delimiters: the parser pairs them at a cost
  // that grows with the paragraph (50 s for 100 KB of `**a`), so it gets pieces.
  // Smaller sizes than above: the parser is slow per delimiter even when linear.
  const paragraphs: Record<string, string> = {
    'Markdown of strong markers in one paragraph': '**a',
    'Markdown of emphasis markers and words in one paragraph': '*a_ **b* _',
    'Markdown of unclosed link brackets in one paragraph': '[a'
  }
  for (const [name, unit] of Object.entries(paragraphs)) {
    it(name, async () => {
      const one = fill(unit, small / 4)
      const eight = fill(unit, (small / 4) * factor)
      const ratio = (await bestAsync(() => extract(eight, {format: 'markdown'}))) / (await bestAsync(() => extract(one, {format: 'markdown'})))
      expect(ratio, `${name}: ${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
    })
  }

  // One long list whose items hold nested lists: each item the parser closes
  // cost more the longer the list before it (64 KB took 9–18 s; in a quote
  // in a quote 17 s), so the run is cut before items in column 0 and before
  // quote lines that start a new item or block in their quote.
  const lists: Record<string, string> = {
    'Markdown of a long list of nested bullet items': '- a\n  - b\n',
    'Markdown of a long list of nested ordered items': '1. a\n   1. b\n      1. c\n',
    'Markdown of a quote in a quote holding a long list of nested items': '> > - a\n> >   - b\n',
    // One item holding the long nested list: no item in column 0 to cut before (16 KB 0.7 s, 32 KB 2.5 s).
    'Markdown of one item holding a long nested list': '- top\n' + '  - b\n    - c\n'.repeat(2000),
    'Markdown of one quoted item holding a long nested list': '> - top\n' + '>   - b\n>     - c\n'.repeat(2000)
  }
  for (const [name, unit] of Object.entries(lists)) {
    it(name, async () => {
      // Smaller still: 24 KB of these lists took 4–7 s in one parse (60–100x the 3 KB one).
      const one = fill(unit, small / 8)
      const eight = fill(unit, (small / 8) * factor)
      const ratio = (await bestAsync(() => extract(eight, {format: 'markdown'}))) / (await bestAsync(() => extract(one, {format: 'markdown'})))
      expect(ratio, `${name}: ${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
    }, 60_000)
  }

  it('MJML content components without end tags', async () => {
    const build = (size: number) => '<mjml><mj-body><mj-column>' + fill('<mj-text>word ', size)
    const one = build(small)
    const eight = build(small * factor)
    const ratio = (await bestAsync(() => extract(eight, {format: 'mjml'}))) / (await bestAsync(() => extract(one, {format: 'mjml'})))
    expect(ratio, `${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
  })
})

describe('cutting long blocks', () => {
  it('is linear in the number of template tags', async () => {
    // Closed tags everywhere, in one long run of lines: every cut looks for the tags around it.
    const build = (size: number) => fill('{{ first_name }} and {% if x %}yes{% endif %}\n', size)
    const one = build(small * 2)
    const eight = build(small * 2 * factor)
    const ratio = (await bestAsync(() => extract(eight, {format: 'text'}))) / (await bestAsync(() => extract(one, {format: 'text'})))
    expect(ratio, `${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(growthLimit)
  })
})

describe('calming shouted copy', () => {
  it('is linear in the words a block repeats', async () => {
    // One block (under the 8 KB block limit) of one shouted phrase: each
    // shouted word used to search the whole block for its other spellings.
    // The "!" makes the run shout: a long line in capitals without one is typesetting and skips the calming.
    const one = fill('ACT NOW ', 1000) + '!'
    const eight = fill('ACT NOW ', 1000 * factor) + '!'
    const run = (text: string) => () => check(text, {format: 'text', lang: 'en'})
    await run(one)()
    // CPU time of this test process (vitest forks one per file): a check of
    // a few milliseconds fits in one time slice, a longer one shares the
    // machine, so on a busy machine the wall clock made the ratio 48 for 6.
    // A check has a fixed cost that flattens the ratio at 1 KB: measured in
    // CPU time, the quadratic calming gave 30x here, the linear one 10x.
    const ratio = (await bestCpu(run(eight))) / (await bestCpu(run(one)))
    expect(ratio, `${factor}x the input cost ${ratio.toFixed(1)}x`).toBeLessThan(factor * 2.5)
  })
})
