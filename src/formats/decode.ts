/**
 * From bytes to text, with the input checks every format shares: size,
 * binary data, UTF-8 and emptiness. Problems are `InputError`s with a
 * one-line message that says what to do.
 */
import {InputError} from '../types.js'

/** Default limit on the input size: 10 MB. */
export const defaultMaxBytes = 10 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', {fatal: true, ignoreBOM: false})
const lenientUtf8 = new TextDecoder('utf-8')

/** Windows-1252 characters for 0x80–0x9F (undefined bytes stay C1 controls). */
export const windows1252C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/** The path in messages: the given one, or `<stdin>`. */
export function displayPath(path: string | undefined): string {
  return path || '<stdin>'
}

/**
 * Check the raw bytes: not larger than `maxBytes` (default: 10 MB), not
 * UTF-16, not binary, not empty. `.eml` files stop here (the MIME parser decodes them).
 */
export function checkBytes(bytes: Uint8Array, path: string | undefined, maxBytes?: number | undefined): void {
  const where = displayPath(path)
  checkSize(bytes.length, path, maxBytes)
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(where, 'is UTF-16 text: save it as UTF-8 and check it again')
  }
  if (isBinary(bytes)) {
    throw new InputError(where, 'is a binary file, not copy: pass a text, Markdown, HTML, MJML or .eml file')
  }
  if (!hasVisibleByte(bytes)) {
    throw new InputError(where, 'is empty: there is no copy to check')
  }
}

/** Throw when `size` bytes are more than `maxBytes` (default: 10 MB). */
export function checkSize(size: number, path: string | undefined, maxBytes: number | undefined): void {
  const limit = maxBytes ?? defaultMaxBytes
  if (size <= limit) return
  let sizeText = formatSize(size)
  let limitText = formatSize(limit)
  if (sizeText === limitText) [sizeText, limitText] = [`${size} bytes`, `${limit} bytes`]
  throw new InputError(displayPath(path), `is ${sizeText}, more than the limit of ${limitText}: split it into smaller files`)
}

/** Check `bytes` and decode them as UTF-8, without a byte order mark. */
export function decodeText(bytes: Uint8Array, path?: string | undefined, maxBytes?: number | undefined): string {
  checkBytes(bytes, path, maxBytes)
  let text: string
  try {
    text = utf8.decode(bytes)
  } catch {
    const line = lineOfFirstInvalidByte(bytes)
    throw new InputError(
      displayPath(path),
      `is not valid UTF-8 (line ${line}): save it as UTF-8 and check it again`
    )
  }
  if (!/\S/.test(text)) throw new InputError(displayPath(path), 'is empty: there is no copy to check')
  return text
}

/**
 * The same checks as `checkBytes` and `decodeText` on text that is already a
 * string (the API and the language server get strings): no round trip
 * through bytes. Returns the text without a byte order mark.
 */
export function checkText(value: string, path?: string | undefined, maxBytes?: number | undefined): string {
  // A UTF-8 byte count is at most 3 per UTF-16 unit: count only when it may matter.
  if (value.length * 3 > (maxBytes ?? defaultMaxBytes)) checkSize(Buffer.byteLength(value, 'utf8'), path, maxBytes)
  if (isBinaryText(value)) {
    throw new InputError(displayPath(path), 'is a binary file, not copy: pass a text, Markdown, HTML, MJML or .eml file')
  }
  const text = value.charCodeAt(0) === 0xfeff ? value.slice(1) : value
  if (!/\S/.test(text)) throw new InputError(displayPath(path), 'is empty: there is no copy to check')
  return text
}

/**
 * Binary data in a string: more than 1 in 10 of the first 8 K characters
 * being control characters (a NUL among them). Unlike bytes, a string was
 * decoded already: a stray NUL in a long mail (a leftover of its HTML) is a
 * flaw in the text, not a sign of a binary file, so it is checked.
 */
function isBinaryText(text: string): boolean {
  const size = Math.min(text.length, 8192)
  let controls = 0
  for (let index = 0; index < size; index++) {
    const code = text.charCodeAt(index)
    if ((code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) || code === 127) controls++
  }
  return controls * 10 > size
}

/**
 * Binary data: a NUL byte anywhere, or more than 1 in 10 bytes of the first
 * 8 KB being control characters other than tab, line feed, form feed and
 * carriage return.
 */
function isBinary(bytes: Uint8Array): boolean {
  if (bytes.indexOf(0) !== -1) return true
  const size = Math.min(bytes.length, 8192)
  let controls = 0
  for (let index = 0; index < size; index++) {
    const byte = bytes[index]
    if ((byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) || byte === 127) controls++
  }
  return controls * 10 > size
}

/** Whether any byte is not ASCII whitespace (a BOM alone counts as empty). */
function hasVisibleByte(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  for (let index = start; index < bytes.length; index++) {
    const byte = bytes[index]
    if (byte !== 32 && byte !== 9 && byte !== 10 && byte !== 13 && byte !== 12 && byte !== 11) return true
  }
  return false
}

function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  const text = lenientUtf8.decode(bytes)
  const index = text.indexOf('\uFFFD')
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++
  return line
}

/** For input read up to the limit and found longer (a stream, a growing file): its size is not known. */
export function moreThanLimit(path: string | undefined, maxBytes?: number | undefined): InputError {
  return new InputError(displayPath(path), `is more than the limit of ${formatSize(maxBytes ?? defaultMaxBytes)}: split it into smaller files`)
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`
  return `${bytes} bytes`
}
