/**
 * The three suggestions that would raise `esp` most, in plain words and
 * aware of the customer phase. Each candidate carries its gain in `esp`
 * points: taking away a component's negative evidence gains
 * `espWeight × fall`; adding one more signal of weight 1 gains
 * `espWeight × (component with P + 1 − component now)`. At most one
 * suggestion per component.
 *
 * Advice is chosen from what the copy lacks and does (`CopyFacts`): a mail
 * that thanks the reader is not told to thank, and a mail without a contract
 * is not told about cancelling. Examples carry placeholders, never facts.
 */
import {shorten} from '../text-util.js'
import type {Language, Phase, ScoreComponent} from '../types.js'

export interface ComponentState {
  component: ScoreComponent
  /** Points lost to negative evidence. */
  fall: number
  /** esp points one more positive signal would add. */
  addGain: number
  /** The heaviest negative item: its text and what it is (category/subtype or signal). */
  worst?: {text: string; kind: string}
}

export interface Candidate {
  component: ScoreComponent
  text: string
  gain: number
}

type Texts = Readonly<Record<Language, string>>

/** What the copy already does and has, so advice neither repeats it nor invents it. */
export interface CopyFacts {
  /** It thanks the reader. */
  thanks: boolean
  /** It wishes the reader well or greets them. */
  wishes: boolean
  /** It offers help or gives something. */
  gives: boolean
  /** It is about a contract, a plan or a subscription (lock-in or penalty findings, or those words). */
  contract: boolean
  /** It already says what the reader is free to do (a positive freedom signal). */
  free?: boolean
}

const noFacts: CopyFacts = {thanks: false, wishes: false, gives: false, contract: false}

const say = {
  reasonToStay: {
    en: 'Give a reason to stay instead of stressing what leaving costs ("{text}"): say what the reader keeps getting.',
    nl: 'Geef een reden om te blijven in plaats van te benadrukken wat weggaan kost ("{text}"): zeg wat de lezer blijft krijgen.'
  },
  askDontPush: {
    en: 'Ask, don\'t push ("{text}"): invite the reader to share or recommend, and make clear it is optional.',
    nl: 'Vraag, duw niet ("{text}"): nodig de lezer uit om te delen of aan te bevelen, en maak duidelijk dat het vrijblijvend is.'
  },
  calmDeadline: {
    en: 'Drop the pressure ("{text}"): give the plain end date and what happens after it.',
    nl: 'Haal de druk weg ("{text}"): noem gewoon de einddatum en wat er daarna gebeurt.'
  },
  plainOptOut: {
    en: 'Make the opt-out a plain "No, thanks" instead of "{text}".',
    nl: 'Maak de afmelding een gewoon "Nee, dank je" in plaats van "{text}".'
  },
  removePressure: {
    en: 'Remove the pressure ("{text}"): state the terms once and say what the reader is free to do.',
    nl: 'Haal de druk weg ("{text}"): noem de voorwaarden één keer en zeg wat de lezer vrij staat.'
  },
  addFreedomStay: {
    en: 'Give a reason to stay, and say how leaving works, in the plan\'s own terms (for example: "You can stop [when] via [where].").',
    nl: 'Geef een reden om te blijven, en zeg hoe stoppen werkt, in de eigen voorwaarden (bijvoorbeeld: "Stoppen kan [wanneer] via [waar].").'
  },
  addFreedomAsk: {
    en: 'Ask, don\'t push: say that sharing or recommending is entirely up to the reader.',
    nl: 'Vraag, duw niet: zeg dat delen of aanbevelen helemaal aan de lezer is.'
  },
  addFreedom: {
    en: 'Say what the reader is free to do under your own terms (for example: "You can stop [when]; returns within [period].").',
    nl: 'Zeg wat de lezer vrij staat onder je eigen voorwaarden (bijvoorbeeld: "Stoppen kan [wanneer]; retour binnen [periode].").'
  },
  addFreedomNoContract: {
    en: 'Leave the choice to the reader: say that there is no obligation and that questions are welcome.',
    nl: 'Laat de keuze aan de lezer: zeg dat er niets moet en dat vragen welkom zijn.'
  },
  toneDown: {
    en: 'Tone it down ("{text}"): one modest, specific sentence feels warmer than big feelings.',
    nl: 'Zeg het rustiger ("{text}"): één bescheiden, concrete zin voelt warmer dan grote gevoelens.'
  },
  offerHelp: {
    en: 'Offer help instead of turning the reader away ("{text}"): who can they call, and what will you do?',
    nl: 'Bied hulp in plaats van de lezer weg te sturen ("{text}"): wie kunnen ze bellen, en wat doe jij?'
  },
  dropGuilt: {
    en: 'Drop the guilt ("{text}"): give something instead, such as help, a call or a small gift.',
    nl: 'Laat het schuldgevoel weg ("{text}"): geef liever iets, zoals hulp, een belletje of een kleine attentie.'
  },
  giveStay: {
    en: 'Give a reason to stay: what you do for the reader (a check-up, help, a thank-you).',
    nl: 'Geef een reden om te blijven: wat jij voor de lezer doet (een controle, hulp, een bedankje).'
  },
  giveAsk: {
    en: 'Ask, don\'t push: thank the reader first and give something back for a recommendation.',
    nl: 'Vraag, duw niet: bedank de lezer eerst en geef iets terug voor een aanbeveling.'
  },
  give: {
    en: 'Give before you ask: offer help, say who the reader can call, or thank them.',
    nl: 'Geef voordat je vraagt: bied hulp aan, zeg wie de lezer kan bellen, of bedank de lezer.'
  },
  giveHelp: {
    en: 'Give before you ask: offer help and say who the reader can call ([name], [number]).',
    nl: 'Geef voordat je vraagt: bied hulp aan en zeg wie de lezer kan bellen ([naam], [nummer]).'
  },
  giveAskThanked: {
    en: 'Ask, don\'t push: give something back for a recommendation, and say it is optional.',
    nl: 'Vraag, duw niet: geef iets terug voor een aanbeveling, en zeg dat het vrijblijvend is.'
  },
  concreteInstead: {
    en: 'Replace the generic claim ("{text}") with one concrete detail: who made it, where, what exactly.',
    nl: 'Vervang de algemene bewering ("{text}") door één concreet detail: wie het maakte, waar, wat precies.'
  },
  addDetail: {
    en: 'Add a concrete detail: a name, a place, a time, a material, or what exactly happened.',
    nl: 'Voeg een concreet detail toe: een naam, een plaats, een tijd, een materiaal, of wat er precies gebeurde.'
  },
  addDetailExplore: {
    en: 'Show what is new in concrete terms: who made it, from what, and where.',
    nl: 'Laat concreet zien wat er nieuw is: wie het maakte, waarvan, en waar.'
  },
  talkToReader: {
    en: 'Talk to the reader, not only about the product ("{text}"): what does it mean for them?',
    nl: 'Spreek de lezer aan, niet alleen over het product ("{text}"): wat betekent het voor de lezer?'
  },
  addWarmth: {
    en: 'Add one plain, warm sentence aimed at the reader: thank them or wish them well.',
    nl: 'Voeg één gewone, warme zin voor de lezer toe: een bedankje of een goede wens.'
  },
  addWish: {
    en: 'Add one plain, warm sentence aimed at the reader: wish them well with what they bought or plan.',
    nl: 'Voeg één gewone, warme zin voor de lezer toe: wens de lezer veel plezier met wat hij kocht of van plan is.'
  },
  addThanks: {
    en: 'Add one plain, warm sentence aimed at the reader: thank them for something specific.',
    nl: 'Voeg één gewone, warme zin voor de lezer toe: bedank de lezer voor iets concreets.'
  }
} satisfies Record<string, Texts>

const retention: ReadonlySet<Phase | undefined> = new Set(['stick', 'repeat'])
const advocacy: ReadonlySet<Phase | undefined> = new Set(['ambassador', 'defender'])

function fill(texts: Texts, lang: Language, text = ''): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return texts[lang].replace('{text}', shorten(flat, 48))
}

/** The candidate that takes away a component's negative evidence. */
function removeText(state: ComponentState, phase: Phase | undefined, lang: Language, facts: CopyFacts): string {
  const {text = '', kind = ''} = state.worst ?? {}
  switch (state.component) {
    case 'freedom':
      if (advocacy.has(phase)) return fill(say.askDontPush, lang, text)
      if (/lock-in|penalty|threat/.test(kind) || (retention.has(phase) && facts.contract)) return fill(say.reasonToStay, lang, text)
      if (/urgency|scarcity/.test(kind)) return fill(say.calmDeadline, lang, text)
      if (/confirmshaming/.test(kind)) return fill(say.plainOptOut, lang, text)
      return fill(say.removePressure, lang, text)
    case 'restraint':
      return fill(say.toneDown, lang, text)
    case 'reciprocity':
      return fill(/guilt/.test(kind) ? say.dropGuilt : say.offerHelp, lang, text)
    case 'distinctiveness':
      return fill(say.concreteInstead, lang, text)
    case 'warmth':
      return fill(/dismissive|confirmshaming/.test(kind) ? say.offerHelp : say.talkToReader, lang, text)
  }
}

/** The candidate that adds positive evidence to a component. */
function addText(component: ScoreComponent, phase: Phase | undefined, lang: Language, facts: CopyFacts): string | undefined {
  switch (component) {
    case 'freedom':
      // Never advice the copy already follows: it says what the reader is free to do.
      if (facts.free) return undefined
      if (advocacy.has(phase)) return fill(say.addFreedomAsk, lang)
      // Cancelling is advice only for copy about a contract, a plan or a subscription.
      if (!facts.contract) return retention.has(phase) ? undefined : fill(say.addFreedomNoContract, lang)
      return fill(retention.has(phase) ? say.addFreedomStay : say.addFreedom, lang)
    case 'reciprocity':
      if (advocacy.has(phase)) return fill(facts.thanks ? say.giveAskThanked : say.giveAsk, lang)
      if (retention.has(phase)) return fill(say.giveStay, lang)
      if (facts.thanks && facts.gives) return undefined
      return fill(facts.thanks ? say.giveHelp : say.give, lang)
    case 'distinctiveness':
      return fill(phase === 'explore' || phase === 'discover' ? say.addDetailExplore : say.addDetail, lang)
    case 'warmth':
      // Never advice the copy already follows.
      if (facts.thanks && facts.wishes) return undefined
      return fill(facts.thanks ? say.addWish : facts.wishes ? say.addThanks : say.addWarmth, lang)
    case 'restraint':
      return undefined
  }
}

/** Candidates by gain in `esp` points, best first; the top three distinct texts. */
export function suggest(
  states: readonly ComponentState[],
  phase: Phase | undefined,
  lang: Language,
  espWeights: Readonly<Record<ScoreComponent, number>>,
  facts: Readonly<CopyFacts> = noFacts
): Candidate[] {
  // Texts are written only for the candidates that are looked at (most are not).
  const candidates: Array<{component: ScoreComponent; gain: number; text: () => string | undefined}> = []
  for (const state of states) {
    const {component} = state
    if (state.fall > 0.5) candidates.push({component, gain: espWeights[component] * state.fall, text: () => removeText(state, phase, lang, facts)})
    if (state.addGain > 0.05) candidates.push({component, gain: state.addGain, text: () => addText(component, phase, lang, facts)})
  }
  candidates.sort((a, b) => b.gain - a.gain)
  // One suggestion per component, so the three cover three different things.
  const chosen: Candidate[] = []
  for (const candidate of candidates) {
    if (chosen.length === 3) break
    if (chosen.some((other) => other.component === candidate.component)) continue
    const text = candidate.text()
    if (text === undefined || chosen.some((other) => other.text === text)) continue
    chosen.push({component: candidate.component, text, gain: candidate.gain})
  }
  return chosen
}
