/**
 * Is a capitalised word a common word of the language rather than a name?
 * English writes common nouns in lower case, so a word the dictionary has in
 * lower case ("Site", "Keyboard", "Business" in Title Case copy) is no name,
 * unless it is a brand (`dictionaries/brands.txt`). Dutch copy seldom
 * capitalises a common noun inside a sentence: there the position and the
 * copy's own lower case decide (`collectEvidence`).
 *
 * The English word list is the lower-case stems of `dictionary-en` (about
 * 39 000 words), sorted and joined by newlines: the build writes it to
 * `dist/common-words-en.txt` (`writeCommonWords`), so the first question
 * reads one file and looks words up by binary search, instead of splitting
 * the dictionary into a set (about a tenth of a cold one-email check). Without
 * a fresh table (tests run from the sources) it is made from the dictionary.
 */
import {readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {createRequire} from 'node:module'
import type {Language} from '../types.js'
import {readDictionary} from '../lexicon.js'
import {packageRoot} from '../package-root.js'

/** The built word table; its first line is the size of the dictionary it was made from. */
export const commonWordsFile = path.join(packageRoot, 'dist', 'common-words-en.txt')

let english: string | undefined
let brands: ReadonlySet<string> | undefined

/** The English dictionary's word list (`dictionary-en` exports only its entry: the list is next to it). */
function dictionaryFile(): string {
  return path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic')
}

/** The lower-case entries of the dictionary, sorted, unique, each followed by a newline. */
function wordTable(dictionary: string): string {
  const words = new Set<string>()
  for (const line of dictionary.split('\n')) {
    const code = line.charCodeAt(0)
    // Lower-case entries only: the dictionary writes names with their capital.
    if (code < 97 || code > 122) continue
    const slash = line.indexOf('/')
    words.add(slash === -1 ? line.trim() : line.slice(0, slash))
  }
  return [...words].sort().map((word) => word + '\n').join('')
}

/** Write `dist/common-words-en.txt` (run by the build). */
export function writeCommonWords(): void {
  const file = dictionaryFile()
  writeFileSync(commonWordsFile, `${statSync(file).size}\n` + wordTable(readFileSync(file, 'utf8')))
}

/** The sorted word table, starting with a newline: from the build when it matches the dictionary, else made now. */
function englishWords(): string {
  if (english !== undefined) return english
  try {
    const file = dictionaryFile()
    const size = statSync(file).size
    let built: string | undefined
    try {
      built = readFileSync(commonWordsFile, 'utf8')
    } catch {
      built = undefined
    }
    const header = built === undefined ? -1 : built.indexOf('\n')
    english = built !== undefined && built.slice(0, header) === String(size) ? built.slice(header) : '\n' + wordTable(readFileSync(file, 'utf8'))
  } catch {
    // Without the dictionary the copy's own lower case still decides.
    english = '\n'
  }
  return english
}

/** Is `word` a line of `table` (sorted lines, each between newlines)? Binary search on the characters. */
function hasLine(table: string, word: string): boolean {
  let low = 0
  let high = table.length - 1
  while (low < high) {
    const middle = (low + high) >>> 1
    // The line around `middle`: from after the newline before it to the newline after it.
    const start = table.lastIndexOf('\n', middle) + 1
    if (start >= high) {
      high = start - 1
      continue
    }
    const end = table.indexOf('\n', start)
    const line = table.slice(start, end)
    if (line === word) return true
    if (line < word) low = end
    else high = start - 1
  }
  return false
}

let capitalEntries: {acronyms: ReadonlySet<string>; names: ReadonlySet<string>} | undefined

/**
 * The dictionary's entries written with capitals: acronyms (AOL, FDA) and
 * names with one capital (Canada, Amsterdam). Only the calming fix asks, so
 * they are read from the dictionary on first use, not at start-up.
 */
function capitalWords(): {acronyms: ReadonlySet<string>; names: ReadonlySet<string>} {
  if (capitalEntries) return capitalEntries
  const acronyms = new Set<string>()
  const names = new Set<string>()
  try {
    for (const line of readFileSync(dictionaryFile(), 'utf8').split('\n')) {
      const code = line.charCodeAt(0)
      if (code < 65 || code > 90) continue
      const slash = line.indexOf('/')
      const entry = slash === -1 ? line.trim() : line.slice(0, slash)
      if (/^[A-Z]{2,}$/.test(entry)) acronyms.add(entry)
      else if (/^[A-Z][a-z]+$/.test(entry)) names.add(entry)
    }
  } catch {
    // Without the dictionary nothing is known to be an acronym or a name.
  }
  return (capitalEntries = {acronyms, names})
}

/** The name `word` (in any case) is, as the English dictionary writes it (CANADA → Canada), when it is no lower-case word there. */
export function dictionaryName(word: string): string | undefined {
  const lower = word.toLowerCase()
  const title = lower.charAt(0).toUpperCase() + lower.slice(1)
  return capitalWords().names.has(title) && !hasLine(englishWords(), lower) ? title : undefined
}

/** Is `word` an English acronym: written in capitals in the dictionary, and not a lower-case word there (AOL, NYSE; not IT, AM)? */
export function isDictionaryAcronym(word: string): boolean {
  return capitalWords().acronyms.has(word) && !hasLine(englishWords(), word.toLowerCase())
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
  // The same names come back mail after mail: remember the answers (the tables never change once read).
  let common = answers.get(word)
  if (common === undefined) {
    if (answers.size >= answerLimit) answers.clear()
    answers.set(word, (common = lookUpCommonWord(word)))
  }
  return common
}

/** Answers of `isCommonWord` by word as written, English only; cleared when full. */
const answers = new Map<string, boolean>()
const answerLimit = 10000

function lookUpCommonWord(word: string): boolean {
  const lower = word.toLowerCase().replace(/['’]s$/, '')
  if (brandWords().has(lower)) return false
  const words = englishWords()
  for (const stem of stems(lower)) if (hasLine(words, stem)) return true
  return false
}
