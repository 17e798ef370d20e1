/**
 * Small pure functions the playground's script uses, written once here so
 * Node tests run the same code the browser does: the script embeds their
 * source (`Function#toString`), so they must stay self-contained (no
 * imports, no outside variables).
 */

/**
 * The format of pasted copy when the writer left the format on "detect":
 * `mjml` for MJML (a `<mjml>` root or `<mj-…>` tags), `markdown` for text
 * with Markdown's marks (a heading, a link, a fence, or two of lists,
 * emphasis and quotes), else `undefined` (the service sniffs HTML, email
 * and plain text itself).
 */
export function guessPastedFormat(text: string): 'markdown' | 'mjml' | undefined {
  const head = text.slice(0, 20000)
  if (/<mjml[\s>]|<mj-(?:body|section|column|text|button|image|wrapper|hero|head|raw)[\s>/]/i.test(head)) return 'mjml'
  // HTML and email are the service's to sniff.
  if (/<(?:!doctype|html|head|body|p|div|table|h[1-6]|br|span|a)[\s>/]/i.test(head)) return undefined
  if (/^[A-Za-z-]+: .*\r?\n(?:[A-Za-z-]+: .*\r?\n)+/.test(head)) return undefined
  let marks = 0
  if (/^#{1,6}[ \t]+\S/m.test(head)) marks += 2
  if (/\[[^\]\n]+\]\((?:https?:|mailto:|\/|#|\{\{)[^)\s]*\)/.test(head)) marks += 2
  if (/^(?:```|~~~)/m.test(head)) marks += 2
  if (/^[^\n]*\S[^\n]*\n(?:=+|-{2,})[ \t]*$/m.test(head)) marks += 2
  if (/^[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+\S.*\n[ \t]{0,3}(?:[-*+]|\d+[.)])[ \t]+\S/m.test(head)) marks += 1
  if (/(?:\*\*|__)(?=\S)[^*_\n]+?(?<=\S)(?:\*\*|__)/.test(head)) marks += 1
  if (/^>[ \t]?\S/m.test(head)) marks += 1
  return marks >= 2 ? 'markdown' : undefined
}

/** `1 note`, `2 notes`, `0 notes`. */
export function plural(count: number, one: string, many: string): string {
  return count + ' ' + (count === 1 ? one : many)
}

/**
 * A reason or suggestion cut into plain text and code: what stands between
 * backticks is code (`` `minimum term` `` → `{code: true, text: 'minimum term'}`);
 * a lone backtick stays text.
 */
export function codeSegments(text: string): Array<{code: boolean; text: string}> {
  const segments: Array<{code: boolean; text: string}> = []
  const pattern = /`([^`\n]+)`/g
  let last = 0
  let match: RegExpExecArray | null
  while ((match = pattern.exec(text)) !== null) {
    if (match.index > last) segments.push({code: false, text: text.slice(last, match.index)})
    segments.push({code: true, text: match[1]})
    last = match.index + match[0].length
  }
  if (last < text.length) segments.push({code: false, text: text.slice(last)})
  return segments
}
