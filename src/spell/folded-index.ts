/**
 * A case-folded index over a dictionary's forms, for suggestions: a
 * candidate spelling is hashed from its pieces (the typo's prefix, the
 * edit, the typo's rest) and looked up without making a string for it.
 * nspell's own suggest makes a string per candidate, normalises it with
 * regular expressions, keeps it as a key of an object and reads the
 * dictionary up to three times (as typed, capitalised, in capitals): 1–7 µs
 * a candidate. Here a candidate that is not a word costs one hash over its
 * letters and a probe or two, about a tenth of that.
 *
 * The forms come from the word table (src/spell/table.ts) or, without one,
 * from the loaded dictionary's keys. The index is built on the first
 * suggestion of a dictionary (English 0.05 s, Dutch about 0.15 s) and is
 * 8 bytes a slot, two slots a form.
 */

/** The forms of a dictionary, one a line of `text`: form `n` is `text.slice(starts[n], formEnds[n])`. */
export interface FormList {
  readonly text: string
  readonly starts: Int32Array
  readonly formEnds: Int32Array
  readonly count: number
}

const fnvOffset = 0x811c9dc5
const fnvPrime = 0x01000193

export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, fnvPrime)
}

const folded = new Map<number, number>()

/** The lowercase of one UTF-16 code unit, or the unit itself when its lowercase is longer ("İ"). */
export function foldCode(code: number): number {
  if (code < 128) return code >= 65 && code <= 90 ? code + 32 : code
  let fold = folded.get(code)
  if (fold === undefined) {
    const lower = String.fromCharCode(code).toLowerCase()
    fold = lower.length === 1 ? lower.charCodeAt(0) : code
    folded.set(code, fold)
  }
  return fold
}

/** `word` folded unit by unit (same length as `word`). */
export function fold(word: string): string {
  let out = ''
  for (let index = 0; index < word.length; index++) out += String.fromCharCode(foldCode(word.charCodeAt(index)))
  return out
}

/** The folded hash of `word`, FNV-1a over its units. */
export function foldedHash(word: string): number {
  let hash = fnvOffset
  for (let index = 0; index < word.length; index++) hash = hashStep(hash, foldCode(word.charCodeAt(index)))
  return hash
}

export class FoldedIndex {
  readonly forms: FormList
  /** Line + 1 per slot, 0 for empty. */
  private readonly slots: Int32Array
  /** The full hash of the slot's form, to skip most comparisons. */
  private readonly hashes: Int32Array
  private readonly mask: number

  constructor(forms: FormList) {
    this.forms = forms
    const {text, starts, formEnds, count} = forms
    let size = 1
    while (size < count * 2) size *= 2
    const slots = new Int32Array(size)
    const hashes = new Int32Array(size)
    const mask = size - 1
    for (let line = 0; line < count; line++) {
      let hash = fnvOffset
      const end = formEnds[line]
      for (let index = starts[line]; index < end; index++) hash = hashStep(hash, foldCode(text.charCodeAt(index)))
      let slot = hash & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = line + 1
      hashes[slot] = hash
    }
    this.slots = slots
    this.hashes = hashes
    this.mask = mask
  }

  /** The form of line `line`, as the dictionary has it. */
  form(line: number): string {
    return this.forms.text.slice(this.forms.starts[line], this.forms.formEnds[line])
  }

  /**
   * Call `found` with each line whose folded form is `word.slice(0, from) +
   * middle + word.slice(to)`, where `word` and `middle` are folded already
   * and `prefix[i]` is the hash of `word.slice(0, i)` (see `prefixHashes`).
   */
  find(word: string, prefix: Int32Array, from: number, middle: string, to: number, found: (line: number) => void): void {
    let hash = prefix[from]
    for (let index = 0; index < middle.length; index++) hash = hashStep(hash, middle.charCodeAt(index))
    for (let index = to; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index))
    const length = from + middle.length + word.length - to
    const {slots, hashes, mask} = this
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (hashes[slot] !== (hash | 0)) continue
      const line = slots[slot] - 1
      if (this.matches(line, length, word, from, middle, to)) found(line)
    }
  }

  /** `find` for a whole folded word. */
  findWord(word: string, found: (line: number) => void): void {
    let hash = fnvOffset
    for (let index = 0; index < word.length; index++) hash = hashStep(hash, word.charCodeAt(index))
    const {slots, hashes, mask} = this
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      if (hashes[slot] !== (hash | 0)) continue
      const line = slots[slot] - 1
      if (this.matches(line, word.length, word, word.length, '', word.length)) found(line)
    }
  }

  private matches(line: number, length: number, word: string, from: number, middle: string, to: number): boolean {
    const {text, starts, formEnds} = this.forms
    const start = starts[line]
    if (formEnds[line] - start !== length) return false
    let at = start
    for (let index = 0; index < from; index++) if (foldCode(text.charCodeAt(at++)) !== word.charCodeAt(index)) return false
    for (let index = 0; index < middle.length; index++) if (foldCode(text.charCodeAt(at++)) !== middle.charCodeAt(index)) return false
    for (let index = to; index < word.length; index++) if (foldCode(text.charCodeAt(at++)) !== word.charCodeAt(index)) return false
    return true
  }
}

/** `result[i]` is the hash of `word.slice(0, i)` (`word` folded already). */
export function prefixHashes(word: string): Int32Array {
  const result = new Int32Array(word.length + 1)
  let hash = fnvOffset
  result[0] = hash
  for (let index = 0; index < word.length; index++) {
    hash = hashStep(hash, word.charCodeAt(index))
    result[index + 1] = hash
  }
  return result
}
