/**
 * The review screen, a pure function of the session's snapshot: the finding
 * with its source lines and the span highlighted, the reason, the suggestions
 * (the chosen one marked), the line as it would read after applying it, the
 * keys, and a line about the last action.
 */
import {Box, Text} from 'ink'
import type {ReviewSnapshot} from './review-session.js'
import {SourceSpan} from './SourceSpan.js'
import {severityColor} from './FindingView.js'
import {clipAround, displayWidth, displayable, truncate} from './clip.js'

export interface ReviewScreenProps {
  snapshot: ReviewSnapshot
  width: number
  /** Whether a re-check is running (keys wait). */
  busy: boolean
  colored: boolean
}

export function ReviewScreen({snapshot, width, busy, colored}: ReviewScreenProps) {
  const {findings, index, current} = snapshot
  const position = current ? `finding ${index + 1} of ${findings.length}` : `${findings.length} finding${findings.length === 1 ? '' : 's'}`
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-start">
        <Text bold>trouw review </Text>
        <Text underline>{snapshot.path}</Text>
      </Text>
      <Text wrap="truncate-end">
        <Text bold>{position}</Text>
        <Text dimColor>{`  ESP ${snapshot.esp} · ${snapshot.format} · ${snapshot.language}`}</Text>
        {snapshot.dirty ? <Text color="yellow">{'  ● modified'}</Text> : null}
      </Text>
      <Text dimColor>{'─'.repeat(Math.max(10, width))}</Text>
      {snapshot.mode === 'closed' ? null : snapshot.mode === 'confirm-quit' ? (
        <ConfirmQuit path={snapshot.path} />
      ) : current ? (
        <CurrentFinding snapshot={snapshot} width={width} colored={colored} />
      ) : (
        <Box flexDirection="column">
          <Text color="green">
            {findings.length === 0 ? 'No findings left in this file.' : 'No more findings after this point.'}
            {snapshot.applied > 0 ? ` ${snapshot.applied} change${snapshot.applied === 1 ? '' : 's'} made.` : ''}
          </Text>
          <Text dimColor wrap="wrap">
            {(snapshot.dirty ? 'w save · ' : '') + (snapshot.canUndo ? 'u undo · ' : '') + (index > 0 ? '← back · ' : '') + 'q quit'}
          </Text>
        </Box>
      )}
      {snapshot.mode === 'closed' ? null : (
        <Text wrap="truncate-end" color={busy ? 'cyan' : undefined} dimColor={!busy}>
          {busy ? 'checking…' : snapshot.notice ?? ' '}
        </Text>
      )}
    </Box>
  )
}

function ConfirmQuit({path}: {path: string}) {
  return (
    <Box flexDirection="column">
      <Text bold wrap="wrap">{`Save the changes to ${path}?`}</Text>
      <Text>
        <Text bold>y</Text> save and quit · <Text bold>n</Text> quit without saving · <Text bold>esc</Text> go back
      </Text>
    </Box>
  )
}

function CurrentFinding({snapshot, width, colored}: {snapshot: ReviewSnapshot; width: number; colored: boolean}) {
  const current = snapshot.current!
  const color = severityColor[current.severity]
  const textWidth = Math.max(10, width - 2)
  const keys = [
    current.suggestions.length > 0 ? 'a/enter apply' : '',
    current.suggestions.length > 1 ? `1-${current.suggestions.length} choose` : '',
    's/→ skip',
    snapshot.index > 0 ? '← back' : '',
    snapshot.canIgnore ? 'i ignore rule here' : '',
    snapshot.canUndo ? 'u undo' : '',
    'w save',
    'q quit'
  ].filter(Boolean)
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end">
        <Text color={color} bold>
          {current.severity}
        </Text>
        {'  '}
        <Text bold>{current.ruleId}</Text>
        <Text dimColor>{`  line ${current.line}, column ${current.column}`}</Text>
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {snapshot.context.filter(([number, line]) => number === current.line || line.trim() !== '').map(([number, line]) =>
          number === current.line ? (
            <SourceSpan
              key={number}
              lineNumber={number}
              line={line}
              start={current.column - 1}
              end={current.endLine > current.line ? line.length : current.endColumn - 1}
              continues={current.endLine > current.line}
              width={width}
              color={color}
              colored={colored}
            />
          ) : (
            <Text key={number} dimColor wrap="truncate-end">
              {String(number).padStart(5) + ' │ ' + truncate(displayable(line), Math.max(10, width - 8))}
            </Text>
          )
        )}
      </Box>
      <Box marginTop={1} width={textWidth}>
        <Text wrap="wrap">{current.reason}</Text>
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {current.suggestions.length === 0 ? (
          <Text dimColor>No fix for this one: rewrite it by hand, skip it or ignore it.</Text>
        ) : (
          current.suggestions.map((suggestion, choice) => (
            <Text key={choice} wrap="truncate-end" color={choice === snapshot.choice ? 'green' : undefined} bold={choice === snapshot.choice}>
              {(choice === snapshot.choice ? ' ▸ ' : '   ') + `${choice + 1}  ` + (current.kinds[choice] === 'suggestion' ? 'rewrite: ' : '') + (suggestion === '' ? '(remove it)' : suggestion)}
            </Text>
          ))
        )}
        {current.note ? (
          <Box width={textWidth}>
            <Text dimColor wrap="wrap">
              {'ⓘ ' + current.note}
            </Text>
          </Box>
        ) : null}
      </Box>
      {snapshot.preview ? <PreviewLine preview={snapshot.preview} width={width} colored={colored} /> : null}
      <Box marginTop={1} width={textWidth}>
        <Text dimColor wrap="wrap">
          {keys.join(' · ')}
        </Text>
      </Box>
    </Box>
  )
}

function PreviewLine({preview, width, colored}: {preview: NonNullable<ReviewSnapshot['preview']>; width: number; colored: boolean}) {
  const line = preview.before + preview.inserted + preview.after
  const start = preview.before.length
  const parts = clipAround(line, start, start + preview.inserted.length, Math.max(10, width - 8))
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text dimColor>After:</Text>
      <Text wrap="truncate-end">
        {'      '}
        {parts.before}
        <Text color="green" underline>
          {parts.span || (preview.inserted === '' ? '' : ' ')}
        </Text>
        {parts.after}
      </Text>
      {colored ? null : <Text>{'      ' + ' '.repeat(displayWidth(parts.before)) + '+'.repeat(Math.max(1, displayWidth(parts.span)))}</Text>}
      {preview.replaced !== null ? (
        <Text dimColor wrap="truncate-end">
          {'      rewrites the sentence “' + truncate(preview.replaced.replace(/\s+/g, ' ').trim(), Math.max(10, width - 32)) + '”'}
        </Text>
      ) : null}
    </Box>
  )
}
