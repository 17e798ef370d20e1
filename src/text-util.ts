/** Small helpers on source text shared by inline control and fixes. */

/** Only spaces and tabs, with at most one line break, between `from` and `to`: the same block. */
export function onlySpaceBetween(text: string, from: number, to: number): boolean {
  let breaks = 0
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code === 10) breaks++
    else if (code !== 32 && code !== 9 && code !== 13) return false
  }
  return breaks <= 1
}
