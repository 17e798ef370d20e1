/**
 * The ESP score: the formula on small hand-computed cases, the evidence that
 * adds up to each component, the doubling property (the same email twice
 * scores within 5 points), and the corpus emails as fixtures.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {check, loadRules, type Language} from '../src/index.js'
import {collectEvidence, componentValue, espOf, saturate, scoreEvidence, sentenceUnits, type EvidenceItem} from '../src/score/index.js'
import {sentenceSignals} from '../src/signals.js'
import type {Scores} from '../src/types.js'

import {corpusEmailsUrl as corpus, hasShared} from './shared.js'
// The shipped rules; TROUW_TEST_RULES points at another rules folder (a snapshot while rules are being edited).
const ruleSet = process.env.TROUW_TEST_RULES ? loadRules(process.env.TROUW_TEST_RULES) : undefined

async function scoresOf(text: string, lang: Language): Promise<Scores> {
  const file = await check(text, {lang, format: 'text', ruleSet})
  return file.data.trouw!.scores!
}

describe('formula', () => {
  it('saturates: 0 at no evidence, 1 − 1/e at the scale', () => {
    expect(saturate(0, 0.5)).toBe(0)
    expect(saturate(0.5, 0.5)).toBeCloseTo(1 - Math.exp(-1), 10)
    expect(saturate(100, 0.5)).toBeCloseTo(1, 10)
  })

  it('counts sentence length in units of 10 words, between 0.3 and 2', () => {
    expect(sentenceUnits(5)).toBe(0.5)
    expect(sentenceUnits(1)).toBe(0.3)
    expect(sentenceUnits(30)).toBe(2)
  })

  it('leaves every component at its base without evidence', () => {
    expect(componentValue('warmth', 0, 0, 3).value).toBe(50)
    expect(componentValue('restraint', 0, 0, 3).value).toBe(100)
    expect(componentValue('freedom', 0, 0, 3).value).toBe(70)
    expect(componentValue('reciprocity', 0, 0, 3).value).toBe(50)
    expect(componentValue('distinctiveness', 0, 0, 3).value).toBe(40)
  })

  it('raises freedom by 30 · (1 − e^−2.5) for one voluntary signal in one unit', () => {
    // base 70, room 30, rate 1 / riseScale 0.4 = 2.5: 30 × 0.917915 = 27.54 → 97.54
    const move = componentValue('freedom', 1, 0, 1)
    expect(move.rise).toBeCloseTo(27.5375, 3)
    expect(Math.round(move.value)).toBe(98)
  })

  it('lowers restraint by 100 · (1 − e^−(share/0.5)) when hype takes half the prose', () => {
    // a hyped sentence of 1 unit in 2 units: share 0.5, / fallScale 0.5 = 1: 100 × 0.632121 = 63.21 → 36.79
    const move = componentValue('restraint', 0, 1, 2)
    expect(move.fall).toBeCloseTo(63.2121, 3)
    expect(Math.round(move.value)).toBe(37)
  })

  it('combines the five components by their weights into esp', () => {
    // 0.2·50 + 0.2·100 + 0.25·70 + 0.2·50 + 0.15·40 = 63.5 → 64
    expect(espOf({warmth: 50, restraint: 100, freedom: 70, reciprocity: 50, distinctiveness: 40})).toBe(64)
    // 0.2·80 + 0.2·20 + 0.25·10 + 0.2·60 + 0.15·90 = 48
    expect(espOf({warmth: 80, restraint: 20, freedom: 10, reciprocity: 60, distinctiveness: 90})).toBe(48)
  })

  it('splits a component\'s move over its evidence by weight, so the deltas add up to it', () => {
    const items: EvidenceItem[] = [
      {component: 'warmth', weight: 1, why: 'thanks', text: 'Thanks'},
      {component: 'warmth', weight: 0.5, why: 'greets', text: 'Hi'},
      {component: 'freedom', weight: -1, why: 'coercion/lock-in', text: 'locked in'}
    ]
    const {scores, evidence} = scoreEvidence(items, 2)
    // warmth: 50 + 50 · (1 − e^−(1.5/2/0.5)) = 50 + 50 · 0.776870 = 88.84 → 89
    expect(scores.warmth).toBe(89)
    // freedom: 70 − 70 · (1 − e^−(0.5/0.25)) = 70 − 70 · 0.864665 = 9.47 → 9
    expect(scores.freedom).toBe(9)
    const delta = (text: string) => evidence.find((item) => item.text === text)!.delta
    expect(delta('Thanks')).toBeCloseTo(25.9, 1)
    expect(delta('Hi')).toBeCloseTo(12.9, 1)
    expect(delta('locked in')).toBeCloseTo(-60.5, 1)
    for (const component of ['warmth', 'freedom'] as const) {
      const sum = evidence.filter((item) => item.component === component).reduce((total, item) => total + item.delta, 0)
      const base = component === 'warmth' ? 50 : 70
      expect(Math.abs(base + sum - scores[component])).toBeLessThanOrEqual(0.6)
    }
  })
})

describe('signals', () => {
  const view = (text: string, lang: Language) => {
    // Through the real pipeline: the signals of each sentence.
    return check(text, {lang, format: 'text', ruleSet}).then((file) => file.data.trouw!.sentences.flatMap((sentence) => sentence.signals))
  }

  it('finds voluntary signals, giving and concrete detail (en)', async () => {
    const signals = await view('You can pause your box whenever you like. Questions? Call Ravi on 0161 555 0199, he will sort it out.', 'en')
    const components = new Set(signals.map((signal) => signal.component))
    expect(components).toContain('freedom')
    expect(components).toContain('reciprocity')
    expect(components).toContain('distinctiveness')
  })

  it('finds voluntary signals and the sender helping (nl)', async () => {
    const signals = await view('Je kunt je lidmaatschap elke maand opzeggen. Wij regelen de verhuizing van je tuinset.', 'nl')
    expect(signals.some((signal) => signal.component === 'freedom')).toBe(true)
    expect(signals.some((signal) => signal.component === 'reciprocity')).toBe(true)
  })

  it('does not count a negated signal', async () => {
    const signals = await view("We won't call you back.", 'en')
    expect(signals.filter((signal) => signal.component === 'reciprocity')).toEqual([])
  })

  it('does not count a freeing phrase that a later negator turns around (nl)', async () => {
    expect((await view('Opzeggen kan niet tussentijds.', 'nl')).filter((signal) => signal.component === 'freedom')).toEqual([])
    expect((await view('Opzeggen kan altijd, zonder kosten.', 'nl')).filter((signal) => signal.component === 'freedom')).toHaveLength(2)
  })

  it('reads a refusal as no thanks', async () => {
    const signals = await view('Nee bedankt.', 'nl')
    expect(signals.filter((signal) => signal.component === 'warmth' && signal.weight > 0)).toEqual([])
  })

  it('marks shouting for restraint', async () => {
    const signals = await view('Our doors open at nine!!!', 'en')
    expect(signals.some((signal) => signal.component === 'restraint' && signal.weight < 0)).toBe(true)
  })

  it('exports the per-sentence function the plugin calls', () => {
    expect(typeof sentenceSignals).toBe('function')
  })
})

describe('scoring whole copy', () => {
  it('voids positive signals in a sentence that pressures', () => {
    const sentence = {
      text: 'Only today: 40% off, call us at 10!',
      start: 0,
      end: 35,
      intensity: 0,
      words: 8,
      signals: [{component: 'distinctiveness' as const, weight: 1, why: 'a number', start: 12, end: 14}],
      place: {line: 1, column: 1, endLine: 1, endColumn: 36, offset: 0, endOffset: 35}
    }
    const message = {category: 'coercion', subtype: 'urgency', actual: 'Only today', place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 11, offset: 10}}}
    const {items} = collectEvidence([sentence], [message as never])
    expect(items.map((item) => [item.component, item.weight])).toEqual([['freedom', -1]])
  })

  const doubles: Array<[string, Language]> = [
    ['Thanks!', 'en'],
    ['Hi Anouk,\n\nThanks for joining the Tuesday pottery class. Your first bag of clay is on us.\n\nStop any month, no fees.', 'en'],
    ['We are SO incredibly happy!!! You will love it forever. Only 2 left, order now or miss out!', 'en'],
    ['Dag Pieter,\n\nBedankt voor je bestelling van de linnen tafelkleden. Ze komen donderdag tussen 9 en 12 uur.\n\nJe kunt ze 30 dagen gratis retourneren.', 'nl'],
    ['Wij leveren topkwaliteit tegen de beste prijs. Je zit 2 jaar vast. Na alles wat wij voor je deden!!!', 'nl']
  ]
  for (const [text, lang] of doubles) {
    it(`keeps every score within 5 points when the copy is doubled: ${text.slice(0, 40)}`, async () => {
      const once = await scoresOf(text, lang)
      const twice = await scoresOf(text + '\n\n' + text, lang)
      for (const key of Object.keys(once) as Array<keyof Scores>) {
        expect(Math.abs(once[key] - twice[key]), key).toBeLessThanOrEqual(5)
      }
    })
  }

  for (const name of ['clean-en.txt', 'werkplaats-nl.md', 'raamdecoratie-nl.html', 'sportschool-nl.mjml']) {
    it.skipIf(!hasShared)(`keeps the scores of ${name} within 5 points when it is doubled`, async () => {
      const bytes = readFileSync(new URL(name, corpus), 'utf8')
      const once = (await check(bytes, {path: name, ruleSet})).data.trouw!.scores!
      const doubled = name.endsWith('.html') || name.endsWith('.mjml') ? bytes.replace(/(<body[^>]*>)([\s\S]*)(<\/body>)/, '$1$2$2$3') : bytes + '\n\n' + bytes.replace(/^---[\s\S]*?---\n/, '')
      const twice = (await check(doubled, {path: name, ruleSet})).data.trouw!.scores!
      for (const key of Object.keys(once) as Array<keyof Scores>) {
        expect(Math.abs(once[key] - twice[key]), key).toBeLessThanOrEqual(5)
      }
    })
  }
})

describe('positive evidence carries pairs where no finding fires', () => {
  // Better and worse versions of one message; the worse one is plain, not wrong.
  const pairs: Array<[Language, string, string]> = [
    ['en', 'Ravi repaired the zip on your tent by hand; it is ready at our shop on Friday.', 'Your item has been processed.'],
    ['en', 'You can pause the box whenever you like, no fees.', 'The box is delivered every week.'],
    ['en', 'Questions about the heater? Call Mia on 0113 496 0123, she is happy to help.', 'Information about the heater is in the manual.'],
    ['en', 'Thanks for coming to the tasting on Saturday. Enjoy the coffee!', 'The tasting took place on Saturday.'],
    ['nl', 'Ravi heeft de rits van je tent met de hand gerepareerd; hij ligt vrijdag klaar in onze winkel.', 'Je artikel is verwerkt.'],
    ['nl', 'Je kunt de box pauzeren wanneer je wilt, zonder kosten.', 'De box wordt elke week bezorgd.'],
    ['nl', 'Vragen over de kachel? Bel Mia op 020 123 4567, ze helpt je graag.', 'Informatie over de kachel staat in de handleiding.'],
    ['nl', 'Bedankt dat je zaterdag naar de proeverij kwam. Veel plezier met de koffie!', 'De proeverij vond zaterdag plaats.']
  ]
  for (const [lang, better, worse] of pairs) {
    it(`${lang}: ${better.slice(0, 40)}… beats ${worse}`, async () => {
      expect((await scoresOf(better, lang)).esp).toBeGreaterThan((await scoresOf(worse, lang)).esp)
    })
  }
})

describe.skipIf(!hasShared)('corpus emails', () => {
  const scoresOfFile = async (name: string) => {
    const file = await check(readFileSync(new URL(name, corpus)), {path: name, ruleSet})
    return file.data.trouw!
  }

  it('scores clean-en.txt at least 70', async () => {
    expect((await scoresOfFile('clean-en.txt')).scores!.esp).toBeGreaterThanOrEqual(70)
  })

  it('scores the Mini workshop mail above the blinds mail on esp, restraint and freedom', async () => {
    const good = (await scoresOfFile('werkplaats-nl.md')).scores!
    const bad = (await scoresOfFile('raamdecoratie-nl.html')).scores!
    expect(good.esp).toBeGreaterThan(bad.esp)
    expect(good.restraint).toBeGreaterThan(bad.restraint)
    expect(good.freedom).toBeGreaterThan(bad.freedom)
  })

  it('explains the scores: evidence with places, a phase and three suggestions', async () => {
    const data = await scoresOfFile('raamdecoratie-nl.html')
    expect(data.evidence!.some((item) => item.component === 'restraint' && item.delta < 0 && item.line === 8)).toBe(true)
    expect(data.phase).toBeDefined()
    expect(data.suggestions).toHaveLength(3)
  })
})
