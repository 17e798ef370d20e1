/**
 * Is a capitalised word a common word of the language rather than a name?
 * English writes common nouns in lower case, so a word the dictionary has in
 * lower case ("Site", "Keyboard", "Business" in Title Case copy) is no name,
 * unless it is a brand (`dictionaries/brands.txt`). Dutch copy seldom
 * capitalises a common noun inside a sentence: there the position and the
 * copy's own lower case decide (`collectEvidence`).
 *
 * The English word list is the lower-case stems of `dictionary-en`, read once
 * on the first question (about 39 000 words).
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import type {Language} from '../types.js'
import {readDictionary} from '../lexicon.js'

let english: ReadonlySet<string> | undefined
let acronyms: ReadonlySet<string> | undefined
let names: ReadonlySet<string> | undefined
let brands: ReadonlySet<string> | undefined

function englishWords(): ReadonlySet<string> {
  if (english) return english
  const words = new Set<string>()
  const capitals = new Set<string>()
  const capitalised = new Set<string>()
  try {
    // The package exports only its entry: find the word list next to it.
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic')
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const code = line.charCodeAt(0)
      const slash = line.indexOf('/')
      const entry = slash === -1 ? line.trim() : line.slice(0, slash)
      // Entries in capitals are acronyms (AOL, FDA); names have one capital and are left out.
      if (code >= 65 && code <= 90 && /^[A-Z]{2,}$/.test(entry)) capitals.add(entry)
      // Names: one capital, then lower case (Canada, Amsterdam).
      else if (code >= 65 && code <= 90 && /^[A-Z][a-z]+$/.test(entry)) capitalised.add(entry)
      // Lower-case entries only: the dictionary writes names with their capital.
      if (code < 97 || code > 122) continue
      words.add(entry)
    }
  } catch {
    // Without the dictionary the copy's own lower case still decides.
  }
  acronyms = capitals
  names = capitalised
  return (english = words)
}

/** The name `word` (in any case) is, as the English dictionary writes it (CANADA → Canada), when it is no lower-case word there. */
export function dictionaryName(word: string): string | undefined {
  const words = englishWords()
  const lower = word.toLowerCase()
  const title = lower.charAt(0).toUpperCase() + lower.slice(1)
  return names!.has(title) && !words.has(lower) ? title : undefined
}

/** Is `word` an English acronym: written in capitals in the dictionary, and not a lower-case word there (AOL, NYSE; not IT, AM)? */
export function isDictionaryAcronym(word: string): boolean {
  const words = englishWords()
  return acronyms!.has(word) && !words.has(word.toLowerCase())
}

function brandWords(): ReadonlySet<string> {
  if (brands) return brands
  const words = new Set<string>()
  for (const line of readDictionary('brands.txt')) for (const word of line.split(/\s+/)) if (word) words.add(word.toLowerCase())
  return (brands = words)
}

/** A plural or verb ending taken off ("Addresses" → "address", "Programs" → "program"). */
function stems(word: string): string[] {
  const found = [word]
  if (word.endsWith('ies')) found.push(word.slice(0, -3) + 'y')
  if (word.endsWith('es')) found.push(word.slice(0, -2))
  if (word.endsWith('s')) found.push(word.slice(0, -1))
  return found
}

/** Is `word` (as written, capitalised) a common word of `lang`, not a brand? */
export function isCommonWord(word: string, lang: Language): boolean {
  if (lang !== 'en') return false
  const lower = word.toLowerCase().replace(/['’]s$/, '')
  if (brandWords().has(lower)) return false
  const words = englishWords()
  for (const stem of stems(lower)) if (words.has(stem)) return true
  return false
}
