/**
 * The one place that builds trouw's messages. Every finding of every rule
 * kind, and every spelling mistake, becomes a `VFileMessage` here, with the
 * same fields: ruleId, source, category, subtype, severity, reason, actual,
 * expected, url (and part, for `.eml`).
 */
import {shorten} from './text-util.js'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import type {JsonMessage, Language, MessageCategory, PartName, Severity} from './types.js'

export interface MessageInput {
  ruleId: string
  category: MessageCategory
  subtype?: string
  severity: Severity
  /** Why, in one sentence, without the quoted text (it is added). */
  explanation: string
  actual: string
  /** Replacements; `[]` when there is no fix, `['']` to remove. */
  expected: string[]
  url: string
  place: Position
  /** Extra words: which signal fired. */
  detail?: string
  /** Longer note for docs-style output (hover, explain). */
  note?: string
}

declare module 'vfile-message' {
  interface VFileMessage {
    category?: MessageCategory
    subtype?: string
    severity?: Severity
    part?: PartName
  }
}

/** Shorten long quoted text so reasons stay one line. */
function quote(actual: string): string {
  const flat = actual.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? shorten(flat, 58) : flat
}

/** The reason: the quoted text, then the explanation; a message about no span in particular (a notice) quotes nothing. */
export function reasonFor(actual: string, explanation: string, detail?: string): string {
  const quoted = quote(actual)
  const said = `${explanation}${detail ? ` (${detail})` : ''}`
  return quoted === '' ? said.charAt(0).toUpperCase() + said.slice(1) : `\`${quoted}\`: ${said}`
}

export function createMessage(file: VFile, input: MessageInput): VFileMessage {
  // A VFileMessage is an Error: its constructor captures a stack trace that
  // vfile-message then replaces with ''. Capturing none is most of the cost
  // of a message.
  const stackTraceLimit = Error.stackTraceLimit
  Error.stackTraceLimit = 0
  let message: VFileMessage
  try {
    message = file.message(reasonFor(input.actual, input.explanation, input.detail), {
      place: input.place,
      ruleId: input.ruleId,
      source: 'trouw'
    })
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  message.category = input.category
  message.subtype = input.subtype
  message.severity = input.severity
  message.actual = input.actual
  message.expected = input.expected
  message.url = input.url
  if (input.note) message.note = input.note
  setSeverity(message, input.severity)
  return message
}

/** Change a message's severity (config overrides) keeping `fatal` in step. */
export function setSeverity(message: VFileMessage, severity: Severity): void {
  message.severity = severity
  message.fatal = severity === 'error' ? true : severity === 'warning' ? false : undefined
}

/** Move a message to a new place (from block coordinates into the source). */
export function relocate(message: VFileMessage, place: Position, part?: PartName): void {
  message.place = place
  message.line = place.start.line
  message.column = place.start.column
  if (part) message.part = part
}

/** Messages in reading order: part, line, column, then rule id. */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    partRank(a.part) - partRank(b.part) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    String(a.ruleId).localeCompare(String(b.ruleId))
  )
}

// The preheader lives in the HTML (or MJML) source, so it sorts by line with it.
const partOrder: Record<string, number> = {subject: 0, preheader: 1, html: 1, text: 2}
function partRank(part: PartName | undefined): number {
  return part ? partOrder[part] : 1
}

/** The JSON shape of a message (DESIGN.md contract). */
export function toJsonMessage(message: VFileMessage): JsonMessage {
  const place = message.place
  const start: Point | undefined = place && 'start' in place ? place.start : (place as Point | undefined)
  const end: Point | undefined = place && 'end' in place ? place.end : start
  const json: JsonMessage = {
    ruleId: String(message.ruleId),
    category: message.category ?? 'spelling',
    subtype: message.subtype ?? null,
    severity: message.severity ?? (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'),
    reason: message.reason,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    url: message.url ?? ''
  }
  if (message.part) json.part = message.part
  if (message.note) json.note = message.note
  return json
}

export type {Language}
