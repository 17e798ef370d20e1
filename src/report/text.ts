/**
 * The plain text reporter for non-terminals: one line per finding,
 * `path:line:column-endLine:endColumn  severity  reason  rule-id`, then the
 * file's language and scores, then a summary line.
 */
import type {VFile} from 'vfile'
import {toJsonFile} from './json.js'

export function textReport(files: readonly VFile[]): string {
  const lines: string[] = []
  let errors = 0
  let warnings = 0
  let infos = 0
  for (const vfile of files) {
    const file = toJsonFile(vfile)
    const {scores} = file
    lines.push(
      `${file.path}: ${file.language}, ${file.format}, esp ${scores.esp} (warmth ${scores.warmth}, restraint ${scores.restraint}, freedom ${scores.freedom}, reciprocity ${scores.reciprocity}, distinctiveness ${scores.distinctiveness})` +
        (file.phase ? `, phase ${file.phase.name} (${Math.round(file.phase.confidence * 100)}%)` : '')
    )
    for (const message of file.messages) {
      if (message.severity === 'error') errors++
      else if (message.severity === 'warning') warnings++
      else infos++
      const where = `${file.path}:${message.line}:${message.column}-${message.endLine}:${message.endColumn}`
      const part = message.part ? ` [${message.part}]` : ''
      const fix = message.expected.length > 0 && message.expected[0] !== '' ? ` → ${message.expected[0]}` : ''
      lines.push(`  ${where}${part}  ${message.severity}  ${message.reason}${fix}  ${message.ruleId}`)
    }
  }
  const total = errors + warnings + infos
  lines.push(total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`)
  return lines.join('\n') + '\n'
}
