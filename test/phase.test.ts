/**
 * The customer phase: cue phrases per phase, the confidence formula, and
 * suggestions that know the phase.
 */
import {describe, expect, it} from 'vitest'
import {detectPhase} from '../src/score/index.js'
import {suggest, type ComponentState} from '../src/score/suggestions.js'
import {espWeight} from '../src/score/formula.js'
import {check, loadRules} from '../src/index.js'

const ruleSet = process.env.TROUW_TEST_RULES ? loadRules(process.env.TROUW_TEST_RULES) : undefined

describe('detectPhase', () => {
  const cases: Array<[string, 'en' | 'nl', string]> = [
    ['Invite a friend to the bakery club and you both get a loaf. Share your link with friends.', 'en', 'ambassador'],
    ['Your membership renews next month. Thanks for staying with us for three years.', 'en', 'stick'],
    ['Your order has shipped and the parcel arrives on Friday.', 'en', 'choose'],
    ['Our new autumn collection is here: browse the knitwear.', 'en', 'explore'],
    ['Compare the two models side by side and read the reviews.', 'en', 'compare'],
    ['Nodig een vriend uit en deel je code met vrienden.', 'nl', 'ambassador'],
    ['Je abonnement wordt in maart verlengd.', 'nl', 'stick'],
    ['Je bestelling is verzonden; het pakket wordt morgen bezorgd.', 'nl', 'choose'],
    ['Welkom! Maak kennis met ons team.', 'nl', 'discover'],
    ['Twijfel je nog? Vraag gratis advies of maak een afspraak in de showroom.', 'nl', 'consider']
  ]
  for (const [text, lang, phase] of cases) {
    it(`${lang}: ${text} → ${phase}`, () => {
      expect(detectPhase([text], lang).guess?.name).toBe(phase)
    })
  }

  it('gives no phase without cues', () => {
    expect(detectPhase(['The weather is grey.'], 'en').guess).toBeUndefined()
  })

  it('computes confidence as hits of the best phase over all hits plus one', () => {
    // One cue: 1 / (1 + 1) = 0.5.
    expect(detectPhase(['Welcome.'], 'en').guess).toEqual({name: 'discover', confidence: 0.5})
    // Three stick cues: 3 / (3 + 1) = 0.75.
    expect(detectPhase(['Your membership renews.', 'Your subscription too.'], 'en').guess).toEqual({name: 'stick', confidence: 0.75})
  })
})

describe('phase-aware suggestions', () => {
  const lockIn: ComponentState = {component: 'freedom', fall: 40, addGain: 1, worst: {text: 'minimum term of 24 months', kind: 'coercion/lock-in'}}
  const push: ComponentState = {component: 'freedom', fall: 40, addGain: 1, worst: {text: 'share it now', kind: 'coercion/urgency'}}
  const quiet = (component: ComponentState['component']): ComponentState => ({component, fall: 0, addGain: 0.5})

  it('tells a retention mail that leans on lock-in to give a reason to stay', () => {
    const [first] = suggest([lockIn, quiet('warmth')], 'stick', 'en', espWeight)
    expect(first.text).toMatch(/^Give a reason to stay/)
  })

  it('tells a pushy referral mail to ask, not push', () => {
    const [first] = suggest([push, quiet('warmth')], 'ambassador', 'en', espWeight)
    expect(first.text).toMatch(/^Ask, don't push/)
    const [eerste] = suggest([push], 'ambassador', 'nl', espWeight)
    expect(eerste.text).toMatch(/^Vraag, duw niet/)
  })

  it('ranks by gain in esp points and keeps three suggestions, one per component', () => {
    const states: ComponentState[] = [
      {component: 'restraint', fall: 60, addGain: 0, worst: {text: 'SO happy!!!', kind: 'over-the-top/shouting'}},
      {component: 'distinctiveness', fall: 10, addGain: 3},
      quiet('warmth'),
      quiet('reciprocity')
    ]
    const chosen = suggest(states, undefined, 'en', espWeight)
    expect(chosen).toHaveLength(3)
    // restraint: 0.2 × 60 = 12 points first; then adding detail 3 (which beats removing the generic
    // claim, 0.15 × 10 = 1.5, for the same component); then warmth or reciprocity, 0.5 each.
    expect(chosen[0].text).toMatch(/^Tone it down/)
    expect(chosen[0].gain).toBeCloseTo(12, 6)
    expect(chosen[1].text).toMatch(/^Add a concrete detail/)
    expect(chosen[2].gain).toBeCloseTo(0.5, 6)
    expect(new Set(chosen.map((candidate) => candidate.component)).size).toBe(3)
  })

  it('asks a real retention mail that stresses its minimum term for a reason to stay', async () => {
    const file = await check('Your yoga membership renews next month. It has a minimum term of 12 months.', {lang: 'en', format: 'text', ruleSet})
    const data = file.data.trouw!
    expect(data.phase?.name).toBe('stick')
    expect(data.suggestions![0]).toMatch(/^Give a reason to stay/)
  })

  it('reports a phase and three suggestions for a whole mail', async () => {
    const file = await check('Hi Lotte,\n\nYour yoga membership renews on 1 June. Thanks for three good years!', {lang: 'en', format: 'text', ruleSet})
    const data = file.data.trouw!
    expect(data.phase?.name).toBe('stick')
    expect(data.suggestions).toHaveLength(3)
  })
})
