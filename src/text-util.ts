/** Small helpers on source text shared by inline control and fixes. */
import type {Block} from './types.js'

/** Only spaces and tabs, with at most one line break, between `from` and `to`: the same block. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let breaks = 0
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) breaks++
    else if (code !== 32 && code !== 9 && code !== 13) return false
  }
  return breaks <= 1
}

/**
 * Where the copy of `source` is, as merged `[start, end)` ranges in source
 * order. Blocks that follow each other with only white space (at most one
 * line break) between them are one run: a paragraph that the format layer
 * cut for length is still one paragraph to `ignore` and to fixes.
 */
export function copyRuns(text: string, blocks: readonly Block[], source: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const block of blocks) {
    if (block.source !== source || block.map.length === 0) continue
    let start = Infinity
    let end = -Infinity
    for (const piece of block.map) {
      if (piece.source < start) start = piece.source
      if (piece.source + piece.sourceLength > end) end = piece.source + piece.sourceLength
    }
    if (end > start) ranges.push([start, end])
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const merged: Array<[number, number]> = []
  for (const range of ranges) {
    const last = merged[merged.length - 1]
    if (last && (range[0] <= last[1] || onlySpaceBetween(text, last[1], range[0]))) {
      last[1] = Math.max(last[1], range[1])
    } else {
      merged.push([range[0], range[1]])
    }
  }
  return merged
}

/**
 * `text` cut to at most `max` UTF-16 units with `…` at the end, between
 * characters: never inside a surrogate pair, an emoji sequence or a letter
 * with its accents (quotes in reasons and suggestions).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text
  // Printable Latin-1 up to the cut: every character is a grapheme of its own (none joins the one before),
  // so the cut needs no segmenter (most quotes; the segmenter's first use costs about 10 ms of a cold check).
  if (simpleUpTo(text, max)) return text.slice(0, max - 1) + '…'
  let kept = ''
  // Made on first use: constructing a segmenter costs about 10 ms, a tenth of a cold check's own work.
  graphemes ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})
  for (const {segment} of graphemes.segment(text)) {
    if (kept.length + segment.length > max - 1) break
    kept += segment
  }
  return kept + '…'
}

/** Is every character of `text` before `end` printable Latin-1 (no control, combining mark or joiner)? */
function simpleUpTo(text: string, end: number): boolean {
  for (let index = 0; index < end; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x20 || (code > 0x7e && code < 0xa0) || code > 0xff) return false
  }
  return true
}

let graphemes: Intl.Segmenter | undefined

/**
 * A copy of `text` that holds no other string. In V8 a slice of a longer
 * string (and a concatenation of slices) keeps the whole longer string
 * alive: a finding or evidence kept from a big file's batch would keep the
 * batch's text. Short strings are copies already.
 */
export function ownString(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1)
}
