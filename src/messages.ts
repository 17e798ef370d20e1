/**
 * The one place that builds trouw's messages. Every finding of every rule
 * kind, and every spelling mistake, becomes a `VFileMessage` here, with the
 * same fields: ruleId, source, category, subtype, severity, reason, actual,
 * expected (fixes), suggestions, note (advice), url (and part, for `.eml`).
 *
 * Every rewrite passes the fact guard here (`src/rewrite/fact-guard.ts`):
 * a fix or a suggestion that would add a number, a date, a name, an amount
 * or a promise, drop a merge tag or a link, or leave mask filler, is not
 * offered (`refused` keeps what was held back, for measurement).
 */
import {compareIds, shorten} from './text-util.js'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Point, Position} from 'unist'
import type {FormatName, JsonMessage, JsonSuggestion, Language, MessageCategory, PartName, Severity} from './types.js'
import {guardRewrite} from './rewrite/fact-guard.js'
import {editsOf, fixedSentence} from './fix.js'

export interface MessageInput {
  ruleId: string
  category: MessageCategory
  subtype?: string
  severity: Severity
  /** Why, in one sentence, without the quoted text (it is added). */
  explanation: string
  actual: string
  /** Fixes: replacements of exactly `actual`; `[]` when there is no fix, `['']` to remove. */
  expected: string[]
  /** Sentence rewrites with a title: never preferred, never applied in bulk (default: none). */
  suggestions?: Suggestion[]
  /** The sentence the span is in: what the fact guard compares a rewrite with (default: no guard, no suggestions). */
  sentence?: SentenceContext
  url: string
  place: Position
  /** Extra words: which signal fired. */
  detail?: string
  /** Advice: what to do and why, with an example marked as one (placeholders for the copy's facts). */
  note?: string
}

/** A rewrite of the whole sentence, offered by title. */
export interface Suggestion {
  title: string
  text: string
}

/** The sentence a finding is in, as written (syntax unmasked). */
export interface SentenceContext {
  lang: Language
  /** The sentence's text. */
  text: string
  /** Where the flagged span is in `text`. */
  spanStart: number
  spanEnd: number
  /** Where the sentence is (a suggestion replaces it). */
  place: Position
}

declare module 'vfile-message' {
  interface VFileMessage {
    category?: MessageCategory
    subtype?: string
    severity?: Severity
    part?: PartName
    /** For `.eml`: the other body parts that hold the same finding (reported once, in `part`). */
    alsoIn?: PartName[]
    /** Other rules of the same category and subtype that caught this span, or a part of it (reported once, see `oncePerSpan`). */
    also?: string[]
    /**
     * For `.eml`: where the finding is in the raw message (`place` stays in
     * the decoded part), how that range holds its words, and the raw range of
     * its sentence (what a suggestion replaces). Every report shows these.
     */
    raw?: {place: Position; located: 'words' | 'encoded' | 'part'; sentence?: Position}
    /** Sentence rewrites (see `Suggestion`); they replace `sentencePlace`. */
    suggestions?: Suggestion[]
    sentencePlace?: Position
    /** Rewrites the fact guard held back, with why. */
    refused?: Array<{text: string; problems: string[]}>
  }
}

/** Shorten long quoted text so reasons stay one line. */
function quote(actual: string): string {
  const flat = actual.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? shorten(flat, 58) : flat
}

/**
 * The detail of a learned finding (`src/kinds/learned.ts`): that a model
 * suspects it, how sure it is, and the words that weighed most, so a reader
 * can judge the guess: "learned model, 83 %: weighed “after all”, “you”".
 */
export function learnedDetail(lang: Language, probability: number, words: readonly string[]): string {
  const percent = Math.round(probability * 100)
  const quoted = words.map((word) => `“${word}”`).join(', ')
  if (lang === 'nl') return `geleerd model, ${percent} % zeker${quoted ? `; woog het zwaarst: ${quoted}` : ''}`
  return `learned model, ${percent} % sure${quoted ? `; weighed most: ${quoted}` : ''}`
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
  const context = input.sentence
  if (context) {
    const refused: Array<{text: string; problems: string[]}> = []
    const pass = (after: string): boolean => {
      const verdict = guardRewrite({lang: context.lang, before: context.text, after})
      if (!verdict.ok) refused.push({text: after, problems: verdict.problems})
      return verdict.ok
    }
    // A fix that changes nothing is no fix.
    message.expected = input.expected.filter((fix) => fix !== input.actual && pass(fixedSentence(context.text, context.spanStart, context.spanEnd, fix)))
    const fixed = new Set(message.expected.map((fix) => fixedSentence(context.text, context.spanStart, context.spanEnd, fix).trim()))
    const suggestions = (input.suggestions ?? []).filter((suggestion) => suggestion.text.trim() !== context.text.trim() && !fixed.has(suggestion.text.trim()) && pass(suggestion.text))
    if (suggestions.length > 0) {
      message.suggestions = suggestions
      message.sentencePlace = context.place
    }
    if (refused.length > 0) message.refused = refused
  } else {
    message.expected = input.expected
    if (input.suggestions?.length) message.suggestions = input.suggestions
  }
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
export function relocate(message: VFileMessage, place: Position, part?: PartName, sourceLength?: number): void {
  if (sourceLength !== undefined) assertPlace(place, sourceLength, message.ruleId)
  message.place = place
  message.line = place.start.line
  message.column = place.start.column
  if (part) message.part = part
}

/**
 * The invariant every placed message keeps: its offsets are inside the text
 * it points into (`0 <= start <= end <= length`). A place outside is a bug
 * in trouw (an editor would underline past the end, a fix would cut the
 * wrong text), so it fails loudly here, where messages are placed, instead
 * of far away where a report or a fix uses it.
 */
export function assertPlace(place: Position, length: number, ruleId?: string | null): void {
  const start = place.start.offset
  const end = place.end.offset
  if (start === undefined || end === undefined) return
  if (start < 0 || start > end || end > length) {
    throw new Error(`trouw bug: ${ruleId ?? 'a message'} placed at offsets ${start}-${end}, outside the text of ${length} characters`)
  }
}

const severityRank: Record<string, number> = {error: 3, warning: 2, info: 1}

/**
 * One finding per span: when two rules of one category and subtype catch the same words
 * (rapture and projection-idiom on "jumped for joy", low-stock and
 * stock-count on "only a handful left"), or one's span lies inside the
 * other's (stock-price in superlative-any), the report shows one finding, of
 * the outer span, naming the other rules in `also`. It keeps the higher
 * severity of the two (the gate sees what it saw before) and prefers a
 * finding with a fix over one without. The score was made before this, from
 * every finding (it counts one act in one sentence once itself). Different
 * categories or subtypes on one span are different issues (a lock-in and a
 * penalty in one clause) and stay apart.
 */
export function oncePerSpan(messages: VFileMessage[]): VFileMessage[] {
  if (messages.length < 2) return messages
  const spans = messages.map((message, index) => {
    const place = message.place && 'start' in message.place ? message.place : undefined
    const start = place?.start.offset
    return {message, index, start: start ?? -1, end: place?.end.offset ?? start ?? -1}
  })
  const order = spans.filter((span) => span.start >= 0 && span.message.category !== 'notice')
  order.sort((a, b) => partRank(a.message.part) - partRank(b.message.part) || compareIds(String(a.message.part ?? ''), String(b.message.part ?? '')) || a.start - b.start || b.end - a.end || a.index - b.index)
  const open = new Map<string, {end: number; kept: VFileMessage}>()
  const dropped = new Set<VFileMessage>()
  for (const span of order) {
    const key = `${span.message.part ?? ''}\u0000${span.message.category}\u0000${span.message.subtype ?? ''}`
    const cover = open.get(key)
    if (!cover || span.start >= cover.end) {
      open.set(key, {end: span.end, kept: span.message})
      continue
    }
    // Inside or across the span kept for this category: one finding. The one
    // with a fix is kept; else the one inside stays folded into the outer one,
    // and of two that cross, the longer.
    let kept = cover.kept
    let other = span.message
    const crosses = span.end > cover.end
    if (crosses && span.end - span.start > lengthOf(kept)) [kept, other] = [other, kept]
    if ((other.expected?.length ?? 0) > 0 && (kept.expected?.length ?? 0) === 0) [kept, other] = [other, kept]
    cover.kept = kept
    cover.end = Math.max(cover.end, span.end)
    dropped.add(other)
    const also = (kept.also ??= [])
    for (const id of [String(other.ruleId), ...(other.also ?? [])]) if (id !== kept.ruleId && !also.includes(id)) also.push(id)
    if ((severityRank[other.severity ?? ''] ?? 0) > (severityRank[kept.severity ?? ''] ?? 0)) setSeverity(kept, other.severity!)
  }
  return dropped.size === 0 ? messages : messages.filter((message) => !dropped.has(message))
}

function lengthOf(message: VFileMessage): number {
  const place = message.place && 'start' in message.place ? message.place : undefined
  return (place?.end.offset ?? 0) - (place?.start.offset ?? 0)
}

/** Messages in reading order: part, line, column, then rule id. */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    partRank(a.part) - partRank(b.part) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    compareIds(String(a.ruleId), String(b.ruleId))
  )
}

// The preheader lives in the HTML (or MJML) source, so it sorts by line with it.
const partOrder: Record<string, number> = {subject: 0, preheader: 1, html: 1, text: 2}
function partRank(part: PartName | undefined): number {
  return part ? partOrder[part] : 1
}

/** The JSON shape of a message (DESIGN.md contract). An `.eml` finding is placed in the raw file, with its place in the decoded part as `inPart`. */
export function toJsonMessage(message: VFileMessage, source?: {text: string; format?: FormatName}): JsonMessage {
  const place = message.raw?.place ?? message.place
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
    suggestions: jsonSuggestions(message),
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    url: message.url ?? ''
  }
  if (message.part) json.part = message.part
  if (message.raw) {
    json.located = message.raw.located
    const inPart = message.place && 'start' in message.place ? message.place : undefined
    if (inPart) json.inPart = {line: inPart.start.line, column: inPart.start.column, endLine: inPart.end.line, endColumn: inPart.end.column}
  }
  if (message.alsoIn) json.alsoIn = message.alsoIn
  if (message.also) json.also = message.also
  if (message.note) json.note = message.note
  // The edits that apply each fix and suggestion to the source (not for an `.eml` part: its positions are in the decoded part).
  const offset = start?.offset
  const endOffset = end?.offset
  if (source && !message.part && offset !== undefined && endOffset !== undefined && (json.expected.length > 0 || json.suggestions.length > 0)) {
    const sentence = message.sentencePlace
    json.edits = editsOf(source.text, {
      offset,
      endOffset,
      actual: json.actual,
      expected: json.expected,
      suggestions: message.suggestions,
      sentence: sentence?.start.offset !== undefined && sentence.end.offset !== undefined ? {offset: sentence.start.offset, endOffset: sentence.end.offset} : undefined
    }, {format: source.format === 'eml' ? 'text' : source.format})
  }
  return json
}

/** A message's suggestions with the range each replaces (the sentence). */
function jsonSuggestions(message: VFileMessage): JsonSuggestion[] {
  const place = message.raw ? message.raw.sentence : message.sentencePlace
  if (!message.suggestions || !place) return []
  return message.suggestions.map((suggestion) => ({
    title: suggestion.title,
    text: suggestion.text,
    line: place.start.line,
    column: place.start.column,
    endLine: place.end.line,
    endColumn: place.end.column
  }))
}

export type {Language}
