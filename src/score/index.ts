/**
 * The emotional-selling-proposition score of a file: five components from
 * the findings (negative evidence) and the sentence signals (positive
 * evidence), `esp` from the five, every moving span as evidence, the
 * customer phase and the three suggestions that would raise `esp` most.
 * The formula and its constants: `./formula.ts` and docs/esp.md.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Language, PartName, Place, ScoreComponent, ScoreEvidence, Scores, SentenceFigures} from '../types.js'
import {componentValue, espOf, espWeight, scoreComponents, sentenceUnits} from './formula.js'
import {impactOf, pressureCategories} from './findings.js'
import {guessPhase} from './phase.js'
import {kindLabel} from './labels.js'
import {suggest, type ComponentState, type CopyFacts} from './suggestions.js'

export {componentValue, espOf, saturate, sentenceUnits, baseScore, riseScale, fallScale, espWeight} from './formula.js'
export {detectPhase, guessPhase, phaseCues} from './phase.js'

/** One piece of evidence before it has points: a signed weight on a component. */
export interface EvidenceItem {
  component: ScoreComponent
  /** Signed weight: positive raises, negative lowers. */
  weight: number
  why: string
  text: string
  place?: Place
  part?: PartName
  /** For negative items: category/subtype or signal name, to word suggestions. */
  kind?: string
}

export interface ScoreResult {
  scores: Scores
  evidence: ScoreEvidence[]
  states: ComponentState[]
}

/** Each component's place in `scoreComponents`, for grouping items without a map. */
const componentOrder: Readonly<Record<ScoreComponent, number>> = {warmth: 0, restraint: 1, freedom: 2, reciprocity: 3, distinctiveness: 4}

/** Score evidence items over copy of `units` sentence units. Pure: the tests pin the formula here. */
export function scoreEvidence(items: readonly EvidenceItem[], units: number): ScoreResult {
  const evidence: ScoreEvidence[] = []
  const states: ComponentState[] = []
  // One pass to sort the items by component (in order), instead of a filter per component.
  const byComponent: EvidenceItem[][] = [[], [], [], [], []]
  for (const item of items) if (item.weight !== 0) byComponent[componentOrder[item.component]].push(item)
  const values = [0, 0, 0, 0, 0]
  for (let order = 0; order < scoreComponents.length; order++) {
    const component = scoreComponents[order]
    const own = byComponent[order]
    let positive = 0
    let negative = 0
    let worst: EvidenceItem | undefined
    for (const item of own) {
      if (item.weight > 0) positive += item.weight
      else {
        negative -= item.weight
        if (!worst || item.weight < worst.weight) worst = item
      }
    }
    const move = componentValue(component, positive, negative, units)
    values[order] = Math.round(move.value)
    for (const item of own) {
      const delta = item.weight > 0 ? (move.rise * item.weight) / positive : (move.fall * item.weight) / negative
      const place = item.place
      const entry: ScoreEvidence = {
        component,
        delta: Math.round(delta * 10) / 10,
        why: item.why,
        text: item.text,
        line: place?.line ?? 1,
        column: place?.column ?? 1,
        endLine: place?.endLine ?? 1,
        endColumn: place?.endColumn ?? 1
      }
      if (item.part) entry.part = item.part
      evidence.push(entry)
    }
    const more = componentValue(component, positive + 1, negative, units)
    states.push({
      component,
      fall: move.fall,
      addGain: espWeight[component] * (more.value - move.value),
      worst: worst ? {text: worst.text, kind: worst.kind ?? worst.why} : undefined
    })
  }
  const [warmth, restraint, freedom, reciprocity, distinctiveness] = values
  const components = {warmth, restraint, freedom, reciprocity, distinctiveness}
  return {scores: {esp: espOf(components), ...components}, evidence, states}
}

/**
 * Finds the sentence a message falls in (same `.eml` part, offset inside):
 * sentences sorted by offset per part, then a binary search per message, so
 * that long documents stay linear-logarithmic.
 */
function sentenceFinder(sentences: readonly SentenceFigures[]): (message: VFileMessage) => number {
  const byPart = new Map<string, number[]>()
  sentences.forEach((sentence, index) => {
    if (!sentence.place) return
    const key = sentence.part ?? ''
    const list = byPart.get(key)
    if (list) list.push(index)
    else byPart.set(key, [index])
  })
  for (const list of byPart.values()) {
    // Sentences come in document order within a part: sort only when they do not.
    let sorted = true
    for (let index = 1; index < list.length && sorted; index++) sorted = sentences[list[index - 1]].place!.offset <= sentences[list[index]].place!.offset
    if (!sorted) list.sort((a, b) => sentences[a].place!.offset - sentences[b].place!.offset)
  }
  return (message) => {
    const offset = message.place && 'start' in message.place ? message.place.start.offset : undefined
    const list = byPart.get(message.part ?? '')
    if (offset === undefined || !list) return -1
    let low = 0
    let high = list.length - 1
    let found = -1
    while (low <= high) {
      const middle = (low + high) >> 1
      if (sentences[list[middle]].place!.offset <= offset) {
        found = middle
        low = middle + 1
      } else high = middle - 1
    }
    if (found === -1) return -1
    const place = sentences[list[found]].place!
    return offset < Math.max(place.endOffset, place.offset + 1) ? list[found] : -1
  }
}

function placeOf(message: VFileMessage): Place | undefined {
  const place = message.place
  if (!place || !('start' in place)) return undefined
  return {
    line: place.start.line,
    column: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column,
    offset: place.start.offset ?? 0,
    endOffset: place.end.offset ?? 0
  }
}

/** Marks of a sentence in `collectEvidence`: a pressure finding falls in it, an over-the-top one does. */
const pressured = 1
const loud = 2

/** Turn the findings and sentence signals of a file into evidence items, and the copy's length in units. */
export function collectEvidence(sentences: readonly SentenceFigures[], messages: readonly VFileMessage[], lang: Language = 'en'): {items: EvidenceItem[]; units: number} {
  const items: EvidenceItem[] = []
  // Per sentence, `pressured` and `loud` (most mails have few findings: none without).
  let marks: Uint8Array | undefined
  let byMessage: number[] | undefined
  let overTheTop: Map<number, number> | undefined
  if (messages.length > 0) {
    const sentenceOf = sentenceFinder(sentences)
    byMessage = messages.map(sentenceOf)
    marks = new Uint8Array(sentences.length)
    for (let index = 0; index < messages.length; index++) {
      const message = messages[index]
      const sentence = byMessage[index]
      if (sentence === -1) continue
      if (pressureCategories.has(String(message.category))) marks[sentence] |= pressured
      if (message.category === 'over-the-top') {
        marks[sentence] |= loud
        overTheTop ??= new Map()
        overTheTop.set(sentence, (overTheTop.get(sentence) ?? 0) + 1)
      }
    }
  }

  for (let index = 0; index < messages.length; index++) {
    const message = messages[index]
    const impact = impactOf(String(message.category), message.subtype)
    if (impact.length === 0) continue
    const sentence = byMessage![index]
    let scale = 1
    if (message.category === 'over-the-top' && sentence !== -1) {
      // A sentence's intensity spread over its over-the-top findings.
      scale = Math.max(1, sentences[sentence].intensity / (overTheTop?.get(sentence) ?? 1))
    }
    const kind = message.subtype ? `${message.category}/${message.subtype}` : String(message.category)
    for (const [component, weight] of impact) {
      items.push({component, weight: -weight * scale, why: kindLabel(kind, lang), text: String(message.actual ?? ''), place: placeOf(message), part: message.part, kind})
    }
  }

  let units = 0
  for (let index = 0; index < sentences.length; index++) {
    const sentence = sentences[index]
    const mark = marks === undefined ? 0 : marks[index]
    units += sentenceUnits(sentence.words)
    for (const signal of sentence.signals) {
      if (signal.weight > 0 && (mark & pressured) !== 0) continue
      if (signal.component === 'restraint' && (mark & loud) !== 0) continue
      const offset = signal.start - sentence.start
      items.push({
        component: signal.component,
        weight: signal.weight,
        why: signal.why,
        text: sentence.text.slice(offset, offset + signal.end - signal.start),
        place: signal.place,
        part: sentence.part,
        kind: signal.why
      })
    }
  }
  return {items, units}
}

const contractWords = /\b(?:subscriptions?|contracts?|memberships?|plans?|renew\w*|cancel\w*|abonnement\w*|contract\w*|lidmaatschap\w*|looptijd|verleng\w*|opzeg\w*)\b/i

/** What the copy already does (thanks, wishes, gives) and whether it is about a contract. */
function copyFacts(items: readonly EvidenceItem[], sentences: readonly SentenceFigures[], messages: readonly VFileMessage[]): CopyFacts {
  const positive = items.filter((item) => item.weight > 0).map((item) => item.why)
  return {
    thanks: positive.some((why) => /thank|bedank/i.test(why)),
    wishes: positive.some((why) => /wish|greet|wenst|groet/i.test(why)),
    gives: positive.some((why) => /helps|gives|helpt|geeft/i.test(why)),
    free: items.some((item) => item.component === 'freedom' && item.weight > 0),
    contract: messages.some((message) => message.subtype === 'lock-in' || message.subtype === 'penalty') || sentences.some((sentence) => contractWords.test(sentence.text))
  }
}

/** Score a checked file: sets `scores`, `evidence`, `phase` and `suggestions` on `file.data.trouw`. */
export function scoreFile(file: VFile): void {
  const data = file.data.trouw
  if (!data) return
  const {items, units} = collectEvidence(data.sentences, file.messages, data.language as Language)
  const {scores, evidence, states} = scoreEvidence(items, units)
  const phase = guessPhase(data.sentences.map((sentence) => sentence.cues)).guess
  data.scores = scores
  data.evidence = evidence
  data.phase = phase
  data.suggestions = suggest(states, phase?.name, data.language as Language, espWeight, copyFacts(items, data.sentences, file.messages)).map((candidate) => candidate.text)
}
