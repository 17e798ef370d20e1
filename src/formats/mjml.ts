/**
 * MJML: the copy inside the content components (read as HTML), image alt
 * texts (`mj-image`, `mj-carousel-image`), and `mj-preview` as the preheader.
 *
 * The MJML structure is tokenized here instead of handed to the HTML parser:
 * an HTML parser does not self-close unknown tags, so `<mj-all … />` would
 * stay open and swallow (or leak) what follows, and head components such as
 * `mj-attributes` hold `<mj-text …>` defaults that are not copy. MJML tags
 * are simple (no `>` inside attribute values in practice), so a tag pattern
 * is enough; the content of each content component is then parsed as an
 * HTML fragment, with positions shifted to the file.
 */
import type {Block, BlockRole, Control} from '../types.js'
import {pushBlock} from './blocks.js'
import {extractHtml} from './html.js'
import {BlockBuilder} from './offsets.js'

/** Components whose content is copy, read as HTML. */
const contentComponents = new Set([
  'mj-text', 'mj-button', 'mj-navbar-link', 'mj-accordion-title', 'mj-accordion-text', 'mj-social-element',
  'mj-table', 'mj-raw', 'mj-preview'
])

/** The role of a content component's copy (see `Block.role`); the HTML inside may say more. */
const componentRoles: Readonly<Record<string, BlockRole>> = {
  'mj-button': 'button',
  'mj-navbar-link': 'navigation',
  'mj-social-element': 'navigation',
  'mj-accordion-title': 'heading',
  'mj-table': 'table-cell'
}

/** Components whose content is skipped whole. */
const skippedComponents = new Set([
  'mj-title', 'mj-style', 'mj-attributes', 'mj-font', 'mj-breakpoint', 'mj-html-attributes'
])

/** Where a comment or an MJML start tag (with its name) begins; their ends are found by `nextToken`. */
const tokenStart = /<!--|<(mj-[a-z-]+|mjml)\b/gi
const altAttribute = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i
const controlComment = /^trouw\b/

/** Extract the copy of an MJML document; positions point into `mjml`. */
export function extractMjml(mjml: string, source = 'file'): {blocks: Block[]; controls: Control[]} {
  const blocks: Block[] = []
  const controls: Control[] = []
  const lowerCase = mjml.toLowerCase()
  const scanner = new Scanner(mjml, lowerCase)
  let match: Token | undefined
  while ((match = scanner.next())) {
    const {whole, commentText, tagName, attributes} = match
    if (commentText !== undefined) {
      const text = commentText.trim()
      if (controlComment.test(text)) {
        controls.push({text, source, offset: match.index, endOffset: match.index + whole.length})
      }
      continue
    }
    const name = tagName.toLowerCase()
    if (name === 'mj-image' || name === 'mj-carousel-image') {
      alt(blocks, attributes, match.index + whole.length - 1 - attributes.length, source)
      continue
    }
    const selfClosing = attributes.endsWith('/')
    if (selfClosing || !(contentComponents.has(name) || skippedComponents.has(name))) continue
    // Content components hold no MJML tags: their content ends at the next
    // one (normally their end tag). Head components end at their end tag.
    const contentStart = match.index + whole.length
    const contentEnd = skippedComponents.has(name)
      ? scanner.endTag(name, contentStart)
      : scanner.nextMjmlTag(contentStart)
    scanner.position = contentEnd
    if (skippedComponents.has(name)) continue
    const role = componentRoles[name]
    const html = extractHtml(mjml.slice(contentStart, contentEnd), {source, base: contentStart, fragment: true, ...(role ? {role} : {})})
    controls.push(...html.controls)
    if (name === 'mj-preview') {
      // The preview is one run of text: join its pieces into one block.
      const builder = new BlockBuilder()
      for (const block of html.blocks) {
        if (builder.text) builder.text += ' '
        for (const piece of block.map) builder.map.push({...piece, text: piece.text + builder.text.length})
        builder.text += block.text
      }
      pushBlock(blocks, builder, source, 'preheader', 'preheader')
    } else {
      blocks.push(...html.blocks)
    }
  }
  return {blocks, controls}
}

interface Token {
  index: number
  whole: string
  commentText: string | undefined
  tagName: string
  attributes: string
}

/**
 * The tokens of an MJML document, in one pass: every search remembers how
 * far it got, so no character is read again for the same question. The
 * regular expression this replaces looked for the `>` of every `<mj-text`
 * and the `-->` of every `<!--` to the end of the document again when there
 * was none (1 MB of unclosed `<mj-text>` took 21 s); the end-tag searches
 * did the same for every content component without an end tag.
 */
class Scanner {
  /** Where the next token search starts. */
  position = 0
  private readonly found = new Map<string, {from: number; result: number}>()

  constructor(
    private readonly mjml: string,
    private readonly lowerCase: string
  ) {}

  next(): Token | undefined {
    const {mjml} = this
    tokenStart.lastIndex = this.position
    const start = tokenStart.exec(mjml)
    if (!start) return undefined
    const index = start.index
    if (start[1] === undefined) {
      // A comment without an end runs to the end of the document, as in HTML.
      const close = this.indexOf('-->', index + 4)
      if (close === -1) return undefined
      this.position = close + 3
      return {index, whole: mjml.slice(index, close + 3), commentText: mjml.slice(index + 4, close), tagName: '', attributes: ''}
    }
    const attributesStart = index + start[0].length
    const end = this.tagEnd(attributesStart)
    // A start tag without its `>` runs to the end of the document.
    if (end === -1) return undefined
    this.position = end + 1
    return {
      index,
      whole: mjml.slice(index, end + 1),
      commentText: undefined,
      tagName: start[1],
      attributes: mjml.slice(attributesStart, end)
    }
  }

  /** The `>` that ends a start tag, outside quoted attribute values (an unclosed quote is a plain character). */
  private tagEnd(from: number): number {
    const {mjml} = this
    for (let at = from; at < mjml.length; at++) {
      const code = mjml.charCodeAt(at)
      if (code === 62) return at
      if (code === 34 || code === 39) {
        const close = this.indexOf(code === 34 ? '"' : "'", at + 1)
        if (close !== -1) at = close
      }
    }
    return -1
  }

  /** Where the end tag of `name` starts, or `start` when there is none. */
  endTag(name: string, start: number): number {
    const close = this.indexOf(`</${name}`, start, true)
    return close === -1 ? start : close
  }

  /** Where the next MJML tag (start or end) after `start` begins, or the document's end. */
  nextMjmlTag(start: number): number {
    const open = this.indexOf('<mj-', start, true)
    const close = this.indexOf('</mj-', start, true)
    if (open === -1) return close === -1 ? this.lowerCase.length : close
    return close === -1 ? open : Math.min(open, close)
  }

  /**
   * `indexOf`, remembering the last answer per needle: a later search from
   * before that answer gets it again, and one that found nothing is not
   * repeated (the searches only move forward, so this keeps them linear).
   */
  private indexOf(needle: string, from: number, lowerCase = false): number {
    const key = (lowerCase ? 'l' : 'o') + needle
    const last = this.found.get(key)
    // The first match at or after an earlier `from` is also the first at or after this one.
    if (last && last.from <= from && (last.result === -1 || last.result >= from)) return last.result
    const result = (lowerCase ? this.lowerCase : this.mjml).indexOf(needle, from)
    this.found.set(key, {from, result})
    return result
  }
}

/** The alt text of an `mj-image`, as a block of its own. */
function alt(blocks: Block[], attributes: string, attributesStart: number, source: string): void {
  const match = altAttribute.exec(attributes)
  if (!match) return
  const raw = match[1] ?? match[2]
  const builder = new BlockBuilder()
  builder.decode(raw, attributesStart + match.index + match[0].length - 1 - raw.length)
  pushBlock(blocks, builder, source)
}
