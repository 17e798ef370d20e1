/**
 * Finishing blocks: trim surrounding whitespace, drop empty ones, and cut
 * long runs into bounded blocks (the retext parser is superlinear on one big
 * tree) at line ends or sentence ends, never inside template syntax.
 */
import type {Block, BlockRole, OffsetPiece, PartName} from '../types.js'
import {sliceBlock} from './offsets.js'

/** Longest block text, in characters, before a block is cut. */
export const maxBlockLength = 8000

/**
 * Merge tags and template tags that a cut must not fall into. Their spans
 * are bounded (as in `src/mask.ts`): with an unbounded one, every opener
 * without a closer scanned the rest of the text, and 100 KB of `{% ` took 2 s.
 */
const templatePattern = /\{\{[\s\S]{0,200}?\}\}|\{%[\s\S]{0,200}?%\}|\*\|[^|]{0,80}\|\*|%%[^%\s]{0,80}%%/g
const lineEnd = /\n/g
const sentenceEnd = /[.!?…]["'”’)\]]*\s/g
const space = /\s/g

/**
 * Turn collected text and its map (a `BlockBuilder`) into zero or more
 * finished blocks, appended to `blocks`. Blocks with no visible character
 * are dropped.
 */
export function pushBlock(
  blocks: Block[],
  content: Readonly<{text: string; map: OffsetPiece[]}>,
  source: string,
  part?: PartName | undefined,
  role?: BlockRole | undefined
): void {
  const text = content.text
  let start = 0
  let end = text.length
  while (start < end && isSpace(text.charCodeAt(start))) start++
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--
  if (start === end) return
  const whole: Block = {text, map: content.map, source}
  if (part) whole.part = part
  if (role) whole.role = role
  if (end - start <= maxBlockLength) {
    blocks.push(start === 0 && end === text.length ? whole : sliceBlock(whole, start, end))
    return
  }
  const protectedRanges = findTemplates(text, start, end)
  let from = start
  while (from < end) {
    const cut = end - from > maxBlockLength ? findCut(text, from, from + maxBlockLength, protectedRanges) : end
    pushBlock(blocks, sliceBlock(whole, from, cut), source, part, role)
    from = cut
  }
}

/**
 * White space, and the invisible characters preheader padding is made of
 * (`&zwnj;`, `&#847;`, soft hyphens, zero-width spaces): trimmed off blocks.
 */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    code === 0xa0 ||
    code === 0xad ||
    code === 0x34f ||
    (code >= 0x2000 && code <= 0x200d) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x2060 ||
    code === 0xfeff
  )
}

/** Template tag ranges `[start, end)` in `text[start, end)`, in order. */
function findTemplates(text: string, start: number, end: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  templatePattern.lastIndex = start
  let match: RegExpExecArray | null
  while ((match = templatePattern.exec(text)) && match.index < end) {
    ranges.push([match.index, match.index + match[0].length])
  }
  return ranges
}

/**
 * Where to cut `text` at or before `limit` (and after the middle of the
 * window): after a line end, else after a sentence end, else at a space,
 * else at `limit` (not between the halves of a surrogate pair).
 */
function findCut(text: string, from: number, limit: number, ranges: Array<[number, number]>): number {
  const floor = from + (limit - from) / 2
  for (const pattern of [lineEnd, sentenceEnd, space]) {
    const cut = lastMatchEnd(pattern, text, floor, limit, ranges)
    if (cut !== undefined) return cut
  }
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}

/** End of the last match of `pattern` in `text[floor, limit)` that is not inside a template range. */
function lastMatchEnd(
  pattern: RegExp,
  text: string,
  floor: number,
  limit: number,
  ranges: Array<[number, number]>
): number | undefined {
  const start = Math.ceil(floor)
  const window = text.slice(start, limit)
  let found: number | undefined
  // The first range that ends after the window starts (the ranges are in order): not a walk from 0 per cut.
  let range = 0
  let high = ranges.length
  while (range < high) {
    const middle = (range + high) >>> 1
    if (ranges[middle][1] <= start) range = middle + 1
    else high = middle
  }
  pattern.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(window))) {
    const cut = start + match.index + match[0].length
    while (range < ranges.length && ranges[range][1] <= cut) range++
    if (range === ranges.length || ranges[range][0] >= cut) found = cut
  }
  return found
}
