/**
 * How much of a sentence a sentence-wide finding (shouting) reports. Bulk
 * mail has "sentences" of thousands of characters: lines of capitals without
 * a full stop, which the parser reads as one sentence. A finding there
 * reports the lines that hold its loud words, not the whole run: from the
 * start of the line of the first loud word, line by line while the span stays
 * within `maxSpan`; a single line longer than that is cut to a window around
 * the loud words, at word boundaries. Sentences up to `maxSpan` are reported
 * whole.
 */

/** The longest span a sentence-wide finding reports, in characters. */
export const maxSpan = 300

/** Room kept before the first loud word when a single long line is cut. */
const lead = 60

/**
 * The part of the sentence `start`–`end` of `text` to report, given the
 * loud words (`anchors`, sorted by start, inside the sentence).
 */
export function sentenceWindow(
  text: string,
  start: number,
  end: number,
  anchors: ReadonlyArray<{readonly start: number; readonly end: number}>
): [number, number] {
  if (end - start <= maxSpan || anchors.length === 0) return [start, end]
  const first = anchors[0]
  let from = Math.max(start, text.lastIndexOf('\n', first.start - 1) + 1)
  let to = lineEnd(text, first.end, end)
  for (const anchor of anchors) {
    if (anchor.end <= to) continue
    const next = lineEnd(text, anchor.end, end)
    if (next - from > maxSpan) break
    to = next
  }
  if (to - from <= maxSpan) return trim(text, from, to)
  // One long line: a window around the loud words, cut between words.
  if (first.start - from > lead) from = wordStart(text, first.start - lead, first.start)
  let last = first.end
  for (const anchor of anchors) if (anchor.end <= from + maxSpan && anchor.end > last) last = anchor.end
  if (to - from > maxSpan) to = Math.max(last, wordEnd(text, last, from + maxSpan))
  return trim(text, from, to)
}

/** The end of the line holding `offset` (before its line break), at most `limit`. */
function lineEnd(text: string, offset: number, limit: number): number {
  const at = text.indexOf('\n', offset)
  return at === -1 || at > limit ? limit : at
}

/** The first word start at or after `at` (and before `limit`). */
function wordStart(text: string, at: number, limit: number): number {
  let index = at
  while (index < limit && !/\s/.test(text.charAt(index - 1))) index++
  return index
}

/** The last word end at or before `at` (and after `floor`). */
function wordEnd(text: string, floor: number, at: number): number {
  let index = at
  while (index > floor && !/\s/.test(text.charAt(index))) index--
  return index
}

/** Without white space at either end. */
function trim(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/.test(text.charAt(from))) from++
  while (to > from && /\s/.test(text.charAt(to - 1))) to--
  return [from, to]
}
