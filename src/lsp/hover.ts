/**
 * What the language server shows on hover (Markdown) and in the code lens:
 * a finding with its rule's explanation, or the document's ESP score with
 * its five components, the customer phase and the strongest evidence.
 */
import type {ScoreComponent} from '../types.js'
import type {Analysis, Finding, RuleInfo} from './analysis.js'

const components: readonly ScoreComponent[] = ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']

/** One line: `ESP 57 · warmth 70 · … · phase stick`. */
export function scoreLine(analysis: Readonly<Analysis>): string {
  const scores = analysis.scores
  if (!scores) return 'ESP: not scored'
  const parts = [`ESP ${Math.round(scores.esp)}`, ...components.map((name) => `${name} ${Math.round(scores[name])}`)]
  if (analysis.phase) parts.push(`phase ${analysis.phase.name}`)
  return parts.join(' · ')
}

/** The score as Markdown: a table of components, the phase, what moved it most, and what to do. */
export function scoreHover(analysis: Readonly<Analysis>): string {
  const scores = analysis.scores!
  const lines = [`**trouw ESP score: ${Math.round(scores.esp)}** / 100`, '', '| component | score |', '| --- | ---: |']
  for (const name of components) lines.push(`| ${name} | ${Math.round(scores[name])} |`)
  lines.push('')
  if (analysis.phase) lines.push(`Phase: **${analysis.phase.name}** (confidence ${Math.round(analysis.phase.confidence * 100)}%)`, '')
  const evidence = [...(analysis.evidence ?? [])].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, 5)
  if (evidence.length > 0) {
    lines.push('Moved most by:')
    for (const item of evidence) {
      const sign = item.delta > 0 ? '+' : '−'
      lines.push(`- ${item.component} ${sign}${Math.abs(item.delta).toFixed(1)}: “${escape(item.text)}” (${escape(item.why)}, line ${item.line})`)
    }
    lines.push('')
  }
  if (analysis.suggestions?.length) {
    lines.push('Suggestions:')
    for (const suggestion of analysis.suggestions) lines.push(`- ${escape(suggestion)}`)
  }
  return lines.join('\n').trim()
}

/** A finding as Markdown: rule, reason, the rule's explanation, suggestions and a link. */
export function findingHover(finding: Readonly<Finding>, rule: Readonly<RuleInfo> | undefined): string {
  const kind = [finding.category, finding.subtype].filter(Boolean).join(' / ')
  const lines = [`**trouw** \`${finding.ruleId}\` (${kind}, ${finding.severity})`, '', escape(finding.reason)]
  if (rule?.docs) lines.push('', rule.docs.trim())
  if (finding.expected.length > 0) {
    lines.push('', 'Fix:')
    for (const fix of finding.expected) lines.push(`- ${fix === '' ? '(remove it)' : escape(fix)}`)
  }
  if (finding.suggestions.length > 0) {
    lines.push('', 'Suggestions (check them before you use one):')
    for (const suggestion of finding.suggestions) lines.push(`- ${escape(suggestion.title)}: ${escape(suggestion.text)}`)
  }
  const advice = finding.note ?? rule?.advice
  if (advice) lines.push('', `Advice: ${escape(advice)}`)
  if (finding.url) lines.push('', `[Rule documentation](${finding.url})`)
  return lines.join('\n')
}

/** Keep Markdown syntax in copy from turning into formatting. */
function escape(text: string): string {
  return text.replace(/([\\*_[\]<>|])/g, '\\$1')
}
