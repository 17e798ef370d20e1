/**
 * `phrase`: the rule fires when one of its `patterns` matches a sentence, and
 * (when given) one of its `also` patterns matches the same sentence too (a
 * condition and its consequence: "if you switch … we stop support"), and none
 * of its `unless` patterns does ("opzeggen kan altijd").
 *
 * `before` patterns stand in for `also` across a sentence break: they match
 * the sentence before, in the same paragraph, when it is a question that
 * sets the condition ("Thinking of leaving? Your data goes with you… to the
 * bin."). The question's wording is the condition, negation included ("Not
 * renewing?"), so a `before` hit is not dropped for a negator.
 *
 * `window: paragraph` widens `before` to the sentence before whatever it
 * ends with (default `question`): acts that take two sentences, such as
 * shared history followed by "Are you really leaving now?", or a staff
 * member who asked after the reader followed by "He's sad about it".
 *
 * A hit is dropped when it is negated ("geen opzegkosten") or quoted (a
 * customer's words), unless the rule says `negation: false` / `quoted: true`.
 */
import type {Language} from '../types.js'
import {compilePattern, PatternIndex, type CompileContext} from '../patterns.js'
import {isInside, isNegated} from '../context.js'
import {RuleFieldError, type Detector, type Finding, type Kind, type PatternHit, type RuleData, type SentenceView} from './kind.js'

type PerLanguage = Partial<Record<Language, string[]>>

function patternsOf(rule: RuleData, key: string, lang: Language): string[] {
  const value = rule.fields[key] as PerLanguage | undefined
  return value?.[lang] ?? []
}

export const phraseKind: Kind = {
  name: 'phrase',
  keys: ['patterns', 'also', 'unless', 'before', 'window'],

  languages(rule) {
    const patterns = (rule.fields.patterns ?? {}) as PerLanguage
    return (Object.keys(patterns) as Language[]).filter((lang) => (patterns[lang]?.length ?? 0) > 0)
  },

  compile(rule, lang, context) {
    const patterns: Detector['patterns'][number][] = []
    for (const key of ['patterns', 'also', 'unless'] as const) {
      patternsOf(rule, key, lang).forEach((source, index) => {
        let compiled
        try {
          compiled = compilePattern(source, context)
        } catch (error) {
          throw new RuleFieldError([key, lang, index], (error as Error).message)
        }
        for (const pattern of compiled) patterns.push({role: key, pattern})
      })
    }
    if (!patterns.some((entry) => entry.role === 'patterns')) {
      throw new RuleFieldError(['patterns', lang], `a phrase rule needs at least one pattern for \`${lang}\``)
    }
    const needsAlso = patternsOf(rule, 'also', lang).length > 0
    // Matched on the question before, only after a main hit without a condition: few sentences pay for it.
    let before: PatternIndex<true> | undefined
    patternsOf(rule, 'before', lang).forEach((source, index) => {
      let compiled
      try {
        compiled = compilePattern(source, context)
      } catch (error) {
        throw new RuleFieldError(['before', lang, index], (error as Error).message)
      }
      for (const pattern of compiled) (before ??= new PatternIndex(false)).add(pattern, true)
    })
    if (before && !needsAlso) throw new RuleFieldError(['before', lang], '`before` stands in for `also`: give the rule `also` patterns for the same language too')
    // The question is read with the rule's exceptions too ("Want to cancel?" asks for what follows).
    let unless: PatternIndex<true> | undefined
    if (before) for (const entry of patterns) if (entry.role === 'unless') (unless ??= new PatternIndex(false)).add(entry.pattern, true)
    const window = rule.fields.window ?? 'question'
    if (window !== 'question' && window !== 'paragraph') throw new RuleFieldError(['window'], '`window` must be `question` (the sentence before, when it is a question) or `paragraph` (the sentence before, whatever it ends with)')
    if (rule.fields.window !== undefined && !before) throw new RuleFieldError(['window'], '`window` widens `before`: give the rule `before` patterns too')
    const across = before ? {before, unless, paragraph: window === 'paragraph'} : undefined
    return {patterns, primary: 'patterns', detect: (sentence, hits) => detectPhrase(rule, sentence, hits, needsAlso, across)}
  }
}

/** What a rule reads in the question before: its `before` patterns, and its `unless` patterns. */
interface Across {
  before: PatternIndex<true>
  unless: PatternIndex<true> | undefined
  /** Read the sentence before whatever it ends with, not only a question. */
  paragraph: boolean
}

function detectPhrase(rule: RuleData, sentence: SentenceView, hits: readonly PatternHit[], needsAlso: boolean, across: Across | undefined): Finding[] {
  const unquoted = rule.quoted ? hits : hits.filter((hit) => hit.role === 'unless' || !isInside(sentence.quoted, sentence.words[hit.match.from].start, sentence.words[hit.match.to - 1].end))
  const live = rule.negation ? unquoted.filter((hit) => hit.role === 'unless' || !isNegatedInFrame(sentence, hit, unquoted)) : unquoted
  if (live.some((hit) => hit.role === 'unless')) return []
  const main = live.find((hit) => hit.role === 'patterns')
  if (!main) return []
  let start = sentence.words[main.match.from].start
  let end = sentence.words[main.match.to - 1].end
  if (needsAlso) {
    const also = live.find((hit) => hit.role === 'also')
    if (also) {
      start = Math.min(start, sentence.words[also.match.from].start)
      end = Math.max(end, sentence.words[also.match.to - 1].end)
    } else {
      const previous = across?.paragraph ? sentence.earlier : sentence.previous
      const condition = across && previous ? conditionBefore(rule, previous, across) : undefined
      if (condition === undefined) return []
      start = condition
    }
  }
  return [{start, end}]
}

/**
 * Is a hit negated? The look back stops at the other part of the frame when
 * that part stands before it (see `isNegated`'s `floor`), and the look ahead
 * where the other part starts: "Zonder licentie vervalt je toegang" is a
 * condition and a loss (not a denied loss, and "vervalt" does not free the
 * licence); "this rate won't be here when you wake up" denies the rate's
 * stay, not the time.
 */
function isNegatedInFrame(sentence: SentenceView, hit: PatternHit, hits: readonly PatternHit[]): boolean {
  const {words, lang} = sentence
  if (!isNegated(words, hit.match, lang)) return false
  if (hit.role !== 'patterns' && hit.role !== 'also') return true
  const other = hit.role === 'patterns' ? 'also' : 'patterns'
  let floor = -1
  let ceiling = Infinity
  for (const candidate of hits) {
    if (candidate.role !== other) continue
    if (candidate.match.to <= hit.match.from && candidate.match.to > floor) floor = candidate.match.to
    if (candidate.match.from >= hit.match.to && candidate.match.from < ceiling) ceiling = candidate.match.from
  }
  if (floor === -1 && ceiling === Infinity) return true
  // The words after the hit that start the other part are not a freeing or denying word of it.
  return isNegated(ceiling === Infinity ? words : words.slice(0, ceiling), hit.match, lang, Math.max(floor, 0))
}

/** Where a `before` pattern matches the question before (not quoted, unless the rule allows it; no `unless` hit there), if one does. */
function conditionBefore(rule: RuleData, previous: SentenceView, across: Across): number | undefined {
  if (across.unless && across.unless.matches(previous.words).length > 0) return undefined
  for (const [match] of across.before.matches(previous.words)) {
    const from = previous.words[match.from].start
    if (!rule.quoted && isInside(previous.quoted, from, previous.words[match.to - 1].end)) continue
    return from
  }
  return undefined
}
