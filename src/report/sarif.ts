/**
 * SARIF 2.1.0 for code scanning: one run, the tool's rules (id, short
 * description, help uri, default level) and one result per finding.
 */
import type {VFile} from 'vfile'
import {loadRules} from '../rule-loader.js'
import {version} from '../cli/version.js'
import {toJsonFile} from './json.js'
import type {Severity} from '../types.js'

const levels: Record<Severity, 'error' | 'warning' | 'note'> = {error: 'error', warning: 'warning', info: 'note'}

export function sarifReport(files: readonly VFile[]) {
  const rules = loadRules().rules
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]))
  const results = files.flatMap((vfile) => {
    const file = toJsonFile(vfile)
    return file.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? {ruleIndex: ruleIndex.get(message.ruleId)} : {}),
      level: levels[message.severity],
      message: {text: message.reason + (message.expected[0] ? ` ${file.language === 'nl' ? 'Beter' : 'Instead'}: ${message.expected[0]}` : '')},
      locations: [
        {
          physicalLocation: {
            artifactLocation: {uri: encodeURI(file.path.replace(/\\/g, '/'))},
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn
            }
          }
        }
      ],
      properties: {category: message.category, subtype: message.subtype, ...(message.part ? {part: message.part} : {})}
    }))
  })
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
            rules: rules.map((rule) => ({
              id: rule.id,
              shortDescription: {text: rule.message.en ?? rule.message.nl ?? rule.id},
              fullDescription: {text: rule.docs},
              helpUri: rule.url,
              defaultConfiguration: {level: levels[rule.severity]},
              properties: {category: rule.category, ...(rule.subtype ? {subtype: rule.subtype} : {})}
            }))
          }
        },
        results
      }
    ]
  }
}
