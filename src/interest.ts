/**
 * Sentence interest: which detectors a sentence can concern at all, worked
 * out once per spelling.
 *
 * A detector that runs on every sentence (gush, shout) registers a test on a
 * token ("a praise word or an intensifier", "capitals, an emoji or a `!`")
 * and gets a bit. Each lexeme caches the bits of all tests of a language in
 * a field, and the plugin ORs them over a sentence while it walks the
 * tokens anyway. A detector whose bit is not set skips the sentence without
 * looking at a word: most sentences of most mails have no gush and no shout,
 * and walking them per detector cost more than the rest of the detector.
 */
import type {Language} from './types.js'
import {isWordToken, type Token} from './tokens.js'

export type InterestTest = (token: Token) => boolean

interface Registry {
  tests: InterestTest[]
  /** Names the current set of tests of the language; a lexeme's cached bits count only under this key. */
  key: number
}

let keys = 0
const registries: Record<Language, Registry> = {en: {tests: [], key: ++keys}, nl: {tests: [], key: ++keys}}

/** Every bit set: what a sentence of unknown interest is (a consumer must then look). */
export const allInterest = -1

/**
 * Set by the plugin, not by a test: a word is joined to the next by a hyphen
 * ("life-changing"). That depends on the text around a lexeme, not on it.
 */
export const hyphenInterest = 1 << 30

/**
 * Register a test for `lang`; returns its bit. Past 29 tests the bit is
 * `allInterest` (the consumer then always looks): correct, only slower.
 */
export function interestBit(lang: Language, test: InterestTest): number {
  const registry = registries[lang]
  if (registry.tests.length >= 29) return allInterest
  registry.tests.push(test)
  registry.key = ++keys
  return 1 << (registry.tests.length - 1)
}

/**
 * May a sentence with interest `bits` concern the consumer of `bit`? Yes when
 * the bit is set, when the sentence's bits are unknown, and always for a
 * consumer that got `allInterest` (its test is not in the bits).
 */
export function hasInterest(bits: number | undefined, bit: number): boolean {
  return bits === undefined || bit === allInterest || (bits & bit) !== 0
}

function compute(token: Token, tests: readonly InterestTest[]): number {
  let bits = 0
  for (let index = 0; index < tests.length; index++) if (tests[index](token)) bits |= 1 << index
  return bits
}

/** The bits of one token: cached on its lexeme (for one language at a time), else worked out now. */
export function tokenInterest(token: Token, lang: Language): number {
  const lexeme = token.lexeme
  const registry = registries[lang]
  if (lexeme === undefined) return compute(token, registry.tests)
  if (lexeme.interestKey !== registry.key) {
    lexeme.interest = compute(token, registry.tests)
    lexeme.interestKey = registry.key
  }
  return lexeme.interest
}

/**
 * One walk over a sentence's tokens: its words (and numbers and masked
 * syntax, what patterns match on) go to `words`, and the sentence's interest
 * bits come back. `text` is the block text the tokens index (a hyphen after
 * a word sets `hyphenInterest`).
 */
export function collectWords(tokens: readonly Token[], text: string, lang: Language, words: Token[]): number {
  let interest = 0
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (isWordToken(token)) {
      words.push(token)
      if (token.kind === 'word' && text.charCodeAt(token.end) === 45 /* - */) interest |= hyphenInterest
    }
    if (token.kind !== 'masked') interest |= tokenInterest(token, lang)
  }
  return interest
}
