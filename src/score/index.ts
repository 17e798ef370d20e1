/**
 * The emotional-selling-proposition score of a file: five components from
 * the findings (negative evidence) and the sentence signals (positive
 * evidence), `esp` from the five, every moving span as evidence, the
 * customer phase and the three suggestions that would raise `esp` most.
 * The formula and its constants: `./formula.ts` and docs/esp.md.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {BlockRole, Language, PartName, Phase, Place, ScoreComponent, ScoreEvidence, Scores, SentenceFigures} from '../types.js'
import {componentValue, espOf, espWeight, saturate, scoreComponents, scoreConfidence, sentenceUnits, specRate} from './formula.js'
import {impactOf, pressureCategories} from './findings.js'
import {guessPhase, phaseSentences} from './phase.js'
import {isCommonWord} from './common-words.js'
import {kindLabel} from './labels.js'
import {ownString} from '../text-util.js'
import {suggest, type ComponentState, type CopyFacts} from './suggestions.js'

export {componentValue, espOf, saturate, sentenceUnits, baseScore, riseScale, fallScale, espWeight, specRate, scoreConfidence, confidenceUnits, confidenceNote, unsureBelow} from './formula.js'
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
  /** A spec (number, material, date): specs saturate (`specRate`). */
  spec?: boolean
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
    let plain = 0
    let specs = 0
    let negative = 0
    let worst: EvidenceItem | undefined
    for (const item of own) {
      if (item.weight > 0) {
        if (item.spec) specs += item.weight
        else plain += item.weight
      } else {
        negative -= item.weight
        if (!worst || item.weight < worst.weight) worst = item
      }
    }
    // Specs saturate on their own: their summed weight counts as at most `specRate` per unit.
    const specEffective = specs > 0 && units > 0 ? units * specRate * saturate(specs / units, specRate) : 0
    const positive = plain + specEffective
    const move = componentValue(component, positive, negative, units)
    values[order] = Math.round(move.value)
    for (const item of own) {
      const weight = item.spec && item.weight > 0 ? (item.weight * specEffective) / specs : item.weight
      const delta = item.weight > 0 ? (move.rise * weight) / positive : (move.fall * item.weight) / negative
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
  // An `.eml` finding's evidence is shown where the finding is in the raw message.
  const place = message.raw?.place ?? message.place
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
/** …and a finding that moves a component falls in it (it counts in the length even outside the prose). */
const counted = 4

/**
 * Roles whose sentences are the sender's own prose. The others (heading,
 * navigation, quote, footer, signature, code) neither raise nor lower a
 * component by their words; only a finding in them counts (a coercive footer
 * is still coercion).
 */
export const proseRoles: ReadonlySet<BlockRole> = new Set<BlockRole>(['subject', 'preheader', 'paragraph', 'list-item', 'button', 'table-cell'])

/** Is the sentence the sender's own prose: a prose role and not about the mail itself (`aside`)? */
export function isProse(sentence: Pick<SentenceFigures, 'role' | 'aside'>): boolean {
  return sentence.aside === undefined && (sentence.role === undefined || proseRoles.has(sentence.role))
}

const nameWhy = /^a name|^een naam/
const letter = /\p{L}/u
const lowerLetter = /\p{Ll}/u
const digit = /\p{N}/u

/**
 * Add each word of `text` that starts in lower case (a lower-case letter after
 * no letter or digit, then letters, apostrophes and hyphens) to `words`: what
 * `/(?<![\p{L}\p{N}])\p{Ll}[\p{L}'’-]*\/gu` matches, in one pass without a
 * lookbehind (this reads every sentence of a mail with a name in it).
 */
function addLowercaseWords(text: string, words: Set<string>): void {
  let afterWordCharacter = false
  let index = 0
  while (index < text.length) {
    const point = text.codePointAt(index)!
    const width = point > 0xffff ? 2 : 1
    if (!afterWordCharacter && isLowerLetter(point)) {
      let end = index + width
      while (end < text.length) {
        const next = text.codePointAt(end)!
        if (next !== 39 && next !== 0x2019 && next !== 45 && !isLetter(next)) break
        end += next > 0xffff ? 2 : 1
      }
      const word = text.slice(index, end)
      // Its own copy: a slice would keep the sentence's text (and a big file's batch) alive.
      if (!words.has(word)) words.add(ownString(word))
      // The word ends before a character that is no letter: it can start a word only when it is no digit either.
      index = end
      afterWordCharacter = false
      if (index < text.length) {
        const next = text.codePointAt(index)!
        afterWordCharacter = isDigit(next)
        index += next > 0xffff ? 2 : 1
      }
      continue
    }
    afterWordCharacter = isLetter(point) || isDigit(point)
    index += width
  }
}

/**
 * Does a sentence write `lower` as a word of its own in lower case (as
 * `addLowercaseWords` would find it)? True or false where a search for it
 * settles it; undefined where an occurrence follows an apostrophe, a hyphen
 * or a character outside the basic plane (then only the full scan knows).
 */
function writtenInLowerCase(sentences: readonly SentenceFigures[], lower: string): boolean | undefined {
  if (lower === '') return false
  let unsure = false
  for (const {text} of sentences) {
    let at = text.indexOf(lower)
    while (at !== -1) {
      const end = at + lower.length
      const before = at === 0 ? -1 : text.charCodeAt(at - 1)
      const after = end < text.length ? text.codePointAt(end)! : -1
      if (before === 39 || before === 0x2019 || before === 45 || (before >= 0xd800 && before <= 0xdfff)) unsure = true
      else if ((before === -1 || !(isLetter(before) || isDigit(before))) && (after === -1 || !(after === 39 || after === 0x2019 || after === 45 || isLetter(after)))) {
        // A word starts here after no letter, digit, apostrophe or hyphen, and ends with `lower`: it is `lower` if `lower` is one word.
        return wholeLowercaseWord.test(lower)
      }
      at = text.indexOf(lower, at + 1)
    }
  }
  return unsure ? undefined : false
}

const wholeLowercaseWord = /^\p{Ll}[\p{L}'’-]*$/u

function isLetter(point: number): boolean {
  if (point < 128) return (point >= 65 && point <= 90) || (point >= 97 && point <= 122)
  return letter.test(String.fromCodePoint(point))
}

function isLowerLetter(point: number): boolean {
  if (point < 128) return point >= 97 && point <= 122
  return lowerLetter.test(String.fromCodePoint(point))
}

function isDigit(point: number): boolean {
  if (point < 128) return point >= 48 && point <= 57
  return digit.test(String.fromCodePoint(point))
}
const firstWord = /^[\p{L}'’-]+/u

/**
 * Turn the findings and sentence signals of a file into evidence items, the
 * length of its prose in units, and how sure the score is of it.
 *
 * Only the sender's own prose counts (`isProse`): its signals and its length.
 * A sentence outside it counts only with a finding in it. Positive signals
 * count in no sentence with pressure (a coercion, dismissive or over-the-top
 * finding) or shouting. A capitalised word the copy also writes in lower case
 * is no name, and the same detail counts once. Restraint falls with the share
 * of the prose that is hype: a hyped sentence weighs its length in units.
 */
export function collectEvidence(sentences: readonly SentenceFigures[], messages: readonly VFileMessage[], lang: Language = 'en'): {items: EvidenceItem[]; units: number; confidence: number} {
  const collector = new EvidenceCollector(lang)
  collector.add(sentences, messages)
  return collector.finish(messages, lowerCaseIn(sentences))
}

/** What the findings in a sentence need of it once its figures are gone. */
interface SentenceNote {
  /** The sentence's number in the file (for "one act per sentence"). */
  id: number
  repeated: boolean
  words: number
  intensity: number
  /** Over-the-top findings in it. */
  overTheTop: number
}

/**
 * A signal's evidence item that waits for the end of the file, when the
 * whole-file rules that decide it are known: whether the prose exclaims
 * often, whether the copy writes a name's first word in lower case
 * anywhere, and whether the same detail counted before.
 */
interface Candidate {
  item: EvidenceItem
  /** It counts only when the prose exclaims often (true) or only when it does not (false). */
  exclaims?: boolean
  /** A detail: its key (it counts once). */
  detail?: string
  /** A name: its first word in lower case (no name when the copy writes it so). */
  name?: string
}

/**
 * The evidence of a file collected batch by batch, so that a big file's
 * sentences can be dropped once their batch is folded in (`add`): repeated
 * sentences, quotations, the prose's length and its exclamations are running
 * sets and counts; the few signals that whole-file rules decide wait as
 * candidates until `finish`. Fed the whole file in one `add`, it is
 * `collectEvidence`.
 *
 * A batch's findings must be settled (inline controls and the allow list
 * applied) and fall in the batch's own sentences: the engine folds in
 * batches only for copy whose blocks follow each other in the source.
 */
export class EvidenceCollector {
  private readonly lang: Language
  /** Keep every lower-case word (`finish` then needs no sentence texts). */
  private readonly gatherLowerCase: boolean
  private readonly lowercase = new Set<string>()
  private readonly said = new Set<string>()
  private readonly notes = new WeakMap<VFileMessage, SentenceNote>()
  private readonly candidates: Candidate[] = []
  /** Details that count for certain wherever the same words come again. */
  private readonly taken = new Set<string>()
  private readonly quotes = new QuoteTracker()
  private sentenceCount = 0
  private units = 0
  /** Prose sentences and the exclamations in them (`exclaimsOften`). */
  private prose = 0
  private exclaimed = 0
  /** The phase cues of the first sentences (`guessPhase` reads `phaseSentences` of them). */
  readonly cues: Array<readonly Phase[] | undefined> = []
  /** Does a sentence speak of a contract (`copyFacts`)? */
  contract = false

  constructor(lang: Language = 'en', options?: {gatherLowerCase?: boolean}) {
    this.lang = lang
    this.gatherLowerCase = Boolean(options?.gatherLowerCase)
  }

  /** Fold in the next sentences of the file, in order, and the findings that fall in them. */
  add(sentences: readonly SentenceFigures[], messages: readonly VFileMessage[]): void {
    const first = this.sentenceCount
    this.sentenceCount += sentences.length
    // A sentence the copy said before (the same text) is the same evidence: it counts once, with its findings.
    let repeats: Uint8Array | undefined
    for (let index = 0; index < sentences.length; index++) {
      const key = repeatKey(sentences[index].text)
      if (!this.said.has(key)) this.said.add(ownString(key))
      else (repeats ??= new Uint8Array(sentences.length))[index] = 1
    }
    // Per sentence, `pressured`, `loud` and `counted` (most mails have few findings: none without).
    let marks: Uint8Array | undefined
    if (messages.length > 0) {
      const sentenceOf = sentenceFinder(sentences)
      const notes: Array<SentenceNote | undefined> = []
      for (const message of messages) {
        const sentence = sentenceOf(message)
        if (sentence === -1) continue
        const figures = sentences[sentence]
        let note = notes[sentence]
        if (!note) notes[sentence] = note = {id: first + sentence, repeated: repeats !== undefined && repeats[sentence] === 1, words: figures.words, intensity: figures.intensity, overTheTop: 0}
        this.notes.set(message, note)
        marks ??= new Uint8Array(sentences.length)
        if (impactOf(String(message.category), message.subtype).length > 0) marks[sentence] |= counted
        if (pressureCategories.has(String(message.category))) marks[sentence] |= pressured
        if (message.category === 'over-the-top') {
          marks[sentence] |= loud
          note.overTheTop++
        }
      }
    }

    for (let index = 0; index < sentences.length; index++) {
      const sentence = sentences[index]
      if (this.gatherLowerCase) addLowercaseWords(sentence.text, this.lowercase)
      if (!this.contract && contractWords.test(sentence.text)) this.contract = true
      if (this.cues.length < phaseSentences) this.cues.push(sentence.cues)
      // A quotation that runs over several sentences ("Thank you for changing my life!" in a testimonial) is someone else's words.
      const quoted = this.quotes.next(sentence)
      if (repeats !== undefined && repeats[index] === 1) continue
      const mark = marks === undefined ? 0 : marks[index]
      const prose = isProse(sentence) && !quoted
      // Outside the prose a sentence counts only with a finding in it.
      if (prose || (mark & counted) !== 0) this.units += sentenceUnits(sentence.words)
      if (!prose) continue
      this.prose++
      // Hype taints the sentence (a stray exclamation is punctuation, not hype), and so does a push to act at once:
      // "Order now, money back!" is a sales line, not freedom. Whether an exclamation is hype is known at the end.
      let tainted = false
      let taintedIfExclaims = false
      for (const signal of sentence.signals) {
        if (signal.why === exclamationWhy) this.exclaimed++
        if (signal.weight >= 0 || (signal.component !== 'restraint' && signal.component !== 'freedom')) continue
        if (signal.why === exclamationWhy) taintedIfExclaims = true
        else tainted = true
      }
      for (const signal of sentence.signals) {
        // Does the signal count when the prose exclaims often, and when it does not?
        const keep = (exclaims: boolean): boolean => {
          if (signal.weight > 0 && ((mark & pressured) !== 0 || tainted || (exclaims && taintedIfExclaims))) return false
          if (signal.component === 'restraint' && (mark & loud) !== 0) return false
          return exclaims || signal.why !== exclamationWhy
        }
        const ifExclaims = keep(true)
        const ifNot = keep(false)
        if (!ifExclaims && !ifNot) continue
        const offset = signal.start - sentence.start
        // Its own copy: a slice would keep the sentence's batch text alive.
        const text = ownString(sentence.text.slice(offset, offset + signal.end - signal.start))
        let weight = signal.weight
        // Hype signals take their weight's share of the sentence's length: shouting half, an exclamation a quarter.
        if (signal.component === 'restraint' && weight < 0) weight = sentenceUnits(sentence.words) * weight
        const item: EvidenceItem = {component: signal.component, weight, why: signal.why, text, place: signal.place, part: sentence.part, kind: signal.why}
        if (signal.spec) item.spec = true
        const candidate: Candidate = {item}
        if (ifExclaims !== ifNot) candidate.exclaims = ifExclaims
        if (signal.component === 'distinctiveness' && signal.weight > 0) {
          // The same detail counts once (a product name twenty times is one name).
          const key = text.toLowerCase().replace(/\s+/g, ' ')
          if (this.taken.has(key)) continue
          if (nameWhy.test(signal.why)) {
            // A capitalised word the copy also writes in lower case is no name ("The", "Sending").
            if (allCommon(text, this.lang)) continue
            const lower = (firstWord.exec(text)?.[0] ?? text).toLowerCase()
            if (this.lowercase.has(lower)) continue
            candidate.name = lower
          }
          candidate.detail = key
          if (candidate.exclaims === undefined && candidate.name === undefined) this.taken.add(key)
        }
        this.candidates.push(candidate)
      }
    }
  }

  /**
   * The evidence items, the prose's length in units and the score's
   * confidence, once every batch is in. `messages` are the file's findings
   * in the report's order; `writesInLowerCase` tells whether the copy writes
   * a word in lower case (default: the words `add` gathered).
   */
  finish(messages: readonly VFileMessage[], writesInLowerCase?: (lower: string) => boolean): {items: EvidenceItem[]; units: number; confidence: number} {
    const items: EvidenceItem[] = []
    let seenActs: Set<string> | undefined
    for (const message of messages) {
      const impact = impactOf(String(message.category), message.subtype)
      if (impact.length === 0) continue
      const note = this.notes.get(message)
      if (note?.repeated) continue
      const kind = message.subtype ? `${message.category}/${message.subtype}` : String(message.category)
      // Two rules that catch one act in one sentence ("Nog maar 4 sets op": a low-stock phrase and a stock count) cost once.
      if (note && kind !== 'over-the-top') {
        const key = note.id + '|' + kind
        if ((seenActs ??= new Set()).has(key)) continue
        seenActs.add(key)
      }
      for (const [component, weight] of impact) {
        let scale = 1
        if (component === 'restraint') {
          // Hype weighs the share of the prose it takes: the sentence's units, times its intensity (½–1), over its findings.
          scale = note === undefined ? 1 : (sentenceUnits(note.words) * Math.min(1, Math.max(0.5, note.intensity))) / (note.overTheTop || 1)
        }
        items.push({component, weight: -weight * scale, why: kindLabel(kind, this.lang), text: String(message.actual ?? ''), place: placeOf(message), part: message.part, kind})
      }
    }

    // An exclamation mark is hype only where the prose keeps exclaiming: a stray one is punctuation.
    const exclaims = exclaimsOften(this.prose, this.exclaimed)
    const lowerCase = writesInLowerCase ?? ((lower: string) => this.lowercase.has(lower))
    const details = new Set<string>()
    for (const {item, exclaims: only, detail, name} of this.candidates) {
      if (only !== undefined && only !== exclaims) continue
      if (detail !== undefined) {
        if (name !== undefined && lowerCase(name)) continue
        if (details.has(detail)) continue
        details.add(detail)
      }
      items.push(item)
    }
    return {items, units: this.units, confidence: scoreConfidence(this.units)}
  }
}

/**
 * Does the copy write a word in lower case somewhere? Most words settle on a
 * plain search of the sentences; the set of every lower-case word is built
 * only when one does not.
 */
function lowerCaseIn(sentences: readonly SentenceFigures[]): (lower: string) => boolean {
  let lowercase: Set<string> | undefined
  const asked = new Map<string, boolean>()
  return (lower) => {
    let seen = asked.get(lower)
    if (seen !== undefined) return seen
    seen = writtenInLowerCase(sentences, lower)
    if (seen === undefined) {
      if (!lowercase) {
        lowercase = new Set()
        for (const sentence of sentences) addLowercaseWords(sentence.text, lowercase)
      }
      seen = lowercase.has(lower)
    }
    asked.set(lower, seen)
    return seen
  }
}

const exclamationWhy = 'an exclamation'
/** Exclamations count as hype from this many exclaimed sentences of the prose… */
export const exclaimMinSentences = 2
/** …when they are at least this share of its sentences. */
export const exclaimMinShare = 0.25

/** Copy of at most this many prose sentences exclaims with one exclamation. */
export const exclaimShortCopy = 2

/** Does prose of `prose` sentences (repeats and quotations aside) with `exclaimed` exclamations exclaim often enough for them to be hype (`exclaimMinSentences`, `exclaimMinShare`)? */
function exclaimsOften(prose: number, exclaimed: number): boolean {
  // In copy of one or two sentences (a subject line, a push text) an exclamation is the copy's tone, not a stray mark.
  if (prose <= exclaimShortCopy) return exclaimed > 0
  return exclaimed >= exclaimMinSentences && exclaimed >= exclaimMinShare * prose
}

/** A quotation runs at most this many sentences: a quote mark left open longer was no quotation. */
export const quotationMaxSentences = 8

/**
 * Per sentence 1 where it stands in a quotation that runs over sentences: it
 * begins inside a quotation an earlier sentence opened ("…in a day. Thanks
 * again!\""), or it opens one it does not close. Within one sentence the
 * signal finder already leaves quoted words out (`quoted` ranges); this is
 * the same across sentences. A quotation ends with its paragraph (a blank
 * line, another role or `.eml` part). Undefined when no sentence is quoted.
 */
export function quotedSentences(sentences: readonly SentenceFigures[]): Uint8Array | undefined {
  let marks: Uint8Array | undefined
  const quotes = new QuoteTracker()
  for (let index = 0; index < sentences.length; index++) {
    if (quotes.next(sentences[index])) (marks ??= new Uint8Array(sentences.length))[index] = 1
  }
  return marks
}

/** Follows quotations over the sentences of a file, one sentence at a time (see `quotedSentences`). */
class QuoteTracker {
  private open = 0
  private previous: SentenceFigures | undefined

  /** Does the next sentence stand in a quotation? */
  next(sentence: SentenceFigures): boolean {
    const previous = this.previous
    this.previous = sentence
    let open = this.open
    if (previous !== undefined && open > 0 && (previous.part !== sentence.part || previous.role !== sentence.role || newParagraph(previous, sentence))) open = 0
    const startsOpen = open > 0
    const text = sentence.text
    if (text.includes('"') || text.includes('“') || text.includes('”')) {
      for (let at = 0; at < text.length; at++) {
        const char = text[at]
        if (char === '“') open = 1
        else if (char === '”') open = 0
        else if (char === '"') {
          const before = at === 0 ? ' ' : text[at - 1]
          const after = at + 1 < text.length ? text[at + 1] : ' '
          // An opening mark follows a space, a bracket or a colon and is followed by a word; a closing one is not.
          open = quoteOpener.test(before) && !/\s/.test(after) ? 1 : 0
        }
      }
    }
    const quoted = startsOpen || open > 0
    if (open > 0 && ++open > quotationMaxSentences) open = 0
    this.open = open
    return quoted
  }
}

const quoteOpener = /[\s([:—–-]/

/** Is there a blank line between two sentences (plain text: a new paragraph)? */
function newParagraph(previous: SentenceFigures, sentence: SentenceFigures): boolean {
  return previous.place !== undefined && sentence.place !== undefined && sentence.place.line > previous.place.endLine + 1
}

/** Is every word of a name a common word of the language ("Windows Program", "Building Inspector")? */
function allCommon(name: string, lang: Language): boolean {
  const words = name.split(/[\s.\-]+/).filter(Boolean)
  return words.length > 0 && words.every((word) => isCommonWord(word, lang))
}

/** What makes two sentences the same for `add`'s repeats: the text, case and spacing aside. */
function repeatKey(sentenceText: string): string {
  const text = sentenceText.toLowerCase()
  return plainSpaced(text) ? text : text.replace(/\s+/g, ' ').trim()
}

const space = /\s/

/** Does `text` have only single spaces between its words and none at its ends (so `\s+` to one space and trimming leave it as it is)? */
function plainSpaced(text: string): boolean {
  let previousSpace = true
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code === 32) {
      if (previousSpace) return false
      previousSpace = true
    } else if (code < 32 || (code >= 0x80 && space.test(text[index]))) return false
    else previousSpace = false
  }
  return !previousSpace || text.length === 0
}

const contractWords = /\b(?:subscriptions?|contracts?|memberships?|plans?|renew\w*|cancel\w*|abonnement\w*|contract\w*|lidmaatschap\w*|looptijd|verleng\w*|opzeg\w*)\b/i

/** What the copy already does (thanks, wishes, gives, says what the reader is free to do) and whether it is about a contract (`contract`: a sentence speaks of one). */
function copyFacts(items: readonly EvidenceItem[], contract: boolean, messages: readonly VFileMessage[]): CopyFacts {
  const positive = items.filter((item) => item.weight > 0).map((item) => item.why)
  return {
    thanks: positive.some((why) => /thank|bedank/i.test(why)),
    wishes: positive.some((why) => /wish|greet|wenst|groet/i.test(why)),
    gives: positive.some((why) => /helps|gives|helpt|geeft/i.test(why)),
    free: items.some((item) => item.component === 'freedom' && item.weight > 0),
    contract: messages.some((message) => message.subtype === 'lock-in' || message.subtype === 'penalty') || contract
  }
}

/**
 * Score a checked file: sets `scores`, `evidence`, `phase` and `suggestions`
 * on `file.data.trouw`. From its sentences, or from `collected`, the
 * collector its batches were folded into (then `data.sentences` may be empty).
 */
export function scoreFile(file: VFile, collected?: EvidenceCollector): void {
  const data = file.data.trouw
  if (!data) return
  const lang = data.language as Language
  let collector = collected
  let result
  if (collector) result = collector.finish(file.messages)
  else {
    collector = new EvidenceCollector(lang)
    collector.add(data.sentences, file.messages)
    result = collector.finish(file.messages, lowerCaseIn(data.sentences))
  }
  const {items, units, confidence} = result
  const {scores, evidence, states} = scoreEvidence(items, units)
  data.scoreConfidence = confidence
  const phase = guessPhase(collector.cues).guess
  data.scores = scores
  data.evidence = evidence
  data.phase = phase
  data.suggestions = suggest(states, phase?.name, lang, espWeight, copyFacts(items, collector.contract, file.messages)).map((candidate) => candidate.text)
}
