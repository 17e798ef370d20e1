/** `trouw explain RULE|CATEGORY`: a rule's docs and examples, or a category's rules. */
import {loadRules, type Rule} from '../rule-loader.js'
import type {Language} from '../types.js'
import type {Io} from './run.js'
import {UsageError} from './run.js'

/** What the rule's fix does, in words (DESIGN.md, "Rewrites"). */
function fixLine(rule: Rule, lang: Language): string {
  if (rule.kind === 'shout') return 'calms the sentence: sentence case, one full stop, no emoji run (acronyms, names, STOP/HELP and codes keep their capitals)'
  if (rule.kind === 'gush') return 'cuts the stack to one of its words, without the intensifiers'
  if (rule.fix?.action === 'remove') return 'removes the pressure wrapper when the rest of the sentence reads true without it'
  if (rule.fix?.action === 'opt-out') return `puts the plain no in place of the opt-out: “${rule.fix.text[lang] ?? ''}”`
  return 'none: no rewrite of this can keep the copy\'s facts, see the advice'
}

function suggestionLine(rule: Rule, lang: Language): string {
  if (rule.kind === 'gush') return 'the sentence with another of the stack\'s words kept'
  if (rule.fix?.action === 'opt-out') return `the whole opt-out as “${rule.fix.text[lang] ?? ''}”, when the fix cannot keep the sentence`
  return 'none'
}

export function explainRule(rule: Rule): string {
  const lines = [`${rule.id}  (${rule.category}${rule.subtype ? '/' + rule.subtype : ''}, ${rule.severity})`, '', rule.docs, '']
  for (const lang of rule.languages) {
    lines.push(`${lang}: ${rule.message[lang]}`)
    const examples = rule.examples[lang]
    for (const sentence of examples?.incorrect ?? []) lines.push(`  ✗ ${sentence}`)
    for (const sentence of examples?.correct ?? []) lines.push(`  ✓ ${sentence}`)
    lines.push(`  fix: ${fixLine(rule, lang)}`)
    lines.push(`  suggestion: ${suggestionLine(rule, lang)}`)
    if (rule.advice[lang]) lines.push(`  advice: ${rule.advice[lang]}`)
    lines.push('')
  }
  lines.push(rule.url)
  return lines.join('\n') + '\n'
}

export function explain(argv: string[], io: Io): number {
  const name = argv.find((arg) => !arg.startsWith('-'))
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout.write('Usage: trouw explain RULE|CATEGORY\n\nPrints a rule\'s docs, message, examples, fix, suggestion and advice; for a category, lists its rules.\n')
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
