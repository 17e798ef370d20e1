/**
 * A source line with a span highlighted (inverse and coloured), clipped to
 * the width; without colour, a line of `^` under the span shows it.
 */
import {Box, Text} from 'ink'
import {clipAround, displayWidth} from './clip.js'

export interface SourceSpanProps {
  /** The line number shown in the gutter. */
  lineNumber: number
  line: string
  /** 0-based columns on `line`, end exclusive. */
  start: number
  end: number
  /** Whether the span goes on past this line (drawn as `…` after it). */
  continues?: boolean
  /** Columns for the whole row, gutter included. */
  width: number
  /** The highlight's colour. */
  color: string
  /** Whether the terminal shows colour; without it, carets mark the span. */
  colored: boolean
}

export function SourceSpan({lineNumber, line, start, end, continues, width, color, colored}: SourceSpanProps) {
  const gutter = String(lineNumber).padStart(5) + ' │ '
  const parts = clipAround(line, start, end, Math.max(10, width - gutter.length))
  const caretGutter = ' '.repeat(gutter.length - 2) + '│ '
  const caretLength = Math.max(1, displayWidth(parts.span))
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text dimColor>{gutter}</Text>
        {parts.before}
        <Text inverse color={color} bold>
          {parts.span || ' '}
        </Text>
        {parts.after}
        {continues ? <Text dimColor>{' …'}</Text> : null}
      </Text>
      {colored ? null : (
        <Text wrap="truncate-end">
          {caretGutter}
          {' '.repeat(displayWidth(parts.before))}
          {'^'.repeat(caretLength)}
        </Text>
      )}
    </Box>
  )
}
