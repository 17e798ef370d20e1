/**
 * Offset maps: how characters of a block's text come from its source text.
 * See `Block.map` in src/types.ts for the contract.
 */
import {decodeNamedCharacterReference} from 'decode-named-character-reference'
import type {Block, OffsetPiece} from '../types.js'
import {windows1252C1} from './decode.js'

/**
 * Map an offset in `block.text` to an offset in `sources[block.source]`.
 * A start offset (`side` `'start'`, the default) maps to where its character
 * starts; an end offset (`'end'`, exclusive) to where the character before it
 * ends, so a word that ends a link or bold text does not take the markup
 * after it. Inside a piece whose lengths differ (an entity) offsets map to its
 * start (or, for ends, its end). Characters no piece covers map to the piece
 * before them.
 */
export function toSourceOffset(block: Block, textOffset: number, side: 'start' | 'end' = 'start'): number {
  const map = block.map
  if (map.length === 0) return 0
  const end = side === 'end' && textOffset > 0
  const at = end ? textOffset - 1 : textOffset
  // Binary search for the last piece starting at or before `at`.
  let low = 0
  let high = map.length - 1
  while (low < high) {
    const middle = (low + high + 1) >> 1
    if (map[middle].text <= at) low = middle
    else high = middle - 1
  }
  const piece = map[low]
  const delta = at - piece.text
  if (delta < 0) return piece.source
  if (delta >= piece.length) return piece.source + piece.sourceLength
  if (piece.length !== piece.sourceLength) return end ? piece.source + piece.sourceLength : piece.source
  return piece.source + delta + (end ? 1 : 0)
}

/** Collects block text and its offset map piece by piece. */
export class BlockBuilder {
  text = ''
  map: OffsetPiece[] = []

  /** Append `value`, copied one to one from the source at `source`. */
  copy(value: string, source: number): void {
    if (value.length === 0) return
    const last = this.map[this.map.length - 1]
    if (
      last &&
      last.length === last.sourceLength &&
      last.text + last.length === this.text.length &&
      last.source + last.sourceLength === source
    ) {
      last.length += value.length
      last.sourceLength += value.length
    } else {
      this.map.push({text: this.text.length, source, length: value.length, sourceLength: value.length})
    }
    this.text += value
  }

  /** Append `value`, which stands for `sourceLength` source characters at `source`. */
  replace(value: string, source: number, sourceLength: number): void {
    if (value.length === 0) return
    if (value.length === sourceLength) return this.copy(value, source)
    this.map.push({text: this.text.length, source, length: value.length, sourceLength})
    this.text += value
  }

  /**
   * Append `value`, a decoded form of `raw` (the source text at `source`):
   * character references, backslash escapes, line prefixes and carriage
   * returns that the parser dropped are aligned so the map stays exact.
   * With `markdown`, a backslash before ASCII punctuation escapes it and
   * references need their semicolon (CommonMark); else HTML rules apply.
   */
  align(value: string, raw: string, source: number, markdown = false): void {
    if (value === raw) return this.copy(value, source)
    let i = 0
    let j = 0
    while (i < value.length && j < raw.length) {
      // A run of equal characters, up to a possible reference or escape.
      const runStart = i
      const offset = j - i
      while (i < value.length && value[i] === raw[i + offset] && raw[i + offset] !== '&' && raw[i + offset] !== '\\') i++
      if (i > runStart) {
        this.copy(value.slice(runStart, i), source + j)
        j += i - runStart
        continue
      }
      const reference = matchReference(raw, j, markdown)
      if (reference && value.startsWith(reference.value, i)) {
        this.replace(reference.value, source + j, reference.length)
        i += reference.value.length
        j += reference.length
      } else if (markdown && raw[j] === '\\' && raw[j + 1] === value[i] && asciiPunctuation.test(value[i])) {
        this.replace(value[i], source + j, 2)
        i++
        j += 2
      } else if (raw[j] === value[i]) {
        this.copy(value[i], source + j) // A literal `&` or `\`.
        i++
        j++
      } else if (raw[j] === '\r' && value[i] === '\n' && raw[j + 1] !== '\n') {
        this.copy('\n', source + j) // A lone carriage return read as a line feed.
        i++
        j++
      } else {
        j++ // A source character the parser dropped: a line prefix, `\r` before `\n`.
      }
    }
    // Left over decoded characters (should not happen): keep them, unmapped.
    if (i < value.length) this.text += value.slice(i)
  }

  /** Append `raw` (source text at `source`) with its character references decoded. */
  decode(raw: string, source: number): void {
    let from = 0
    for (let at = raw.indexOf('&'); at !== -1; at = raw.indexOf('&', at + 1)) {
      const reference = matchReference(raw, at)
      if (!reference) continue
      this.copy(raw.slice(from, at), source + from)
      this.replace(reference.value, source + at, reference.length)
      from = at + reference.length
      at = from - 1
    }
    this.copy(raw.slice(from), source + from)
  }
}

const asciiPunctuation = /^[!-/:-@[-`{-~]$/
const referencePattern = /&(?:#[xX]([\da-fA-F]{1,6})|#(\d{1,7})|([A-Za-z][A-Za-z\d]{0,31}));?/y

/** The character reference at `index` in `raw`, if any, decoded. */
function matchReference(raw: string, index: number, strict = false): {value: string; length: number} | undefined {
  if (raw.charCodeAt(index) !== 38 /* & */) return undefined
  referencePattern.lastIndex = index
  const match = referencePattern.exec(raw)
  if (!match) return undefined
  const [whole, hex, decimal, name] = match
  if (strict && !whole.endsWith(';')) return undefined
  if (name === undefined) {
    const code = hex === undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16)
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
    // HTML reads `&#128;`–`&#159;` as Windows-1252 (`&#128;` is `€`).
    const value = !valid ? '\uFFFD' : !strict && code >= 0x80 && code <= 0x9f ? windows1252C1[code - 0x80] : String.fromCodePoint(code)
    return {value, length: whole.length}
  }
  // Named: with the semicolon, or (not `strict`) a legacy name without one (`&amp`, `&copy`).
  if (whole.endsWith(';')) {
    const value = decodeNamedCharacterReference(name)
    if (value !== false) return {value, length: whole.length}
  }
  for (let size = name.length; size > 1; size--) {
    const value = decodeNamedCharacterReference(name.slice(0, size))
    if (value !== false) return {value, length: size + 1}
  }
  return undefined
}

/**
 * The part `[start, end)` of a block, with the map cut to it and shifted.
 * Pieces whose lengths differ are kept whole when they overlap.
 */
export function sliceBlock(block: Block, start: number, end: number): Block {
  const map: OffsetPiece[] = []
  for (let index = firstPieceEndingAfter(block.map, start); index < block.map.length; index++) {
    const piece = block.map[index]
    const pieceEnd = piece.text + piece.length
    if (piece.text >= end) break
    if (piece.length === piece.sourceLength) {
      const from = Math.max(piece.text, start)
      const to = Math.min(pieceEnd, end)
      const length = to - from
      map.push({text: from - start, source: piece.source + from - piece.text, length, sourceLength: length})
    } else {
      const from = Math.max(piece.text, start)
      map.push({text: from - start, source: piece.source, length: Math.min(pieceEnd, end) - from, sourceLength: piece.sourceLength})
    }
  }
  const sliced: Block = {text: block.text.slice(start, end), map, source: block.source}
  if (block.part) sliced.part = block.part
  if (block.role) sliced.role = block.role
  return sliced
}

/** Index of the first piece that ends after `offset` (binary search). */
function firstPieceEndingAfter(map: OffsetPiece[], offset: number): number {
  let low = 0
  let high = map.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (map[middle].text + map[middle].length <= offset) low = middle + 1
    else high = middle
  }
  return low
}
