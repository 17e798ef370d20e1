/**
 * Markdown (and MDX read as Markdown): one block per paragraph, heading and
 * table cell (list items and block quotes hold paragraphs), plus image alt
 * texts. Front matter, code, inline code, URLs and HTML are skipped; HTML
 * comments starting with `trouw` become controls.
 */
import type {Nodes, Parents, PhrasingContent} from 'mdast'
import {fromMarkdown} from 'mdast-util-from-markdown'
import {frontmatterFromMarkdown} from 'mdast-util-frontmatter'
import {gfmTableFromMarkdown} from 'mdast-util-gfm-table'
import {frontmatter} from 'micromark-extension-frontmatter'
import {gfmTable} from 'micromark-extension-gfm-table'
import type {Block, Control} from '../types.js'
import {pushBlock} from './blocks.js'
import {BlockBuilder} from './offsets.js'

const parseOptions = {
  extensions: [frontmatter(['yaml', 'toml']), gfmTable()],
  mdastExtensions: [frontmatterFromMarkdown(['yaml', 'toml']), gfmTableFromMarkdown()]
}

const comment = /<!--([\s\S]*?)-->/g
const controlComment = /^trouw\b/
const lineBreak = /^<br\s*\/?>$/i

/** Extract the copy of a Markdown document; positions point into `markdown`. */
export function extractMarkdown(markdown: string, source = 'file'): {blocks: Block[]; controls: Control[]} {
  const blocks: Block[] = []
  const controls: Control[] = []

  function visit(node: Nodes): void {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'tableCell': {
        const builder = new BlockBuilder()
        for (const child of node.children) inline(child, builder)
        pushBlock(blocks, builder, source)
        return
      }
      case 'html':
        return collectControls(node.position?.start.offset, node.position?.end.offset)
      case 'code':
      case 'yaml':
      case 'definition':
        return
      default:
        if ('children' in node) for (const child of (node as Parents).children) visit(child)
    }
  }

  function inline(node: PhrasingContent, builder: BlockBuilder): void {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) return
    switch (node.type) {
      case 'text':
        return builder.align(node.value, markdown.slice(start, end), start, true)
      case 'break':
        return builder.replace('\n', start, end - start)
      case 'image':
      case 'imageReference':
        return alt(node.alt, start + 2, end)
      case 'html':
        // `<br>` is a line break; other inline HTML is markup (or a control comment).
        if (lineBreak.test(node.value)) return builder.replace('\n', start, end - start)
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
    builder.align(value, markdown.slice(start, end), start, true)
    pushBlock(blocks, builder, source)
  }

  function collectControls(start: number | undefined, end: number | undefined): void {
    if (start === undefined || end === undefined) return
    const raw = markdown.slice(start, end)
    comment.lastIndex = 0
    let match: RegExpExecArray | null
    while ((match = comment.exec(raw))) {
      const text = match[1].trim()
      if (controlComment.test(text)) {
        controls.push({text, source, offset: start + match.index, endOffset: start + match.index + match[0].length})
      }
    }
  }

  visit(fromMarkdown(markdown, parseOptions))
  return {blocks, controls}
}

function isUrlText(text: string, url: string): boolean {
  return text === url || `mailto:${text}` === url
}
