/**
 * Order spelling suggestions by how likely the typo is a slip of the hand:
 * nspell lists candidates of one edit distance in dictionary order, so
 * "bedakt" would get "bedamt" before "bedankt".
 */

// Costs of one edit, from the typo to the candidate. Typists mostly drop a
// letter, swap two, or hit a neighbouring key.
const swapCost = 0.6
const missingLetterCost = 0.7
const extraLetterCost = 0.8
// A letter doubled by mistake ("untill") or a double typed single
// ("begining", "verassing"): the commonest slip of the head.
const doubleSlipCost = 0.5
const neighbourCost = 0.8
const otherSubstitutionCost = 1

const rows = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm']
const keyPosition = new Map<string, [number, number]>()
for (const [row, keys] of rows.entries()) {
  for (const [column, key] of [...keys].entries()) keyPosition.set(key, [row, column])
}

function substitutionCost(a: string, b: string): number {
  if (a === b) return 0
  const pa = keyPosition.get(a)
  const pb = keyPosition.get(b)
  if (pa && pb && Math.abs(pa[0] - pb[0]) <= 1 && Math.abs(pa[1] - pb[1]) <= 1) {
    return neighbourCost
  }

  return otherSubstitutionCost
}

/**
 * Weighted optimal-string-alignment distance from `typo` to `candidate`,
 * case-insensitive. Words are short; this is a few microseconds.
 */
export function typoDistance(typo: string, candidate: string): number {
  const a = typo.toLowerCase()
  const b = candidate.toLowerCase()
  const width = b.length + 1
  const table = new Float64Array((a.length + 1) * width)
  for (let j = 0; j <= b.length; j++) table[j] = j * missingLetterCost
  for (let i = 1; i <= a.length; i++) {
    table[i * width] = i * extraLetterCost
    const extra = i > 1 && a[i - 1] === a[i - 2] ? doubleSlipCost : extraLetterCost
    for (let j = 1; j <= b.length; j++) {
      const missing = j > 1 && b[j - 1] === b[j - 2] ? doubleSlipCost : missingLetterCost
      let best = Math.min(
        table[(i - 1) * width + j] + extra,
        table[i * width + j - 1] + missing,
        table[(i - 1) * width + j - 1] + substitutionCost(a[i - 1], b[j - 1])
      )
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, table[(i - 2) * width + j - 2] + swapCost)
      }

      table[i * width + j] = best
    }
  }

  return table[a.length * width + b.length]
}

/** Sort `candidates` by typo distance (stable), without duplicates. */
export function rankSuggestions(typo: string, candidates: Iterable<string>): string[] {
  const unique = [...new Set(candidates)].filter((candidate) => candidate !== typo)
  const distance = new Map(unique.map((candidate) => [candidate, typoDistance(typo, candidate)]))
  return unique.sort((x, y) => distance.get(x)! - distance.get(y)!)
}

/** The words one swap of neighbouring letters away ("teh" → "the"). */
export function swaps(word: string): string[] {
  const result: string[] = []
  for (let index = 0; index < word.length - 1; index++) {
    if (word[index] === word[index + 1]) continue
    result.push(word.slice(0, index) + word[index + 1] + word[index] + word.slice(index + 2))
  }

  return result
}
