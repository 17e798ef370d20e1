/** One checked file: header with the scores, the findings, the score's evidence and suggestions. */
import {Box, Text} from 'ink'
import type {ReportFile} from './model.js'
import {FileHeader} from './FileHeader.js'
import {FindingView} from './FindingView.js'
import {displayWidth, truncate} from './clip.js'

export interface FileReportProps {
  file: ReportFile
  width: number
  colored: boolean
  /** How many evidence lines to show (default: 3). */
  evidenceLines?: number
}

export function FileReport({file, width, colored, evidenceLines = 3}: FileReportProps) {
  const evidence = [...file.evidence].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)).slice(0, evidenceLines)
  return (
    <Box flexDirection="column" marginBottom={1} width={width}>
      <FileHeader path={file.path} language={file.language} format={file.format} phase={file.phase} scores={file.scores} confidence={file.scoreConfidence} width={width} />
      {file.belowMinEsp ? (
        <Text wrap="wrap">
          <Text color="red" bold>
            {'✗ '}
          </Text>
          {file.belowMinEsp}
          <Text dimColor>{'  trouw/min-esp'}</Text>
        </Text>
      ) : null}
      {evidence.length > 0 ? (
        <Box flexDirection="column" marginLeft={2}>
          {evidence.map((item, index) => {
            const sign = item.delta > 0 ? '+' : ''
            const head = `${(sign + String(item.delta)).padStart(6)} ${item.component.padEnd(15)} `
            const text = item.text.replace(/\s+/g, ' ').trim()
            return (
              <Text key={index} wrap="truncate-end">
                <Text color={item.delta > 0 ? 'green' : 'red'}>{head}</Text>
                {`“${truncate(text, Math.max(8, width - head.length - 2 - displayWidth(item.why) - 4))}” `}
                <Text dimColor>{item.why}</Text>
              </Text>
            )
          })}
        </Box>
      ) : null}
      {file.findings.map((finding, index) => (
        <FindingView key={index} finding={finding} width={width} colored={colored} />
      ))}
      {file.suggestions.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{file.language === 'nl' ? 'Zo stijgt de ESP-score:' : 'To raise the ESP score:'}</Text>
          {file.suggestions.map((suggestion, index) => (
            <Box key={index} marginLeft={2} width={Math.max(10, width - 2)}>
              <Text>{'• '}</Text>
              <Box width={Math.max(8, width - 4)}>
                <Text wrap="wrap">{suggestion}</Text>
              </Box>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  )
}
