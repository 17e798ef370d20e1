/**
 * SARIF 2.1.0 for code scanning: one run, the tool's rules (id, short
 * description, help uri, default level) and one result per finding; a file
 * whose ESP score is below `--min-esp` gets a result of the gate's own rule,
 * `trouw/min-esp`.
 */
import type {VFile} from 'vfile'
import {loadRules} from '../rule-loader.js'
import {version} from '../cli/version.js'
import {toJsonFile} from './json.js'
import {minEspReason, minEspRuleId} from '../verdict.js'
import type {Severity} from '../types.js'

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

/** The gate's own rule: a file's ESP score below `--min-esp` (or `minEsp`). */
const minEspRule = {
  id: minEspRuleId,
  shortDescription: {text: 'The ESP score is below the minimum (--min-esp, minEsp)'},
  fullDescription: {text: "A file fails when its emotional selling proposition score is below the minimum the run or its configuration sets: raise the score with the file's suggestions, or lower the minimum."},
  helpUri: 'https://github.com/trouw-dev/trouw/blob/main/docs/esp.md',
  defaultConfiguration: {level: 'error' as const},
  properties: {category: 'gate'}
}

export function sarifReport(files: readonly VFile[]) {
  const rules = loadRules().rules
  const resultsOf = sarifResults(rules)
  return sarifRun(rules, files.flatMap(resultsOf))
}

/** A file's SARIF results: one per finding, then the gate's. */
function sarifResults(rules: ReturnType<typeof loadRules>['rules']) {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const gateIndex = rules.length
  return (vfile: VFile) => {
    const file = toJsonFile(vfile)
    const uri = encodeURI(file.path.replace(/\\/g, '/'))
    const gate = minEspReason(file.reasons)
    const gateResults = gate
      ? [
          {
            ruleId: gate.ruleId,
            ruleIndex: gateIndex,
            level: 'error' as const,
            message: {text: gate.message},
            locations: [{physicalLocation: {artifactLocation: {uri}, region: {startLine: 1}}}],
            properties: {esp: gate.esp, minEsp: gate.minEsp}
          }
        ]
      : []
    const findings = file.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? {ruleIndex: ruleIndex.get(message.ruleId)} : {}),
      level: levels[message.severity],
      message: {text: message.reason + (message.expected[0] ? ` ${file.language === 'nl' ? 'Beter' : 'Instead'}: ${message.expected[0]}` : '')},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri},
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn
            }
          }
        }
      ],
      properties: {category: message.category, subtype: message.subtype, ...(message.part ? {part: message.part} : {}), ...(message.alsoIn ? {alsoIn: message.alsoIn} : {}), ...(message.also ? {also: message.also} : {})}
    }))
    return [...findings, ...gateResults]
  }
}

/** The SARIF log of one run with these results. */
function sarifRun<Result>(rules: ReturnType<typeof loadRules>['rules'], results: Result[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'trouw',
            version: version(),
            informationUri: 'https://github.com/trouw-dev/trouw',
            rules: [
              ...rules.map((rule) => ({
                id: rule.id,
                shortDescription: {text: rule.message.en ?? rule.message.nl ?? rule.id},
                fullDescription: {text: rule.docs},
                helpUri: rule.url,
                defaultConfiguration: {level: levels[rule.severity]},
                properties: {category: rule.category, ...(rule.subtype ? {subtype: rule.subtype} : {})}
              })),
              minEspRule
            ]
          }
        },
        results
      }
    ]
  }
}

/**
 * The SARIF report written a file at a time (`add` gives a file's text,
 * `end` the rest): the text of `JSON.stringify(sarifReport(files), null, 2)`
 * and a newline, keeping no file. The results are the log's last field, so
 * everything before them is written with the first file.
 */
export class SarifReportWriter {
  private readonly rules = loadRules().rules
  private readonly resultsOf = sarifResults(this.rules)
  private written = 0

  add(file: VFile): string {
    let text = ''
    for (const result of this.resultsOf(file)) {
      const json = JSON.stringify(result, null, 2).replace(/\n/g, '\n' + resultIndent)
      text += (this.written++ === 0 ? this.head() + '\n' : ',\n') + resultIndent + json
    }
    return text
  }

  end(): string {
    if (this.written === 0) return JSON.stringify(sarifRun(this.rules, []), null, 2) + '\n'
    return '\n' + resultIndent.slice(2) + ']' + this.tail()
  }

  /** The log up to and with the `[` of its results. */
  private head(): string {
    const whole = JSON.stringify(sarifRun(this.rules, []), null, 2)
    return whole.slice(0, whole.lastIndexOf(emptyResults) + emptyResults.length - 1)
  }

  /** The log after its results' `]`. */
  private tail(): string {
    const whole = JSON.stringify(sarifRun(this.rules, []), null, 2)
    return whole.slice(whole.lastIndexOf(emptyResults) + emptyResults.length) + '\n'
  }
}

const emptyResults = '"results": []'
/** Results are items of `runs[0].results`: four levels deep. */
const resultIndent = ' '.repeat(8)
