/**
 * One finding in the report: `line:column  severity  rule-id`, the source
 * line with the span highlighted (for `.eml`, the line of the decoded part,
 * numbered as in the part, while the place is in the raw file; the flagged
 * text alone when no line is at hand), the reason, and the
 * suggestion.
 */
import {Box, Text} from 'ink'
import type {Severity} from '../types.js'
import type {ReportFinding} from './model.js'
import {SourceSpan} from './SourceSpan.js'
import {truncate} from './clip.js'

export interface FindingViewProps {
  finding: ReportFinding
  width: number
  colored: boolean
}

export const severityColor: Record<Severity, string> = {error: 'red', warning: 'yellow', info: 'blue'}

/** The suggestion to show: the first non-empty replacement, `remove it` for `['']`, or none. */
export function suggestionOf(expected: readonly string[]): string | undefined {
  if (expected.length === 0) return undefined
  const first = expected.find((item) => item.trim() !== '')
  return first ?? 'remove it'
}

export function FindingView({finding, width, colored}: FindingViewProps) {
  const color = severityColor[finding.severity]
  const suggestion = suggestionOf(finding.expected)
  const indent = 4
  const textWidth = Math.max(10, width - indent)
  const where = `${finding.line}:${finding.column}`
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text wrap="truncate-end">
        {'  '}
        <Text bold>{where}</Text>
        {'  '}
        <Text color={color} bold>
          {finding.severity}
        </Text>
        {'  '}
        <Text dimColor>{finding.ruleId}</Text>
        {finding.also ? <Text dimColor>{` (also ${finding.also.join(', ')})`}</Text> : null}
        {finding.part ? <Text dimColor>{`  [${finding.part}]`}</Text> : null}
      </Text>
      {finding.sourceLine !== null ? (
        <SourceSpan
          lineNumber={finding.inPart?.line ?? finding.line}
          line={finding.sourceLine}
          start={finding.spanStart}
          end={finding.spanEnd}
          continues={finding.continues}
          width={width}
          color={color}
          colored={colored}
        />
      ) : finding.actual ? (
        <Box marginLeft={indent}>
          <Text wrap="truncate-end">
            {'“'}
            <Text inverse color={color} bold>
              {truncate(finding.actual.replace(/\s+/g, ' ').trim(), textWidth - 2)}
            </Text>
            {'”'}
          </Text>
        </Box>
      ) : null}
      <Box marginLeft={indent} width={textWidth}>
        <Text wrap="wrap">{finding.reason}</Text>
      </Box>
      {suggestion ? (
        <Box marginLeft={indent} width={textWidth}>
          <Text wrap="wrap" color="green">
            {'→ ' + suggestion}
          </Text>
        </Box>
      ) : finding.note ? (
        <Box marginLeft={indent} width={textWidth}>
          <Text wrap="wrap" dimColor>
            {'ⓘ ' + finding.note}
          </Text>
        </Box>
      ) : null}
    </Box>
  )
}
