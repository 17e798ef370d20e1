/**
 * Tests of the evaluation metrics and the benchmark email generator
 * (scripts/bench/). The metrics run on fake results, so they do not depend
 * on the engine.
 */

import {describe, expect, it} from 'vitest'
// @ts-ignore: plain JavaScript module without type declarations.
import {countWords, fillTemplate, generateEmails, maxWords, minWords} from '../scripts/bench/generate.js'
// @ts-ignore: plain JavaScript module without type declarations.
import {counts, formatMistakes, formatReport, hitsOf, scoreLines, scorePairs} from '../scripts/bench/metrics.js'
// @ts-ignore: plain JavaScript module without type declarations.
import {createRandom} from '../scripts/bench/prng.js'
// @ts-ignore: plain JavaScript module without type declarations.
import {median} from '../scripts/bench/stats.js'

interface Email {
  id: string
  lang: 'en' | 'nl'
  text: string
  words: number
  pressure: number
  gush: number
}

function line(id: string, lang: string, labels: string[], text = 'A sentence of our own.') {
  return {id, lang, text, labels}
}

describe('createRandom', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const c = createRandom(43)
    const first = [a.next(), a.next(), a.next()]
    expect([b.next(), b.next(), b.next()]).toEqual(first)
    expect([c.next(), c.next(), c.next()]).not.toEqual(first)
    for (const value of first) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
    }
  })
})

describe('fillTemplate', () => {
  it('fills slots and picks the form of address', () => {
    expect(fillTemplate('{Hoi|Beste} {name}, {kun je|kunt u} komen?', {name: 'Mila'}, false)).toBe('Hoi Mila, kun je komen?')
    expect(fillTemplate('{Hoi|Beste} {name}, {kun je|kunt u} komen?', {name: 'Mila'}, true)).toBe('Beste Mila, kunt u komen?')
  })

  it('throws on an unknown slot', () => {
    expect(() => fillTemplate('Hi {nmae}', {name: 'Mila'}, false)).toThrow(/Unknown slot/)
  })
})

describe('generateEmails', () => {
  const english: Email[] = generateEmails({lang: 'en', count: 200, seed: 5})
  const dutch: Email[] = generateEmails({lang: 'nl', count: 200, seed: 5})

  it('is deterministic for a seed', () => {
    const again: Email[] = generateEmails({lang: 'en', count: 200, seed: 5})
    expect(again.map((email) => email.text)).toEqual(english.map((email) => email.text))
    const other: Email[] = generateEmails({lang: 'en', count: 200, seed: 6})
    expect(other.map((email) => email.text)).not.toEqual(english.map((email) => email.text))
  })

  it('writes 150 to 600 words per email, in paragraphs, with a spread of lengths', () => {
    for (const email of [...english, ...dutch]) {
      expect(email.words).toBe(countWords(email.text))
      expect(email.words).toBeGreaterThanOrEqual(minWords)
      expect(email.words).toBeLessThanOrEqual(maxWords)
      expect(email.text.split('\n\n').length).toBeGreaterThanOrEqual(5)
      expect(email.text).not.toMatch(/[{}]/)
    }
    const lengths = english.map((email) => email.words)
    expect(Math.max(...lengths) - Math.min(...lengths)).toBeGreaterThan(200)
  })

  it('mixes clean emails with pressure and gush', () => {
    for (const emails of [english, dutch]) {
      const clean = emails.filter((email) => email.pressure === 0 && email.gush === 0).length
      expect(clean).toBeGreaterThan(40)
      expect(emails.filter((email) => email.pressure > 0).length).toBeGreaterThan(40)
      expect(emails.filter((email) => email.gush > 0).length).toBeGreaterThan(40)
    }
  })

  it('writes each language in its own words', () => {
    expect(english[0].text).toMatch(/\b(the|and|we)\b/)
    expect(dutch[0].text).toMatch(/\b(de|het|en|we)\b/)
    expect(dutch.some((email) => /\bu\b/.test(email.text))).toBe(true)
    expect(dutch.some((email) => /\bje\b/.test(email.text))).toBe(true)
    expect(new Set(english.map((email) => email.text)).size).toBe(english.length)
  })
})

describe('hitsOf', () => {
  it('collects judged categories and coercion subtypes, ignoring spelling', () => {
    const hits = hitsOf([
      {category: 'coercion', subtype: 'urgency'},
      {category: 'coercion', subtype: 'scarcity'},
      {category: 'spelling', subtype: null},
      {category: 'over-the-top', subtype: 'gush'}
    ])
    expect([...hits.categories].sort()).toEqual(['coercion', 'over-the-top'])
    expect([...hits.subtypes].sort()).toEqual(['scarcity', 'urgency'])
  })
})

describe('counts', () => {
  it('computes precision and recall, and null when there is nothing to divide', () => {
    expect(counts(3, 1, 2)).toEqual({tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6})
    expect(counts(0, 0, 0)).toEqual({tp: 0, fp: 0, fn: 0, precision: null, recall: null})
  })
})

describe('scoreLines', () => {
  const results = [
    // A coercion/urgency line found with the right subtype.
    {line: line('en-1', 'en', ['coercion', 'urgency']), messages: [{category: 'coercion', subtype: 'urgency'}]},
    // Coercion found, but with the wrong subtype.
    {line: line('en-2', 'en', ['coercion', 'threat']), messages: [{category: 'coercion', subtype: 'urgency'}]},
    // Over-the-top missed.
    {line: line('en-3', 'en', ['over-the-top']), messages: []},
    // A clean line with a false alarm, and a clean line that stays quiet.
    {line: line('en-4', 'en', []), messages: [{category: 'generic-claim'}]},
    {line: line('en-5', 'en', []), messages: [{category: 'spelling'}]},
    // Dutch: one dismissive hit, one clean quiet line, one failure.
    {line: line('nl-1', 'nl', ['dismissive']), messages: [{category: 'dismissive'}]},
    {line: line('nl-2', 'nl', []), messages: []},
    {line: line('nl-3', 'nl', ['generic-claim']), messages: [], error: 'boom'}
  ]
  const {languages, mistakes} = scoreLines(results)

  it('counts per language and category', () => {
    expect(languages.en.categories.coercion).toMatchObject({tp: 2, fp: 0, fn: 0})
    expect(languages.en.categories['over-the-top']).toMatchObject({tp: 0, fp: 0, fn: 1, precision: null, recall: 0})
    expect(languages.en.categories['generic-claim']).toMatchObject({tp: 0, fp: 1, fn: 0, precision: 0})
    expect(languages.nl.categories.dismissive).toMatchObject({tp: 1, fp: 0, fn: 0, precision: 1, recall: 1})
    expect(languages.nl.categories['generic-claim']).toMatchObject({tp: 0, fp: 0, fn: 1})
  })

  it('counts coercion subtypes', () => {
    expect(languages.en.subtypes.urgency).toMatchObject({tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1})
    expect(languages.en.subtypes.threat).toMatchObject({tp: 0, fp: 0, fn: 1})
  })

  it('measures the share of clean lines that stay clean, ignoring spelling', () => {
    expect(languages.en.clean).toEqual({lines: 2, quiet: 1, share: 0.5})
    expect(languages.nl.clean).toEqual({lines: 1, quiet: 1, share: 1})
    expect(languages.all.clean).toEqual({lines: 3, quiet: 2, share: 2 / 3})
    expect(languages.all.lines).toBe(8)
    expect(languages.all.errors).toBe(1)
    expect(Object.keys(languages)).toEqual(['en', 'nl', 'all'])
  })

  it('lists misses and false alarms', () => {
    const summary = mistakes.map((mistake: {kind: string; label: string; line: {id: string}}) => mistake.kind + ' ' + mistake.label + ' ' + mistake.line.id)
    expect(summary.sort()).toEqual([
      'false-alarm coercion/urgency en-2',
      'false-alarm generic-claim en-4',
      'miss coercion/threat en-2',
      'miss generic-claim nl-3',
      'miss over-the-top en-3'
    ])
    const text = formatMistakes(mistakes, results)
    expect(text).toMatch(/Misses \(3\)/)
    expect(text).toMatch(/False alarms \(2\)/)
    expect(text).toMatch(/nl-3 {2}boom/)
  })

  it('renders a report with every language and category', () => {
    const report = formatReport({corpus: 'fake', lines: {languages, mistakes}, pairs: scorePairs([]), pairCount: 0})
    expect(report).toMatch(/en\s+coercion\s+2\s+0\s+0\s+1\.00\s+1\.00/)
    expect(report).toMatch(/nl\s+dismissive/)
    expect(report).toMatch(/1 line\(s\) failed/)
  })
})

describe('scorePairs', () => {
  it('passes a pair only when the better text scores strictly higher', () => {
    const pairs = scorePairs([
      {id: 'a', lang: 'en', better: 70, worse: 40},
      {id: 'b', lang: 'en', better: 50, worse: 50},
      {id: 'c', lang: 'nl', better: 60, worse: 20},
      {id: 'd', lang: 'nl', better: null, worse: 10}
    ])
    expect(pairs.en).toEqual({pairs: 2, passed: 1, share: 0.5})
    expect(pairs.nl).toEqual({pairs: 2, passed: 1, share: 0.5})
    expect(pairs.all).toEqual({pairs: 4, passed: 2, share: 0.5})
  })
})

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBe(null)
  })
})

describe('the real-copy report', () => {
  it('npm run eval -- --real DIR prints what npm run real prints (one code path), with a seeded sample', async () => {
    const {execFileSync} = await import('node:child_process')
    const {mkdtempSync, writeFileSync, readFileSync, rmSync} = await import('node:fs')
    const {tmpdir} = await import('node:os')
    const {join} = await import('node:path')
    const folder = mkdtempSync(join(tmpdir(), 'trouw-real-'))
    try {
      const rows = [
        {text: 'Thanks for writing in, Ada. Your parcel left our depot this morning.', lang: 'en', source: 'care', kind: 'reply', meta: {id: 'c1'}},
        {text: 'WE ARE SO INCREDIBLY HAPPY TO HAVE YOU!!!\nOrder today or lose your discount forever.', lang: 'en', source: 'bulk', kind: 'bulk', meta: {id: 'b1'}},
        {text: 'Bedankt voor je vraag. We sturen het pakket morgen opnieuw.', lang: 'nl', source: 'care', kind: 'reply', meta: {id: 'c2'}}
      ]
      writeFileSync(join(folder, 'mixed.jsonl'), rows.map((row) => JSON.stringify(row)).join('\n') + '\n')
      // The samples are not .jsonl: the second run would read the first one's as a source.
      const run = (script: string, extra: string[]) => execFileSync(process.execPath, [join('scripts', script), '--real', folder, '--json', ...extra], {encoding: 'utf8'})
      const viaEval = JSON.parse(run('eval.js', ['--sample', '2', '--seed', '3', '--out', join(folder, 'sample-a.out')]))
      const viaReal = JSON.parse(run('real.js', ['--sample', '2', '--seed', '3', '--out', join(folder, 'sample-b.out')]))
      expect(viaEval).toEqual(viaReal)
      const [report] = viaEval.files
      expect(report.rows).toBe(3)
      expect(report.findings).toBeGreaterThanOrEqual(2)
      expect(report.hypeLines).toBe(1)
      expect(report.hypeCaught).toBe(1)
      expect(report.maskFiller).toBe(0)
      expect(readFileSync(join(folder, 'sample-a.out'), 'utf8')).toBe(readFileSync(join(folder, 'sample-b.out'), 'utf8'))
      expect(readFileSync(join(folder, 'sample-a.out'), 'utf8').trim().split('\n')).toHaveLength(2)
    } finally {
      rmSync(folder, {recursive: true, force: true})
    }
  })
})
