/**
 * Dutch compounds. The OpenTaal dictionary marks which words (and which of
 * their inflected forms) may begin, continue or end a compound, with the
 * Hunspell flags COMPOUNDBEGIN, COMPOUNDMIDDLE and COMPOUNDEND; nspell parses
 * those flags but does not compound. This module does: "klanten" + "service",
 * "verjaardags" + "cadeau", "hardloop" + "schoenen" pass, while a typo that
 * happens to split into two words ("ont" + "vagen") does not, because those
 * words carry no compound flag.
 */
import type nspell from 'nspell'

/** Where a part may stand in a compound. */
export interface CompoundParts {
  begin(part: string): boolean
  middle(part: string): boolean
  end(part: string): boolean
}

/** What nspell keeps after parsing a dictionary (not in its types). */
interface NspellInternals {
  data: Record<string, string[]>
  flags: Record<string, string | undefined>
  rules: Record<string, {type: 'PFX' | 'SFX'; entries: AffixEntry[]}>
  /** ICONV pairs: the Dutch dictionary stores "ij" as the ligature "ĳ". */
  conversion: {in: Array<[RegExp, string]>}
}

interface AffixEntry {
  add: string
  remove: RegExp | ''
  match: RegExp | ''
  continuation: string[]
}

/** Shortest part of a compound (default: 2 letters, "ei" in "eierdoos"). */
const minimumPart = 2
/** At most this many parts (default: 4). */
const maximumParts = 4

/**
 * Read the compound flags of a loaded nspell dictionary. `extra` words (the
 * marketing vocabulary, brand names) may stand anywhere. Returns `undefined`
 * when the dictionary has no compound flags (the English ones).
 */
export function hunspellCompoundParts(
  spell: nspell,
  extra: (part: string) => boolean
): CompoundParts | undefined {
  const {data, flags, rules, conversion} = spell as unknown as NspellInternals
  const beginFlag = flags.COMPOUNDBEGIN
  const middleFlag = flags.COMPOUNDMIDDLE
  const endFlag = flags.COMPOUNDEND
  if (!beginFlag || !middleFlag || !endFlag) return undefined

  // Suffix entries by what they add, to undo them: "klanten" = "klant" + "en".
  const suffixes = new Map<string, Array<{code: string; entry: AffixEntry; remove: string}>>()
  let longestSuffix = 0
  for (const [code, rule] of Object.entries(rules)) {
    if (rule.type !== 'SFX') continue
    for (const entry of rule.entries) {
      const remove = entry.remove ? entry.remove.source.slice(0, -1) : ''
      const list = suffixes.get(entry.add) || []
      list.push({code, entry, remove})
      suffixes.set(entry.add, list)
      longestSuffix = Math.max(longestSuffix, entry.add.length)
    }
  }

  /**
   * Whether `form` carries `flag`: the word itself, or a suffixed form whose
   * suffix passes the flag on. With `inflected`, any suffixed form of a
   * flagged word counts (Hunspell allows suffixes on the last part).
   */
  function has(word: string, flag: string, inflected: boolean): boolean {
    let form = word
    for (const [pattern, replacement] of conversion.in) form = form.replace(pattern, replacement)
    const own = data[form]
    if (own && own.includes(flag)) return true
    const limit = Math.min(longestSuffix, form.length - 1)
    for (let size = 0; size <= limit; size++) {
      const list = suffixes.get(form.slice(form.length - size))
      if (!list) continue
      for (const {code, entry, remove} of list) {
        const passes = entry.continuation.includes(flag)
        if (!passes && !inflected) continue
        const stem = form.slice(0, form.length - size) + remove
        const codes = data[stem]
        if (!codes || !codes.includes(code)) continue
        if (entry.match && !entry.match.test(stem)) continue
        if (passes || codes.includes(flag)) return true
      }
    }

    return false
  }

  const memo = new Map<string, boolean>()
  const cached = (key: string, compute: () => boolean): boolean => {
    let value = memo.get(key)
    if (value === undefined) {
      value = compute()
      if (memo.size > 50_000) memo.clear()
      memo.set(key, value)
    }

    return value
  }

  return {
    begin: (part) => cached('b' + part, () => extra(part) || has(part, beginFlag, false)),
    middle: (part) => cached('m' + part, () => extra(part) || has(part, middleFlag, false)),
    end: (part) => cached('e' + part, () => extra(part) || has(part, endFlag, true))
  }
}

/**
 * Make a memoised check: does a lowercase word split into a begin part,
 * middle parts and an end part?
 */
export function createCompoundChecker(parts: CompoundParts): (word: string) => boolean {
  const memo = new Map<string, boolean>()

  function splits(rest: string, first: boolean, left: number): boolean {
    const key = (first ? 'f' : 'm') + left + rest
    const cached = memo.get(key)
    if (cached !== undefined) return cached

    let result = false
    for (let end = rest.length - minimumPart; end >= minimumPart; end--) {
      const head = rest.slice(0, end)
      if (!(first ? parts.begin(head) : parts.middle(head))) continue
      const tail = rest.slice(end)
      if (parts.end(tail) || (left > 2 && splits(tail, false, left - 1))) {
        result = true
        break
      }
    }

    if (memo.size > 50_000) memo.clear()
    memo.set(key, result)
    return result
  }

  return function isCompound(word: string): boolean {
    const lower = word.toLowerCase()
    return lower.length >= minimumPart * 2 && splits(lower, true, maximumParts)
  }
}

/** `[head, rest]` pairs where the head may begin a compound, longest head first. */
export function compoundHeads(word: string, parts: CompoundParts): Array<[string, string]> {
  const lower = word.toLowerCase()
  const result: Array<[string, string]> = []
  for (let end = lower.length - minimumPart - 1; end >= minimumPart; end--) {
    const head = lower.slice(0, end)
    if (parts.begin(head)) result.push([head, lower.slice(end)])
  }

  return result
}

/** The longest tail of `word` that may end a compound (4+ letters), with its head. */
export function compoundTail(word: string, parts: CompoundParts): [string, string] | undefined {
  const lower = word.toLowerCase()
  for (let end = minimumPart + 1; end <= lower.length - 4; end++) {
    const tail = lower.slice(end)
    if (parts.end(tail)) return [lower.slice(0, end), tail]
  }

  return undefined
}
