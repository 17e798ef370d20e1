/**
 * Plain text: blocks by layout. Paragraphs end at blank lines; inside a
 * paragraph, lines are grouped by their role (see `roles.ts`): wrapped prose
 * lines stay one block, while a heading, a list item, a quoted reply, a
 * footer or signature line, or a line of links is a block of its own, so a
 * line break after a heading or a list item ends the sentence.
 */
import type {Block, BlockRole, PartName} from '../types.js'
import {pushBlock} from './blocks.js'
import {BlockBuilder} from './offsets.js'
import {lineRoles, type Line} from './roles.js'

/** A blank line: a line end, optional horizontal space, a line end. */
const blankLine = /\r?\n[ \t\f\v]*(?=\r?\n)/g

/** Roles whose consecutive lines form one block (wrapped prose, a quote, a footer, a signature). */
const joined: ReadonlySet<BlockRole> = new Set(['paragraph', 'quote', 'footer', 'signature'])

/**
 * The paragraphs of `text` as blocks with positions into `text`, keyed
 * `source` (default: `file`), each with its role.
 */
export function extractText(text: string, source = 'file', part?: PartName | undefined): Block[] {
  const blocks: Block[] = []
  const state = {signature: 0}
  let start = 0
  blankLine.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = blankLine.exec(text))) {
    const end = match.index
    const next = match.index + match[0].length
    addParagraph(blocks, text, start, end, source, part, /\S/.test(text.slice(next, next + 4096)) || next + 4096 < text.length, state)
    start = next
  }
  addParagraph(blocks, text, start, text.length, source, part, false, state)
  return blocks
}

function addParagraph(
  blocks: Block[],
  text: string,
  start: number,
  end: number,
  source: string,
  part: PartName | undefined,
  more: boolean,
  state: {signature: number}
): void {
  if (end <= start) return
  const lines = splitLines(text, start, end)
  const roles = lineRoles(lines, more, state)
  let from = 0
  for (let index = 1; index <= lines.length; index++) {
    const role = roles[from]
    if (index < lines.length && roles[index] === role && joined.has(role) && !(role === 'paragraph' && standsAlone(lines[index - 1].text, lines[index].text))) continue
    const blockStart = from === 0 ? start : lines[from].start
    const blockEnd = index === lines.length ? end : lines[index - 1].end
    const builder = new BlockBuilder()
    builder.copy(text.slice(blockStart, blockEnd), blockStart)
    pushBlock(blocks, builder, source, part, role)
    from = index
  }
}

/**
 * Does a prose line end its own run: it has no final punctuation, is not
 * hard-wrapped (wrapped lines run 55 to 80 characters) and the next line
 * starts with a capital? A title line followed by its teaser, a product
 * name followed by its price: the line break ends the sentence.
 */
function standsAlone(line: string, next: string): boolean {
  const trimmed = line.trimEnd()
  // Markup of a text part (`<a href="…">Order here</a>`) is a link of its own, not the tail of the sentence above.
  if (/^\s*<[a-z/!]/i.test(next)) return true
  // A line that ends a sentence ("…with Buy4Now!", "# BEST KEPT SECRET!!! #") ends it here too, where the next
  // line could not start one for the parser: a fragment in lower case, a box border, a link.
  if (sentenceEnd.test(trimmed.replace(ornaments, '')) && !abbreviation.test(trimmed) && !/^\s*["'“‘(]?[\p{Lu}\d]/u.test(next)) return true
  if (trimmed.length >= 55 && trimmed.length <= 80) return false
  if (/[.!?…;,:]["'”’)\]]*$/.test(trimmed)) return false
  return /^\s*["'“‘(]?[\p{Lu}\d]/u.test(next)
}

/** A sentence's final punctuation, with closing quotes. */
const sentenceEnd = /[.!?…]["'”’)\]]*$/
/** Box borders and arrows after the punctuation ("SECRET!!! #", "NEW! <-"). */
const ornaments = /[\s#*=~_<>|-]+$/
/** A line ending in an abbreviation ("e.g.", "Inc.", "Mr."): the sentence may go on. */
const abbreviation = /(?:^|[\s(])(?:e\.g|i\.e|etc|vs|inc|ltd|co|corp|mr|mrs|ms|dr|st|no|nr|approx|ca|incl|excl|p|pp|vol|fig|resp|bijv|m\.a\.w|o\.a|t\.a\.v|zgn|evt)\.$/i

/** The lines of `text[start, end)`, without their line ends. */
function splitLines(text: string, start: number, end: number): Line[] {
  const lines: Line[] = []
  let from = start
  while (from <= end) {
    let to = text.indexOf('\n', from)
    if (to === -1 || to > end) to = end
    const lineEnd = to > from && text.charCodeAt(to - 1) === 13 ? to - 1 : to
    lines.push({start: from, end: lineEnd, text: text.slice(from, lineEnd)})
    if (to >= end) break
    from = to + 1
  }
  return lines
}
