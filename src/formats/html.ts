/**
 * HTML: the visible copy, one block per block-level element, plus image alt
 * texts and hidden preheader text. Parsed with `hast-util-from-html` (the
 * parser of rehype-parse: tolerant of broken HTML, with positions). Text
 * values have their character references decoded; the offset map aligns them
 * with the source so positions stay exact.
 */
import type {Element, Nodes} from 'hast'
import type {Root} from 'hast'
import {fromParse5} from 'hast-util-from-parse5'
import {parse, parseFragment} from 'parse5'
import {VFile} from 'vfile'
import {checkTreeNesting} from './nesting.js'
import type {Block, BlockRole, Control, PartName} from '../types.js'
import {isFooterText} from './roles.js'
import {pushBlock} from './blocks.js'
import {BlockBuilder} from './offsets.js'

export interface HtmlOptions {
  /** Key of the source text positions point into (default: `file`). */
  source?: string
  /** Part to put on blocks (default: none). */
  part?: PartName
  /** Offset of `html` in the source text, for fragments (default: 0). */
  base?: number
  /** Parse as a fragment, not a document (default: false). */
  fragment?: boolean
  /** The role of the copy around the fragment (an MJML component's), when it has one (default: none). */
  role?: BlockRole
}

export interface HtmlExtraction {
  blocks: Block[]
  controls: Control[]
  /** The blocks of the first hidden element (a preheader), also in `blocks`. */
  preheader: Block[]
}

/** Elements whose content is not copy. */
const skipped = new Set(['head', 'title', 'style', 'script', 'noscript', 'template', 'svg', 'math', 'iframe', 'object'])

/** Elements that start and end a block. */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'button', 'caption', 'center', 'dd', 'details', 'dialog',
  'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'header', 'hgroup', 'hr', 'html', 'label', 'legend', 'li', 'main', 'nav', 'ol', 'option', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])

const altAttribute = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i
const hiddenStyle = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i
const controlComment = /^trouw\b/

/** Extract the copy of an HTML document or fragment. */
export function extractHtml(html: string, options?: Readonly<HtmlOptions> | null): HtmlExtraction {
  const walker = new HtmlWalker(html, options ?? {})
  // Lines of the file only when `html` is the whole file (not a fragment of MJML, not a MIME part).
  const ownLines = (options?.source ?? 'file') === 'file' && !options?.base
  walker.visit(parseHtml(html, options?.fragment ?? false, ownLines))
  walker.flush()
  return {blocks: walker.blocks, controls: walker.controls, preheader: walker.preheader}
}

/**
 * `fromHtml` of hast-util-from-html, in its two steps, with the nesting
 * limit between them: parse5 builds deep trees without recursion, but the
 * step to hast (and the walk here) recurses, and overflowed the stack from
 * about 1,900 levels.
 */
function parseHtml(html: string, fragment: boolean, ownLines: boolean): Root {
  const options = {sourceCodeLocationInfo: true, scriptingEnabled: false}
  const tree = fragment ? parseFragment(html, options) : parse(html, options)
  checkTreeNesting(tree, 'HTML elements', ownLines)
  return fromParse5(tree, {file: new VFile(html)}) as Root
}

class HtmlWalker {
  blocks: Block[] = []
  controls: Control[] = []
  preheader: Block[] = []
  private current = new BlockBuilder()
  private foundPreheader = false
  /** Roles the elements around say (innermost last). */
  private roles: BlockRole[] = []
  /** Characters of the current block inside links, and how many links. */
  private linked = 0
  private links = 0
  private inLink = 0
  private readonly source: string
  private readonly part: PartName | undefined
  private readonly base: number

  constructor(
    private readonly html: string,
    options: Readonly<HtmlOptions>
  ) {
    this.source = options.source ?? 'file'
    this.part = options.part
    this.base = options.base ?? 0
    if (options.role) this.roles.push(options.role)
  }

  /** End the current block. */
  flush(): void {
    pushBlock(this.blocks, this.current, this.source, this.part, this.blockRole())
    this.current = new BlockBuilder()
    this.linked = 0
    this.links = 0
  }

  /** The current block's role: from the elements around it, then from its links and wording. */
  private blockRole(): BlockRole {
    const text = this.current.text
    // A quote, footer, menu, signature or code around the block wins over the list item or cell inside it.
    let role = this.roles.find((outer) => dominant.has(outer)) ?? this.roles[this.roles.length - 1] ?? 'paragraph'
    const visible = text.replace(/\s+/g, '').length
    if (visible > 0 && this.links > 0 && this.linked >= visible && (role === 'paragraph' || role === 'table-cell' || role === 'list-item')) {
      role = this.links >= 3 ? 'navigation' : role === 'list-item' && this.roles.includes('navigation') ? 'navigation' : 'button'
    }
    // A layout cell holding prose is a paragraph; a data cell is short.
    if (role === 'table-cell' && (text.length > 80 || /[.!?]\s+\p{Lu}/u.test(text) || /\s\S+\s\S+\s\S+\s.*[.!?]["'”’)]*\s*$/u.test(text))) role = 'paragraph'
    if ((role === 'paragraph' || role === 'table-cell') && isFooterText(text)) role = 'footer'
    return role
  }

  visit(node: Nodes): void {
    if (node.type === 'root') {
      for (const child of node.children) this.visit(child)
      return
    }
    if (node.type === 'element') return this.element(node)
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    if (node.type === 'text') {
      if (this.inLink > 0) this.linked += node.value.replace(/\s+/g, '').length
      this.current.align(node.value, this.html.slice(start, end), this.base + start)
    } else if (node.type === 'comment') {
      const text = node.value.trim()
      if (controlComment.test(text)) {
        // parse5 ends a comment left open at the end of the input one past
        // the input (it counts the `-->` it did not find): keep it inside.
        const inside = Math.min(end, this.html.length)
        this.controls.push({text, source: this.source, offset: this.base + start, endOffset: this.base + inside})
      }
    }
  }

  private element(node: Element): void {
    const name = node.tagName
    if (skipped.has(name)) return
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (name === 'br') {
      if (start !== undefined && end !== undefined) this.current.replace('\n', this.base + start, end - start)
      return
    }
    if (name === 'img') {
      if (start !== undefined && end !== undefined) this.alt(node, start, end)
      return
    }
    const hidden = isHidden(node)
    const isBlock = hidden || blockElements.has(name)
    if (isBlock) this.flush()
    const first = this.blocks.length
    const role = roleOfElement(node)
    if (role) this.roles.push(role)
    if (name === 'a') {
      this.inLink++
      this.links++
    }
    for (const child of node.children) this.visit(child)
    if (name === 'a') this.inLink--
    if (isBlock) this.flush()
    if (role) this.roles.pop()
    if (hidden && !this.foundPreheader && this.blocks.length > first) {
      this.foundPreheader = true
      this.preheader = this.blocks.slice(first)
    }
  }

  /** The alt text of an image, as a block of its own. */
  private alt(node: Element, start: number, end: number): void {
    const value = node.properties.alt
    if (typeof value !== 'string' || value.trim() === '') return
    const tag = this.html.slice(start, end)
    const match = altAttribute.exec(tag)
    if (!match) return
    const raw = match[1] ?? match[2] ?? match[3]
    const quoted = match[3] === undefined ? 1 : 0
    const rawStart = start + match.index + match[0].length - quoted - raw.length
    const builder = new BlockBuilder()
    builder.align(value, raw, this.base + rawStart)
    pushBlock(this.blocks, builder, this.source, this.part)
  }
}

const headingTags = /^h[1-6]$/
const dominant: ReadonlySet<BlockRole> = new Set(['code', 'quote', 'footer', 'navigation', 'signature'])
const roleClass: ReadonlyArray<[RegExp, BlockRole]> = [
  [/footer|unsubscribe|legal|disclaimer/i, 'footer'],
  [/(?:^|[-_\s])(?:btn|button|cta)(?:$|[-_\s])/i, 'button'],
  [/(?:^|[-_\s])(?:nav|navbar|menu)(?:$|[-_\s])/i, 'navigation'],
  [/quote|testimonial|review/i, 'quote'],
  [/(?:^|[-_\s])(?:headline|heading)(?:$|[-_\s])/i, 'heading'],
  [/(?:^|[-_\s])signature(?:$|[-_\s])/i, 'signature']
]
const ariaRoles: Readonly<Record<string, BlockRole>> = {navigation: 'navigation', contentinfo: 'footer', heading: 'heading', button: 'button', menu: 'navigation'}

/** What an element says its copy is, by tag, ARIA role, or class and id names (none for most elements). */
function roleOfElement(node: Element): BlockRole | undefined {
  const name = node.tagName
  if (headingTags.test(name)) return 'heading'
  switch (name) {
    case 'th':
      return 'table-cell'
    case 'td':
      // A data cell holds its text itself; a layout cell holds paragraphs, headings, divs.
      return node.children.some((child) => child.type === 'element' && blockElements.has(child.tagName)) ? undefined : 'table-cell'
    case 'blockquote':
    case 'q':
      return 'quote'
    case 'nav':
      return 'navigation'
    case 'footer':
    case 'address':
      return 'footer'
    case 'button':
      return 'button'
    case 'pre':
    case 'code':
      return 'code'
    case 'li':
      return 'list-item'
  }
  const aria = node.properties.role
  if (typeof aria === 'string' && ariaRoles[aria]) return ariaRoles[aria]
  const className = node.properties.className
  const names = [...(Array.isArray(className) ? className.map(String) : []), typeof node.properties.id === 'string' ? node.properties.id : '']
  for (const [pattern, role] of roleClass) if (names.some((item) => pattern.test(item))) return role
  return undefined
}

/** A hidden element: `display:none` (or `visibility:hidden`, `mso-hide:all`) in its style, or a class naming a preheader. */
function isHidden(node: Element): boolean {
  const style = node.properties.style
  if (typeof style === 'string' && hiddenStyle.test(style)) return true
  const className = node.properties.className
  return Array.isArray(className) && className.some((name) => String(name).toLowerCase().includes('preheader'))
}
