/**
 * JSON with comments, as ESLint's and TypeScript's JSON configs accept it:
 * `// line` and `/* block *\/` comments and trailing commas before `}` or
 * `]`. `stripJsonc` blanks them out with spaces (newlines kept), so the
 * result is plain JSON whose every remaining character, line and column are
 * where they were, and a parse error still points at the right place.
 */

/** `text` with comments and trailing commas replaced by spaces; strings untouched. */
export function stripJsonc(text: string): string {
  const out = text.split('')
  let index = 0
  /** Where the last comma outside a string stood, while only blanks and comments follow it. */
  let comma = -1
  const blank = (from: number, to: number) => {
    for (let at = from; at < to; at++) if (out[at] !== '\n' && out[at] !== '\r') out[at] = ' '
  }
  while (index < text.length) {
    const char = text[index]
    if (char === '"') {
      comma = -1
      index++
      while (index < text.length && text[index] !== '"' && text[index] !== '\n') index += text[index] === '\\' ? 2 : 1
      index++
    } else if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index)
      const stop = end === -1 ? text.length : end
      blank(index, stop)
      index = stop
    } else if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2)
      // An unclosed block comment is left for the JSON parser to report.
      if (end === -1) break
      blank(index, end + 2)
      index = end + 2
    } else if (char === ',') {
      comma = index
      index++
    } else if (char === '}' || char === ']') {
      if (comma !== -1) out[comma] = ' '
      comma = -1
      index++
    } else {
      if (!/\s/.test(char)) comma = -1
      index++
    }
  }
  return out.join('')
}

/** Parse JSON with comments and trailing commas (`JSON.parse`'s errors, at the same places). */
export function parseJsonc(text: string): unknown {
  return JSON.parse(stripJsonc(text))
}
