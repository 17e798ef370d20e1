/**
 * Positive evidence in a sentence for the ESP score: warmth aimed at the
 * reader, voluntary signals, the sender giving or helping, concrete detail;
 * and two small negative signals the scorer needs per sentence: feature-only
 * copy that never addresses the reader (warmth) and typographic shouting
 * (restraint, used only where no over-the-top finding already counts).
 *
 * The phrases are data in `dictionaries/signals.<lang>.yml`, written in the
 * rule pattern language and compiled once per language into one
 * `PatternIndex`, so a sentence is scanned once. Numbers and names are found
 * in code: they are shapes, not phrases.
 */
import {signalLabels} from './score/labels.js'
import path from 'node:path'
import {readYamlValue} from './data-cache.js'
import {InputError, type Language, type ScoreComponent, type SentenceFigures} from './types.js'
import type {SentenceView} from './kinds/kind.js'
import {compilePattern, PatternIndex, PatternError, type CompiledPattern, type Match, type WordStep} from './patterns.js'
import {compileContext, packageRoot} from './rule-loader.js'
import {isNegated} from './context.js'
import {sentiment} from './lexicon.js'
import {memoGet, memoSet, memoSlot, type Token} from './tokens.js'
import {sortSmall} from './small-sort.js'
import {hasInterest, interestBit} from './interest.js'

export type Signal = SentenceFigures['signals'][number]

const components: readonly ScoreComponent[] = ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']

/** Weight of one number (an amount, a time, a date, a phone number) as concrete detail. */
export const numberWeight = 0.5
/** Weight of one name (a person, a place, a product) as concrete detail. */
export const nameWeight = 1
/** Weight of a positive word in a sentence that addresses the reader (warmth). */
export const kindWordWeight = 0.5
/** Sentiment lexicon valence from which a word counts as kind (-5..5). */
export const kindWordValence = 2
/** …and up to which it is still calm (stronger words are praise, not warmth). */
export const kindWordMaxValence = 3.5
/** Sentiment lexicon intensity above which a word is too loud to count as proportionate (0..1). */
export const kindWordMaxIntensity = 0.6
/** Weight (negative) of typographic shouting for restraint: `!!`, ALL CAPS words, emoji runs. */
export const shoutWeight = -0.5
/** ALL CAPS words at least this long shout; shorter ones are taken for acronyms (FAQ, BTW). */
export const shoutMinLetters = 4
/** A run of this many emoji in a sentence shouts. */
export const shoutEmojiRun = 2

/** One group of phrases in `signals.<lang>.yml`. */
export interface SignalGroup {
  component: ScoreComponent
  why: string
  weight: number
  /** Drop a hit that a negator before it turns around (default true). */
  negation: boolean
  /** Count the hit only when a question mark follows it: "Questions?", "Twijfel je?" (default false). */
  question: boolean
  /** Not evidence: a phrase whose words count for nothing ("no thanks"). */
  ignore?: boolean
}

interface CompiledSignals {
  /**
   * The phrase patterns (not the numeric ones), in order: the plugin files
   * them in its own index, so one scan of a sentence serves rules and signals.
   */
  patterns: ReadonlyArray<readonly [CompiledPattern, SignalTarget]>
  /** The same patterns in an index of their own, for `sentenceSignals` without the plugin's matches. */
  index: PatternIndex<SignalTarget>
  /** Patterns that start with `{num}` (or another word set): they count only in sentences with a number. */
  numericPatterns: ReadonlyArray<readonly [CompiledPattern, SignalTarget]>
  /** The same in an index of their own, for `sentenceSignals` without the plugin's matches. */
  numeric: PatternIndex<SignalTarget>
  /** Words that address the reader (you, je, u…). */
  reader: ReadonlySet<string>
  /** Capitalised words that are not names (I, U, Uw, greetings…). */
  notNames: ReadonlySet<string>
  /** Positive words that are claims about the product, not warmth (best, excellent). */
  notKind: ReadonlySet<string>
  /** Slot in each lexeme's memo for its `wordFlags` (see `Lexeme`). */
  slot: number | undefined
  /** Interest bit of sentences that may shout: capitals, emoji, `!` or `?` runs (see `src/interest.ts`). */
  loud: number
}

/** What the signal finders need to know of one word, as bits (worked out once per spelling). */
const isReader = 1
const isCountWord = 2
const isNotName = 4
const isKind = 8
const known = 16
const isNumberWord = 32
/** A capitalised word that may be a name (not ALL CAPS, not a known non-name). */
const mayBeName = 64

function computeFlags(token: Token, compiled: CompiledSignals, lang: Language): number {
  let flags = known
  if (compiled.reader.has(token.norm)) flags |= isReader
  if (isNumber(token) || countWords.has(token.norm)) flags |= isCountWord
  if (compiled.notNames.has(token.norm)) flags |= isNotName
  if (isNumber(token)) flags |= isNumberWord
  if (token.kind === 'word' && !token.caps && startsWithCapital(token) && (flags & isNotName) === 0) flags |= mayBeName
  if (token.kind === 'word' && !compiled.notKind.has(token.norm)) {
    const entry = sentiment(lang).get(token.norm)
    if (entry && entry.valence >= kindWordValence && entry.valence <= kindWordMaxValence && entry.intensity <= kindWordMaxIntensity) flags |= isKind
  }
  return flags
}

function wordFlags(token: Token, compiled: CompiledSignals, lang: Language): number {
  const lexeme = token.lexeme
  if (lexeme === undefined || compiled.slot === undefined) return computeFlags(token, compiled, lang)
  let flags = memoGet(lexeme, compiled.slot) as number | undefined
  if (flags === undefined) memoSet(lexeme, compiled.slot, (flags = computeFlags(token, compiled, lang)))
  return flags
}

const cache = new Map<Language, CompiledSignals>()

/** The signal file of a language (default folder: the package's `dictionaries/`). */
export function signalsFile(lang: Language): string {
  return path.join(packageRoot, 'dictionaries', `signals.${lang}.yml`)
}

/** Compile (once per process and language) the signal phrases. Throws `InputError` on a bad file. */
export function loadSignals(lang: Language): CompiledSignals {
  const cached = cache.get(lang)
  if (cached) return cached
  const file = signalsFile(lang)
  let data: unknown
  try {
    data = readYamlValue(file)
  } catch (error) {
    throw new InputError(file, `cannot read the signal list: ${(error as Error).message.split('\n')[0]}`)
  }
  if (!data || typeof data !== 'object') throw new InputError(file, 'must be a map of component to a list of groups')
  const record = data as Record<string, unknown>
  const context = compileContext(lang)
  const patterns: Array<[CompiledPattern, SignalTarget]> = []
  const numericPatterns: Array<[CompiledPattern, SignalTarget]> = []
  const index = new PatternIndex<SignalTarget>()
  const numeric = new PatternIndex<SignalTarget>()
  const place = (pattern: CompiledPattern, group: SignalGroup) => {
    const first = pattern.steps[0] as WordStep
    const target = {group}
    if (first.number || first.any || first.predicates.length > 0) {
      numericPatterns.push([pattern, target])
      numeric.add(pattern, target)
    } else {
      patterns.push([pattern, target])
      index.add(pattern, target)
    }
  }
  for (const component of components) {
    const groups = record[component] ?? []
    if (!Array.isArray(groups)) throw new InputError(file, `\`${component}\` must be a list of groups ({why, weight, patterns})`)
    for (const entry of groups as Array<Record<string, unknown>>) {
      const why = entry.why
      const weight = entry.weight ?? 1
      const patterns = entry.patterns
      if (typeof why !== 'string' || typeof weight !== 'number' || !Array.isArray(patterns)) {
        throw new InputError(file, `every \`${component}\` group needs \`why\` (text), \`weight\` (number) and \`patterns\` (list)`)
      }
      const group: SignalGroup = {component, why, weight, negation: entry.negation !== false, question: entry.question === true}
      for (const source of patterns) {
        try {
          for (const pattern of compilePattern(String(source), context)) place(pattern, group)
        } catch (error) {
          if (error instanceof PatternError) throw new InputError(file, `${component} / ${why}: ${error.message}`)
          throw error
        }
      }
    }
  }
  // Phrases whose words are no evidence ("no thanks" is a refusal, not thanks): in the same index, one scan.
  const ignore: SignalGroup = {component: 'warmth', why: 'ignore', weight: 0, negation: false, question: false, ignore: true}
  for (const source of (record.ignore ?? []) as unknown[]) {
    try {
      for (const pattern of compilePattern(String(source), context)) place(pattern, ignore)
    } catch (error) {
      if (error instanceof PatternError) throw new InputError(file, `ignore: ${error.message}`)
      throw error
    }
  }
  const words = (key: string) => new Set(((record[key] ?? []) as unknown[]).map((word) => String(word).toLowerCase()))
  const compiled: CompiledSignals = {patterns, index, numericPatterns, numeric, reader: words('reader'), notNames: words('not-names'), notKind: words('not-kind'), slot: memoSlot(), loud: interestBit(lang, mayBeLoud)}
  cache.set(lang, compiled)
  return compiled
}

/** What `PatternIndex#matches` gives for signal patterns. */
export type SignalMatches = ReadonlyArray<readonly [Match, CompiledPattern, SignalTarget]>

/**
 * What a signal pattern is filed with: its group. A wrapper, so that an index
 * shared with other consumers (the plugin's) can hand its own matches over
 * as they are.
 */
export interface SignalTarget {
  readonly group?: SignalGroup
}

/**
 * Every signal in one sentence, in order of start. Overlapping hits for the
 * same component count once (the heavier one).
 *
 * @param matches The matches of the signal phrases (`loadSignals(lang).patterns`)
 *   in the sentence's words, when the caller scanned for them already
 *   (default: scanned here).
 * @param numericMatches The same for `loadSignals(lang).numericPatterns`.
 */
export function sentenceSignals(sentence: SentenceView, matches?: SignalMatches, numericMatches?: SignalMatches): Signal[] {
  const compiled = loadSignals(sentence.lang)
  const words = sentence.words
  if (words.length === 0) return []
  const found: Signal[] = []
  // The word span of each signal in `found`, two numbers each (from, to).
  const spans: number[] = []
  const lang = sentence.lang
  let any = 0
  let later = 0
  for (let index = 0; index < words.length; index++) {
    const flags = wordFlags(words[index], compiled, lang)
    any |= flags
    if (index > 0) later |= flags
  }
  const addressesReader = (any & isReader) !== 0
  // The matches themselves are the hits: "ignore" phrases are only remembered as spans.
  matches ??= compiled.index.matches(words)
  // A number pattern counts only where a number is ("een" counts: "een jaar garantie").
  const numeric = (any & isCountWord) === 0 ? noMatches : numericMatches ?? compiled.numeric.matches(words)
  let ignored: Array<[number, number]> | undefined
  // Indexed loops over the two lists: destructuring each match tuple costs more than the checks.
  for (let round = 0; round < 2; round++) {
    const list = round === 0 ? matches : numeric
    for (let index = 0; index < list.length; index++) {
      const match = list[index][0]
      if (list[index][2].group!.ignore) (ignored ??= []).push([match.from, match.to])
    }
  }
  for (let round = 0; round < 2; round++) {
    const list = round === 0 ? matches : numeric
    for (let index = 0; index < list.length; index++) {
      const match = list[index][0]
      const group = list[index][2].group!
      if (group.ignore) continue
      if (group.negation && isNegated(words, match, lang)) continue
      if (group.negation && group.weight > 0 && turnedAfter.has(group.component) && negatedAfter(words, match.to, lang)) continue
      if (group.question && !questionAfter(sentence.tokens, words[match.to - 1].end)) continue
      if (group.weight > 0 && ignored !== undefined && overlapsAny(ignored, match.from, match.to)) continue
      if (group.weight < 0 && group.component === 'warmth' && (addressesReader || hasColdWarmth(found))) continue
      add(found, spans, {component: group.component, weight: group.weight, why: group.why, start: words[match.from].start, end: words[match.to - 1].end}, match.from, match.to)
    }
  }

  // Most sentences have no number and no name after the first word: skip those walks.
  if ((any & isNumberWord) !== 0) numbers(words, found, spans, sentence.lang)
  if ((later & mayBeName) !== 0) names(sentence, compiled, found, spans)
  if (addressesReader && (any & isKind) !== 0) kindWord(sentence, compiled, found, spans)
  if (hasInterest(sentence.interest, compiled.loud)) shouting(sentence, found, spans)
  sortSmall(found, byStart)
  return found
}

const byStart = (a: Signal, b: Signal) => a.start - b.start

function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  for (const [start, end] of ranges) if (from < end && to > start) return true
  return false
}

/** Is there a negative warmth signal (copy that never addresses the reader) among `found` already? */
function hasColdWarmth(found: readonly Signal[]): boolean {
  for (const signal of found) if (signal.component === 'warmth' && signal.weight < 0) return true
  return false
}
const noMatches: SignalMatches = []

/** Components whose phrases a negator after them also turns around ("wij helpen je niet verder", "opzeggen kan niet"). */
const turnedAfter: ReadonlySet<ScoreComponent> = new Set(['warmth', 'freedom', 'reciprocity'])

/** Negators that turn around what came before them in the clause (Dutch puts `niet` after the verb). */
const negatorsAfter: Readonly<Record<Language, ReadonlySet<string>>> = {
  en: new Set(['not', 'never', "n't"]),
  nl: new Set(['niet', 'nooit', 'nergens'])
}

/** How many words after a match a negator still reaches. */
export const negationReachAfter = 4

function negatedAfter(words: readonly Token[], to: number, lang: Language): boolean {
  const clause = words[to - 1].clause
  for (let index = to; index < words.length && index < to + negationReachAfter; index++) {
    if (words[index].clause !== clause) return false
    if (negatorsAfter[lang].has(words[index].norm)) return true
  }
  return false
}

/** Is the next token after offset `end` a question mark? */
function questionAfter(tokens: readonly Token[], end: number): boolean {
  for (const token of tokens) {
    if (token.start < end) continue
    return token.kind === 'punct' && token.raw.includes('?')
  }
  return false
}

/** Keep `signal` unless a heavier one of the same component covers the same tokens. */
function add(found: Signal[], spans: number[], signal: Signal, from: number, to: number): void {
  for (let index = 0; index < found.length; index++) {
    const other = found[index]
    if (other.component !== signal.component || Math.sign(other.weight) !== Math.sign(signal.weight)) continue
    if (from < spans[2 * index + 1] && to > spans[2 * index]) {
      if (Math.abs(signal.weight) > Math.abs(other.weight)) {
        found[index] = signal
        spans[2 * index] = from
        spans[2 * index + 1] = to
      }
      return
    }
  }
  found.push(signal)
  spans.push(from, to)
}

/** Runs of numbers ("030 765 4321", "9:30") are one concrete detail each. */
function numbers(words: readonly Token[], found: Signal[], spans: number[], lang: Language): void {
  for (let index = 0; index < words.length; index++) {
    if (!isNumber(words[index])) continue
    let end = index + 1
    while (end < words.length && isNumber(words[end])) end++
    add(found, spans, {component: 'distinctiveness', weight: numberWeight, why: signalLabels.number[lang], start: words[index].start, end: words[end - 1].end}, index, end)
    index = end - 1
  }
}

/** Number words that start a `{num}` pattern worth scanning for ("thirty days to return"); not `a`/`een`, which are everywhere. */
const countWords: ReadonlySet<string> = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'hundred',
  'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'vijftien', 'twintig', 'dertig', 'honderd'
])

/** A number token, or a word that is a number with a trailing dot ("12." at the end of a sentence). */
function isNumber(token: Token): boolean {
  if (token.kind === 'number') return true
  if (token.kind !== 'word') return false
  const code = token.raw.charCodeAt(0)
  return code >= 48 && code <= 57 && /^\d[\d.,:]*$/.test(token.raw)
}

/**
 * Capitalised words inside a sentence are names (Priya, Leeds, Mini). Not the
 * first word, not after a colon, quote or bracket (a sentence inside a
 * sentence), not ALL CAPS, and not in Title Case headings.
 */
function names(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[]): void {
  const {tokens, words} = sentence
  let capitalised = 0
  for (const token of words) if (token.kind === 'word' && startsWithCapital(token)) capitalised++
  if (words.length >= 3 && capitalised * 2 > words.length) return
  let tokenIndex = 0
  for (let index = 1; index < words.length; index++) {
    const token = words[index]
    if (token.kind !== 'word' || token.caps || !startsWithCapital(token) || (wordFlags(token, compiled, sentence.lang) & isNotName) !== 0) continue
    while (tokenIndex < tokens.length && tokens[tokenIndex].start < token.start) tokenIndex++
    const before = tokens[tokenIndex - 1]
    if (!before || (before.kind === 'punct' && before.raw !== ',')) continue
    let end = index + 1
    while (end < words.length && words[end].kind === 'word' && startsWithCapital(words[end]) && !words[end].caps) end++
    add(found, spans, {component: 'distinctiveness', weight: nameWeight, why: signalLabels.name[sentence.lang], start: token.start, end: words[end - 1].end}, index, end)
    index = end - 1
  }
}

const capitalStart = /^\p{Lu}/u

function startsWithCapital(token: Token): boolean {
  return token.lexeme ? token.lexeme.capital : capitalStart.test(token.raw)
}

/** One kind, calm word (valence ≥ 2, not loud) in a sentence aimed at the reader. */
function kindWord(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[]): void {
  for (const signal of found) if (signal.component === 'warmth' && signal.weight > 0) return
  const words = sentence.words
  for (let index = 0; index < words.length; index++) {
    const token = words[index]
    if ((wordFlags(token, compiled, sentence.lang) & isKind) === 0) continue
    // One per sentence: the first.
    add(found, spans, {component: 'warmth', weight: kindWordWeight, why: signalLabels.kindWord[sentence.lang], start: token.start, end: token.end}, index, index + 1)
    return
  }
}

/** Can this token be part of shouting (a superset of what `shouting` counts)? */
function mayBeLoud(token: Token): boolean {
  return (token.kind === 'word' && token.caps) || token.kind === 'emoji' || (token.kind === 'punct' && token.raw.length > 1 && /[!?]/.test(token.raw))
}

/** `!!`, ALL CAPS words and emoji runs: one restraint signal per sentence, on the first. */
function shouting(sentence: SentenceView, found: Signal[], spans: number[]): void {
  let emojiRun = 0
  for (const token of sentence.tokens) {
    emojiRun = token.kind === 'emoji' ? emojiRun + 1 : 0
    const loud =
      (token.kind === 'punct' && token.raw.length > 1 && /!.*!|[!?]{2,}/.test(token.raw)) ||
      (token.kind === 'word' && token.caps && token.raw.replace(/\P{L}/gu, '').length >= shoutMinLetters) ||
      emojiRun >= shoutEmojiRun
    if (loud) {
      found.push({component: 'restraint', weight: shoutWeight, why: signalLabels.shouting[sentence.lang], start: token.start, end: token.end})
      spans.push(-1, -1)
      return
    }
  }
}
