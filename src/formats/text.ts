/**
 * Plain text: one block per paragraph, paragraphs end at blank lines. Single
 * line breaks stay inside the paragraph as they are.
 */
import type {Block, PartName} from '../types.js'
import {pushBlock} from './blocks.js'
import {BlockBuilder} from './offsets.js'

/** A blank line: a line end, optional horizontal space, a line end. */
const blankLine = /\r?\n[ \t\f\v]*(?=\r?\n)/g

/**
 * The paragraphs of `text` as blocks with positions into `text`, keyed
 * `source` (default: `file`).
 */
export function extractText(text: string, source = 'file', part?: PartName | undefined): Block[] {
  const blocks: Block[] = []
  let start = 0
  blankLine.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = blankLine.exec(text))) {
    addParagraph(blocks, text, start, match.index, source, part)
    start = match.index + match[0].length
  }
  addParagraph(blocks, text, start, text.length, source, part)
  return blocks
}

function addParagraph(
  blocks: Block[],
  text: string,
  start: number,
  end: number,
  source: string,
  part: PartName | undefined
): void {
  if (end <= start) return
  const builder = new BlockBuilder()
  builder.copy(text.slice(start, end), start)
  pushBlock(blocks, builder, source, part)
}
