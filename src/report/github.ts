/**
 * GitHub Actions workflow commands: one `::warning file=…,line=…::` line per
 * finding, so findings show as annotations on the pull request, and an
 * `::error file=…::` on a file whose ESP score is below `--min-esp`.
 */
import type {VFile} from 'vfile'
import {toJsonFile} from './json.js'
import {minEspReason} from '../verdict.js'

function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

export function githubReport(files: readonly VFile[]): string {
  let out = ''
  for (const vfile of files) {
    const file = toJsonFile(vfile)
    for (const message of file.messages) {
      const command = message.severity === 'error' ? 'error' : message.severity === 'warning' ? 'warning' : 'notice'
      const properties = [
        `file=${escapeProperty(file.path)}`,
        `line=${message.line}`,
        `col=${message.column}`,
        `endLine=${message.endLine}`,
        `endColumn=${message.endColumn}`,
        `title=${escapeProperty(`trouw ${message.ruleId}${message.also ? ` (also ${message.also.join(', ')})` : ''}`)}`
      ].join(',')
      // Only a fix (keeps every fact) is offered as the replacement; advice is not.
      const fix = message.expected[0] ? ` ${file.language === 'nl' ? 'Beter' : 'Instead'}: ${message.expected[0]}` : ''
      out += `::${command} ${properties}::${escapeData(message.reason + fix)}\n`
    }
    const gate = minEspReason(file.reasons)
    if (gate) out += `::error file=${escapeProperty(file.path)},title=${escapeProperty(gate.ruleId)}::${escapeData(gate.message)}\n`
  }
  return out
}
