/**
 * A file's header: path, language, format and phase; the ESP score and its
 * five components as bars that fit the width. Narrow terminals get the
 * numbers on one line instead of bars.
 */
import {Box, Text} from 'ink'
import type {PhaseGuess, Scores} from '../types.js'
import {Bar, scoreColor} from './Bar.js'
import {components} from './model.js'
import {confidenceNote, unsureBelow} from '../score/formula.js'

export interface FileHeaderProps {
  path: string
  language: string
  format: string
  phase: PhaseGuess | null
  scores: Scores
  /** How sure the score is, 0–1; absent: not said. */
  confidence?: number
  width: number
}

/** Below this width the components are numbers on one line. */
export const compactWidth = 50

const labelWidth = 'distinctiveness'.length + 2

export function FileHeader({path, language, format, phase, scores, confidence, width}: FileHeaderProps) {
  const about = [language, format, phase ? `phase ${phase.name} (${Math.round(phase.confidence * 100)}%)` : 'phase unclear'].join(' · ')
  const compact = width < compactWidth
  const barWidth = Math.max(10, Math.min(40, width - labelWidth - 4 - 2))
  return (
    <Box flexDirection="column">
      <Text wrap="wrap">
        <Text bold underline>
          {path}
        </Text>
        <Text dimColor>{'  ' + about}</Text>
      </Text>
      <Text>
        <Text bold>ESP </Text>
        <Text bold color={scoreColor(scores.esp)}>
          {String(scores.esp)}
        </Text>
        <Text dimColor>{' / 100'}</Text>
        {confidence === undefined ? null : (
          <Text color={confidence < unsureBelow ? 'yellow' : undefined} dimColor={confidence >= unsureBelow}>
            {'  ' + confidenceNote(confidence)}
          </Text>
        )}
      </Text>
      {compact ? (
        <Text wrap="wrap">{components.map((name) => `${name} ${scores[name]}`).join(', ')}</Text>
      ) : (
        <Box flexDirection="column" marginLeft={2}>
          {components.map((name) => (
            <Bar key={name} label={name} value={scores[name]} width={barWidth} labelWidth={labelWidth} />
          ))}
        </Box>
      )}
    </Box>
  )
}
