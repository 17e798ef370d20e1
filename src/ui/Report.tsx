/** The whole pretty report: every file, then the summary. */
import {Box} from 'ink'
import type {ReportModel} from './model.js'
import {FileReport} from './FileReport.js'
import {Summary} from './Summary.js'

export interface ReportProps {
  model: ReportModel
  /** Terminal width in columns. */
  width: number
  /** Whether the terminal shows colour (without it, carets mark spans). */
  colored: boolean
}

export function Report({model, width, colored}: ReportProps) {
  return (
    <Box flexDirection="column" width={width}>
      {model.files.map((file, index) => (
        <FileReport key={index} file={file} width={width} colored={colored} />
      ))}
      <Summary summary={model.summary} />
    </Box>
  )
}
