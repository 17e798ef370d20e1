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
let brands: ReadonlySet<string> | undefined

function englishWords(): ReadonlySet<string> {
  if (english) return english
  const words = new Set<string>()
  try {
    // The package exports only its entry: find the word list next to it.
    const file = path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic')
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const code = line.charCodeAt(0)
      // Lower-case entries only: the dictionary writes names with their capital.
      if (code < 97 || code > 122) continue
      const slash = line.indexOf('/')
      words.add(slash === -1 ? line.trim() : line.slice(0, slash))
    }
  } catch {
    // Without the dictionary the copy's own lower case still decides.
  }
  return (english = words)
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
