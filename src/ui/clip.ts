/**
 * Fitting text into terminal columns: a source line clipped around a span,
 * and plain truncation. Columns are display columns, as a terminal draws
 * them (string-width, the measure ink itself uses): a CJK character or an
 * emoji takes two, a combining accent none, and a character is never cut in
 * two (the text is cut between graphemes). Offsets into a line stay UTF-16
 * offsets, as the engine counts them; tabs and other control characters
 * become one space each so those offsets keep their meaning.
 */
import stringWidth from 'string-width'

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

/** The columns `text` takes on a terminal. */
export function displayWidth(text: string): number {
  return stringWidth(text)
}

interface Cell {
  /** UTF-16 offset of the grapheme in the text. */
  offset: number
  text: string
  width: number
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

function cellsOf(text: string): Cell[] {
  const cells: Cell[] = []
  for (const {segment, index} of segmenter.segment(text)) cells.push({offset: index, text: segment, width: stringWidth(segment)})
  return cells
}

function join(cells: readonly Cell[], from: number, to: number): string {
  let text = ''
  for (let index = from; index < to; index++) text += cells[index].text
  return text
}

/** Cut a text to at most `width` columns, with `…` where it was cut. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return ''
  if (stringWidth(text) <= width) return text
  if (width === 1) return '…'
  let used = 0
  let out = ''
  for (const cell of cellsOf(text)) {
    if (used + cell.width > width - 1) break
    used += cell.width
    out += cell.text
  }
  return out + '…'
}

/**
 * The part of `line` that fits in `width` columns and shows `start..end`
 * (UTF-16 offsets, end exclusive): some context before the span, as much of
 * the span as fits, and `…` where the line was cut.
 */
export function clipAround(line: string, start: number, end: number, width: number): SpanParts {
  const text = displayable(line)
  const cells = cellsOf(text)
  const count = cells.length
  // Prefix sums of the columns: columns of cells [a, b) are at[b] - at[a].
  const at = new Array<number>(count + 1)
  at[0] = 0
  for (let index = 0; index < count; index++) at[index + 1] = at[index] + cells[index].width
  // The span in cells: from the grapheme holding `start` to the first one at or after `end`.
  let from = 0
  while (from < count && cells[from].offset + cells[from].text.length <= start) from++
  let to = from
  while (to < count && cells[to].offset < end) to++
  const room = Math.max(4, width)
  if (at[count] <= room) return {before: join(cells, 0, from), span: join(cells, from, to), after: join(cells, to, count)}

  const spanWidth = at[to] - at[from]
  // Context before the span: a third of what is left, at most what there is.
  let left = Math.min(at[from], Math.max(0, Math.floor((room - spanWidth) / 3)))
  if (spanWidth >= room - 2) left = Math.min(at[from], 6)
  let windowStart = from
  while (windowStart > 0 && at[from] - at[windowStart - 1] <= left) windowStart--

  /** The end of the window that starts at `begin`: what fits with the `…` marks it needs. */
  const fit = (begin: number): number => {
    const available = room - (begin > 0 ? 1 : 0)
    let stop = begin
    while (stop < count && at[stop + 1] - at[begin] <= available) stop++
    if (stop === count) return stop
    while (stop > begin && at[stop] - at[begin] > available - 1) stop--
    return stop
  }
  let windowEnd = fit(windowStart)
  if (windowEnd === count) {
    // Use the room at the end for more context before.
    while (windowStart > 0 && at[count] - at[windowStart - 1] <= room - 1) windowStart--
  }
  // Start the clipped line at a word.
  if (windowStart > 0) {
    for (let index = windowStart; index < from && at[index] - at[windowStart] < 12; index++) {
      if (cells[index].text === ' ') {
        windowStart = index + 1
        break
      }
    }
  }
  windowEnd = fit(windowStart)
  const before = (windowStart > 0 ? '…' : '') + join(cells, windowStart, from)
  const spanEnd = Math.min(to, windowEnd)
  const span = join(cells, from, spanEnd)
  const after = (to < windowEnd ? join(cells, to, windowEnd) : '') + (windowEnd < count ? '…' : '')
  return {before, span, after}
}
