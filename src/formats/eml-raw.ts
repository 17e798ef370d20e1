/**
 * Where an `.eml` finding is in the raw message an editor shows. The engine
 * places findings in the decoded parts (`sources.text`, `sources.html`:
 * quoted-printable, base64 and charsets undone); every report and the editor
 * need them in the raw file. This module finds the text/plain and text/html parts in the raw
 * message, decodes each again while keeping, for every decoded character,
 * the raw characters it came from, and aligns that with the engine's decoded
 * part (which may differ in line breaks, `format=flowed` joins and how parts
 * are joined). A finding then lands on the raw line that holds its words,
 * also when they are encoded (`=C3=A9`) or broken over a soft line break.
 */
import {windows1252C1} from './decode.js'
import {floorIndex} from '../line-index.js'
import type {PartName} from '../types.js'

/** A text leaf of the MIME tree: where its body is in the raw text and how it is encoded. */
interface RawPart {
  kind: 'text' | 'html'
  bodyStart: number
  bodyEnd: number
  encoding: string
  charset: string
}

/** A decoded part with, for each UTF-16 unit, the raw range it came from. */
interface DecodedPart {
  text: string
  from: Int32Array
  to: Int32Array
  encoding: string
}

/** Where a finding is in the raw text, and whether a fix may edit it there. */
export interface RawRange {
  start: number
  end: number
  /** Whether a replacement may be written over `start`–`end` (the raw text is the words themselves). */
  writable: (newText: string) => boolean
  /** `words`: the raw range is the words as written; `encoded`: it is their transfer encoding (quoted-printable escapes or soft line breaks, base64 characters). */
  located: 'words' | 'encoded'
}

const maxDepth = 20

/** Headers of an entity: unfolded, lower-cased names; and where its body starts. */
function readHeaders(raw: string, start: number, end: number): {headers: Map<string, string>; bodyStart: number} {
  const headers = new Map<string, string>()
  let at = start
  let current: string | undefined
  while (at < end) {
    let lineEnd = raw.indexOf('\n', at)
    if (lineEnd === -1 || lineEnd > end) lineEnd = end
    const line = raw.slice(at, lineEnd).replace(/\r$/, '')
    at = Math.min(lineEnd + 1, end)
    if (line === '') return {headers, bodyStart: at}
    if (/^[ \t]/.test(line) && current) {
      headers.set(current, headers.get(current)! + ' ' + line.trim())
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    current = line.slice(0, colon).trim().toLowerCase()
    if (!headers.has(current)) headers.set(current, line.slice(colon + 1).trim())
  }
  return {headers, bodyStart: end}
}

/** A structured header value: `type/subtype; key=value; key="value"`. */
function parseValue(value: string | undefined): {value: string; params: Map<string, string>} {
  const params = new Map<string, string>()
  if (!value) return {value: '', params}
  const [head, ...rest] = value.split(';')
  for (const match of rest.join(';').matchAll(/([\w*.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params.set(match[1].toLowerCase(), match[2] !== undefined ? match[2].replace(/\\(.)/g, '$1') : match[3])
  }
  return {value: head.trim().toLowerCase(), params}
}

/** The text/plain and text/html leaves of the message, in order. */
export function textParts(raw: string): RawPart[] {
  const parts: RawPart[] = []
  const walk = (start: number, end: number, depth: number): void => {
    if (depth > maxDepth) return
    const {headers, bodyStart} = readHeaders(raw, start, end)
    const type = parseValue(headers.get('content-type') ?? 'text/plain')
    const disposition = parseValue(headers.get('content-disposition')).value
    if (type.value.startsWith('multipart/')) {
      const boundary = type.params.get('boundary')
      if (!boundary) return
      for (const [partStart, partEnd] of multipartBodies(raw, bodyStart, end, boundary)) walk(partStart, partEnd, depth + 1)
      return
    }
    if (disposition === 'attachment') return
    if (type.value !== 'text/plain' && type.value !== 'text/html') return
    parts.push({
      kind: type.value === 'text/html' ? 'html' : 'text',
      bodyStart,
      bodyEnd: end,
      encoding: (headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase(),
      charset: (type.params.get('charset') ?? 'us-ascii').trim().toLowerCase()
    })
  }
  walk(0, raw.length, 0)
  return parts
}

/** The body ranges between the delimiter lines of a multipart body. */
function multipartBodies(raw: string, start: number, end: number, boundary: string): Array<[number, number]> {
  const bodies: Array<[number, number]> = []
  const delimiter = '--' + boundary
  let partStart = -1
  let at = start
  while (at < end) {
    let lineEnd = raw.indexOf('\n', at)
    if (lineEnd === -1 || lineEnd > end) lineEnd = end
    const line = raw.slice(at, lineEnd).replace(/\r$/, '').trimEnd()
    if (line === delimiter || line === delimiter + '--') {
      // The line break before a delimiter belongs to the delimiter.
      if (partStart !== -1) bodies.push([partStart, Math.max(partStart, raw[at - 2] === '\r' ? at - 2 : at - 1)])
      if (line !== delimiter) return bodies
      partStart = Math.min(lineEnd + 1, end)
    }
    at = lineEnd + 1
  }
  if (partStart !== -1 && partStart < end) bodies.push([partStart, end])
  return bodies
}

const base64Values = new Int8Array(128).fill(-1)
for (const [index, character] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) base64Values[character.charCodeAt(0)] = index
const encoder = new TextEncoder()

/**
 * Bytes with, for each, the raw range it came from: typed arrays that grow
 * (a 10 MB message has millions of bytes; arrays of numbers cost eight
 * times as much).
 */
class ByteTrail {
  bytes: Uint8Array
  from: Int32Array
  to: Int32Array
  length = 0

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(16, capacity))
    this.from = new Int32Array(this.bytes.length)
    this.to = new Int32Array(this.bytes.length)
  }

  push(byte: number, from: number, to: number): void {
    if (this.length === this.bytes.length) {
      const size = this.bytes.length * 2
      const bytes = new Uint8Array(size)
      bytes.set(this.bytes)
      const fromAt = new Int32Array(size)
      fromAt.set(this.from)
      const toAt = new Int32Array(size)
      toAt.set(this.to)
      this.bytes = bytes
      this.from = fromAt
      this.to = toAt
    }
    this.bytes[this.length] = byte
    this.from[this.length] = from
    this.to[this.length] = to
    this.length++
  }
}

/** The body's bytes, each with the raw range it came from. */
function bodyBytes(raw: string, part: RawPart): ByteTrail {
  const {bodyStart: start, bodyEnd: end} = part
  const trail = new ByteTrail(end - start)
  if (part.encoding === 'base64') {
    const values = [0, 0, 0, 0]
    const at = [0, 0, 0, 0]
    let count = 0
    for (let index = start; index < end; index++) {
      const code = raw.charCodeAt(index)
      const value = code < 128 ? base64Values[code] : -1
      if (value === -1) continue
      values[count] = value
      at[count++] = index
      if (count === 4) {
        flushBase64(values, at, count, trail)
        count = 0
      }
    }
    if (count > 1) flushBase64(values, at, count, trail)
    return trail
  }
  const quoted = part.encoding === 'quoted-printable'
  for (let at = start; at < end; ) {
    const code = raw.charCodeAt(at)
    if (quoted && code === 61 /* = */) {
      const soft = /^=[ \t]*\r?\n/.exec(raw.slice(at, at + 80))
      if (soft) {
        at += soft[0].length
        continue
      }
      const hex = raw.slice(at + 1, at + 3)
      if (/^[\dA-Fa-f]{2}$/.test(hex)) {
        trail.push(Number.parseInt(hex, 16), at, at + 3)
        at += 3
        continue
      }
    }
    if (code < 0x80) {
      trail.push(code, at, at + 1)
      at++
      continue
    }
    const point = raw.codePointAt(at)!
    const width = point > 0xffff ? 2 : 1
    for (const byte of encoder.encode(String.fromCodePoint(point))) trail.push(byte, at, at + width)
    at += width
  }
  return trail
}

function flushBase64(values: number[], at: number[], count: number, trail: ByteTrail): void {
  const [v0, v1, v2, v3] = values
  trail.push(((v0 << 2) | (v1 >> 4)) & 0xff, at[0], at[1] + 1)
  if (count > 2) trail.push((((v1 & 15) << 4) | (v2 >> 2)) & 0xff, at[1], at[2] + 1)
  if (count > 3) trail.push((((v2 & 3) << 6) | v3) & 0xff, at[2], at[3] + 1)
}

function decoderFor(charset: string) {
  const label = charset === 'us-ascii' || charset === 'ascii' ? 'utf-8' : charset
  try {
    return new TextDecoder(label)
  } catch {
    return new TextDecoder('utf-8')
  }
}

/** Decode a part, keeping the raw range of every UTF-16 unit; undefined for a charset it cannot map unit by unit. */
function decodePart(raw: string, part: RawPart): DecodedPart | undefined {
  const trail = bodyBytes(raw, part)
  const {bytes, from, to, length} = trail
  const decoder = decoderFor(part.charset)
  if (decoder.encoding !== 'utf-8') {
    const decoded = decoder.decode(bytes.subarray(0, length))
    if (decoded.length !== length) return undefined
    // The format layer turns C1 controls back into Windows-1252; so does this (same length).
    return {text: repairC1(decoded), from: from.subarray(0, length), to: to.subarray(0, length), encoding: part.encoding}
  }
  const units = new Uint16Array(length)
  const unitFrom = new Int32Array(length)
  const unitTo = new Int32Array(length)
  let count = 0
  for (let index = 0; index < length; ) {
    const lead = bytes[index]
    if (lead < 0x80) {
      units[count] = lead
      unitFrom[count] = from[index]
      unitTo[count++] = to[index]
      index++
      continue
    }
    const size = lead >= 0xf0 && lead < 0xf8 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1
    const decoded = decoder.decode(bytes.subarray(index, Math.min(index + size, length)))
    const last = Math.min(index + size, length) - 1
    for (let unit = 0; unit < decoded.length && count < length; unit++) {
      units[count] = decoded.charCodeAt(unit)
      unitFrom[count] = from[index]
      unitTo[count++] = to[last]
    }
    index += size
  }
  let text = ''
  for (let at = 0; at < count; at += 8192) text += String.fromCharCode.apply(null, units.subarray(at, Math.min(count, at + 8192)) as unknown as number[])
  return {text: repairC1(text), from: unitFrom.subarray(0, count), to: unitTo.subarray(0, count), encoding: part.encoding}
}

function repairC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (character) => windows1252C1[character.charCodeAt(0) - 0x80])
}

/**
 * For each index of `source` (the engine's decoded part), the index of the
 * same character in `mine`, or -1. Walks both, skipping carriage returns on
 * either side; after a difference (a flowed line joined, a separator between
 * parts) it looks ahead in `mine` for the next stretch of `source`. The
 * look-ahead has a budget (a few windows per character of `source`): texts
 * that differ all the way stop aligning, and their findings are placed on
 * their whole part.
 */
function align(source: string, mine: string): Int32Array {
  const map = new Int32Array(source.length).fill(-1)
  let i = 0
  let j = 0
  const window = 4096
  let budget = 8 * source.length + 8 * window
  while (i < source.length && j <= mine.length) {
    if (source.charCodeAt(i) === mine.charCodeAt(j)) {
      map[i++] = j++
      continue
    }
    if (source.charCodeAt(i) === 13 /* \r */) {
      i++
      continue
    }
    if (mine.charCodeAt(j) === 13) {
      j++
      continue
    }
    budget -= window
    if (budget < 0) break
    const probe = source.slice(i, i + 12)
    const found = mine.slice(j, j + window).indexOf(probe)
    if (found > 0) j += found
    else i++
  }
  return map
}

/**
 * A locator for an `.eml` in the editor: maps a range of a decoded part
 * (`text`, or `html` for html and preheader findings) to the raw text.
 * Undefined when the part cannot be found or decoded here.
 */
export function emailBodyLocator(raw: string, sources: Readonly<Record<string, string>>): (source: 'text' | 'html', start: number, end: number) => RawRange | undefined {
  const cache = new Map<string, {decoded: DecodedPart[]; joined: string; starts: number[]; map: Int32Array} | undefined>()
  const prepare = (source: 'text' | 'html') => {
    if (cache.has(source)) return cache.get(source)
    let prepared
    const decoded = textParts(raw)
      .filter((part) => part.kind === source)
      .map((part) => decodePart(raw, part))
      .filter((part): part is DecodedPart => part !== undefined)
    if (decoded.length > 0 && sources[source] !== undefined) {
      // The parts joined as the parser joins them (a line break between); where each starts.
      const starts: number[] = []
      let at = 0
      for (const part of decoded) {
        starts.push(at)
        at += part.text.length + 1
      }
      const joined = decoded.map((part) => part.text).join('\n')
      prepared = {decoded, joined, starts, map: align(sources[source], joined)}
    }
    cache.set(source, prepared)
    return prepared
  }
  /** The part an index of the joined text is in, or -1 on a separator. */
  const ownerOf = (prepared: {decoded: DecodedPart[]; starts: number[]}, index: number): number => {
    const part = floorIndex(prepared.starts, index)
    return index - prepared.starts[part] < prepared.decoded[part].text.length ? part : -1
  }

  return (source, start, end) => {
    const prepared = prepare(source)
    if (!prepared || end <= start) return undefined
    const words = sources[source].slice(start, end)
    const first = prepared.map[start]
    const last = prepared.map[end - 1]
    if (first === -1 || last === -1 || last < first) return undefined
    // The aligned stretch must hold the same words (line breaks aside).
    if (prepared.joined.slice(first, last + 1).replace(/\r/g, '') !== words.replace(/\r/g, '')) return undefined
    const part = ownerOf(prepared, first)
    if (part === -1 || ownerOf(prepared, last) !== part) return undefined
    const decoded = prepared.decoded[part]
    const rawStart = decoded.from[first - prepared.starts[part]]
    const rawEnd = decoded.to[last - prepared.starts[part]]
    const literal = raw.slice(rawStart, rawEnd) === words
    return {
      start: rawStart,
      end: rawEnd,
      writable: (newText) => literal && decoded.encoding !== 'base64' && !(decoded.encoding === 'quoted-printable' && newText.includes('=')),
      located: decoded.encoding !== 'base64' && raw.slice(rawStart, rawEnd).replace(/\r/g, '') === words.replace(/\r/g, '') ? 'words' : 'encoded'
    }
  }
}

/**
 * How a finding's raw range relates to its words: `words` (the raw text is
 * the words as written), `encoded` (the raw text is their transfer encoding:
 * quoted-printable escapes and soft line breaks, the base64 characters that
 * encode their bytes, an encoded-word Subject) or `part` (the words could
 * not be found in the raw text; the range is the whole raw part or header).
 */
export type RawLocated = 'words' | 'encoded' | 'part'

/** A range of the raw message (0-based UTF-16 offsets, end exclusive) and how it holds the words. */
export interface RawPlace {
  start: number
  end: number
  located: RawLocated
}

/** The raw range of a message's `Subject` value (folded lines included, trailing space not) and its unfolded text with each unit's raw offset. */
function subjectHeader(raw: string): {start: number; end: number; text: string; offsets: number[]} | undefined {
  const headerEnd = /\r?\n\r?\n/.exec(raw)?.index ?? raw.length
  const line = /^subject:[ \t]*/im.exec(raw.slice(0, headerEnd))
  if (!line) return undefined
  const start = line.index + line[0].length
  let end = start
  let text = ''
  const offsets: number[] = []
  for (let at = start; at < headerEnd; at++) {
    const code = raw.charCodeAt(at)
    if (code === 13 || code === 10) {
      const next = raw[at + (code === 13 && raw.charCodeAt(at + 1) === 10 ? 2 : 1)]
      if (next !== ' ' && next !== '\t') break
      continue // A folded line: unfolding drops the line break, keeps the space.
    }
    text += raw[at]
    offsets.push(at)
    end = at + 1
  }
  while (text.length > 0 && /[ \t]/.test(text[text.length - 1])) {
    text = text.slice(0, -1)
    offsets.pop()
    end = offsets.length > 0 ? offsets[offsets.length - 1] + 1 : start
  }
  return {start, end, text, offsets}
}

/**
 * Places in the raw message for findings in its decoded parts: `part`
 * (`subject`, `preheader` and `html` point into `sources.html`, `text`), and
 * `start`–`end` in that decoded source. Always answers: where the words
 * cannot be found in the raw text, the whole raw part (or Subject header),
 * marked `located: 'part'`.
 */
export function rawPlacer(raw: string, sources: Readonly<Record<string, string>>): (part: PartName, start: number, end: number) => RawPlace {
  const body = emailBodyLocator(raw, sources)
  let subject: ReturnType<typeof subjectHeader> | null = null
  let parts: RawPart[] | undefined
  const headerEnd = /\r?\n\r?\n/.exec(raw)
  const bodyStart = headerEnd ? headerEnd.index + headerEnd[0].length : raw.length
  const wholePart = (kind: 'text' | 'html'): RawPlace => {
    parts ??= textParts(raw)
    const own = parts.filter((part) => part.kind === kind)
    if (own.length === 0) return {start: bodyStart, end: trimEnd(raw, bodyStart, raw.length), located: 'part'}
    return {start: own[0].bodyStart, end: trimEnd(raw, own[0].bodyStart, own[own.length - 1].bodyEnd), located: 'part'}
  }
  return (part, start, end) => {
    if (part === 'subject') {
      if (subject === null) subject = subjectHeader(raw)
      if (!subject) return {start: 0, end: 0, located: 'part'}
      const decoded = sources.subject ?? ''
      const at = subject.text.indexOf(decoded)
      if (decoded !== '' && at !== -1 && end > start) {
        const from = subject.offsets[at + start]
        const to = subject.offsets[at + end - 1] + 1
        return {start: from, end: to, located: raw.slice(from, to) === decoded.slice(start, end) ? 'words' : 'encoded'}
      }
      return {start: subject.start, end: subject.end, located: 'part'}
    }
    const kind = part === 'text' ? 'text' : 'html'
    const found = end > start ? body(kind, start, end) : end === start ? emptyAt(body, kind, start, sources) : undefined
    if (found) return {start: found.start, end: found.end, located: found.located}
    return wholePart(kind)
  }
}

/** An empty range: placed where the character after it (or before it) is. */
function emptyAt(body: ReturnType<typeof emailBodyLocator>, kind: 'text' | 'html', at: number, sources: Readonly<Record<string, string>>): RawRange | undefined {
  const length = sources[kind]?.length ?? 0
  const after = at < length ? body(kind, at, at + 1) : undefined
  if (after) return {...after, end: after.start}
  const before = at > 0 ? body(kind, at - 1, at) : undefined
  return before && {...before, start: before.end}
}

function trimEnd(raw: string, start: number, end: number): number {
  while (end > start && /\s/.test(raw[end - 1])) end--
  return end
}
