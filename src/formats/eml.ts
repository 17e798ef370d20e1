/**
 * `.eml` (MIME): the Subject, the hidden preheader, and the text of the
 * text/plain and text/html parts, parsed with `postal-mime` (multipart,
 * quoted-printable, base64, charsets, encoded words). Positions point into
 * the decoded parts: `sources.subject`, `sources.text`, `sources.html`.
 */
import PostalMime from 'postal-mime'
import type {Block, Extracted} from '../types.js'
import {InputError} from '../types.js'
import {looksLikeMessage} from './sniff.js'
import {BlockBuilder} from './offsets.js'
import {pushBlock} from './blocks.js'
import {checkBytes, displayPath, windows1252C1} from './decode.js'
import {extractHtml} from './html.js'
import {extractText} from './text.js'

/**
 * Node 20's `TextDecoder('windows-1252')` decodes bytes 0x80–0x9F as C1
 * controls (the ISO-8859-1 way), so `€` (0x80) would be lost. C1 controls
 * are never copy, so they are mapped back to Windows-1252.
 */
const c1Controls = /[\u0080-\u009f]/g

function repairWindows1252(text: string): string {
  return text.replace(c1Controls, (character) => windows1252C1[character.charCodeAt(0) - 0x80])
}

/** Extract the copy of a MIME message. */
export async function extractEml(
  bytes: Uint8Array,
  path?: string | undefined,
  maxBytes?: number | undefined
): Promise<Extracted> {
  checkBytes(bytes, path, maxBytes)
  const where = displayPath(path)
  if (!looksLikeMessage(bytes)) {
    throw new InputError(where, 'is not a readable MIME message: it does not start with mail headers (From:, Subject:, …)')
  }
  let email: Awaited<ReturnType<typeof PostalMime.parse>>
  try {
    email = await PostalMime.parse(bytes)
  } catch (error) {
    throw new InputError(where, `is not a readable MIME message: ${oneLine(error)}`)
  }
  const subject = email.subject ? repairWindows1252(email.subject) : undefined
  const text = email.text ? repairWindows1252(email.text) : undefined
  const html = email.html ? repairWindows1252(email.html) : undefined
  if (!(text && /\S/.test(text)) && !(html && /\S/.test(html))) {
    throw new InputError(where, 'is not a readable MIME message: it has no text or HTML body to check')
  }

  const sources: Record<string, string> = {}
  const blocks: Block[] = []
  const extracted: Extracted = {format: 'eml', sources, raw: new TextDecoder().decode(bytes), blocks, controls: []}
  if (subject !== undefined) {
    sources.subject = subject
    const builder = new BlockBuilder()
    builder.copy(subject, 0)
    pushBlock(blocks, builder, 'subject', 'subject', 'subject')
  }
  if (html !== undefined) {
    sources.html = html
    const part = extractHtml(html, {source: 'html', part: 'html'})
    for (const block of part.preheader) {
      block.part = 'preheader'
      block.role = 'preheader'
    }
    blocks.push(...part.blocks)
    extracted.controls = part.controls
  }
  if (text !== undefined) {
    sources.text = text
    blocks.push(...extractText(text, 'text', 'text'))
  }
  return extracted
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error)
  return message.split('\n')[0] || 'the parser failed'
}
