/** One score as a bar: `warmth          ████████░░░░  52`. */
import {Text} from 'ink'

export interface BarProps {
  label: string
  value: number
  /** Width of the bar itself in columns. */
  width: number
  /** Width the label is padded to. */
  labelWidth: number
}

/** Green from 70, yellow from 40, red below. */
export function scoreColor(value: number): string {
  return value >= 70 ? 'green' : value >= 40 ? 'yellow' : 'red'
}

export function Bar({label, value, width, labelWidth}: BarProps) {
  const clamped = Math.max(0, Math.min(100, value))
  const filled = Math.round((clamped / 100) * width)
  return (
    <Text>
      {label.padEnd(labelWidth)}
      <Text color={scoreColor(clamped)}>{'█'.repeat(filled)}</Text>
      <Text dimColor>{'░'.repeat(width - filled)}</Text>
      {' ' + String(Math.round(clamped)).padStart(3)}
    </Text>
  )
}
