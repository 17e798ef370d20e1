/**
 * `shout`: typographic shouting that carries sentiment: "!!!", ALL-CAPS joy
 * ("We LOVE it"), runs of hearts or party emoji. Shouting without sentiment
 * is not over-the-top: "Last chance!!!" on a deadline is urgency, which the
 * coercion rules judge.
 *
 * The kind computes these figures per sentence; the rule's `metric` decides:
 *
 * | figure      | meaning |
 * | ---         | --- |
 * | `bangs`     | runs of two or more exclamation marks ("!!", "!!!", "?!!") |
 * | `caps`      | words in capitals that carry sentiment (LOVE, SO, ONGELOOFLIJK, OMG) |
 * | `emoji`     | heart, party and joy emoji in runs of at least `minRun` |
 * | `sentiment` | 1 when the sentence carries positive emotion (a positive or joyful word, a heart or joy emoji), else 0 |
 * | `urgent`    | 1 when one of the rule's `urgency` patterns matches (a deadline), else 0 |
 *
 * e.g. `formula: sentiment * (bangs * (1 - urgent) + caps + emoji / 2)`.
 *
 * The finding covers the sentence and its `expected` is the same sentence
 * calmed down: "!!!" → ".", capitals lowered, emoji runs removed.
 * Quoted text (a customer's words) and negated words do not count.
 */
import type {Language} from '../types.js'
import type {Token} from '../tokens.js'
import {compilePattern, type CompileContext} from '../patterns.js'
import {emojiClass, lookupSentiment, normalizeWord} from '../lexicon.js'
import {intensifierWeight, isAffectWord} from '../predicates.js'
import {compileMetric, type Metric} from './metric.js'
import {RuleFieldError, type Detector, type Finding, type Kind, type PatternHit, type RuleData, type SentenceView} from './kind.js'
import {isNegatedAt, isProseWord, isQuoted, tidy, weightTable, type WeightTable} from './words.js'

export const shoutFigures = ['bangs', 'caps', 'emoji', 'sentiment', 'urgent'] as const
export type ShoutFigures = Record<(typeof shoutFigures)[number], number>

interface Settings {
  lang: Language
  metric: Metric
  minRun: number
  minValence: number
  minIntensity: number
  /** Words that do not carry sentiment (deal words: save, free, gratis) or that do (omg, joepie). */
  words: WeightTable
  quoted: boolean
  negation: boolean
}

const bangRun = /!{2,}|[!?]*!\?*!|!1+/

function numberField(rule: RuleData, key: string, fallback: number): number {
  const value = rule.fields[key]
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RuleFieldError([key], `\`${key}\` must be a number`)
  return value
}

export const shoutKind: Kind = {
  name: 'shout',
  keys: ['metric', 'minRun', 'minValence', 'minIntensity', 'words', 'urgency', 'languages'],

  languages(rule) {
    const value = rule.fields.languages ?? ['en', 'nl']
    if (!Array.isArray(value) || !value.every((lang) => lang === 'en' || lang === 'nl')) {
      throw new RuleFieldError(['languages'], '`languages` must be a list of `en` and `nl`')
    }
    return value as Language[]
  },

  compile(rule, lang, context: CompileContext) {
    const settings: Settings = {
      lang,
      metric: compileMetric(rule.fields.metric, shoutFigures),
      minRun: numberField(rule, 'minRun', 2),
      minValence: numberField(rule, 'minValence', 2),
      minIntensity: numberField(rule, 'minIntensity', 0.3),
      words: weightTable(rule.fields, 'words', lang),
      quoted: rule.quoted,
      negation: rule.negation
    }
    const patterns: Detector['patterns'][number][] = []
    const urgency = (rule.fields.urgency as Partial<Record<Language, string[]>> | undefined)?.[lang] ?? []
    urgency.forEach((source, index) => {
      try {
        for (const pattern of compilePattern(source, context)) patterns.push({role: 'urgency', pattern})
      } catch (error) {
        throw new RuleFieldError(['urgency', lang, index], (error as Error).message)
      }
    })
    return {patterns, always: true, detect: (sentence, hits) => detectShout(sentence, hits, settings)}
  }
}

/** Does this word carry sentiment: positive enough in the lexicon, a joy word, or listed with a weight > 0? */
function carriesSentiment(word: Token, settings: Settings): boolean {
  const listed = settings.words.get(normalizeWord(word.norm, settings.lang))
  if (listed !== undefined) return listed > 0
  if (isAffectWord(word.norm, settings.lang)) return true
  const entry = lookupSentiment(word.norm, settings.lang)
  return entry !== undefined && entry.valence >= settings.minValence && entry.intensity >= settings.minIntensity
}

interface Shouting {
  figures: ShoutFigures
  /** Tokens that shout: bang runs, caps words, emoji in runs. */
  loud: Token[]
}

/** Measure the shouting of a sentence (whether or not it meets the metric). */
export function shouting(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Shouting {
  const figures: ShoutFigures = {bangs: 0, caps: 0, emoji: 0, sentiment: 0, urgent: hits.some((hit) => hit.role === 'urgency') ? 1 : 0}
  const loud: Token[] = []
  const tokens = sentence.tokens
  const words = sentence.words
  const heard = (token: Token) => settings.quoted || !isQuoted(sentence, token)

  // Sentiment and capitals: on the words.
  const capsWords = words.filter((word) => word.caps && isProseWord(word)).length
  const allCaps = capsWords >= 3 && capsWords === words.filter(isProseWord).length
  words.forEach((word, index) => {
    if (!isProseWord(word) || !heard(word)) return
    const feeling = carriesSentiment(word, settings) && !(settings.negation && isNegatedAt(words, index, settings.lang))
    if (feeling) figures.sentiment = 1
    if (word.caps && word.raw.length >= 2 && (feeling || intensifierWeight(word.norm, settings.lang) > 0)) {
      // A headline set in capitals shouts once, not once per word.
      if (!allCaps || figures.caps === 0) figures.caps++
      loud.push(word)
    }
  })

  // Bang runs and emoji runs: on all tokens, in order.
  let run: Token[] = []
  const closeRun = () => {
    if (run.length >= settings.minRun) {
      figures.emoji += run.length
      loud.push(...run)
    }
    run = []
  }
  for (const token of tokens) {
    if (token.kind === 'emoji') {
      const kind = emojiClass(token.raw)
      if (kind && heard(token)) {
        if (kind !== 'party') figures.sentiment = 1
        run.push(token)
        continue
      }
    }
    // Variation selectors and joiners between emoji do not break a run.
    if (run.length > 0 && token.kind === 'word' && !isProseWord(token)) continue
    closeRun()
    if (token.kind === 'punct' && bangRun.test(token.raw) && heard(token)) {
      figures.bangs++
      loud.push(token)
    }
  }
  closeRun()
  // "!" "!" as separate tokens.
  for (let index = 1; index < tokens.length; index++) {
    const before = tokens[index - 1]
    const token = tokens[index]
    if (token.raw === '!' && before.raw === '!' && before.end === token.start && heard(token) && !loud.includes(before)) {
      figures.bangs++
      loud.push(before, token)
    }
  }
  return {figures, loud}
}

function detectShout(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Finding[] {
  const {figures, loud} = shouting(sentence, hits, settings)
  if (loud.length === 0) return []
  if (!settings.metric.holds(settings.metric.value(figures))) return []
  const tokens = sentence.tokens
  const start = tokens[0].start
  const end = tokens[tokens.length - 1].end
  const parts: string[] = []
  if (figures.bangs > 0) parts.push(`exclamation marks (${loud.filter((token) => token.kind === 'punct').map((token) => token.raw).join(' ')})`)
  const caps = loud.filter((token) => token.kind === 'word')
  if (caps.length > 0) parts.push(`capitals (${caps.map((token) => token.raw).join(', ')})`)
  if (figures.emoji > 0) parts.push(`${figures.emoji} emoji in a row`)
  return [{
    start,
    end,
    expected: [calm(sentence, loud, start, end)],
    detail: `shouting: ${parts.join(', ')}`,
    intensity: figures.bangs + caps.length + (figures.emoji > 0 ? 1 : 0)
  }]
}

/** The sentence with "!!!" → ".", shouted capitals lowered and emoji runs removed. */
function calm(sentence: SentenceView, loud: readonly Token[], start: number, end: number): string {
  const text = sentence.text
  let out = ''
  let position = start
  const sorted = [...loud].sort((a, b) => a.start - b.start)
  for (const token of sorted) {
    if (token.start < position) continue
    out += text.slice(position, token.start)
    if (token.kind === 'punct') out += token.raw.includes('?') ? '?' : '.'
    else if (token.kind === 'word') {
      const lower = token.raw.toLowerCase()
      out += token.start === start ? lower.charAt(0).toUpperCase() + lower.slice(1) : lower
    }
    // Emoji: dropped, with the selectors that follow it.
    position = token.end
    if (token.kind === 'emoji') while (position < end && /[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/u.test(text.charAt(position))) position++
  }
  out += text.slice(position, end)
  // A second "!" token of a split pair leaves ".." behind.
  out = tidy(out.replace(/\.{2,}/g, '.').replace(/\.!|!\./g, '.'))
  if (out !== '' && !/[.!?…]$/.test(out)) out += '.'
  return out
}
