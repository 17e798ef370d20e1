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
 * | `sentiment` | 1 when the sentence carries positive emotion (a positive or joyful word, a heart or joy emoji, a `celebration` emoji such as 🎉), else 0 |
 * | `urgent`    | 1 when one of the rule's `urgency` patterns matches (a deadline), else 0 |
 * | `strong`    | 1 when the feeling is a real one (a joy or pleasure word, an interjection, a `words` entry above 0), not only a word the lexicon grades positive ("chance"), else 0 |
 *
 * e.g. `formula: sentiment * (bangs * (1 - urgent) + caps + emoji / 2)`.
 *
 * The finding covers the sentence and its `expected` is the same sentence
 * calmed down (`src/rewrite/calm.ts`): "!!!" → ".", sentence case keeping
 * acronyms, names, keywords and codes, emoji, shouted `interjections`
 * ("OMG,") and intensifiers before a feeling removed. When nothing is left
 * ("OMG!!! 🎉"), `expected` is `['']`: remove the sentence.
 * Quoted text (a customer's words) and negated words do not count; an
 * ironic sentence (an `irony` pattern, an eye-roll emoji) is left alone.
 */
import type {Language} from '../types.js'
import type {Token} from '../tokens.js'
import type {CompileContext} from '../patterns.js'
import {emojiClass, lookupSentiment, normalizeWord} from '../lexicon.js'
import {intensifierWeight, isAffectWord} from '../predicates.js'
import {compileMetric, type Metric} from './metric.js'
import {RuleFieldError, type Finding, type Kind, type PatternHit, type RuleData, type SentenceView} from './kind.js'
import {hasInterest, interestBit} from '../interest.js'
import {isIronic, isNegatedAt, isProseWord, isQuoted, rolePatterns, weightTable, type WeightTable} from './words.js'
import {calmSentence} from '../rewrite/calm.js'

export const shoutFigures = ['bangs', 'caps', 'emoji', 'sentiment', 'urgent', 'strong'] as const
export type ShoutFigures = Record<(typeof shoutFigures)[number], number>

interface Settings {
  lang: Language
  metric: Metric
  minRun: number
  minValence: number
  minIntensity: number
  /** Words that do not carry sentiment (deal words: save, free, gratis) or that do (omg, joepie). */
  words: WeightTable
  /** Interjections that carry sentiment ("omg", "joepie"); dropped from the calm version when shouted. */
  interjections: ReadonlySet<string>
  /** Party emoji that carry feeling (🎉 🥳), unlike hype (🔥 🚀). */
  celebration: ReadonlySet<string>
  memo: Map<string, WordFacts>
  quoted: boolean
  negation: boolean
}

/** Intensifiers the calm version keeps: they build a superlative or a comparison. */
const keptBoosters = new Set(['most', 'more', 'meest', 'meer'])

const bangRun = /!{2,}|[!?]*!\?*!|!1+/

function numberField(rule: RuleData, key: string, fallback: number): number {
  const value = rule.fields[key]
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RuleFieldError([key], `\`${key}\` must be a number`)
  return value
}

function emojiSet(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set()
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RuleFieldError(['celebration'], '`celebration` must be a list of emoji')
  }
  return new Set(value.map((item: string) => item.replace(/[\uFE0E\uFE0F]/g, '')))
}

function wordSet(rule: RuleData, key: string, lang: Language): ReadonlySet<string> {
  const value = (rule.fields[key] as Partial<Record<Language, unknown>> | undefined)?.[lang]
  if (value === undefined) return new Set()
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    throw new RuleFieldError([key, lang], `\`${key}.${lang}\` must be a list of words`)
  }
  return new Set(value.map((word: string) => word.toLowerCase()))
}

export const shoutKind: Kind = {
  name: 'shout',
  keys: ['metric', 'minRun', 'minValence', 'minIntensity', 'words', 'interjections', 'celebration', 'urgency', 'irony', 'languages'],

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
      interjections: wordSet(rule, 'interjections', lang),
      celebration: emojiSet(rule.fields.celebration),
      memo: new Map(),
      quoted: rule.quoted,
      negation: rule.negation
    }
    const patterns = [
      ...rolePatterns(rule, 'urgency', lang, context, 'urgency'),
      ...rolePatterns(rule, 'irony', lang, context, 'irony')
    ]
    // The sentences worth a look: capitals, an emoji or an exclamation mark.
    const interest = interestBit(lang, (token) => token.caps || token.kind === 'emoji' || (token.kind === 'punct' && token.raw.includes('!')))
    return {
      patterns,
      always: true,
      detect: (sentence, hits) => (hasInterest(sentence.interest, interest) ? detectShout(sentence, hits, settings) : noFindings)
    }
  }
}

/** What the kind needs to know about a word, cached per rule and word. */
interface WordFacts {
  /** Positive enough in the lexicon, a joy word, or listed with a weight > 0. */
  feeling: boolean
  /** A joy or pleasure word, an interjection, or listed with a weight > 0: a feeling of its own, not only a lexicon grade. */
  strong: boolean
  interjection: boolean
  booster: boolean
}

function factsOf(word: Token, settings: Settings): WordFacts {
  let facts = settings.memo.get(word.norm)
  if (facts === undefined) {
    const plain = normalizeWord(word.norm, settings.lang)
    const interjection = settings.interjections.has(plain)
    const listed = settings.words.get(plain)
    let feeling: boolean
    let strong = false
    if (listed !== undefined) strong = feeling = listed > 0
    else if (isAffectWord(word.norm, settings.lang)) strong = feeling = true
    else {
      const entry = lookupSentiment(word.norm, settings.lang)
      feeling = entry !== undefined && entry.valence >= settings.minValence && entry.intensity >= settings.minIntensity
    }
    facts = {feeling: feeling || interjection, strong: strong || interjection, interjection, booster: intensifierWeight(word.norm, settings.lang) > 0}
    if (settings.memo.size > 20000) settings.memo.clear()
    settings.memo.set(word.norm, facts)
  }
  return facts
}

/** Variation selectors, joiners and skin tones alone: they glue an emoji run. */
const emojiGlue = /^[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]+$/u

const noFindings: Finding[] = Object.freeze([]) as unknown as Finding[]

/** Can the sentence shout at all: a bang run, a word in capitals or an emoji? Most sentences cannot. */
function mayShout(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.caps || token.kind === 'emoji') return true
    if (token.kind === 'punct' && token.raw.includes('!') && (token.raw.length > 1 || tokens[index + 1]?.raw === '!')) return true
  }
  return false
}

interface Shouting {
  figures: ShoutFigures
  /** Tokens that shout: bang runs, caps words, emoji in runs. */
  loud: Token[]
  /** Words the calm version leaves out: intensifiers before a feeling, shouted interjections. */
  drop: Token[]
  /** Other words the calm version lowers: the rest of a headline set in capitals. */
  lower: Token[]
}

/** Measure the shouting of a sentence (whether or not it meets the metric). */
export function shouting(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Shouting {
  const figures: ShoutFigures = {bangs: 0, caps: 0, emoji: 0, sentiment: 0, urgent: hits.some((hit) => hit.role === 'urgency') ? 1 : 0, strong: 0}
  const loud: Token[] = []
  const drop: Token[] = []
  const lower: Token[] = []
  const tokens = sentence.tokens
  const words = sentence.words
  const heard = (token: Token) => settings.quoted || !isQuoted(sentence, token)

  // Sentiment and capitals: on the words.
  const capsWords = words.filter((word) => word.caps && isProseWord(word)).length
  const allCaps = capsWords >= 3 && capsWords === words.filter(isProseWord).length
  words.forEach((word, index) => {
    if (!isProseWord(word) || !heard(word)) return
    const facts = factsOf(word, settings)
    const interjection = facts.interjection
    const feeling = interjection || (facts.feeling && !(settings.negation && isNegatedAt(words, index, settings.lang)))
    if (feeling) figures.sentiment = 1
    if (feeling && facts.strong) figures.strong = 1
    const booster = facts.booster
    if (word.caps && word.raw.length >= 2 && (feeling || booster)) {
      // A headline set in capitals shouts once, not once per word.
      if (!allCaps || figures.caps === 0) figures.caps++
      loud.push(word)
      if (interjection) drop.push(word)
    }
    if (feeling && !interjection) {
      // "so incredibly happy" → "happy" ("most" stays: it makes the superlative).
      for (let back = index - 1; back >= 0 && words[back].clause === word.clause; back--) {
        if (intensifierWeight(words[back].norm, settings.lang) <= 0) break
        if (!keptBoosters.has(words[back].norm)) drop.push(words[back])
      }
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
        if (kind !== 'party' || settings.celebration.has(token.raw)) figures.sentiment = 1
        run.push(token)
        // A single emoji does not shout, but the calm version leaves it out too.
        drop.push(token)
        continue
      }
    }
    // Variation selectors and joiners between emoji do not break a run.
    if (run.length > 0 && token.kind === 'word' && !isProseWord(token)) continue
    // The tokenizer hands "❤️" over as "❤" and a punctuation token with the selector.
    if (run.length > 0 && token.kind === 'punct' && emojiGlue.test(token.raw)) continue
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
  if (allCaps) for (const word of words) if (word.caps && !loud.includes(word) && !drop.includes(word)) lower.push(word)
  return {figures, loud, drop, lower}
}

function detectShout(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Finding[] {
  if (!mayShout(sentence.tokens) || isIronic(sentence, hits)) return []
  const {figures, loud, drop} = shouting(sentence, hits, settings)
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
    // The fix: the sentence calmed as a whole (src/rewrite/calm.ts).
    expected: [calmSentence({lang: settings.lang, text: sentence.text, start, end, tokens, loud, drop})],
    detail: `shouting: ${parts.join(', ')}`,
    intensity: figures.bangs + caps.length + (figures.emoji > 0 ? 1 : 0)
  }]
}
