/**
 * The nesting limit: HTML elements, MJML components and Markdown containers
 * (block quotes, lists) nested deeper than `maxNesting` levels are refused
 * before the copy is walked. Real mail nests a few levels, Outlook-style
 * table layouts some tens; thousands of levels are an attack or a broken
 * generator, and they overflowed the stack (HTML from about 1,900 levels,
 * Markdown from 3,000 lists or 5,000 quotes) and cost the Markdown parser
 * time quadratic in the depth (3,000 nested lists: 5 s).
 */
import {InputError} from '../types.js'
import {displayPath} from './decode.js'

/** Deepest nesting of HTML elements (and so MJML content) accepted, in levels. */
export const maxNesting = 128

/**
 * Deepest nesting of Markdown block quotes and lists accepted, in levels.
 * Lower than HTML's: micromark's cost per line grows with the depth, so a
 * document of lists nested by indentation costs about the square of its
 * depth (127 levels in 18 KB: 0.8 s; 32 levels: under 0.1 s). Real copy
 * nests lists a few levels and quoted replies rarely ten.
 */
export const maxMarkdownNesting = 32

/** Thrown by a format's extractor; `extract` turns it into an `InputError` naming the file. */
export class NestingError extends Error {
  constructor(
    readonly what: string,
    readonly line: number | undefined,
    readonly limit = maxNesting
  ) {
    super(`${what} are nested more than ${limit} levels deep: flatten them (trouw reads at most ${limit} levels)`)
    this.name = 'NestingError'
  }

  toInputError(path: string | undefined): InputError {
    return new InputError(displayPath(path), this.message, this.line)
  }
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) line++
  return line
}

/**
 * Throw a `NestingError` when a Markdown line opens more than
 * `maxMarkdownNesting` containers: block quote markers and list markers at its start, plus one
 * level per two columns of indentation (how nested list items continue).
 * An upper bound on what the parser will build, read in one pass.
 */
export function checkMarkdownNesting(markdown: string): void {
  let line = 1
  let at = 0
  const length = markdown.length
  while (at < length) {
    let depth = 0
    let columns = 0
    // Leading indentation.
    for (;;) {
      const code = markdown.charCodeAt(at)
      if (code === 32) columns++
      else if (code === 9) columns += 4
      else break
      at++
    }
    depth += columns >> 1
    // Container markers, each with the spaces after it.
    for (;;) {
      const code = markdown.charCodeAt(at)
      let next = at
      if (code === 62) next = at + 1 // >
      else if (code === 45 || code === 42 || code === 43) {
        // -, *, + followed by a space or tab
        const after = markdown.charCodeAt(at + 1)
        if (after === 32 || after === 9) next = at + 1
      } else if (code >= 48 && code <= 57) {
        let end = at
        while (end < length && end - at < 9 && markdown.charCodeAt(end) >= 48 && markdown.charCodeAt(end) <= 57) end++
        const mark = markdown.charCodeAt(end)
        const after = markdown.charCodeAt(end + 1)
        if ((mark === 46 || mark === 41) && (after === 32 || after === 9)) next = end + 1
      }
      if (next === at) break
      depth++
      at = next
      while (markdown.charCodeAt(at) === 32 || markdown.charCodeAt(at) === 9) at++
    }
    if (depth > maxMarkdownNesting) throw new NestingError('block quotes or lists', line, maxMarkdownNesting)
    const end = markdown.indexOf('\n', at)
    if (end === -1) break
    at = end + 1
    line++
  }
}

/** A parse5 node, as far as the depth check reads it. */
interface TreeNode {
  tagName?: string
  childNodes?: TreeNode[]
  content?: TreeNode
  sourceCodeLocation?: {startLine?: number} | null
}

/**
 * Throw a `NestingError` when a parsed HTML tree (parse5's, before it is
 * turned into hast, which recurses) nests elements deeper than `maxNesting`
 * (`<html>` and `<body>` count, also when the parser added them).
 * Iterative: the check itself cannot overflow.
 */
export function checkTreeNesting(root: TreeNode, what: string, withLine: boolean): void {
  const nodes: TreeNode[] = [root]
  const depths: number[] = [0]
  while (nodes.length > 0) {
    const node = nodes.pop()!
    const depth = depths.pop()!
    if (depth > maxNesting) {
      const line = node.sourceCodeLocation?.startLine
      throw new NestingError(what, withLine ? line : undefined)
    }
    const children = node.content ? node.content.childNodes : node.childNodes
    if (!children) continue
    for (const child of children) {
      nodes.push(child)
      depths.push(child.tagName === undefined ? depth : depth + 1)
    }
  }
}
