/**
 * Markdown (and MDX read as Markdown): one block per paragraph, heading and
 * table cell (list items and block quotes hold paragraphs), plus image alt
 * texts. Front matter, code, inline code, URLs and HTML are skipped; HTML
 * comments starting with `trouw` become controls.
 *
 * Documents longer than a chunk (64 KB) are parsed in chunks, because the
 * parser is superlinear on one big document, a paragraph of more than 256
 * inline delimiters is cut into pieces, because it is superlinear in those
 * too, and a run of more than 64 list items or quote lines is cut before a
 * list item (indented at most 3 columns) or a quote line, because it is
 * superlinear in the containers it closes: see src/formats/markdown-chunks.ts.
 */
import type {Definition, Nodes, Parents, PhrasingContent, Root} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import type {Block, BlockRole, Control} from '../types.js'
import {isFooterText} from './roles.js'
import {pushBlock} from './blocks.js'
import {
  countContainers,
  countDelimiters,
  type CutLimits,
  DefinitionIndex,
  type DefinitionSite,
  defaultChunkSize,
  defaultMaxContainers,
  defaultMaxDelimiters,
  definitionLines,
  nextCut,
  identifierOf,
  probeLine,
  referencedIdentifiers,
  scanDefinitions
} from './markdown-chunks.js'
import {BlockBuilder} from './offsets.js'

export interface MarkdownOptions {
  /**
   * Documents longer than this many characters are parsed in chunks of about
   * this size, cut where no block continues (default: `65536`).
   */
  chunkSize?: number
  /**
   * A paragraph with more inline delimiters (`*`, `_`, `[`, `]`, backticks)
   * than this is parsed in pieces (default: `256`).
   */
  maxDelimiters?: number
  /**
   * A run of more container lines (list items, block quote lines) than this
   * is cut before a list item or a quote line (default: `64`).
   */
  maxContainers?: number
}

const parseOptions = {
  extensions: [frontmatter(['yaml', 'toml']), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown()]
}

/** For chunks after the first: front matter only counts at the very start of the document. */
const laterChunkParseOptions = {
  extensions: [gfmTable()],
  mdastExtensions: [gfmTableFromMarkdown()]
}

const controlComment = /^trouw\b/
const lineBreak = /^<br\s*\/?>$/i

/** What extracting a document (or a chunk of one) collects. */
interface Collected {
  blocks: Block[]
  controls: Control[]
  /** The link reference definitions read, with offsets into the document. */
  definitions: DefinitionSite[]
}

/** A paragraph that is one link and nothing else: a button or link label. */
function isLinkOnly(children: readonly PhrasingContent[]): boolean {
  const visible = children.filter((child) => !(child.type === 'text' && child.value.trim() === ''))
  if (visible.length !== 1) return false
  const only = visible[0]
  if (only.type === 'link' || only.type === 'linkReference') return true
  return (only.type === 'strong' || only.type === 'emphasis') && isLinkOnly(only.children)
}

/** Extract the copy of a Markdown document; positions point into `markdown`. */
export function extractMarkdown(
  markdown: string,
  source = 'file',
  options?: Readonly<MarkdownOptions> | null
): {blocks: Block[]; controls: Control[]} {
  const chunkSize = Math.max(1, options?.chunkSize ?? defaultChunkSize)
  const maxDelimiters = Math.max(1, options?.maxDelimiters ?? defaultMaxDelimiters)
  const maxContainers = Math.max(1, options?.maxContainers ?? defaultMaxContainers)
  const chunked =
    markdown.length > chunkSize ||
    countDelimiters(markdown, maxDelimiters) > maxDelimiters ||
    countContainers(markdown, maxContainers) > maxContainers
      ? extractChunked(markdown, source, chunkSize, maxDelimiters, maxContainers)
      : undefined
  if (chunked) return chunked
  const collected: Collected = {blocks: [], controls: [], definitions: []}
  collect(fromMarkdown(markdown, parseOptions), markdown, 0, 0, Number.POSITIVE_INFINITY, source, collected)
  return {blocks: collected.blocks, controls: collected.controls}
}

/**
 * Walk `tree`, parsed from `text`, into `collected`. Offsets in the tree
 * point into `text`; `shift` turns them into document offsets. Only
 * top-level nodes that start in `[regionStart, regionEnd)` are read (the
 * rest is what was added around a chunk).
 */
function collect(
  tree: Root,
  text: string,
  shift: number,
  regionStart: number,
  regionEnd: number,
  source: string,
  collected: Collected
): void {
  const {blocks, controls, definitions} = collected

  /** `role`: what the nodes around say the copy is (a list item, a quote). */
  function visit(node: Nodes, role: BlockRole = 'paragraph'): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const builder = new BlockBuilder()
        for (const child of node.children) inline(child, builder)
        const own: BlockRole =
          node.type === 'heading' ? 'heading'
          : node.type === 'tableCell' ? 'table-cell'
          : role !== 'paragraph' ? role
          : isLinkOnly(node.children) ? 'button'
          : isFooterText(builder.text) ? 'footer'
          : 'paragraph'
        pushBlock(blocks, builder, source, undefined, own)
        return
      }
      case 'blockquote':
        for (const child of node.children) visit(child, 'quote')
        return
      case 'listItem':
        for (const child of node.children) visit(child, role === 'quote' ? 'quote' : 'list-item')
        return
      case 'html':
        return collectControls(node.position?.start.offset, node.position?.end.offset)
      case 'definition':
        return collectDefinition(node)
      case 'code':
      case 'yaml':
        return
      default:
        if ('children' in node) for (const child of (node as Parents).children) visit(child, role)
    }
  }

  function inline(node: PhrasingContent, builder: BlockBuilder): void {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    switch (node.type) {
      case 'text':
        return builder.align(node.value, text.slice(start, end), start + shift, true)
      case 'break':
        return builder.replace('\n', start + shift, end - start)
      case 'image':
      case 'imageReference':
        return alt(node.alt, start + 2, end)
      case 'html':
        // `<br>` is a line break; other inline HTML is markup (or a control comment).
        if (lineBreak.test(node.value)) return builder.replace('\n', start + shift, end - start)
        return collectControls(start, end)
      case 'inlineCode':
        return
      case 'link':
        // An autolink (`<https://…>`) shows its URL: not copy.
        if (node.children.length === 1 && node.children[0].type === 'text' && isUrlText(node.children[0].value, node.url)) return
        for (const child of node.children) inline(child, builder)
        return
      default:
        if ('children' in node) for (const child of node.children) inline(child as PhrasingContent, builder)
    }
  }

  function alt(value: string | null | undefined, start: number, end: number): void {
    if (!value) return
    const builder = new BlockBuilder()
    builder.align(value, text.slice(start, end), start + shift, true)
    pushBlock(blocks, builder, source)
  }

  function collectControls(start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) return
    const raw = text.slice(start, end)
    // A scan by hand, not a lazy `<!--[\s\S]*?-->`: that one looked for the
    // end of every opener without one again, quadratic in unclosed openers.
    for (let open = raw.indexOf('<!--'); open !== -1; ) {
      const close = raw.indexOf('-->', open + 4)
      if (close === -1) break
      const inner = raw.slice(open + 4, close).trim()
      if (controlComment.test(inner)) {
        const offset = start + shift + open
        controls.push({text: inner, source, offset, endOffset: offset + close + 3 - open})
      }
      open = raw.indexOf('<!--', close + 3)
    }
  }

  function collectDefinition(node: Definition): void {
    const start = node.position?.start.offset
    if (start === undefined) return
    definitions.push({identifier: node.identifier, label: rawLabel(node, text, start), offset: start + shift})
  }

  for (const child of tree.children) {
    const start = child.position?.start.offset ?? 0
    if (start >= regionStart && start < regionEnd) visit(child)
  }
}

const definitionLabel = /[ \t]*\[((?:[^\\[\]]|\\[\s\S]){1,999})\]:/y

/** The label of a definition as written (escapes and references not decoded), for defining it again elsewhere. */
function rawLabel(node: Definition, text: string, start: number): string {
  definitionLabel.lastIndex = start
  const match = definitionLabel.exec(text)
  if (match && identifierOf(match[1]) === node.identifier) return match[1]
  // A label over several lines in a block quote has `>` inside its source.
  return node.label && identifierOf(node.label) === node.identifier ? node.label : node.identifier
}

/** One parsed chunk `[start, end)` of a document. */
interface Chunk extends Collected {
  start: number
  end: number
  /** Identifiers the chunk's bracketed texts could reference. */
  wanted: Set<string>
  /** Definitions from other chunks that were added to it. */
  added: Map<string, DefinitionSite>
  /** Whether its end cuts a paragraph (no probe). */
  forced: boolean
  /** Whether its end is before a list item or a quote line (that line is the probe). */
  item: boolean
}

/**
 * Extract a big document chunk by chunk (see src/formats/markdown-chunks.ts
 * for why and where it is cut); `undefined` if it cannot be cut.
 */
function extractChunked(
  markdown: string,
  source: string,
  chunkSize: number,
  maxDelimiters: number,
  maxContainers: number
): {blocks: Block[]; controls: Control[]} | undefined {
  if (nextCut(markdown, 0, chunkSize, maxDelimiters, {maxContainers}) === undefined) return undefined
  const guessed = new DefinitionIndex(scanDefinitions(markdown))
  const chunks: Chunk[] = []
  let start = 0
  while (start < markdown.length) {
    let minLength = chunkSize
    let itemSkip = 0
    for (;;) {
      const limits: CutLimits = {maxContainers, itemSkip}
      const cut = nextCut(markdown, start, minLength, maxDelimiters, limits)
      const end = cut?.offset ?? markdown.length
      const forced = cut?.forced ?? false
      const item = cut?.item ?? false
      const wanted = referencedIdentifiers(markdown.slice(start, end))
      const chunk = parseChunk(markdown, start, end, wanted, guessed.needed(wanted, start, end), source, forced, item)
      if (chunk) {
        chunks.push(chunk)
        start = end
        break
      }
      // Something stays open across the cut (the scan guessed wrong): take a
      // longer chunk, at least twice this one (so a run of wrong guesses
      // costs a few parses, not one per line).
      minLength = 2 * (end - start)
      itemSkip = 2 * (end - start)
    }
  }

  // The definitions added were guessed by a line scan: where the parsed ones
  // say otherwise, parse that chunk again with the right ones.
  const parsed = new DefinitionIndex(chunks.flatMap((chunk) => chunk.definitions))
  for (let index = 0; index < chunks.length; index++) {
    const chunk = chunks[index]
    const needed = parsed.needed(chunk.wanted, chunk.start, chunk.end)
    if (sameDefined(chunk, needed)) continue
    const again = parseChunk(markdown, chunk.start, chunk.end, chunk.wanted, needed, source, chunk.forced, chunk.item)
    if (!again) return undefined // Cannot happen: definitions do not change where blocks end.
    chunks[index] = again
  }

  const blocks: Block[] = []
  const controls: Control[] = []
  for (const chunk of chunks) {
    for (const block of chunk.blocks) blocks.push(block)
    for (const control of chunk.controls) controls.push(control)
  }
  return {blocks, controls}
}

/** Whether the labels defined for `chunk` (its own and the added ones) are those it should see. */
function sameDefined(chunk: Chunk, needed: Map<string, DefinitionSite>): boolean {
  const own = new Set(chunk.definitions.map((definition) => definition.identifier))
  for (const identifier of chunk.added.keys()) if (!own.has(identifier) && !needed.has(identifier)) return false
  for (const identifier of needed.keys()) if (!own.has(identifier) && !chunk.added.has(identifier)) return false
  return true
}

/**
 * Parse `markdown[start, end)` on its own, with `added` definitions around
 * it and, unless it runs to the end or is `forced` (ends inside a
 * paragraph), a probe line after it: the probe paragraph, or for an `item`
 * cut the document's own next line (a list item). `undefined` if the probe
 * shows that a block stays open across `end` (or, for an item cut, that the
 * next line does not start an item of a top-level list).
 */
function parseChunk(
  markdown: string,
  start: number,
  end: number,
  wanted: Set<string>,
  added: Map<string, DefinitionSite>,
  source: string,
  forced: boolean,
  item: boolean
): Chunk | undefined {
  const last = end === markdown.length
  const body = markdown.slice(start, end)
  const definitions = definitionLines(added.values())
  // Definitions go before the chunk (after a blank line nothing is open),
  // except in the first chunk, where front matter must come first: there
  // they go after the probe.
  const prefix = start > 0 && definitions ? definitions + '\n' : ''
  const probe = last || forced ? '' : item ? nextLine(markdown, end) + '\n' : probeLine
  // After a forced cut the paragraph is open: a blank line ends it before the definitions.
  const suffix = probe + (start === 0 && definitions ? (forced ? '\n\n' : '\n') + definitions : '')
  const text = prefix + body + suffix
  const tree = fromMarkdown(text, start === 0 ? parseOptions : laterChunkParseOptions)
  const regionEnd = prefix.length + body.length
  if (!last && !forced && !(item ? dropProbeItem(tree, regionEnd) : startsParagraph(tree, regionEnd))) return undefined
  const chunk: Chunk = {blocks: [], controls: [], definitions: [], start, end, wanted, added, forced, item}
  collect(tree, text, start - prefix.length, prefix.length, regionEnd, source, chunk)
  return chunk
}

/** The line of `markdown` that starts at `offset`, without its line ending. */
function nextLine(markdown: string, offset: number): string {
  let end = offset
  while (end < markdown.length && markdown.charCodeAt(end) !== 10 && markdown.charCodeAt(end) !== 13) end++
  return markdown.slice(offset, end)
}

/**
 * Whether the probe (the document's own next line, at `offset`) starts a
 * block of its own at the top, an item of a top-level list or of a list
 * nested in the last item, or a new block or list item at the top of a
 * (nested) top-level block quote; if so, what it started is removed from
 * the tree, so the chunk reads only its own copy. The next chunk starts
 * with that line, as the first block of a list or quote of its own: the
 * same blocks, in the same roles (list item, quote).
 */
function dropProbeItem(tree: Root, offset: number): boolean {
  for (let index = tree.children.length - 1; index >= 0; index--) {
    const start = tree.children[index].position?.start.offset
    if (start === undefined || start > offset) continue
    if (start === offset && tree.children[index].type === 'paragraph') return false
    return dropStarted(tree.children.slice(0, index + 1), offset, (kept) => tree.children.splice(kept, index + 1 - kept))
  }
  return false
}

type Started = {type: string; position?: {start: {offset?: number}}; children?: Started[]}

/**
 * In `nodes` (the last one may hold the probe), drop what starts at or
 * after `offset`: the last node, or the last item of the last list, or,
 * inside the last block quote or the last list's last item, the same
 * again. `cut(kept)` keeps the first `kept` nodes.
 */
function dropStarted(nodes: readonly Started[], offset: number, cut: (kept: number) => void): boolean {
  const last = nodes[nodes.length - 1]
  const start = last?.position?.start.offset
  if (start === undefined) return false
  if (start >= offset) {
    cut(nodes.length - 1)
    return true
  }
  const children = last.children
  if (!children || (last.type !== 'list' && last.type !== 'blockquote')) return false
  const trim = (kept: number): void => {
    children.splice(kept)
    if (children.length === 0) cut(nodes.length - 1)
  }
  if (last.type === 'list') {
    const lastItem = children[children.length - 1]
    const item = lastItem?.position?.start.offset
    if (item === undefined) return false
    if (item >= offset) {
      trim(children.length - 1)
      return true
    }
    // The probe may be an item of a list nested in this one's last item.
    const inner = lastItem.children
    return inner !== undefined && dropStarted(inner, offset, (kept) => inner.splice(kept))
  }
  return dropStarted(children, offset, trim)
}

/** Whether a top-level paragraph starts at `offset` (the probe line). */
function startsParagraph(tree: Root, offset: number): boolean {
  for (let index = tree.children.length - 1; index >= 0; index--) {
    const child = tree.children[index]
    const start = child.position?.start.offset
    if (start === undefined || start > offset) continue
    return start === offset && child.type === 'paragraph'
  }
  return false
}

function isUrlText(text: string, url: string): boolean {
  return text === url || `mailto:${text}` === url
}
