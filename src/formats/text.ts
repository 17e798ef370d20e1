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
import {capsRunWraps, danglingEnd, lineRoles, type Line} from './roles.js'

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
    copySpaced(builder, text, blockStart, blockEnd)
    pushBlock(blocks, builder, source, part, role)
    from = index
  }
}

/**
 * A sentence end with no space after it ("…who to contact.The fact is…"):
 * a word in lower case, final punctuation, then a word in capitalised
 * lower case that runs to a space or a line end. The parser reads
 * "contact.The" as one word and runs two sentences into one, so the block
 * gets a space there (mapped to no source character). Not in a link, a
 * domain or an address ("www.Example.com", "Node.Js/api"): the run around it
 * holds no other dot, slash, `@` or colon.
 */
const missingSpace = /(?<=\p{Ll}{2})[.!?](?=\p{Lu}\p{Ll}+(?:[\s,;]|$))/gu

/** Copy `text[start, end)` into `builder`, with a space after a sentence end that has none (`missingSpace`). */
function copySpaced(builder: BlockBuilder, text: string, start: number, end: number): void {
  const value = text.slice(start, end)
  let from = 0
  missingSpace.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = missingSpace.exec(value))) {
    const at = match.index
    // The run of non-space characters around the mark: a link, domain or address keeps its dots.
    let runStart = at
    while (runStart > 0 && !/\s/.test(value[runStart - 1])) runStart--
    let runEnd = at + 1
    while (runEnd < value.length && !/\s/.test(value[runEnd])) runEnd++
    const run = value.slice(runStart, runEnd)
    if (/[/@:]|\.\S*\./.test(run) || /^(?:www|https?)\b/i.test(run)) continue
    builder.copy(value.slice(from, at + 1), start + from)
    // One space that stands for no source character: it maps to the mark's end.
    builder.replace(' ', start + at + 1, 0)
    from = at + 1
  }
  builder.copy(value.slice(from), start + from)
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
  // A line that ends on a phone number or a link ("…ON YOUR DISH! 1-888-555-0142", "Visit us at: www.example.com")
  // is a contact line: the next one starts anew.
  if ((phoneEnd.test(trimmed) || linkEnd.test(trimmed)) && startsAnew.test(next)) return true
  // A call to action opens a line of its own ("…1.3 million names in our list" / "Click Here to sign up for FREE!").
  if (!danglingEnd.test(trimmed) && callStart.test(next)) return true
  // Capitals run on over the line end in prose ("…also holds YOUR VERY" / "OWN copy of the guide!"): one sentence.
  if (/\p{Ll}/u.test(trimmed) && capsRunWraps(trimmed, next)) return false
  if ((trimmed.length >= 55 && trimmed.length <= 80) || danglingEnd.test(trimmed)) return false
  if (/[.!?…;,:]["'”’)\]]*$/.test(trimmed)) return false
  return startsAnew.test(next)
}

/** A line that opens with a call to action in a capital: "Click here", "ORDER NOW", "Visit us", "Klik hier". */
const callStart = /^\s*(?:Click|CLICK|Call|CALL|Order|ORDER|Visit|VISIT|Klik|KLIK|Bestel|BESTEL)\b/

/** A line that could start a sentence: a capital or a figure, maybe after an arrow or a box mark ("=> With our…"). */
const startsAnew = /^\s*(?:[=~*#>-]{1,4}>?\s*)?["'“‘(]?[\p{Lu}\d]/u
/** A link or address at the end of a line. */
const linkEnd = /(?:https?:\/\/|www\.)\S+$/i

/** A phone number at the end of a line: "1-888-555-0142", "(800) 555 0142", "555.0142". */
const phoneEnd = /(?:^|[\s:])(?:\+?1[-. ])?(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}[-. ]\d{4}$/

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
