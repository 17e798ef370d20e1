/**
 * The learned recall layer (docs/learned.md): the training script is
 * deterministic and trains on the project's own dev sets only, the model the
 * build trained loads and explains its findings, and a learned finding is
 * advice that yields to the rules and can be turned off like any rule.
 */
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {check, type Language} from '../src/index.js'
import {sentenceFeatures, wordsOf} from '../src/learned/features.js'
import {sentencesOf} from '../src/learned/sentences.js'
import {loadModel, modelFile, modelFrom} from '../src/learned/model.js'
import {sentenceProbabilities} from '../src/learned/score.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const scratch = mkdtempSync(path.join(tmpdir(), 'trouw-learned-'))
afterAll(() => rmSync(scratch, {recursive: true, force: true}))

function train(out: string): void {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'train-learned.js'), '--quiet', '--out', out], {cwd: root, stdio: 'pipe'})
}

async function findings(text: string, lang: Language, rules?: Record<string, 'off' | 'warning'>) {
  const file = await check(text, {lang, format: 'text', spell: false, rules})
  return file.messages.filter((message) => message.category === 'coercion')
}

describe('training', () => {
  it('gives the same model, byte for byte, from the same data (and the build trained that model)', () => {
    train(path.join(scratch, 'one'))
    train(path.join(scratch, 'two'))
    for (const lang of ['en', 'nl']) {
      const one = readFileSync(path.join(scratch, 'one', `model.${lang}.json`), 'utf8')
      const two = readFileSync(path.join(scratch, 'two', `model.${lang}.json`), 'utf8')
      expect(two).toBe(one)
      expect(readFileSync(modelFile(lang as Language), 'utf8')).toBe(one)
    }
  }, 120_000)

  it('trains on the project dev sets only: never a9/a10, held-out, eval or blind lines', () => {
    for (const lang of ['en', 'nl'] as const) {
      const file = JSON.parse(readFileSync(modelFile(lang), 'utf8')) as {trainedOn: {sets: string[]; lines: number}; subtypes: Record<string, {threshold: number}>}
      expect(file.trainedOn.lines).toBeGreaterThan(500)
      for (const set of file.trainedOn.sets) {
        expect(set).toMatch(/^test\/dev-/)
        expect(set).not.toMatch(/a9|a10|heldout|blind/)
      }
      expect(Object.keys(file.subtypes).sort()).toEqual(['guilt', 'lock-in', 'threat', 'urgency'])
      // Thresholds picked for precision, never below an even chance.
      for (const part of Object.values(file.subtypes)) expect(part.threshold).toBeGreaterThanOrEqual(0.5)
    }
  })
})

describe('features', () => {
  it('reads words, pairs, word classes and the sentence before', () => {
    const [first, second] = sentencesOf('We stood by you for years. Is this how you repay us?', 'en')
    expect(sentenceFeatures(first)).not.toContain('e?')
    const features = sentenceFeatures(second)
    expect(features).toContain('w:repay')
    expect(features).toContain('b:repay us')
    expect(features).toContain('p:?')
    expect(features).toContain('e:years')
    expect(features.some((feature) => feature.startsWith('c:'))).toBe(true)
  })

  it('marks negated words and Dutch compound tails', () => {
    const [sentence] = sentencesOf('Je betaalt geen annuleringskosten.', 'nl')
    const features = sentenceFeatures(sentence)
    expect(features).toContain('neg')
    expect(features).toContain('n:annuleringskosten')
    expect(features).toContain('x:sten')
    expect(wordsOf('x:sten', sentence)).toBe('annuleringskosten')
  })
})

describe('the model', () => {
  it('loads for both languages with the four subtypes', () => {
    for (const lang of ['en', 'nl'] as const) expect(loadModel(lang)?.subtypes).toEqual(['guilt', 'lock-in', 'threat', 'urgency'])
  })

  it('scores by its weights and names the features that pushed a subtype up', () => {
    const model = modelFrom({format: 1, lang: 'en', subtypes: {threat: {bias: -2, threshold: 0.6, weights: {'w:lose': 3, 'w:free': -2, 'w:you': 0.5}}}})
    const [probability] = model.probabilities(['w:lose', 'w:you', 'w:unknown'])
    expect(probability).toBeCloseTo(1 / (1 + Math.exp(-1.5)), 10)
    expect(model.weighed(['w:you', 'w:free', 'w:lose'], 0).map((entry) => entry.feature)).toEqual(['w:lose', 'w:you'])
    expect(model.threshold(0)).toBe(0.6)
  })

  it('scores on the hot path exactly as over the feature names', () => {
    let compared = 0
    for (const lang of ['en', 'nl'] as const) {
      const model = loadModel(lang)!
      for (const line of readFileSync(path.join(root, 'test', 'dev-recall', 'lines.jsonl'), 'utf8').split('\n')) {
        if (line.trim() === '') continue
        const record = JSON.parse(line) as {lang: string; text: string}
        if (record.lang !== lang) continue
        for (const sentence of sentencesOf(record.text, lang)) {
          const slow = model.probabilities(sentenceFeatures(sentence))
          const fast = sentenceProbabilities(sentence, model)
          for (let column = 0; column < slow.length; column++) expect(fast[column]).toBeCloseTo(slow[column], 12)
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(200)
  })

  it('reads the table the build writes as the same model as weights by name', () => {
    const byName = modelFrom({format: 1, lang: 'en', subtypes: {threat: {bias: -2, threshold: 0.6, weights: {'w:lose': 3, 'w:you': 0.5}}, guilt: {bias: -1, threshold: 0.8, weights: {'w:you': 0.25, 'w:sad': 2}}}})
    const table = modelFrom({
      format: 2,
      lang: 'en',
      subtypes: {guilt: {bias: -1, threshold: 0.8}, threat: {bias: -2, threshold: 0.6}},
      columns: ['guilt', 'threat'],
      features: ['w:lose', 'w:sad', 'w:you'],
      weights: [0, 3, 2, 0, 0.25, 0.5]
    })
    expect(table.subtypes).toEqual(byName.subtypes)
    for (const features of [['w:lose', 'w:you'], ['w:sad'], ['w:other'], []]) expect(table.probabilities(features)).toEqual(byName.probabilities(features))
    for (const column of [0, 1]) {
      expect(table.weighed(['w:you', 'w:sad', 'w:lose'], column)).toEqual(byName.weighed(['w:you', 'w:sad', 'w:lose'], column))
      expect(table.threshold(column)).toBe(byName.threshold(column))
    }
    expect(table.row('w:other')).toBeUndefined()
  })

  it('refuses a file that is not a model', () => {
    expect(() => modelFrom({format: 2} as never)).toThrow(/unknown model format/)
    expect(() => modelFrom({format: 3} as never)).toThrow(/unknown model format/)
    expect(() => modelFrom({format: 2, lang: 'en', subtypes: {guilt: {bias: 0, threshold: 0.8}}, columns: ['guilt'], features: ['w:a', 'w:b'], weights: [1]} as never)).toThrow(/unknown model format/)
  })
})

describe('learned findings', () => {
  const threat = 'Accounts that remain unverified lose their saved cards after 10 days.'

  it('carry their own rule id, the words that weighed and no fix', async () => {
    const [message] = await findings(threat, 'en')
    expect(message.ruleId).toBe('coercion/learned-threat')
    expect(message.reason).toMatch(/learned model, \d+ % sure; weighed most: “[^”]+”/)
    const weighed = [...message.reason.matchAll(/“([^”]+)”/g)].map((match) => match[1])
    for (const words of weighed) for (const word of words.split(/ … | /)) expect(threat).toContain(word)
    expect(message.expected).toEqual([])
  })

  it('turn off like any rule', async () => {
    expect(await findings(threat, 'en', {'coercion/learned-threat': 'off'})).toEqual([])
  })

  it('yield to a rule of the same subtype in the sentence', async () => {
    const text = 'Your agreement remains in force until the final one of the 24 instalments is paid, and you are locked in.'
    expect((await findings(text, 'en')).map((message) => message.ruleId)).toEqual(['coercion/bound'])
  })

  it('stay off for a subtype whose rule the user turned off, unless the learned rule itself is set', async () => {
    const text = 'Your agreement remains in force until the final one of the 24 instalments is paid, and you are locked in.'
    expect(await findings(text, 'en', {'coercion/bound': 'off'})).toEqual([])
    const file = await check(text, {lang: 'en', format: 'text', spell: false, rules: {'coercion/bound': 'off', 'coercion/learned-lock-in': 'warning'}})
    expect(file.messages.map((message) => message.ruleId)).toEqual(['coercion/learned-lock-in'])
  })

  it('leave freeing and neutral lines alone', async () => {
    for (const [lang, text] of [
      ['en', 'You can cancel whenever you like, and nothing is charged for leaving.'],
      ['en', 'Your plan renews on 1 March; you can turn renewal off in your account.'],
      ['nl', 'Je kunt altijd opzeggen en vertrekken kost niets.'],
      ['nl', 'Je abonnement wordt op 1 maart verlengd; in je account zet je dat uit.']
    ] as const) {
      expect(await findings(text, lang), text).toEqual([])
    }
  })
})
