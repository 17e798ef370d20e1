/**
 * Fitting text into terminal columns: a source line clipped around a span,
 * and plain truncation. Pure string functions (one column per UTF-16 unit;
 * tabs become one space so columns stay where the engine counted them).
 */

/** A line cut into the text before a span, the span, and the text after it. */
export interface SpanParts {
  before: string
  span: string
  after: string
}

/** Tabs and other control characters as one space each, so offsets keep their meaning. */
export function displayable(line: string): string {
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f]/g, ' ')
}

/** Cut a line to at most `width` columns, with `…` where it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return ''
  if (text.length <= width) return text
  if (width === 1) return '…'
  return text.slice(0, width - 1) + '…'
}

/**
 * The part of `line` that fits in `width` columns and shows `start..end`
 * (0-based, end exclusive): some context before the span, as much of the span
 * as fits, and `…` where the line was cut.
 */
export function clipAround(line: string, start: number, end: number, width: number): SpanParts {
  const text = displayable(line)
  const from = Math.max(0, Math.min(start, text.length))
  const to = Math.max(from, Math.min(end, text.length))
  const room = Math.max(4, width)
  if (text.length <= room) return {before: text.slice(0, from), span: text.slice(from, to), after: text.slice(to)}

  const spanLength = to - from
  // Context before the span: a third of what is left, at most what there is.
  let left = Math.min(from, Math.max(0, Math.floor((room - spanLength) / 3)))
  if (spanLength >= room - 2) left = Math.min(from, 6)
  let windowStart = from - left
  const leftMark = windowStart > 0 ? '…' : ''
  let available = room - leftMark.length
  let windowEnd = windowStart + available
  if (windowEnd < text.length) {
    available -= 1
    windowEnd = windowStart + available
  } else {
    windowEnd = text.length
    // Use the room at the end for more context before.
    windowStart = Math.max(0, windowEnd - available)
    if (windowStart > from) windowStart = from
  }
  // Start the clipped line at a word.
  if (windowStart > 0) {
    const space = text.indexOf(' ', windowStart)
    if (space !== -1 && space < from && space - windowStart < 12) windowStart = space + 1
  }
  const rightMark = windowEnd < text.length ? '…' : ''
  const before = (windowStart > 0 ? '…' : '') + text.slice(windowStart, from)
  const span = text.slice(from, Math.min(to, windowEnd))
  const after = to < windowEnd ? text.slice(to, windowEnd) : ''
  return {before, span, after: after + rightMark}
}
