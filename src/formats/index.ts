/**
 * The input-format layer: from the bytes of a file to blocks of copy with
 * offset maps back into the text the writer sees.
 */
import type {Extracted, FormatName} from '../types.js'
import {checkText, decodeText} from './decode.js'
import {looksLikeMessage} from './sniff.js'
import {extractText} from './text.js'
import {checkMarkdownNesting, NestingError} from './nesting.js'

// The parsers of the other formats load on first use: a one-file check pays
// only for its own format (cold start matters for a CLI run per email).

export {toSourceOffset} from './offsets.js'
export {maxBlockLength} from './blocks.js'
export {maxMarkdownNesting, maxNesting} from './nesting.js'

export interface ExtractOptions {
  /** File path: used for the format (by extension) and in messages (default: `<stdin>`). */
  path?: string
  /** Format to read as; wins over the extension (default: by extension, else sniffed). */
  format?: FormatName
  /** Largest input in bytes (default: 10 MB). */
  maxBytes?: number
}

const formatsByExtension: Record<string, FormatName> = {
  txt: 'text',
  text: 'text',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  html: 'html',
  htm: 'html',
  mjml: 'mjml',
  eml: 'eml'
}

/** The format a path's extension names, if it names one. */
export function formatFromPath(path: string): FormatName | undefined {
  const match = /\.([A-Za-z\d]+)$/.exec(path)
  return match ? formatsByExtension[match[1].toLowerCase()] : undefined
}

const headDecoder = new TextDecoder('utf-8')
const mjmlStart = /<mjml[\s>]/i
const htmlStart = /<!doctype\s+html|<(?:html|head|body|p|table|div|span|h[1-6]|br|ul|ol|a)[\s>/]/i
const mailHeader = /^(?:from|to|subject|date|mime-version|content-type|message-id|received|return-path|delivered-to|reply-to):/im

/** Guess the format from the first bytes (or characters). */
export function sniffFormat(bytes: Uint8Array | string): FormatName {
  const head = typeof bytes === 'string' ? bytes.slice(0, 2048) : headDecoder.decode(bytes.subarray(0, 2048))
  if (mjmlStart.test(head)) return 'mjml'
  if (looksLikeMessage(bytes)) {
    const headers = head.split(/\r?\n\r?\n/, 1)[0]
    if (mailHeader.test(headers)) return 'eml'
  }
  if (htmlStart.test(head)) return 'html'
  return 'text'
}

/**
 * Read `input` (bytes, or text already decoded) as copy: the format comes
 * from `options.format`, else the extension of `options.path`, else
 * sniffing. Throws `InputError` for input that is not copy (binary, not
 * UTF-8, empty, too large, broken MIME).
 */
export async function extract(input: Uint8Array | string, options?: Readonly<ExtractOptions> | null): Promise<Extracted> {
  try {
    return await extractFormat(input, options)
  } catch (error) {
    if (error instanceof NestingError) throw error.toInputError(options?.path)
    throw error
  }
}

async function extractFormat(input: Uint8Array | string, options?: Readonly<ExtractOptions> | null): Promise<Extracted> {
  const path = options?.path
  const format = options?.format ?? (path ? formatFromPath(path) : undefined) ?? sniffFormat(input)
  if (format === 'eml') {
    // MIME is bytes: transfer encodings and charsets are decoded from them.
    const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
    return (await import('./eml.js')).extractEml(bytes, path, options?.maxBytes)
  }
  const file = typeof input === 'string' ? checkText(input, path, options?.maxBytes) : decodeText(input, path, options?.maxBytes)
  const sources = {file}
  switch (format) {
    case 'text':
      return {format, sources, blocks: extractText(file)}
    case 'markdown':
      checkMarkdownNesting(file)
      return {format, sources, ...(await import('./markdown.js')).extractMarkdown(file)}
    case 'html': {
      const {blocks, controls} = (await import('./html.js')).extractHtml(file)
      return {format, sources, blocks, controls}
    }
    case 'mjml':
      return {format, sources, ...(await import('./mjml.js')).extractMjml(file)}
  }
}
