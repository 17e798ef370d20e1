/**
 * The plain text reporter for non-terminals: one line per finding,
 * `path:line:column-endLine:endColumn  severity  reason  rule-id`, then the
 * file's language and scores, then a summary line. After a file's findings:
 * the evidence that moved its score most (`+12.5 warmth  "Thanks"  thanks
 * the reader  line:column`) and its suggestions. A file whose ESP score is
 * below `--min-esp` gets a line that says so (`path  error  ESP score 41 is
 * below the minimum of 60: …  trouw/min-esp`).
 */
import type {VFile} from 'vfile'
import {toJsonFile} from './json.js'
import {confidenceNote} from '../score/formula.js'
import {minEspReason} from '../verdict.js'
import {truncate} from '../ui/clip.js'

/** How many evidence lines the text report prints per file (the JSON report has them all). */
export const evidenceLines = 5

export interface TextOptions {
  /** Leave out files without findings that pass (no score lines for clean files; default: false). */
  quiet?: boolean | null
}

export function textReport(files: readonly VFile[], options?: Readonly<TextOptions> | null): string {
  const writer = new TextReportWriter(options)
  let text = ''
  for (const file of files) text += writer.add(file)
  return text + writer.end()
}

/** The text report a file at a time: `add` gives a file's lines, `end` the summary line (the text of `textReport`). */
export class TextReportWriter {
  private errors = 0
  private warnings = 0
  private infos = 0

  constructor(private readonly options?: Readonly<TextOptions> | null) {}

  /** A file's lines, each ending in a newline. */
  add(vfile: VFile): string {
    const lines: string[] = []
    const file = toJsonFile(vfile)
    if (this.options?.quiet && file.messages.length === 0 && file.pass) return ''
    const {scores} = file
    lines.push(
      `${file.path}: ${file.language}, ${file.format}, esp ${scores.esp} (warmth ${scores.warmth}, restraint ${scores.restraint}, freedom ${scores.freedom}, reciprocity ${scores.reciprocity}, distinctiveness ${scores.distinctiveness}; ${confidenceNote(file.scoreConfidence)})` +
        (file.phase ? `, phase ${file.phase.name} (${Math.round(file.phase.confidence * 100)}%)` : '')
    )
    for (const message of file.messages) {
      if (message.severity === 'error') this.errors++
      else if (message.severity === 'warning') this.warnings++
      else this.infos++
      const where = `${file.path}:${message.line}:${message.column}-${message.endLine}:${message.endColumn}`
      const part = message.part ? ` [${message.part}${message.alsoIn ? `, also in ${message.alsoIn.join(', ')}` : ''}]` : ''
      const fix = message.expected.length > 0 && message.expected[0] !== '' ? ` → ${message.expected[0]}` : ''
      const also = message.also ? ` (also ${message.also.join(', ')})` : ''
      lines.push(`  ${where}${part}  ${message.severity}  ${message.reason}${fix}  ${message.ruleId}${also}`)
    }
    const gate = minEspReason(file.reasons)
    if (gate) lines.push(`  ${file.path}  error  ${gate.message}  ${gate.ruleId}`)
    const top = [...file.evidence].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, evidenceLines)
    for (const item of top) {
      const sign = item.delta > 0 ? '+' : ''
      const text = item.text.replace(/\s+/g, ' ').trim()
      const part = item.part ? ` [${item.part}]` : ''
      lines.push(`  score ${sign}${item.delta} ${item.component}  "${truncate(text, 40)}"  ${item.why}  ${file.path}:${item.line}:${item.column}${part}`)
    }
    for (const suggestion of file.suggestions) lines.push(`  suggestion  ${suggestion}`)
    return lines.join('\n') + '\n'
  }

  /** The summary line. */
  end(): string {
    const {errors, warnings, infos} = this
    const total = errors + warnings + infos
    return (total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`) + '\n'
  }
}
