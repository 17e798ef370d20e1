/**
 * `phrase`: the rule fires when one of its `patterns` matches a sentence, and
 * (when given) one of its `also` patterns matches the same sentence too (a
 * condition and its consequence: "if you switch … we stop support"), and none
 * of its `unless` patterns does ("opzeggen kan altijd").
 *
 * A hit is dropped when it is negated ("geen opzegkosten") or quoted (a
 * customer's words), unless the rule says `negation: false` / `quoted: true`.
 */
import type {Language} from '../types.js'
import {compilePattern, type CompileContext} from '../patterns.js'
import {isInside, isNegated} from '../context.js'
import {RuleFieldError, type Detector, type Finding, type Kind, type PatternHit, type RuleData, type SentenceView} from './kind.js'

type PerLanguage = Partial<Record<Language, string[]>>

function patternsOf(rule: RuleData, key: string, lang: Language): string[] {
  const value = rule.fields[key] as PerLanguage | undefined
  return value?.[lang] ?? []
}

export const phraseKind: Kind = {
  name: 'phrase',
  keys: ['patterns', 'also', 'unless'],

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
    return {patterns, primary: 'patterns', detect: (sentence, hits) => detectPhrase(rule, sentence, hits, needsAlso)}
  }
}

function detectPhrase(rule: RuleData, sentence: SentenceView, hits: readonly PatternHit[], needsAlso: boolean): Finding[] {
  const live = hits.filter((hit) => {
    if (hit.role === 'unless') return true
    if (rule.negation && isNegated(sentence.words, hit.match, sentence.lang)) return false
    if (!rule.quoted && isInside(sentence.quoted, sentence.words[hit.match.from].start, sentence.words[hit.match.to - 1].end)) return false
    return true
  })
  if (live.some((hit) => hit.role === 'unless')) return []
  const main = live.find((hit) => hit.role === 'patterns')
  if (!main) return []
  let start = sentence.words[main.match.from].start
  let end = sentence.words[main.match.to - 1].end
  if (needsAlso) {
    const also = live.find((hit) => hit.role === 'also')
    if (!also) return []
    start = Math.min(start, sentence.words[also.match.from].start)
    end = Math.max(end, sentence.words[also.match.to - 1].end)
  }
  return [{start, end}]
}
