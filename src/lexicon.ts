/**
 * trouw's word lists: sentiment, intensifiers, emoji, vocabulary and brand
 * names, read from the editable files in `dictionaries/` on first use and
 * cached for the life of the process.
 *
 * The folder is found relative to this module: `src/` and `dist/` are both
 * one level below the package root, so `../dictionaries/` works from both.
 */
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageRoot} from './package-root.js'
import {readFileSync} from 'node:fs'
import type {Language} from './types.js'

/** What the sentiment lexicon knows about a word. */
export interface SentimentEntry {
  /** -5 (very negative) to 5 (very positive). */
  valence: number
  /** How loud the word is, 0 (plain) to 1 (gushing). */
  intensity: number
  /** How much the word expresses opinion rather than fact, 0 to 1. */
  subjectivity: number
}

export type EmojiClass = 'heart' | 'party' | 'joy'

/** An emoji found in a text, with offsets into that text. */
export interface EmojiMatch {
  start: number
  end: number
  emoji: string
  class: EmojiClass
}

const folder = pathToFileURL(path.join(packageRoot, 'dictionaries') + path.sep)

/**
 * Read the data lines of a dictionary file: comment lines (starting with
 * `#`) and blank lines are dropped, the rest is trimmed.
 */
export function readDictionary(name: string): string[] {
  const text = readFileSync(new URL(name, folder), 'utf8')
  const lines: string[] = []
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line && line.charCodeAt(0) !== 35 /* # */) lines.push(line)
  }

  return lines
}

const sentimentCache = new Map<Language, ReadonlyMap<string, SentimentEntry>>()
const intensifierCache = new Map<Language, ReadonlyMap<string, number>>()
let emojiCache: ReadonlyMap<string, EmojiClass> | undefined

/** The sentiment lexicon of `lang`: lowercase word → entry. */
export function sentiment(lang: Language): ReadonlyMap<string, SentimentEntry> {
  let map = sentimentCache.get(lang)
  if (!map) {
    const result = new Map<string, SentimentEntry>()
    // Words with the same figures share one frozen entry (about 700 distinct
    // of 4,000 lines): half the load time, which is mostly allocation.
    const shared = new Map<string, SentimentEntry>()
    const text = readFileSync(new URL('sentiment.' + lang + '.tsv', folder), 'utf8')
    for (const line of text.split('\n')) {
      const tab = line.indexOf('\t')
      if (tab === -1 || line.charCodeAt(0) === 35 /* # */) continue
      const word = line.slice(0, tab)
      if (word === 'word') continue // Column header.
      const figures = line.slice(tab + 1).trimEnd()
      let entry = shared.get(figures)
      if (!entry) {
        const [valence, intensity, subjectivity] = figures.split('\t')
        entry = Object.freeze({
          valence: Number(valence),
          intensity: Number(intensity || 0),
          subjectivity: subjectivity === undefined ? 1 : Number(subjectivity)
        })
        shared.set(figures, entry)
      }

      result.set(word, entry)
    }

    map = result
    sentimentCache.set(lang, map)
  }

  return map
}

/** The intensifiers of `lang`: lowercase word → weight (1 = "very"). */
export function intensifiers(lang: Language): ReadonlyMap<string, number> {
  let map = intensifierCache.get(lang)
  if (!map) {
    const result = new Map<string, number>()
    for (const line of readDictionary('intensifiers.' + lang + '.txt')) {
      const [word, weight] = line.split('\t')
      result.set(word.toLowerCase(), weight === undefined ? 1 : Number(weight))
    }

    map = result
    intensifierCache.set(lang, map)
  }

  return map
}

/** Emoji → class, keys without variation selectors or skin tones. */
export function emoji(): ReadonlyMap<string, EmojiClass> {
  if (!emojiCache) {
    const result = new Map<string, EmojiClass>()
    for (const line of readDictionary('emoji.txt')) {
      const [symbol, kind] = line.split('\t')
      result.set(bareEmoji(symbol), kind as EmojiClass)
    }

    emojiCache = result
  }

  return emojiCache
}

const emojiModifiers = /[\uFE0E\uFE0F\u{1F3FB}-\u{1F3FF}]/gu

/** Drop variation selectors and skin-tone modifiers. */
function bareEmoji(value: string): string {
  return value.replace(emojiModifiers, '')
}

/** The class of an emoji (`heart`, `party`, `joy`), or `undefined`. */
export function emojiClass(symbol: string): EmojiClass | undefined {
  return emoji().get(bareEmoji(symbol))
}

/**
 * Find the classified emoji in `text`. Scans code points, so it costs about
 * as much as one pass over the string.
 */
export function findEmoji(text: string): EmojiMatch[] {
  const map = emoji()
  const found: EmojiMatch[] = []
  let index = 0
  while (index < text.length) {
    const code = text.codePointAt(index)!
    const size = code > 0xffff ? 2 : 1
    if (code >= 0x2600) {
      const kind = map.get(String.fromCodePoint(code))
      if (kind) {
        let end = index + size
        // Swallow a following variation selector or skin tone.
        while (end < text.length) {
          const next = text.codePointAt(end)!
          if (next === 0xfe0f || next === 0xfe0e || (next >= 0x1f3fb && next <= 0x1f3ff)) {
            end += next > 0xffff ? 2 : 1
          } else break
        }

        found.push({start: index, end, emoji: text.slice(index, end), class: kind})
        index = end
        continue
      }
    }

    index += size
  }

  return found
}

// Acute, grave and circumflex mark stress or emphasis in Dutch ("zó", "écht",
// "wél") and are folded. The diaeresis is spelling ("financiële",
// "geïnteresseerd", "reünie"): it is kept.
const stressMarks = /[\u0300\u0301\u0302]/g
const elongation = /(\p{L})\1{2,}/u
const elongations = /(\p{L})\1{2,}/gu
const nonAscii = /[^\u0000-\u007f]/
const normalCache = new Map<string, string>()

/**
 * Normalise a word for lexicon look-up: lowercase, fold stress accents
 * ("zóóó" → "zo", "écht" → "echt", but "financiële" stays), and collapse
 * elongations: a run of three or more of one letter becomes two or one
 * letter, picking the form the lexicons of `lang` (both languages when not
 * given) know ("sooo" → "so", "heeeel" → "heel", "amaaazing" → "amazing").
 * An unknown elongated word gets single letters.
 *
 * For look-up only: never show the result to the writer or spell-check it.
 */
export function normalizeWord(word: string, lang?: Language): string {
  let value = word.toLowerCase()
  if (nonAscii.test(value)) {
    value = value.normalize('NFD').replace(stressMarks, '').normalize('NFC')
  }

  if (!elongation.test(value)) return value

  const key = (lang || '*') + value
  let result = normalCache.get(key)
  if (result === undefined) {
    result = collapseElongation(value, lang)
    if (normalCache.size > 5000) normalCache.clear()
    normalCache.set(key, result)
  }

  return result
}

/**
 * Try each run of 3+ letters as one and as two letters (at most four runs).
 * When several forms are known, the strongest wins (an elongated word is an
 * emphasised one: "gooood" is "good", not "god"); on a tie, fewer letters.
 */
function collapseElongation(value: string, lang: Language | undefined): string {
  const runs = [...value.matchAll(elongations)].slice(0, 4)
  const languages: Language[] = lang ? [lang] : ['en', 'nl']
  let best: string | undefined
  let bestStrength = -1
  let bestLength = Infinity

  // Mask bit set: that run becomes two letters.
  for (let mask = 0; mask < 1 << runs.length; mask++) {
    const candidate = rebuild(value, runs, mask)
    for (const language of languages) {
      const entry = findEntry(sentiment(language), candidate, language)
      const weight = intensifiers(language).get(candidate)
      if (!entry && weight === undefined) continue
      const strength = Math.max(entry ? Math.abs(entry.valence) : 0, weight ?? 0)
      if (
        strength > bestStrength ||
        (strength === bestStrength && candidate.length < bestLength)
      ) {
        best = candidate
        bestStrength = strength
        bestLength = candidate.length
      }
    }
  }

  return best ?? value.replace(elongations, '$1')
}

function rebuild(value: string, runs: RegExpMatchArray[], mask: number): string {
  let result = ''
  let last = 0
  for (const [index, run] of runs.entries()) {
    const start = run.index!
    result += value.slice(last, start) + (mask & (1 << index) ? run[1] + run[1] : run[1])
    last = start + run[0].length
  }

  return result + value.slice(last).replace(elongations, '$1')
}

/**
 * Look a word up in the sentiment lexicon of `lang`, normalised first, and
 * undoing the common inflections the lexicons do not list: Dutch adjective
 * endings ("mooie", "mooier", "mooiste", "iets moois", "grote" → "groot",
 * "lieve" → "lief"), English "-ly", "-er" and "-est" ("amazingly",
 * "happier", "nicest").
 */
export function lookupSentiment(word: string, lang: Language): SentimentEntry | undefined {
  const memo = lang === 'nl' ? dutchLookups : englishLookups
  let entry = memo.get(word)
  if (entry === undefined) {
    entry = findEntry(sentiment(lang), normalizeWord(word, lang), lang) ?? null
    if (memo.size > 20_000) memo.clear()
    memo.set(word, entry)
  }

  return entry ?? undefined
}

// Per-language memo of look-ups (misses too, as `null`): most words of an
// email are not in the lexicon, and undoing inflection allocates.
const englishLookups = new Map<string, SentimentEntry | null>()
const dutchLookups = new Map<string, SentimentEntry | null>()

/** The entry of a normalised word or of one of its base forms. */
function findEntry(
  map: ReadonlyMap<string, SentimentEntry>,
  value: string,
  lang: Language
): SentimentEntry | undefined {
  const direct = map.get(value)
  if (direct) return direct
  for (const stem of lang === 'nl' ? dutchStems(value) : englishStems(value)) {
    const entry = map.get(stem)
    if (entry) return entry
  }

  return undefined
}

const dutchEndings = ['ste', 'st', 'ere', 'er', 'e', 's']
const vowels = 'aeiou'

/** Candidate base forms of an inflected Dutch adjective. */
function dutchStems(value: string): string[] {
  const stems: string[] = []
  for (const ending of dutchEndings) {
    if (value.length - ending.length < 3 || !value.endsWith(ending)) continue
    const stem = value.slice(0, -ending.length)
    stems.push(stem)
    const last = stem.charAt(stem.length - 1)
    const before = stem.charAt(stem.length - 2)
    // "witte" → "wit": undo the doubled consonant.
    if (last === before && !vowels.includes(last)) stems.push(stem.slice(0, -1))
    // "lieve" → "lief", "vieze" → "vies".
    if (last === 'v') stems.push(stem.slice(0, -1) + 'f')
    if (last === 'z') stems.push(stem.slice(0, -1) + 's')
    // "grote" → "groot", "lage" → "laag": restore the long vowel.
    if (
      !vowels.includes(last) &&
      vowels.includes(before) &&
      !vowels.includes(stem.charAt(stem.length - 3))
    ) {
      const base = stem.slice(0, -1) + before + last
      stems.push(base)
      if (last === 'v') stems.push(base.slice(0, -1) + 'f')
      if (last === 'z') stems.push(base.slice(0, -1) + 's')
    }
  }

  return stems
}

/** Candidate base forms of an English adverb or comparative. */
function englishStems(value: string): string[] {
  const stems: string[] = []
  if (value.endsWith('ily')) stems.push(value.slice(0, -3) + 'y')
  if (value.endsWith('ly')) stems.push(value.slice(0, -2), value.slice(0, -2) + 'le')
  if (value.endsWith('ier')) stems.push(value.slice(0, -3) + 'y')
  if (value.endsWith('iest')) stems.push(value.slice(0, -4) + 'y')
  if (value.endsWith('er')) stems.push(value.slice(0, -2), value.slice(0, -1))
  if (value.endsWith('est')) stems.push(value.slice(0, -3), value.slice(0, -2))
  return stems
}
