/** `GET /v1/rules`: the shipped rules, without their detectors and docs. */
import {loadRules} from '../rule-loader.js'
import {spellingRuleId} from '../spell-plugin.js'

export interface RuleSummary {
  id: string
  category: string
  subtype: string | null
  severity: string
  languages: string[]
  message: Partial<Record<'en' | 'nl', string>>
  url: string
}

let cached: string | undefined

/** The rules as the JSON body of `GET /v1/rules` (computed once). */
export function rulesBody(): string {
  cached ??=
    JSON.stringify(
      {
        rules: [
          ...loadRules().rules.map(
            (rule): RuleSummary => ({
              id: rule.id,
              category: rule.category,
              subtype: rule.subtype ?? null,
              severity: rule.severity,
              languages: rule.languages,
              message: rule.message,
              url: rule.url
            })
          ),
          {
            id: spellingRuleId,
            category: 'spelling',
            subtype: null,
            severity: 'warning',
            languages: ['en', 'nl'],
            message: {en: 'possibly misspelt word (only with `config.spell: true`)'},
            url: ''
          }
        ]
      },
      null,
      2
    ) + '\n'
  return cached
}
