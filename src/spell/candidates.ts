/**
 * Suggestion candidates for a misspelled word, against a case-folded index
 * of the dictionary's forms (src/spell/folded-index.ts), with a fixed
 * amount of work.
 *
 * The edits are nspell's, looked up far more cheaply: the dictionary's
 * replacement table (REP), a doubled letter made single or a single one
 * doubled (once or twice), a letter dropped, two neighbours swapped, a letter
 * replaced by or a letter inserted from the dictionary's TRY letters. Only
 * when none of those one-edit words is in the dictionary, two edits: each
 * one-edit spelling edited again, with letters only. Every candidate looked
 * up counts as one unit of work; at `limit` the search stops and returns
 * what it found, and says it was cut. The cut depends on the count, not the
 * clock, so a word always gets the same answer.
 *
 * What nspell checks on a word (NOSUGGEST, FORBIDDENWORD, ONLYINCOMPOUND,
 * KEEPCASE) is checked on the few words found, with nspell itself. nspell's
 * compound rules are not searched: in the English dictionaries they only
 * make ordinals ("21st"), and words with digits are never checked.
 */
import type nspell from 'nspell'
import {FoldedIndex, fold, prefixHashes} from './folded-index.js'
import {formsOf} from './table.js'

/** What of an nspell instance suggestions read (nspell's own fields). */
interface NspellInternals {
  data: Record<string, string[] | undefined>
  flags: Record<string, unknown>
  replacementTable: Array<[string, string]>
  conversion: {in: Array<[RegExp, string]>; out: Array<[RegExp, string]>}
}

export interface Candidates {
  /** Dictionary words, cased as the typo was, in the order found. */
  words: string[]
  /** Candidate spellings looked up. */
  work: number
  /** Whether the search stopped at the limit before it was done. */
  cut: boolean
}

export interface CandidateFinder {
  /**
   * Dictionary words near `word`: one edit away, or, with `twoEdits` and
   * when nothing is one edit away, two. At most `limit` look-ups.
   */
  find(word: string, limit: number, twoEdits: boolean): Candidates
}

const letter = /^\p{L}$/u

function normalize(value: string, patterns: ReadonlyArray<[RegExp, string]>): string {
  let out = value
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement)
  return out
}

type Casing = 'lower' | 'capital' | 'upper' | 'other'

function casingOf(value: string): Casing {
  const lower = value.toLowerCase()
  if (value === lower) return 'lower'
  if (value === value.toUpperCase()) return value.length > 1 ? 'upper' : 'capital'
  if (value.slice(1) === lower.slice(1)) return 'capital'
  return 'other'
}

/** A dictionary form in the casing the writer typed: "bedankt" for "Bedakt" is "Bedankt"; a name keeps its capitals. */
function recase(form: string, casing: Casing): string {
  if (casing === 'upper') return form.toUpperCase()
  if (form !== form.toLowerCase()) return form
  if (casing === 'capital') return form.charAt(0).toUpperCase() + form.slice(1)
  return form
}

/** Make the candidate finder of a loaded nspell dictionary (builds its folded index). */
export function createCandidateFinder(spell: nspell): CandidateFinder {
  const internals = spell as unknown as NspellInternals
  const {data, flags, conversion} = internals
  const index = new FoldedIndex(formsOf(spell))

  // TRY letters as the index has them (normalised and folded), plus what the
  // normalisation makes of a pair ("ij" is stored as "ĳ" in Dutch).
  const alphabet = new Set<string>()
  const tryLetters = Array.isArray(flags.TRY) ? (flags.TRY as string[]) : typeof flags.TRY === 'string' ? [...flags.TRY] : [...'esianrtolcdugmphbyfvkwzjxq']
  for (const character of tryLetters) {
    const normal = fold(normalize(character, conversion.in))
    if (normal.length === 1) alphabet.add(normal)
  }
  for (const [, replacement] of conversion.in) {
    const normal = fold(replacement)
    if (normal.length === 1) alphabet.add(normal)
  }
  const oneEditLetters = [...alphabet]
  // Two edits try letters only: digits, dots and signs in a word two edits off are never what was meant.
  const twoEditLetters = oneEditLetters.filter((character) => letter.test(character))
  const replacements = internals.replacementTable
    .map(([from, to]): [string, string] => [fold(normalize(from, conversion.in)), fold(normalize(to, conversion.in))])
    .filter(([from, to]) => from.length > 0 && !/[_^$]/.test(from + to))

  const flagged = (form: string, name: string): boolean => {
    const code = flags[name]
    const list = data[form]
    return typeof code === 'string' && Array.isArray(list) && list.includes(code)
  }

  return {
    find(word: string, limit: number, twoEdits: boolean): Candidates {
      const value = normalize(word, conversion.in)
      const typed = fold(value)
      const casing = casingOf(value)
      let work = 0
      let cut = false
      const lines = new Set<number>()
      const found = (line: number) => lines.add(line)

      /** Look up the edits of `base` (folded); false once the limit is reached. */
      const search = (base: string, letters: readonly string[], withDoubles: boolean): boolean => {
        const prefix = prefixHashes(base)
        const probe = (from: number, middle: string, to: number): boolean => {
          if (work >= limit) {
            cut = true
            return false
          }
          work++
          index.find(base, prefix, from, middle, to, found)
          return true
        }
        const n = base.length
        for (const [from, to] of replacements) {
          for (let at = base.indexOf(from); at !== -1; at = base.indexOf(from, at + 1)) {
            if (!probe(at, to, at + from.length)) return false
          }
        }
        if (withDoubles) {
          for (let at = 0; at < n; at++) {
            if (base[at] === base[at + 1]) {
              if (!probe(at, '', at + 1)) return false
            } else if (base[at] !== base[at - 1] && !probe(at, base[at] + base[at], at + 1)) return false
          }
        }
        for (let at = 0; at < n; at++) if (!probe(at, '', at + 1)) return false
        for (let at = 0; at + 1 < n; at++) {
          if (base[at] !== base[at + 1] && !probe(at, base[at + 1] + base[at], at + 2)) return false
        }
        for (let at = 0; at < n; at++) {
          for (const character of letters) if (character !== base[at] && !probe(at, character, at + 1)) return false
        }
        for (let at = 0; at <= n; at++) {
          for (const character of letters) if (!probe(at, character, at)) return false
        }
        return true
      }

      // The word itself in another casing ("amsterdam", "iphone"), one edit,
      // then two changes of doubled letters ("tommorow", "neccesary").
      work++
      index.findWord(typed, found)
      if (search(typed, oneEditLetters, true)) {
        const changes: string[] = []
        for (let at = 0; at < typed.length; at++) {
          changes.push(typed[at] === typed[at + 1] ? '' : typed[at] !== typed[at - 1] ? typed[at] + typed[at] : typed[at])
        }
        outer: for (let first = 0; first < typed.length; first++) {
          if (changes[first] === typed[first]) continue
          for (let second = first + 1; second < typed.length; second++) {
            if (changes[second] === typed[second]) continue
            if (work >= limit) {
              cut = true
              break outer
            }
            work++
            index.findWord(typed.slice(0, first) + changes[first] + typed.slice(first + 1, second) + changes[second] + typed.slice(second + 1), found)
          }
        }
      }
      let words = accept(lines)

      // Two edits, while nothing one edit away is a word and work is left.
      if (twoEdits && words.length === 0 && !cut) {
        const firstLevel = new Set<string>()
        const add = (from: number, middle: string, to: number) => firstLevel.add(typed.slice(0, from) + middle + typed.slice(to))
        for (let at = 0; at < typed.length; at++) add(at, '', at + 1)
        for (let at = 0; at + 1 < typed.length; at++) add(at, typed[at + 1] + typed[at], at + 2)
        for (let at = 0; at < typed.length; at++) for (const character of twoEditLetters) if (character !== typed[at]) add(at, character, at + 1)
        for (let at = 0; at <= typed.length; at++) for (const character of twoEditLetters) add(at, character, at)
        firstLevel.delete(typed)
        for (const base of firstLevel) {
          if (base.length < 2 || !search(base, twoEditLetters, false)) break
        }
        words = accept(lines)
      }

      return {words, work, cut}

      function accept(candidates: ReadonlySet<number>): string[] {
        const out: string[] = []
        const seen = new Set<string>()
        // Lowercase forms first: for "gorte", "grote" and not also the name "Grote".
        const forms = [...candidates].map((line) => index.form(line))
        forms.sort((a, b) => Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()))
        for (const form of forms) {
          if (flagged(form, 'NOSUGGEST') || flagged(form, 'FORBIDDENWORD') || flagged(form, 'ONLYINCOMPOUND')) continue
          let suggestion = recase(form, casing)
          if (!spell.correct(suggestion)) {
            if (!spell.correct(form)) continue
            suggestion = form
          }
          suggestion = normalize(suggestion, conversion.out)
          const key = suggestion.toLowerCase()
          if (suggestion !== word && !seen.has(key)) {
            seen.add(key)
            out.push(suggestion)
          }
        }
        // In a fixed order, whatever order the edits found them in; the ranking (src/spell/rank.ts) is stable.
        return out.sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : a < b ? -1 : a > b ? 1 : 0))
      }
    }
  }
}
