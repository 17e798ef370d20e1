/**
 * Helpers the `gush` and `shout` kinds share: per-language word weights from
 * rule data (`words: {en: {"life-changing": 0.8, "reliable": 0}}`, a
 * trailing `*` for a prefix), the quoted/negated tests on single tokens, and
 * toned-down text for `expected`.
 */
import type {Language} from '../types.js'
import type {Token} from '../tokens.js'
import {isInside, isNegator} from '../context.js'
import {normalizeWord} from '../lexicon.js'
import {compilePattern, type CompileContext} from '../patterns.js'
import {RuleFieldError, type Detector, type PatternHit, type RuleData, type SentenceView} from './kind.js'

/** Word → weight overrides with prefixes (`betover*`). */
export interface WeightTable {
  get(word: string): number | undefined
}

/** Read `fields[key][lang]`: a map of word → number (0 removes the word). */
export function weightTable(fields: Readonly<Record<string, unknown>>, key: string, lang: Language): WeightTable {
  const value = (fields[key] as Record<string, unknown> | undefined)?.[lang]
  const exact = new Map<string, number>()
  const prefixes: Array<[string, number]> = []
  if (value !== undefined) {
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new RuleFieldError([key, lang], `\`${key}.${lang}\` must map words to numbers (\`reliable: 0\`, \`betover*: 0.8\`)`)
    }
    for (const [word, weight] of Object.entries(value)) {
      if (typeof weight !== 'number' || !Number.isFinite(weight)) {
        throw new RuleFieldError([key, lang, word], `\`${key}.${lang}.${word}\` must be a number`)
      }
      const lower = word.toLowerCase()
      if (lower.endsWith('*')) prefixes.push([lower.slice(0, -1), weight])
      else exact.set(lower, weight)
    }
  }
  // Longest prefix first, so `over*` does not shadow `overjoy*`.
  prefixes.sort((a, b) => b[0].length - a[0].length)
  return {
    get(word) {
      const direct = exact.get(word)
      if (direct !== undefined) return direct
      for (const [prefix, weight] of prefixes) if (word.startsWith(prefix)) return weight
      return undefined
    }
  }
}

const hasLetterOrDigit = /[\p{L}\p{N}]/u

/** A word token that is prose (not masked syntax, not a stray joiner or selector). */
export function isProseWord(token: Token): boolean {
  return (token.kind === 'word' || token.kind === 'number') && hasLetterOrDigit.test(token.raw)
}

/** Is the token inside quotation marks (a customer's words, not the sender's)? */
export function isQuoted(sentence: SentenceView, token: Token): boolean {
  return sentence.quoted.length > 0 && isInside(sentence.quoted, token.start, token.end)
}

/** Is `words[index]` negated: a negator up to three words before it, same clause? */
export function isNegatedAt(words: readonly Token[], index: number, lang: Language): boolean {
  const clause = words[index].clause
  for (let back = index - 1; back >= 0 && back >= index - 3; back--) {
    if (words[back].clause !== clause) break
    if (isNegator(words[back], lang)) return true
  }
  return false
}

const elongated = /(\p{L})\1{2,}/u

/** The word as the writer should see it: "amaaazing" → "amazing", "SOOO" → "so"; other words as written. */
export function unelongated(raw: string, lang: Language): string {
  if (!elongated.test(raw)) return raw
  const plain = normalizeWord(raw, lang)
  return /^\p{Lu}/u.test(raw) ? plain.charAt(0).toUpperCase() + plain.slice(1) : plain
}

/** Tidy a rewritten span: single spaces, no space before punctuation, no dangling list commas. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,(\s*,)+/g, ',')
    .replace(/^[\s,;]+|[\s,;]+$/g, '')
}

/** Compile `fields[key][lang]` (a list of patterns) for the shared index, with `role`. */
export function rolePatterns(rule: RuleData, key: string, lang: Language, context: CompileContext, role: string): Detector['patterns'][number][] {
  const value = (rule.fields[key] as Partial<Record<Language, unknown>> | undefined)?.[lang]
  if (value === undefined) return []
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RuleFieldError([key, lang], `\`${key}.${lang}\` must be a list of patterns`)
  }
  const patterns: Detector['patterns'][number][] = []
  value.forEach((source: string, index) => {
    try {
      for (const pattern of compilePattern(source, context)) patterns.push({role, pattern})
    } catch (error) {
      throw new RuleFieldError([key, lang, index], (error as Error).message)
    }
  })
  return patterns
}

/** Emoji that mark a sentence as ironic: eye roll, unamused, smirk, raised eyebrow. */
const ironyEmoji = new Set(['\u{1F644}', '\u{1F612}', '\u{1F60F}', '\u{1F928}'])

/** Is the sentence ironic: an `irony` pattern matched ("yeah right", "zogenaamd") or an eye-roll emoji? */
export function isIronic(sentence: SentenceView, hits: readonly PatternHit[]): boolean {
  if (hits.some((hit) => hit.role === 'irony')) return true
  for (const token of sentence.tokens) if (token.kind === 'emoji' && ironyEmoji.has(token.raw)) return true
  return false
}
