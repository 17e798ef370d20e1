/** The last line: files, errors, warnings, infos and the average ESP score. */
import {Text} from 'ink'
import type {ReportSummary} from './model.js'
import {scoreColor} from './Bar.js'

export interface SummaryProps {
  summary: ReportSummary
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

export function Summary({summary}: SummaryProps) {
  const clean = summary.errors + summary.warnings + summary.infos === 0
  return (
    <Text wrap="wrap">
      <Text bold>{count(summary.files, 'file', 'files')}</Text>
      {' · '}
      <Text color={summary.errors > 0 ? 'red' : undefined}>{count(summary.errors, 'error', 'errors')}</Text>
      {' · '}
      <Text color={summary.warnings > 0 ? 'yellow' : undefined}>{count(summary.warnings, 'warning', 'warnings')}</Text>
      {' · '}
      <Text color={summary.infos > 0 ? 'blue' : undefined}>{count(summary.infos, 'info', 'infos')}</Text>
      {' · average ESP '}
      {summary.esp === null ? <Text dimColor>n/a</Text> : <Text bold color={scoreColor(summary.esp)}>{String(summary.esp)}</Text>}
      {clean ? <Text color="green">{'  ✓ no findings'}</Text> : null}
    </Text>
  )
}
