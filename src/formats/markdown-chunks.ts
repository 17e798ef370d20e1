/**
 * Cutting big Markdown documents into chunks that parse on their own.
 *
 * Why: micromark is superlinear on one big document. Each time a container
 * (list item, block quote) closes, its document tokenizer moves the exit
 * events with an `EditMap`, which copies the whole event list built so far:
 * the cost grows with (events so far) × (containers closed), about quadratic
 * (measured: 1.7 s per MB at 0.1 MB, 14 s per MB at 5 MB). Parsing chunks of
 * bounded size keeps each copy bounded, so the whole stays linear.
 *
 * A cut is only taken where no block can continue across it: at the start of
 * a line that begins with a non-space character in column 0 and follows a
 * blank line. A blank line ends paragraphs, tables, block quotes and HTML
 * blocks of kind 6 and 7; a line in column 0 after it ends list items (no
 * lazy continuation after a blank line) and indented code. What can still
 * run across such a line (fenced code, HTML blocks of kinds 1–5 such as
 * comments, front matter) is tracked by a cheap line scan here, and the
 * parser has the last word: every chunk but the last is parsed with a probe
 * line after it, and the cut only stands if that probe comes out as a
 * top-level paragraph (else the chunk grows to a later cut). An open list
 * that the next chunk continues (`- a` ⏎ ⏎ `- b`) becomes two lists: the
 * same list items and paragraphs, so the same blocks.
 *
 * The one thing that crosses chunks is link reference definitions: whether
 * `[text][label]` is a link (and its brackets are markup) depends on a
 * `[label]: url` anywhere in the document. So the caller adds, to each chunk,
 * definitions for the labels the chunk's brackets name that are defined in
 * other chunks (found by a line scan first, checked against the parsed
 * definitions after).
 */

/** Target size of a chunk in characters (default of `MarkdownOptions.chunkSize`). */
export const defaultChunkSize = 65_536

/**
 * Most inline delimiters (`*`, `_`, `[`, `]`, backticks) one paragraph may
 * hand the parser in one piece (default of `MarkdownOptions.maxDelimiters`).
 *
 * Why: micromark is also superlinear inside one paragraph. Each emphasis or
 * link it resolves splices the paragraph's event list (a copy of all events
 * after it), so a paragraph of many delimiters costs about (delimiters) ×
 * (events): 100 KB of `**a` took 50 s. A paragraph with more delimiters than
 * this is cut into pieces (see `nextCut`), which bounds each splice.
 * Ordinary copy has a few emphases per paragraph and is never cut.
 */
export const defaultMaxDelimiters = 256

/**
 * Most container lines (list items, block quote lines) one chunk may hand
 * the parser (default of `MarkdownOptions.maxContainers`).
 *
 * Why: the cost of each container the parser closes grows with the events
 * before it in the chunk (see above), so a long list of nested items is
 * quadratic well below the chunk size: 64 KB of `- a` ⏎ `  - b` took 9–18 s,
 * 16 KB 1.1 s, and 64 KB of the same in a block quote 14 s. A run of more
 * container lines than this is cut before a list item indented at most 3
 * columns (also one of a list nested in an item: one item holding a long
 * nested list was quadratic, 16 KB 0.7 s and 32 KB 2.5 s), or before a
 * quote line that starts a new block in its quote (an item cut, see
 * `nextCut`), which splits one list or quote into two with the same
 * blocks. Ordinary copy has far fewer list items.
 */
export const defaultMaxContainers = 64

/** How far past the delimiter limit a forced cut looks for a word start. */
const forcedCutLookahead = 512

/**
 * A place to end a chunk; `forced` when it cuts a paragraph (see
 * `defaultMaxDelimiters`); `item` when it is before a list item (indented
 * at most 3 columns) or a quote line in column 0 (see
 * `defaultMaxContainers`), to be checked with that line as the probe.
 */
export interface Cut {
  offset: number
  forced: boolean
  item?: boolean
}

/** Limits for `nextCut` beyond the chunk length. */
export interface CutLimits {
  /** Container lines since `from` after which a cut may come before a list item or quote line (default: none). */
  maxContainers?: number
  /** An item cut is at least this far after `from` (default: 0; after a failed probe, the span of that chunk doubled). */
  itemSkip?: number
}

/**
 * A paragraph line parsed after a chunk: if the parser reads it as a
 * top-level paragraph, nothing of the chunk stays open across the cut.
 */
export const probeLine = 'trouw-chunk-probe\n'

const lineEnding = /\r\n|\r|\n/g
const blankLine = /^[ \t]*$/
const fenceOpening = /^(`{3,}|~{3,})(.*)$/
const htmlOpenings: Array<[RegExp, RegExp]> = [
  [/^<(?:pre|script|style|textarea)(?:[\s>]|$)/i, /<\/(?:pre|script|style|textarea)>/i],
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/]
]
const frontMatterFence = /^(?:---|\+\+\+)[ \t]*$/
/** A line that opens a container: a list item or a block quote, after any indentation. */
const containerLine = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]*>/
/** The same anywhere in a document, for counting. */
const containerLines = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|>)/gm
/**
 * A list item with content on its line, indented at most 3 columns (so the
 * next chunk, which starts with it, reads it as a list item and not as
 * indented code): where an item cut may go. It may be an item of a list
 * nested in another item ("- top" ⏎ "  - b"); the probe tells.
 */
const cuttableItem = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/
/**
 * A quote line in column 0 with more than quote markers on it (maybe a new
 * block in the quote), indented at most 3 columns after its markers (more
 * would be code in the next chunk: "> ⏎ >     - x" nested in an item is a
 * list item, alone it is code).
 */
const quoteWithContent = /^>(?: ?>)* ?(?: {0,3})[^> \t]/
/** A thematic break (`- - -`, `***`): looks like a list item, is not one. */
const thematicBreak = /^(?:[-*_][ \t]*){3,}$/

/** What the line scan thinks is open at a line. */
type ScanState =
  | {kind: 'none'}
  | {kind: 'fence'; marker: string; size: number}
  | {kind: 'html'; end: RegExp}
  | {kind: 'frontMatter'; fence: string}

/**
 * The first place at or after `from + minLength` where a chunk starting at
 * `from` may end (the start of the next chunk), or `undefined` if there is
 * none before the end. `from` must itself be a verified cut (or 0).
 * The scan is a guess; the probe (see `probeLine`) decides.
 */
export function findCut(markdown: string, from: number, minLength: number): number | undefined {
  return nextCut(markdown, from, minLength, Number.POSITIVE_INFINITY)?.offset
}

/**
 * Like `findCut`, but a run of lines (a paragraph) that holds more than
 * `maxDelimiters` inline delimiters since `from` is cut inside, wherever
 * `minLength` is: at the next line or word that starts with a letter, maybe
 * after emphasis markers (so the piece after it starts a paragraph), else,
 * 512 characters on, at the next character that is not half a surrogate
 * pair. Such a forced cut is not checked with the
 * probe: it is known to split a paragraph, and emphasis or a link across
 * it is read as plain text. Runs that the parser reads without inline
 * markup (indented code, HTML blocks) are not cut.
 */
export function nextCut(markdown: string, from: number, minLength: number, maxDelimiters: number, limits?: Readonly<CutLimits>): Cut | undefined {
  const target = from + minLength
  const maxContainers = limits?.maxContainers ?? Number.POSITIVE_INFINITY
  const itemFrom = from + (limits?.itemSkip ?? 0)
  let containers = 0
  let state: ScanState = {kind: 'none'}
  let previousBlank = true
  let previousWasFrom = true
  let delimiters = 0
  /** Where the delimiter limit was reached (-1: not yet). */
  let pending = -1
  let rawRun = false
  let lineStart = from
  lineEnding.lastIndex = from
  while (lineStart < markdown.length) {
    const match = lineEnding.exec(markdown)
    const lineEnd = match ? match.index : markdown.length
    const nextStart = match ? match.index + match[0].length : markdown.length
    const line = markdown.slice(lineStart, lineEnd)
    if (
      lineStart >= target &&
      state.kind === 'none' &&
      previousBlank &&
      !previousWasFrom &&
      line.length > 0 &&
      !isSpaceOrBom(line.charCodeAt(0))
    ) {
      return {offset: lineStart, forced: false}
    }
    if (
      containers > maxContainers &&
      lineStart > from &&
      lineStart >= itemFrom &&
      state.kind === 'none' &&
      ((cuttableItem.test(line) && !thematicBreak.test(line.trimStart())) || quoteWithContent.test(line))
    ) {
      return {offset: lineStart, forced: false, item: true}
    }
    if (state.kind === 'none' && containerLine.test(line)) containers++
    const blank = blankLine.test(line)
    const before = state
    state = nextState(state, line, lineStart === 0)
    if (blank || before.kind !== 'none' || state.kind !== 'none') {
      delimiters = 0
      pending = -1
    } else {
      if (previousBlank) {
        const indent = indentOf(line)
        rawRun = indent > 3 || line.charCodeAt(indent) === 60 // `<`: an HTML block
      }
      if (!rawRun) {
        if (pending !== -1 && lineStart > from && isWordStart(markdown, lineStart)) return {offset: lineStart, forced: true}
        for (let at = lineStart; at < lineEnd; at++) {
          if (pending === -1) {
            if (isDelimiter(markdown.charCodeAt(at)) && ++delimiters > maxDelimiters) pending = at + 1
          } else if (isSpaceOrBom(markdown.charCodeAt(at - 1)) && isWordStart(markdown, at)) {
            return {offset: at, forced: true}
          } else if (at - pending > forcedCutLookahead && !isLowSurrogate(markdown.charCodeAt(at))) {
            return {offset: at, forced: true}
          }
        }
      }
    }
    previousBlank = blank
    previousWasFrom = false
    lineStart = nextStart
    if (!match) break
  }
  return undefined
}

/** `*`, `_`, `[`, `]` and the backtick: what the parser pairs up within a paragraph. */
function isDelimiter(code: number): boolean {
  return code === 42 || code === 95 || code === 91 || code === 93 || code === 96
}

const letter = /\p{L}/u

/**
 * A letter, maybe after emphasis markers (`*word`, `__word`): a line that
 * starts so is a paragraph (no list item, thematic break or other block).
 */
function isWordStart(text: string, at: number): boolean {
  let index = at
  while (index < text.length && index - at < 3 && (text.charCodeAt(index) === 42 || text.charCodeAt(index) === 95)) index++
  return index < text.length && letter.test(text[index])
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/** How many container lines (list items, quote lines) `markdown` holds, up to `limit` + 1. */
export function countContainers(markdown: string, limit: number): number {
  let count = 0
  containerLines.lastIndex = 0
  while (count <= limit && containerLines.exec(markdown)) count++
  return count
}

/** How many inline delimiters `markdown` holds, up to `limit` (enough to know it is more). */
export function countDelimiters(markdown: string, limit: number): number {
  let count = 0
  for (let at = 0; at < markdown.length && count <= limit; at++) if (isDelimiter(markdown.charCodeAt(at))) count++
  return count
}

/** The scan state after `line`. */
function nextState(state: ScanState, line: string, first: boolean): ScanState {
  switch (state.kind) {
    case 'fence': {
      const indent = indentOf(line)
      if (indent > 3) return state
      const rest = line.slice(indent)
      let size = 0
      while (rest[size] === state.marker) size++
      return size >= state.size && blankLine.test(rest.slice(size)) ? {kind: 'none'} : state
    }
    case 'html':
      return state.end.test(line) ? {kind: 'none'} : state
    case 'frontMatter':
      return line.trimEnd() === state.fence ? {kind: 'none'} : state
    case 'none': {
      if (first && frontMatterFence.test(line)) return {kind: 'frontMatter', fence: line.trimEnd()}
      const indent = indentOf(line)
      if (indent > 3) return state
      const rest = line.slice(indent)
      const fence = fenceOpening.exec(rest)
      if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
        return {kind: 'fence', marker: fence[1][0], size: fence[1].length}
      }
      for (const [opening, end] of htmlOpenings) {
        if (opening.test(rest)) return end.test(rest.slice(2)) ? state : {kind: 'html', end}
      }
      return state
    }
  }
}

/** Columns of leading spaces; a tab makes it at least 4 (indented code). */
function indentOf(line: string): number {
  let index = 0
  while (line.charCodeAt(index) === 32) index++
  return line.charCodeAt(index) === 9 ? 4 : index
}

function isSpaceOrBom(code: number): boolean {
  return code === 32 || code === 9 || code === 0xfeff
}

/**
 * The identifier a label stands for, as mdast gives it on `definition` and
 * reference nodes (micromark's `normalizeIdentifier`, lower-cased).
 */
export function identifierOf(label: string): string {
  return label
    .replace(/[\t\n\r ]+/g, ' ')
    .replace(/^ | $/g, '')
    .toLowerCase()
    .toUpperCase()
    .toLowerCase()
}

/** Bracketed text without unescaped brackets inside: every possible reference label. */
const bracketed = /\[((?:[^\\[\]]|\\[\s\S])+)\]/g
/** A line that looks like a definition, maybe after list or quote markers. */
const definitionStart = /^[ \t>*+\-\d.)]*\[((?:[^\\[\]]|\\[\s\S]){1,999})\]:/gm

/** Identifiers of all bracketed texts in `text`: the labels it may reference. */
export function referencedIdentifiers(text: string): Set<string> {
  const found = new Set<string>()
  bracketed.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = bracketed.exec(text))) found.add(identifierOf(match[1]))
  return found
}

/** A (possible) link reference definition: its raw label and where it is. */
export interface DefinitionSite {
  identifier: string
  label: string
  offset: number
}

/**
 * Lines that look like link reference definitions (a guess: some may be in
 * code, and labels over several lines in containers are missed; the parsed
 * definitions correct it).
 */
export function scanDefinitions(markdown: string): DefinitionSite[] {
  const sites: DefinitionSite[] = []
  definitionStart.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = definitionStart.exec(markdown))) {
    sites.push({identifier: identifierOf(match[1]), label: match[1], offset: match.index})
  }
  return sites
}

/** Sites grouped by identifier, for "is it defined outside `[start, end)`?". */
export class DefinitionIndex {
  private readonly byIdentifier = new Map<string, DefinitionSite[]>()

  /** `sites` must be in document order. */
  constructor(sites: Iterable<DefinitionSite>) {
    for (const site of sites) {
      const list = this.byIdentifier.get(site.identifier)
      if (list) list.push(site)
      else this.byIdentifier.set(site.identifier, [site])
    }
  }

  /** A site of `identifier` outside `[start, end)`, if any. */
  outside(identifier: string, start: number, end: number): DefinitionSite | undefined {
    const list = this.byIdentifier.get(identifier)
    if (!list) return undefined
    // Sites are in document order: the first or the last one is outside if any is.
    if (list[0].offset < start) return list[0]
    const last = list[list.length - 1]
    return last.offset >= end ? last : undefined
  }

  /** The sites of the identifiers in `wanted` that are defined outside `[start, end)`. */
  needed(wanted: Iterable<string>, start: number, end: number): Map<string, DefinitionSite> {
    const needed = new Map<string, DefinitionSite>()
    for (const identifier of wanted) {
      const site = this.outside(identifier, start, end)
      if (site) needed.set(identifier, site)
    }
    return needed
  }
}

/** Definition lines for `sites` (the destination does not matter: only whether a label is defined). */
export function definitionLines(sites: Iterable<DefinitionSite>): string {
  let text = ''
  for (const site of sites) text += `[${site.label.replace(/[\t\n\r ]+/g, ' ')}]: #\n`
  return text
}
