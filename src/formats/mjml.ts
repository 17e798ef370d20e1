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

/** A comment, or an MJML start tag with its name and attributes. */
const token = /<!--([\s\S]*?)-->|<(mj-[a-z-]+|mjml)\b((?:"[^"]*"|'[^']*'|[^>"'])*)>/gi
const altAttribute = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i
const controlComment = /^trouw\b/

/** Extract the copy of an MJML document; positions point into `mjml`. */
export function extractMjml(mjml: string, source = 'file'): {blocks: Block[]; controls: Control[]} {
  const blocks: Block[] = []
  const controls: Control[] = []
  const lowerCase = mjml.toLowerCase()
  token.lastIndex = 0
  let match: RegExpExecArray | null
  while ((match = token.exec(mjml))) {
    const [whole, commentText, tagName, attributes] = match
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
      ? endTag(lowerCase, name, contentStart)
      : nextMjmlTag(lowerCase, contentStart)
    token.lastIndex = contentEnd
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

function endTag(lowerCase: string, name: string, start: number): number {
  const close = lowerCase.indexOf(`</${name}`, start)
  return close === -1 ? start : close
}

function nextMjmlTag(lowerCase: string, start: number): number {
  const open = lowerCase.indexOf('<mj-', start)
  const close = lowerCase.indexOf('</mj-', start)
  if (open === -1) return close === -1 ? lowerCase.length : close
  return close === -1 ? open : Math.min(open, close)
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
