/**
 * Rewrites are computed on the block text with its syntax masked (merge tags,
 * URLs and addresses replaced by runs of `x`, see `src/mask.ts`). `unmask`
 * puts the syntax as written back into a rewrite: each masked run of the
 * range, in order, where the rewrite still holds it. A run the rewrite lost
 * stays lost, and the fact guard refuses the rewrite for it.
 */
import type {Masks} from '../tokens.js'

export function unmask(rewrite: string, masked: string, plain: string, masks: Masks, start: number, end: number): string {
  if (masks.length === 0 || masked === plain) return rewrite
  let out = ''
  let rest = rewrite
  for (const [from, to] of masks) {
    if (to <= start || from >= end) continue
    const run = masked.slice(Math.max(from, start), Math.min(to, end))
    const at = rest.indexOf(run)
    if (run === '' || at === -1) continue
    out += rest.slice(0, at) + plain.slice(Math.max(from, start), Math.min(to, end))
    rest = rest.slice(at + run.length)
  }
  return out + rest
}
