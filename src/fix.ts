/**
 * The one place that applies trouw's rewrites to a text, and inserts an
 * inline `<!--trouw ignore rule-id-->` control before the block a finding is
 * in. Pure functions of text and offsets: the CLI (`review`, `--fix`), the
 * language server and the playground all apply fixes through here, and the
 * engine's fact guard (`src/rewrite/fact-guard.ts`) judges a fix by the
 * sentence this module makes of it.
 *
 * Two kinds of rewrite (DESIGN.md, "Rewrites"):
 * - a **fix** (`expected`) replaces exactly the flagged span: `planFix`. An
 *   empty fix removes the span and leaves a sane sentence: the space next to
 *   it goes, and a pressure wrapper's own punctuation ("Only today: …",
 *   "… – hurry!") with it; a capital that started the sentence moves on to
 *   the word that now starts it.
 * - a **suggestion** replaces the whole sentence the span is in, with its own
 *   range: `planRewrite`. Never applied in bulk.
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

/** What `planFix` needs to know of a finding. */
export interface FixTarget extends Span {
  /** The flagged text as the engine read it. */
  actual?: string
}

export interface FixOptions {
  /** The markup of the text: HTML and MJML get `&`, `<` and `>` escaped (default: `text`). */
  format?: FormatName | null
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

/** Punctuation that ties a wrapper to the rest of its sentence: "Only today:", "Hurry!", "– act now". */
const wrapperAfter = /^[ \t]*(?:[:!,;]+|[–—-](?=\s))?[ \t]*/
const wrapperBefore = /[ \t]*(?:[,;:]|\s[–—-])?[ \t]*$/
const lineStart = /(?:^|[\n.!?…>]["'’”)\]]*[ \t]*|^[ \t]*[-*•>][ \t]*|="[ \t]*)$/u

/**
 * The text before `offset`, as far back as `lineStart` and `wrapperBefore`
 * look: a regular expression anchored at the end tries every start in the
 * string, so testing the whole text before each finding made a check
 * quadratic in the file's size (a 4 MB file spent 70 % of its time here).
 * A cut prefix starts with a letter, so `^` cannot match at the cut.
 */
function textBefore(text: string, offset: number): string {
  return offset <= 256 ? text.slice(0, offset) : 'x' + text.slice(offset - 256, offset)
}

/**
 * The edit that puts `fix` in place of `target` in `text` (a fix: exactly
 * the span). An empty fix removes the span with what held it to the rest of
 * the sentence (see the module comment). A replacement of a span that
 * starts with a capital starts with a capital too.
 */
export function planFix(text: string, target: Readonly<FixTarget>, fix: string, options?: Readonly<FixOptions> | null): Edit {
  const format = options?.format ?? 'text'
  const inAttribute = (format === 'html' || format === 'mjml') && insideTag(text, target.offset)
  const start = target.offset
  const end = target.endOffset
  if (fix === '') return planRemoval(text, start, end)
  let insert = fix
  const first = text.slice(start, end).trimStart()[0] ?? ''
  // A capital that starts a sentence stays; a name's capital ("I", "Anna") is not passed on.
  const startsSentence = lineStart.test(textBefore(text, start))
  if (startsSentence && first && first !== first.toLowerCase() && /^\p{Ll}/u.test(insert) && !/^\p{Lu}{2}/u.test(text.slice(start, end).trimStart())) {
    insert = insert[0].toUpperCase() + insert.slice(1)
  }
  return {start, end, insert: escapeFor(format, insert, inAttribute)}
}

/** Remove `start..end` and what tied it to its sentence, keeping the sentence's capital and end. */
function planRemoval(text: string, start: number, end: number): Edit {
  const before = textBefore(text, start)
  const atStart = lineStart.test(before)
  if (atStart) {
    // "Only today: 20% off." → "20% off."; the next word takes the capital.
    const after = wrapperAfter.exec(text.slice(end))![0]
    end += after.length
    const next = text.slice(end)
    const capital = /^[ \t]*\p{Ll}/u.test(next) && /\p{Lu}/u.test(text.slice(start, start + 1))
    if (capital) {
      const at = end + /^[ \t]*/.exec(next)![0].length
      return {start, end: at + 1, insert: text.charAt(at).toUpperCase()}
    }
    return {start, end, insert: ''}
  }
  // "20% off – hurry!" → "20% off!"; "Save 20%, today only." → "Save 20%."
  const tie = wrapperBefore.exec(before)![0]
  const rest = text.slice(end)
  if (/^[ \t]*[.!?…]/.test(rest) || rest.trim() === '' || /^\s*\n/.test(rest)) {
    return {start: start - tie.length, end, insert: ''}
  }
  // In the middle: one space stays.
  if (text[end] === ' ' && (start === 0 || /\s/.test(text[start - 1]))) end++
  else if (text[start - 1] === ' ') start--
  return {start, end, insert: ''}
}

/** The edit that replaces the sentence `sentence` with `rewrite` (a suggestion). */
export function planRewrite(text: string, sentence: Readonly<Span>, rewrite: string, options?: Readonly<FixOptions> | null): Edit {
  const format = options?.format ?? 'text'
  const inAttribute = (format === 'html' || format === 'mjml') && insideTag(text, sentence.offset)
  const range = trimRange(text, sentence.offset, sentence.endOffset)
  return {start: range.start, end: range.end, insert: escapeFor(format, rewrite.trim(), inAttribute)}
}

/** The sentence `sentence` (a text) with `fix` in place of `start..end` (offsets in it): what the fact guard reads. */
export function fixedSentence(sentence: string, start: number, end: number, fix: string): string {
  return applyEdit(sentence, planFix(sentence, {offset: start, endOffset: end}, fix))
}

/** A fix or a suggestion of a finding as an edit of the source, with a title for a button or a code action. */
export interface TitledEdit extends Edit {
  kind: 'fix' | 'suggestion'
  title: string
}

/** What `editsOf` needs of a message: its span and rewrites, in source offsets. */
export interface Rewrites extends Span {
  actual: string
  expected: readonly string[]
  suggestions?: ReadonlyArray<{title: string; text: string}>
  /** The sentence a suggestion replaces. */
  sentence?: Span
}

function short(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat
}

/** Every fix (first) and suggestion of a finding as an edit of `text`: what the playground and the editor apply. */
export function editsOf(text: string, rewrites: Readonly<Rewrites>, options?: Readonly<FixOptions> | null): TitledEdit[] {
  const edits: TitledEdit[] = []
  const current = text.slice(rewrites.offset, rewrites.endOffset)
  for (const fix of new Set(rewrites.expected)) {
    if (fix === current) continue
    const edit = planFix(text, rewrites, fix, options)
    edits.push({...edit, kind: 'fix', title: fix === '' ? `Remove “${short(current)}”` : `Use “${short(fix)}”`})
  }
  if (rewrites.sentence) {
    for (const suggestion of rewrites.suggestions ?? []) {
      edits.push({...planRewrite(text, rewrites.sentence, suggestion.text, options), kind: 'suggestion', title: `${suggestion.title}: “${short(suggestion.text)}”`})
    }
  }
  return edits
}

/** Apply several edits that do not overlap (any order). */
export function applyEdits(text: string, edits: readonly Readonly<Edit>[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start)
  let out = text
  let limit = Infinity
  for (const edit of sorted) {
    if (edit.end > limit) continue
    out = applyEdit(out, edit)
    limit = edit.start
  }
  return out
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

