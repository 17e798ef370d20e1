/**
 * Editing copy: applying a finding's suggestion to the source text, and
 * inserting an inline `<!--trouw ignore rule-id-->` control before the block
 * a finding is in. Pure functions of text and offsets; `trouw review` checks
 * the new text again afterwards instead of shifting positions by hand.
 *
 * A suggestion is either a replacement of the flagged span (`"THRILLED"` →
 * `"thrilled"`, a spelling fix) or a rewrite of the whole sentence (`"You can
 * cancel every month."` for the span `minimum term`): a suggestion that reads
 * as a sentence (a capital first, a full stop last) for a span that does not
 * replaces the sentence the span is in.
 */
import type {Block, FormatName} from './types.js'
import {copyRuns} from './text-util.js'

/** A span of the source: 0-based offsets, end exclusive. */
export interface Span {
  offset: number
  endOffset: number
}

/** One edit of the source text. */
export interface Edit {
  /** 0-based offsets into the text, end exclusive. */
  start: number
  end: number
  /** The text that takes the place of `start..end`. */
  insert: string
}

/** What `planSuggestion` needs to know of a finding. */
export interface FixTarget extends Span {
  /** The flagged text as the engine read it. */
  actual: string
  /** The sentence the span is in, if known: a sentence rewrite replaces it. */
  sentence?: Span | null | undefined
}

export interface FixOptions {
  /** The markup of the text: HTML and MJML get `&`, `<` and `>` escaped (default: `text`). */
  format?: FormatName | null
}

const sentenceStart = /^[\p{Lu}\p{N}"'‘“¡¿]/u
const sentenceEnd = /[.!?…]["'’”)\]]*$/u

/** Whether a text reads as a whole sentence: a capital (or digit, quote) first, terminal punctuation last. */
export function isSentence(text: string): boolean {
  const trimmed = text.trim()
  return sentenceStart.test(trimmed) && sentenceEnd.test(trimmed)
}

/** Escape text for the markup it goes into; `inAttribute` also escapes double quotes. */
export function escapeFor(format: FormatName | null | undefined, text: string, inAttribute = false): string {
  if (format === 'html' || format === 'mjml') {
    const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    return inAttribute ? escaped.replace(/"/g, '&quot;') : escaped
  }
  return text
}

/** Whether `offset` is inside a tag (an attribute's value, such as `alt="…"`) rather than in text. */
function insideTag(text: string, offset: number): boolean {
  return text.lastIndexOf('<', offset - 1) > text.lastIndexOf('>', offset - 1)
}

/**
 * The edit that applies `suggestion` to `target` in `text`: the span, or the
 * whole sentence for a sentence rewrite of a shorter span. An empty suggestion
 * removes the span (and one space next to it). A replacement of a span that
 * starts with a capital starts with a capital too.
 */
export function planSuggestion(text: string, target: Readonly<FixTarget>, suggestion: string, options?: Readonly<FixOptions> | null): Edit {
  const format = options?.format ?? 'text'
  const inAttribute = (format === 'html' || format === 'mjml') && insideTag(text, target.offset)
  let start = target.offset
  let end = target.endOffset
  if (suggestion === '') {
    // Remove the span and one neighbouring space, so no double space remains.
    if (text[end] === ' ' && (start === 0 || /\s/.test(text[start - 1]))) end++
    else if (text[start - 1] === ' ') start--
    return {start, end, insert: ''}
  }
  const sentence = target.sentence
  if (sentence && isSentence(suggestion) && !isSentence(target.actual) && sentence.offset <= start && sentence.endOffset >= end) {
    const range = trimRange(text, sentence.offset, sentence.endOffset)
    return {start: range.start, end: range.end, insert: escapeFor(format, suggestion.trim(), inAttribute)}
  }
  let insert = suggestion
  const first = text.slice(start, end).trimStart()[0] ?? ''
  if (first && first !== first.toLowerCase() && /^\p{Ll}/u.test(insert) && !/^\p{Lu}{2}/u.test(text.slice(start, end).trimStart())) {
    insert = insert[0].toUpperCase() + insert.slice(1)
  }
  return {start, end, insert: escapeFor(format, insert, inAttribute)}
}

/** Apply an edit. */
export function applyEdit(text: string, edit: Readonly<Edit>): string {
  return text.slice(0, edit.start) + edit.insert + text.slice(edit.end)
}

/** Shrink `start..end` to leave out white space at either end. */
function trimRange(text: string, start: number, end: number): {start: number; end: number} {
  while (start < end && /\s/.test(text[start])) start++
  while (end > start && /\s/.test(text[end - 1])) end--
  return {start, end}
}

/** Formats with inline control comments: Markdown, HTML and MJML. */
export function canIgnoreInline(format: FormatName): boolean {
  return format === 'markdown' || format === 'html' || format === 'mjml'
}

/** The inline control that makes trouw skip `ruleId` in the next block. */
export function ignoreComment(ruleId: string): string {
  return `<!--trouw ignore ${ruleId}-->`
}

/**
 * The edit that inserts `<!--trouw ignore ruleId-->` before the block of copy
 * that `offset` is in, so the finding (and that rule in that block) goes away.
 * `blocks` are the format layer's blocks of `text` (`extract()`); blocks that
 * follow each other with only white space between them are one block, as
 * inline control sees them. Returns `undefined` when there is no safe place
 * (not Markdown, HTML or MJML; no block at `offset`; inside a Markdown table).
 *
 * - HTML and MJML: right before the block's first character, or before the
 *   tag when the copy is an attribute (`alt="…"`);
 * - Markdown: on its own line before a paragraph or heading; for a list item
 *   or block quote, after the marker, with the copy moved to a continuation
 *   line (`- <!--…-->` / `  copy`), so the list stays one list.
 */
export function planIgnore(text: string, format: FormatName, blocks: readonly Block[], offset: number, ruleId: string): Edit | undefined {
  if (!canIgnoreInline(format)) return undefined
  const start = blockStartAt(text, blocks, offset)
  if (start === undefined) return undefined
  const comment = ignoreComment(ruleId)
  if (format === 'markdown') return planMarkdownIgnore(text, start, comment)
  // HTML, MJML: inside a tag (an attribute's copy), go before the tag.
  const at = insideTag(text, start) ? text.lastIndexOf('<', start - 1) : start
  return {start: at, end: at, insert: comment}
}

function planMarkdownIgnore(text: string, start: number, comment: string): Edit | undefined {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const prefix = text.slice(lineStart, start)
  // Keep the file's line endings.
  const eol = text.includes('\r\n') ? '\r\n' : '\n'
  if (/^[ \t]*$/.test(prefix)) {
    return {start: lineStart, end: lineStart, insert: prefix + comment + eol}
  }
  if (/^[ \t]*#{1,6}[ \t]+$/.test(prefix)) {
    const indent = /^[ \t]*/.exec(prefix)![0]
    return {start: lineStart, end: lineStart, insert: indent + comment + eol}
  }
  // List items and block quotes: keep the container, move the copy to a continuation line.
  if (/^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t]*)+$/.test(prefix)) {
    const continuation = prefix.replace(/[-*+]|\d{1,9}[.)]/g, (marker) => ' '.repeat(marker.length))
    return {start, end: start, insert: comment + eol + continuation}
  }
  return undefined
}

/**
 * Where the run of copy that `offset` is in starts: blocks of the `file`
 * source merged when only white space with at most one line break separates
 * them (as `src/control.ts` merges them).
 */
function blockStartAt(text: string, blocks: readonly Block[], offset: number): number | undefined {
  const runs = copyRuns(text, blocks, 'file')
  for (const [index, [start, end]] of runs.entries()) {
    // The last run also takes an offset at its very end.
    if (offset >= start && (offset < end || (index === runs.length - 1 && offset === end))) return start
  }
  return undefined
}

