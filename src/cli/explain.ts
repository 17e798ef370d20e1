/** `trouw explain RULE|CATEGORY`: a rule's docs and examples, or a category's rules. */
import {loadRules, type Rule} from '../rule-loader.js'
import type {Io} from './run.js'
import {UsageError} from './run.js'

export function explainRule(rule: Rule): string {
  const lines = [`${rule.id}  (${rule.category}${rule.subtype ? '/' + rule.subtype : ''}, ${rule.severity})`, '', rule.docs, '']
  for (const lang of rule.languages) {
    lines.push(`${lang}: ${rule.message[lang]}`)
    const examples = rule.examples[lang]
    for (const sentence of examples?.incorrect ?? []) lines.push(`  ✗ ${sentence}`)
    for (const sentence of examples?.correct ?? []) lines.push(`  ✓ ${sentence}`)
    const suggestions = rule.suggestions[lang] ?? []
    if (suggestions.length > 0) lines.push(`  instead: ${suggestions.join(' / ')}`)
    for (const advice of rule.advice[lang] ?? []) lines.push(`  advice: ${advice}`)
    lines.push('')
  }
  lines.push(rule.url)
  return lines.join('\n') + '\n'
}

export function explain(argv: string[], io: Io): number {
  const name = argv.find((arg) => !arg.startsWith('-'))
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write('Usage: trouw explain RULE|CATEGORY\n\nPrints a rule\'s docs, message, examples and suggestions; for a category, lists its rules.\n')
    return 0
  }
  if (!name) throw new UsageError('`trouw explain` needs a rule id or a category, e.g. `trouw explain coercion`')
  const set = loadRules()
  const rule = set.byId.get(name)
  if (rule) {
    io.stdout.write(explainRule(rule))
    return 0
  }
  const inCategory = set.rules.filter((candidate) => candidate.category === name || `${candidate.category}/${candidate.subtype}` === name)
  if (inCategory.length === 0) throw new UsageError(`no rule or category \`${name}\`; \`trouw explain coercion\` lists the coercion rules`)
  for (const candidate of inCategory) {
    io.stdout.write(`${candidate.id.padEnd(40)} ${candidate.severity.padEnd(8)} ${candidate.message.en ?? candidate.message.nl}\n`)
  }
  return 0
}
