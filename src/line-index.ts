/**
 * Line and column of offsets in one source text, as an editor shows them
 * (lines end at `\n`, `\r\n` or `\r`; both 1-based).
 *
 * Why not vfile-location: it answers with a new point object per offset, and
 * the engine places every sentence and every score signal (about 75 spans,
 * 150 offsets, per email), so those objects were a measurable share of a
 * check. This keeps the line starts in one array and fills the caller's
 * place directly. It counts lines exactly as vfile-location does (a test
 * compares the two).
 */
export class LineIndex {
  /** Offset where each line starts (line 1 at 0). */
  private readonly starts: number[] = [0]
  readonly length: number

  constructor(value: string) {
    this.length = value.length
    for (let index = 0; index < value.length; index++) {
      const code = value.charCodeAt(index)
      if (code === 10 /* \n */) this.starts.push(index + 1)
      else if (code === 13 /* \r */) {
        if (value.charCodeAt(index + 1) === 10) index++
        this.starts.push(index + 1)
      }
    }
  }

  /** The 0-based line of `offset`, or -1 when the offset is outside the text. */
  lineOf(offset: number): number {
    if (!(offset >= 0 && offset <= this.length)) return -1
    return floorIndex(this.starts, offset)
  }

  /** The 1-based column of `offset` on its 0-based `line` (from `lineOf`). */
  columnOf(offset: number, line: number): number {
    return offset - this.starts[line] + 1
  }

  /** How many lines the text has (an empty text has one). */
  get lineCount(): number {
    return this.starts.length
  }

  /** The offset where the 0-based `line` starts. */
  lineStart(line: number): number {
    return this.starts[line]
  }
}

/** The index of the last item of ascending `sorted` that is at most `value` (0 when none is). */
export function floorIndex(sorted: readonly number[], value: number): number {
  let low = 0
  let high = sorted.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (sorted[middle] <= value) low = middle
    else high = middle - 1
  }
  return low
}
