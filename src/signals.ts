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
import {intensifiers, sentiment} from './lexicon.js'
import {memoGet, memoSet, memoSlot, type Token} from './tokens.js'
import {sortSmall} from './small-sort.js'
import {hasInterest, interestBit} from './interest.js'
import {isFooterText} from './formats/roles.js'

export type Signal = SentenceFigures['signals'][number]

const components: readonly ScoreComponent[] = ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']

/** Weight of one number (an amount, a time, a date, a phone number) as concrete detail. */
export const numberWeight = 0.5
/** Weight of one name (a person, a place, a product) as concrete detail. */
export const nameWeight = 1
/** Weight of a positive word in a sentence that addresses the reader (warmth). */
export const kindWordWeight = 0.5
/** Sentiment lexicon valence (either sign) from which a word in capitals shouts: a feeling or a value, not an acronym. */
export const shoutValence = 1
/** Weight (negative) of typographic shouting for restraint: `!!`, ALL CAPS words, emoji runs. */
export const shoutWeight = -0.5
/** Weight (negative) of a loud word of praise for restraint ("amazing", "incredible"), where no finding counts. */
export const loudWordWeight = -0.5
/** Sentiment lexicon valence and intensity from which a positive word is loud (amazing, superb; not fun, win). */
export const loudValence = 4
export const loudIntensity = 0.7
/** Weight (negative) of a sentence that exclaims ("!") for restraint: a light sign of hype. */
export const exclaimWeight = -0.25
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
  /** A negative warmth hit that counts also where the sentence addresses the reader (a form-letter greeting); default: only in copy that never does (feature-only copy). */
  addressed?: boolean
  /** Count the hit only when an exclamation mark follows it: "Order now!", "Beslis nu!" (default false). */
  exclaim?: boolean
  /** Not evidence: a phrase whose words count for nothing ("no thanks"). */
  ignore?: boolean
  /** Not evidence: a phrase that says the sentence is about the mail itself (`aside` in the file). */
  aside?: boolean
  /** Count the hit only where its clause ends ("…, if you want."), not where it opens a condition ("if you want to earn…"). */
  clauseEnd: boolean
  /** Count the hit only where it opens its clause: a greeting ("Dag Els,"), not a word inside one ("elke dag"). */
  clauseStart?: boolean
  /**
   * Count the hit only where a name follows it: a capitalised word or a merge
   * tag for a name ("Dag Els,", "Hi {first_name}"), not a bare "Hello," nor an
   * e-mail address or user name ("Dear fma ,", "Dear {email}").
   */
  named?: boolean
  /** A spec (a material, a date): its hits count for distinctiveness, but saturate (see `src/score`). */
  spec: boolean
  /**
   * The weight of a hit in a bare formula: a sentence of at most
   * `formulaMaxWords` words that does not say what for ("Thank you.",
   * "Thanks and regards."; not "Thanks for waiting!"). Default: `weight`.
   */
  formula?: number
  /** The hit counts only when one of these phrases is in the sentence too ("no fees" needs a cancel, a return…). */
  needs?: PatternIndex<true>
  /** The hit does not count when one of these phrases is in the sentence ("a free gift when you order"). */
  unless?: PatternIndex<true>
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
  /** Calm words of goodwill towards a person (glad, lovely, welcome): in a sentence aimed at the reader, warmth. */
  kind: ReadonlySet<string>
  /** Words never kind, whatever `kind` says (kept for lists that extend `kind`). */
  notKind: ReadonlySet<string>
  /** Words the sentiment lexicon rates as loud praise that mostly mean something else or something calm ("fly", "experienced", "winner", "welkom"). */
  notLoud: ReadonlySet<string>
  /** Words after a number that make it a measure (a unit, a currency, a count of things): the rest of `{num} <word>`. */
  units: ReadonlySet<string>
  /** Small words after a number that do not make it a count of things ("1 and 2", "2 of the"). */
  notCounted: ReadonlySet<string>
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
/** A word with a feeling or a value in the sentiment lexicon (only worked out for words in capitals). */
const isFeeling = 128
/** A loud positive word in the sentiment lexicon (amazing, incredible). */
const isLoud = 256

function computeFlags(token: Token, compiled: CompiledSignals, lang: Language): number {
  let flags = known
  if (compiled.reader.has(token.norm)) flags |= isReader
  if (isNumber(token) || countWords.has(token.norm)) flags |= isCountWord
  if (compiled.notNames.has(token.norm)) flags |= isNotName
  if (isNumber(token)) flags |= isNumberWord
  if (token.kind === 'word' && !token.caps && startsWithCapital(token) && (flags & isNotName) === 0) flags |= mayBeName
  if (token.kind === 'word' && compiled.kind.has(token.norm) && !compiled.notKind.has(token.norm)) flags |= isKind
  if (token.kind === 'word') {
    const entry = sentiment(lang).get(token.norm)
    if (entry && token.caps && Math.abs(entry.valence) >= shoutValence) flags |= isFeeling
    if (entry && entry.valence >= loudValence && entry.intensity >= loudIntensity && !compiled.notLoud.has(token.norm)) flags |= isLoud
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
  /** An index of the phrases of a group's `needs` or `unless` list. */
  const phraseIndex = (list: unknown, where: string): PatternIndex<true> | undefined => {
    if (list === undefined) return undefined
    if (!Array.isArray(list)) throw new InputError(file, `${where} must be a list of phrases`)
    const phrases = new PatternIndex<true>(false)
    for (const source of list) {
      try {
        for (const pattern of compilePattern(String(source), context)) phrases.add(pattern, true)
      } catch (error) {
        if (error instanceof PatternError) throw new InputError(file, `${where}: ${error.message}`)
        throw error
      }
    }
    return phrases
  }
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
      const group: SignalGroup = {
        component,
        why,
        weight,
        negation: entry.negation !== false,
        question: entry.question === true,
        exclaim: entry.exclaim === true,
        addressed: entry.addressed === true,
        clauseEnd: entry['clause-end'] === true,
        clauseStart: entry['clause-start'] === true,
        named: entry.named === true,
        spec: entry.spec === true,
        formula: typeof entry.formula === 'number' ? entry.formula : undefined,
        needs: phraseIndex(entry.needs, `${component} / ${why} / needs`),
        unless: phraseIndex(entry.unless, `${component} / ${why} / unless`)
      }
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
  const ignore: SignalGroup = {component: 'warmth', why: 'ignore', weight: 0, negation: false, question: false, clauseEnd: false, spec: false, ignore: true}
  // Phrases that put the whole sentence aside: it is about the mail itself (unsubscribing, why you got it, legal lines).
  const aside: SignalGroup = {component: 'warmth', why: 'about the mail itself', weight: 0, negation: false, question: false, clauseEnd: false, spec: false, aside: true}
  for (const [key, group] of [['ignore', ignore], ['aside', aside]] as const) {
    for (const source of (record[key] ?? []) as unknown[]) {
      try {
        for (const pattern of compilePattern(String(source), context)) place(pattern, group)
      } catch (error) {
        if (error instanceof PatternError) throw new InputError(file, `${key}: ${error.message}`)
        throw error
      }
    }
  }
  const words = (key: string) => new Set(((record[key] ?? []) as unknown[]).map((word) => String(word).toLowerCase()))
  const compiled: CompiledSignals = {patterns, index, numericPatterns, numeric, reader: words('reader'), notNames: new Set([...words('not-names'), ...words('not-names-groups')]), kind: words('kind'), notKind: words('not-kind'), notLoud: words('not-loud'), units: words('units'), notCounted: words('not-counted'), slot: memoSlot(), loud: interestBit(lang, mayBeLoud)}
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
export function sentenceSignals(sentence: SentenceView, matches?: SignalMatches, numericMatches?: SignalMatches, out?: {aside?: string}): Signal[] {
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
  const quoted = sentence.quoted
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
      const group = list[index][2].group!
      if (group.ignore) (ignored ??= []).push([match.from, match.to])
      else if (group.aside) {
        // A sentence about the mail itself is no evidence either way (see `aside` in the signal file).
        if (out) out.aside = group.why
        return []
      }
    }
  }
  // What reads as a footer is decided in one place, the format layer's footer cue (`isFooterText`): it marks
  // footer lines and blocks, and a sentence with footer wording inside the prose is aside the same way.
  if (isFooterText(sentence.text.slice(sentence.start, sentence.end))) {
    if (out) out.aside = 'footer wording'
    return []
  }
  // A short line with a postcode is an address (a footer's, mostly): about the sender, not said to the reader.
  if ((any & isNumberWord) !== 0 && words.length <= addressMaxWords && hasPostcode(words)) {
    if (out) out.aside = 'an address'
    return []
  }
  // A group's `needs` and `unless` phrases, looked up once per sentence and group.
  let phraseFound: Map<PatternIndex<true>, boolean> | undefined
  const present = (phrases: PatternIndex<true>): boolean => {
    phraseFound ??= new Map()
    let found = phraseFound.get(phrases)
    if (found === undefined) phraseFound.set(phrases, (found = phrases.matches(words).length > 0))
    return found
  }
  for (let round = 0; round < 2; round++) {
    const list = round === 0 ? matches : numeric
    for (let index = 0; index < list.length; index++) {
      const match = list[index][0]
      const group = list[index][2].group!
      if (group.ignore) continue
      // "US" in capitals is the country, not "us" ("US residents", "US Congress").
      if (words[match.from].raw === 'US' && sentence.lang === 'en') continue
      // Inside quotation marks speaks someone else (a customer's "thank you!" is not the sender's).
      if (quoted.length > 0 && inRanges(quoted, words[match.from].start)) continue
      if (group.negation && isNegated(words, match, lang)) continue
      if (group.negation && group.weight > 0 && turnedAfter.has(group.component) && negatedAfter(words, match.to, lang)) continue
      if (group.question && !punctuationAfter(sentence.tokens, words[match.to - 1].end, '?')) continue
      if (group.exclaim && !punctuationAfter(sentence.tokens, words[match.to - 1].end, '!')) continue
      if (group.weight > 0 && ignored !== undefined && overlapsAny(ignored, match.from, match.to)) continue
      if (group.weight < 0 && group.component === 'warmth' && !group.addressed && (addressesReader || hasColdWarmth(found))) continue
      if (group.clauseEnd && match.to < words.length && words[match.to].clause === words[match.to - 1].clause) continue
      if (group.clauseStart && match.from > 0 && words[match.from - 1].clause === words[match.from].clause) continue
      if (group.named && !namedAfter(sentence, compiled, match.to)) continue
      if (group.needs !== undefined && !present(group.needs)) continue
      if (group.unless !== undefined && present(group.unless)) continue
      const weight = group.formula !== undefined && isFormula(words, lang) ? group.formula : group.weight
      const signal: Signal = {component: group.component, weight, why: group.why, start: words[match.from].start, end: words[match.to - 1].end}
      if (group.spec) signal.spec = true
      add(found, spans, signal, match.from, match.to)
    }
  }

  // Most sentences have no number and no name after the first word: skip those walks.
  if ((any & isNumberWord) !== 0) numbers(sentence, compiled, found, spans)
  if ((later & mayBeName) !== 0) names(sentence, compiled, found, spans, ignored)
  const loud = hasInterest(sentence.interest, compiled.loud) && shouting(sentence, compiled, found, spans)
  // A kind word in a shouted sentence is part of the shouting.
  if (addressesReader && (any & isKind) !== 0 && !loud) kindWord(sentence, compiled, found, spans, ignored)
  // An exclamation or a big word in a greeting, thanks or a wish is friendliness, not hype ("Thanks so much!").
  if (!loud && !hasWarmth(found)) exclaiming(sentence, (any & isLoud) !== 0, compiled, found, spans)
  sortSmall(found, byStart)
  return found
}

const byStart = (a: Signal, b: Signal) => a.start - b.start

/**
 * A merge tag that stands for the reader's name: `{first_name}`, `%NAME%`,
 * `*|FNAME|*`, `~name~`; or a template tag the format layer masked with x's
 * (`{{voornaam}}` reads "xxxxxxxxxxxx"): right after a greeting it is the name.
 */
const nameTag = /^[\s,]*(?:(?:\{\{?|%%?|\*\||~|\[)\s*[\w.]*(?:name|naam)[\w.]*\s*(?:\}\}?|%%?|\|\*|~|\])|x{4,}(?![\w@.]))/i

/** Does a name follow the word before `to` (a capitalised word or a merge tag for a name), with at most a comma between? */
function namedAfter(sentence: SentenceView, compiled: CompiledSignals, to: number): boolean {
  const words = sentence.words
  const next = words[to]
  // A merge tag may be masked out of the words or read as words: look at the text.
  if (nameTag.test(sentence.text.slice(words[to - 1].end, Math.min(sentence.end, words[to - 1].end + 40)))) return true
  const gap = sentence.text.slice(words[to - 1].end, next === undefined ? sentence.end : next.start)
  // The name follows on the same line: "Hi,⏎Want to earn more?" greets nobody.
  if (next === undefined || next.kind !== 'word' || !/^[ \t,]*$/.test(gap)) return false
  return startsWithCapital(next) && (wordFlags(next, compiled, sentence.lang) & isNotName) === 0
}

/** A sentence of at most this many words that says not what for is a formula (a sign-off: "Thank you.", "Thanks and regards."). */
export const formulaMaxWords = 4

/** The word that says what thanks are for ("Thanks for waiting"). */
const forWord: Readonly<Record<Language, string>> = {en: 'for', nl: 'voor'}

/** Is the sentence a bare formula: short, and not saying what for (`formulaMaxWords`)? */
function isFormula(words: readonly Token[], lang: Language): boolean {
  if (words.length > formulaMaxWords) return false
  for (const word of words) if (word.norm === forWord[lang]) return false
  return true
}

/** Is `offset` inside one of the ranges (end exclusive)? */
function inRanges(ranges: ReadonlyArray<readonly [number, number]>, offset: number): boolean {
  for (const [start, end] of ranges) if (offset >= start && offset < end) return true
  return false
}

function overlapsAny(ranges: ReadonlyArray<readonly [number, number]>, from: number, to: number): boolean {
  for (const [start, end] of ranges) if (from < end && to > start) return true
  return false
}

/** Is there a warmth signal that is not counter-evidence among `found` (a bare "Thanks!" weighs nothing, but is still friendliness)? */
function hasWarmth(found: readonly Signal[]): boolean {
  for (const signal of found) if (signal.component === 'warmth' && signal.weight >= 0) return true
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
  nl: new Set(['niet', 'nooit', 'nergens', 'niets'])
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

/** Is the next token after offset `end` a question mark (`mark` '?') or an exclamation mark ('!')? */
function punctuationAfter(tokens: readonly Token[], end: number, mark: '?' | '!'): boolean {
  for (const token of tokens) {
    if (token.start < end) continue
    return token.kind === 'punct' && token.raw.includes(mark)
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

/**
 * Numbers that measure something are concrete detail, a spec: an amount
 * ("€149", "40%"), a size or a time ("3 kg", "9:30", "30 days"), a count of
 * things ("12 tables"). Not list numbering ("1." at the start of a line),
 * phone numbers and codes (a run of numbers, or five digits and more),
 * postcodes ("1012 AB") or a year after "©" or "copyright".
 */
function numbers(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[]): void {
  const words = sentence.words
  for (let index = 0; index < words.length; index++) {
    if (!isNumber(words[index])) continue
    let end = index + 1
    // A run of numbers on one line, apart by spaces or dashes only ("020 555 0199", "888-237-4210"), is a phone number or a code.
    while (end < words.length && isNumber(words[end]) && /^[ \t\-–/.]*$/.test(sentence.text.slice(words[end - 1].end, words[end].start))) end++
    const from = index
    index = end - 1
    if (end - from > 1 || inRanges(sentence.quoted, words[from].start) || !measures(sentence, compiled, from)) continue
    add(found, spans, {component: 'distinctiveness', weight: numberWeight, why: signalLabels.number[sentence.lang], start: words[from].start, end: words[from].end, spec: true}, from, end)
  }
}

/** A sentence with a postcode and at most this many words is an address line. */
export const addressMaxWords = 14

/** A postcode: four digits and two capitals ("7411 AB"), or two capitals and five digits ("CA 94105"). */
function hasPostcode(words: readonly Token[]): boolean {
  for (let index = 0; index + 1 < words.length; index++) {
    const a = words[index]
    const b = words[index + 1]
    if (/^\d{4}$/.test(a.raw) && b.caps && b.raw.length === 2) return true
    if (a.caps && a.raw.length === 2 && /^\d{5}$/.test(b.raw)) return true
  }
  return false
}

const currency = /[$€£¥]/
/** A per cent that is a discount: "20% off", "15% korting". */
const discountAfter = /^\s?%\s*(?:off|discount|korting|extra korting|rabatt)\b/i
/** Words before a number that make it a discount ("save 30%", "bespaar 40%"). */
const discountBefore: ReadonlySet<string> = new Set(['save', 'saving', 'savings', 'discount', 'bespaar', 'korting'])
const year = /^(?:19|20)\d\d$/

/** Does the number `sentence.words[at]` measure something (see `numbers`)? */
function measures(sentence: SentenceView, compiled: CompiledSignals, at: number): boolean {
  const {tokens, words, text} = sentence
  const number = words[at]
  let position = 0
  while (position < tokens.length && tokens[position].start < number.start) position++
  const before = tokens[position - 1]
  const after = tokens[position + 1]
  const raw = number.raw
  // A discount measures the deal, not the thing ("20% off", "save 30%", "15% korting").
  if (discountAfter.test(text.slice(number.end, number.end + 14)) || (before !== undefined && discountBefore.has(before.norm))) return false
  // A currency sign or a per cent sign right against it (symbols are not always tokens: read the text).
  if (currency.test(text.slice(Math.max(number.start - 2, sentence.start), number.start))) return true
  if (/^\s?[%€$£]/.test(text.slice(number.end, number.end + 2))) return true
  // List numbering: "1." or "2)" opening a line.
  if (startsLine(text, sentence.start, before, number) && after?.kind === 'punct' && /^[.)]/.test(after.raw)) return false
  if (before?.kind === 'punct' && /[#©]/.test(before.raw)) return false
  if (year.test(raw) && before !== undefined && (before.norm === 'copyright' || before.raw.includes('©') || before.norm === 'c')) return false
  // Codes, phone numbers and postcodes: five digits and more in one piece, or next to two capitals ("1012 AB", "CA 94105").
  if (/^\d{5,}$/.test(raw)) return false
  if ((after?.kind === 'word' && after.caps && after.raw.length === 2) || (before?.kind === 'word' && before.caps && before.raw.length === 2)) return false
  if (raw.includes(':')) return true
  const next = words[at + 1]
  if (next === undefined || next.kind !== 'word' || tokens[position + 1] !== next) return false
  if (compiled.units.has(next.norm)) return true
  // A count of things: a number before a lowercase word that is not a small word ("12 tables", not "1 and 2").
  return !startsWithCapital(next) && !compiled.notCounted.has(next.norm)
}

/** Is `token` the first thing on its line in the sentence (nothing but space since `previous` or the sentence start)? */
function startsLine(text: string, sentenceStart: number, previous: Token | undefined, token: Token): boolean {
  const from = previous ? previous.end : sentenceStart
  if (!previous) return true
  return text.slice(from, token.start).includes('\n')
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
function names(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[], ignored: ReadonlyArray<readonly [number, number]> | undefined): void {
  const {tokens, words} = sentence
  // A line in Title Case ("To Harvest A Lot Of Addresses") names nothing: per line when the sentence runs over several.
  const titleLine = titleCaseLines(sentence)
  if (titleLine === undefined) {
    let capitalised = 0
    for (const token of words) if (token.kind === 'word' && startsWithCapital(token)) capitalised++
    if (words.length >= 3 && capitalised * 2 > words.length) return
  }
  let tokenIndex = 0
  for (let index = 1; index < words.length; index++) {
    const token = words[index]
    if (token.kind !== 'word' || token.caps || !startsWithCapital(token) || (wordFlags(token, compiled, sentence.lang) & isNotName) !== 0) continue
    if (titleLine !== undefined && titleLine[index] === 1) continue
    // A word in a phrase whose words are no evidence names no one: the role a greeting greets ("Dear Customer", "Hi Everyone").
    if (ignored !== undefined && overlapsAny(ignored, index, index + 1)) continue
    while (tokenIndex < tokens.length && tokens[tokenIndex].start < token.start) tokenIndex++
    const before = tokens[tokenIndex - 1]
    if (!before || (before.kind === 'punct' && before.raw !== ',')) continue
    // The first word of a line starts a sentence of its own (a heading, a list item, "Kom" after a break).
    if (startsLine(sentence.text, sentence.start, before, token) || inRanges(sentence.quoted, token.start)) continue
    let end = index + 1
    while (end < words.length && words[end].kind === 'word' && startsWithCapital(words[end]) && !words[end].caps) end++
    add(found, spans, {component: 'distinctiveness', weight: nameWeight, why: signalLabels.name[sentence.lang], start: token.start, end: words[end - 1].end}, index, end)
    index = end - 1
  }
}

/** Per word of a sentence that runs over several lines, 1 where its line (three words or more) is mostly capitalised; undefined for one line. */
function titleCaseLines(sentence: SentenceView): Uint8Array | undefined {
  const {words, text} = sentence
  let marks: Uint8Array | undefined
  let from = 0
  for (let index = 1; index <= words.length; index++) {
    if (index < words.length && !text.slice(words[index - 1].end, words[index].start).includes('\n')) continue
    if (from === 0 && index === words.length) return marks
    let capitalised = 0
    for (let word = from; word < index; word++) if (words[word].kind === 'word' && startsWithCapital(words[word])) capitalised++
    if (index - from >= 3 && capitalised * 2 > index - from) {
      marks ??= new Uint8Array(words.length)
      marks.fill(1, from, index)
    }
    from = index
  }
  return marks
}

const capitalStart = /^\p{Lu}/u

function startsWithCapital(token: Token): boolean {
  return token.lexeme ? token.lexeme.capital : capitalStart.test(token.raw)
}

/** An intensifier of this weight or more before a kind word makes it gush (1.5: "enorm", "incredibly"; not "very", 1). */
export const strongIntensifier = 1.5

/** One kind, calm word (valence ≥ 2, not loud) in a sentence aimed at the reader. */
function kindWord(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[], ignored: ReadonlyArray<readonly [number, number]> | undefined): void {
  for (const signal of found) if (signal.component === 'warmth' && signal.weight > 0) return
  const words = sentence.words
  for (let index = 0; index < words.length; index++) {
    const token = words[index]
    // A word in capitals is shouting, not kindness ("SAVE").
    if (token.caps || (wordFlags(token, compiled, sentence.lang) & isKind) === 0 || inRanges(sentence.quoted, token.start)) continue
    // A kind word inside a phrase of another sense ("of any kind", "long term care") is no kindness.
    if (ignored !== undefined && overlapsAny(ignored, index, index + 1)) continue
    // A kind word blown up is gush, not calm goodwill ("ontzettend blij", "incredibly happy").
    if (index > 0 && (intensifiers(sentence.lang).get(words[index - 1].norm) ?? 0) >= strongIntensifier) return
    // Before a noun it describes a thing, not goodwill to the reader ("a beautiful diploma", "your favorite shows").
    if (describesThing(sentence, index)) continue
    // One per sentence: the first.
    add(found, spans, {component: 'warmth', weight: kindWordWeight, why: signalLabels.kindWord[sentence.lang], start: token.start, end: token.end}, index, index + 1)
    return
  }
}

/**
 * Words that may follow a kind word said to a person ("glad to help", "welcome
 * back", "lovely to see you", "so glad you came"): any other word after it is
 * the thing it describes ("a beautiful diploma", "our friendly reps"). English
 * only: in Dutch the inflected kind word before a noun is mostly a wish ("fijne
 * dag", "leuke vakantie").
 */
const afterKindWord: Readonly<Partial<Record<Language, ReadonlySet<string>>>> = {
  en: new Set(['to', 'you', 'your', "you're", "you've", 'that', 'and', 'or', 'for', 'of', 'with', 'in', 'at', 'on', 'we', "we're", 'i', "i'm", 'it', 'back', 'aboard', 'home', 'here', 'there', 'too', 'again', 'indeed', 'as', 'if', 'when', 'so', 'but', 'from', 'by', 'this', 'these', 'our', 'us', 'me', 'everyone', 'all', 'always', 'now', 'here'])
}

/** Does the kind word `sentence.words[index]` stand before a word it describes, in its clause (see `afterKindWord`)? */
function describesThing(sentence: SentenceView, index: number): boolean {
  const allowed = afterKindWord[sentence.lang]
  const word = sentence.words[index]
  const next = sentence.words[index + 1]
  if (allowed === undefined || next === undefined || next.kind !== 'word' || next.clause !== word.clause) return false
  // Only a space between: "Beautiful, 100% …" and "nice." end the phrase.
  if (!/^[ \t]+$/.test(sentence.text.slice(word.end, next.start))) return false
  return !allowed.has(next.norm)
}

/**
 * Lighter hype, one restraint signal per sentence where no shouting is: a
 * loud word of praise ("amazing", −0.5), else an exclamation mark (−0.25).
 * Not inside quotation marks. Says whether it found one.
 */
function exclaiming(sentence: SentenceView, hasLoudWord: boolean, compiled: CompiledSignals, found: Signal[], spans: number[]): boolean {
  const {quoted, words, tokens} = sentence
  if (hasLoudWord) {
    for (const token of words) {
      if ((wordFlags(token, compiled, sentence.lang) & isLoud) === 0 || inRanges(quoted, token.start)) continue
      found.push({component: 'restraint', weight: loudWordWeight, why: signalLabels.loudWord[sentence.lang], start: token.start, end: token.end})
      spans.push(-1, -1)
      return true
    }
  }
  for (const token of tokens) {
    if (token.kind !== 'punct' || !token.raw.includes('!') || inRanges(quoted, token.start)) continue
    found.push({component: 'restraint', weight: exclaimWeight, why: signalLabels.exclamation[sentence.lang], start: token.start, end: token.end})
    spans.push(-1, -1)
    return true
  }
  return false
}

/** Can this token be part of shouting (a superset of what `shouting` counts)? */
function mayBeLoud(token: Token): boolean {
  return (token.kind === 'word' && token.caps) || token.kind === 'emoji' || (token.kind === 'punct' && token.raw.length > 1 && /[!?$€£]/.test(token.raw))
}

/** `!!`, ALL CAPS words and emoji runs: one restraint signal per sentence, on the first. Says whether it found one. */
function shouting(sentence: SentenceView, compiled: CompiledSignals, found: Signal[], spans: number[]): boolean {
  const quoted = sentence.quoted
  let emojiRun = 0
  for (const token of sentence.tokens) {
    if (quoted.length > 0 && inRanges(quoted, token.start)) continue
    emojiRun = token.kind === 'emoji' ? emojiRun + 1 : 0
    const loud =
      (token.kind === 'punct' && token.raw.length > 1 && /!.*!|[!?]{2,}/.test(token.raw)) ||
      (token.kind === 'word' && token.caps && token.raw.replace(/\P{L}/gu, '').length >= shoutMinLetters && (wordFlags(token, compiled, sentence.lang) & isFeeling) !== 0) ||
      (token.kind === 'punct' && /[$€£]{2,}/.test(token.raw)) ||
      emojiRun >= shoutEmojiRun
    if (loud) {
      found.push({component: 'restraint', weight: shoutWeight, why: signalLabels.shouting[sentence.lang], start: token.start, end: token.end})
      spans.push(-1, -1)
      return true
    }
  }
  return false
}
