/** Undo quoted-printable (UTF-8) on a stretch of raw text: soft line breaks and `=XX` escapes (for tests that read an .eml's raw lines). */
export function unquote(text: string): string {
  const soft = text.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let at = 0; at < soft.length; at++) {
    if (soft[at] === '=' && /^[\dA-F]{2}$/i.test(soft.slice(at + 1, at + 3))) {
      bytes.push(Number.parseInt(soft.slice(at + 1, at + 3), 16))
      at += 2
    } else bytes.push(...new TextEncoder().encode(soft[at]))
  }
  return new TextDecoder().decode(Uint8Array.from(bytes))
}
