/**
 * The features the learned layer reads from one sentence (and the sentence
 * before it in the same paragraph): the same ones for training
 * (`scripts/train-learned.js`) and for checking, so the model sees at run
 * time what it was trained on.
 *
 * Feature names are short strings with a prefix:
 * - `w:word` a word (lowercased, folded), `w:#` a number; not function
 *   words ("the", "how", "really"), which count only in pairs;
 * - `r:you`, `r:we` the reader or the sender named (`er:you`, `er:we` in the
 *   sentence before);
 * - `b:word word` two words in a row (same clause), not two function words;
 * - `f:word` the first word of the sentence (Dutch verb-first conditionals,
 *   imperatives);
 * - `n:word` a word with a negator up to three words before it, same clause;
 * - `x:tail` the last four letters of a long word (Dutch compound heads such as
 *   -fee, -kosten, -boete; English -ation, -ness);
 * - `c:class` a word class of the lexicon (`dictionaries/classes.<lang>.yml`)
 *   that matches in the sentence (reader acts, sender consequences, time and
 *   quantity expressions…);
 * - `e:word`, `ec:class`, `ev:-`, `e?` the same for the sentence before (the
 *   two-sentence window: shared history, then a rhetorical question);
 * - `p:?`, `p:!` question and exclamation marks, `neg` any negator;
 * - `v:-`, `v:+` a word the sentiment lexicon calls clearly negative or
 *   positive (a feeling: "disappointed", "lonely", "love").
 */
import type {Language} from '../types.js'
import type {SentenceView} from '../kinds/kind.js'
import type {Token} from '../tokens.js'
import {isNegator} from '../context.js'
import {compilePattern, PatternIndex} from '../patterns.js'
import {compileContext, loadClasses} from '../rule-loader.js'
import {lookupSentiment} from '../lexicon.js'

/**
 * Function words: alone or two together they tell a writer's style, not an
 * act, and the model learned style from them ("a bit", "how", "did" read as
 * guilt in real newsletters). They count only inside a pair with a content
 * word; the reader and the sender count as `r:you` and `r:we`.
 */
export const functionWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(('a an the and or but so if as at by for from in into of on onto to with about than then that this these those there here ' +
    'it its it\'s is are was were be been being am do does did doing have has had having will would shall should can could may might must ' +
    'i me my we us our ours we\'re we\'ve we\'ll we\'d you your yours you\'re you\'ve you\'ll you\'d yourself he she him her his they them their ' +
    'what which who whom whose how why when where all any some each every both just very really quite a bit little also too even still ' +
    'up out over off down not no yes').split(' ')),
  nl: new Set(('de het een en of maar dus als dan bij voor van in op aan uit met om tot naar over door te er hier daar dat dit deze die ' +
    'is zijn was waren ben bent wordt worden werd heb hebt heeft hebben had hadden zal zullen zou zouden kan kun kunt kunnen mag moet moeten ' +
    'ik mij me mijn wij we ons onze je jij jou jouw u uw jullie hij zij ze hem haar hun het ' +
    'wat welke wie hoe waarom wanneer waar al alle elk elke beide gewoon echt heel erg best wel ook toch nog even ' +
    'niet geen ja nee').split(' '))
}

export const readerWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(['you', 'your', 'yours', "you're", "you've", "you'll", "you'd", 'yourself']),
  nl: new Set(['je', 'jij', 'jou', 'jouw', 'u', 'uw', 'jullie'])
}

export const senderWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(['we', 'us', 'our', 'ours', "we're", "we've", "we'll", "we'd"]),
  nl: new Set(['wij', 'we', 'ons', 'onze'])
}

/** A word at or below this valence is a feeling (`v:-`): "sad", "lonely", "jammer"; not "sorry" or "little". */
export const feeling = -1.7

/** Classes that say nothing about pressure (pronouns are words already). */
const skippedClasses = new Set(['you', 'we', 'i', 'je', 'wij', 'ik', 'nalaten'])

const classIndexes = new Map<Language, PatternIndex<string>>()

/** One index of every word class of the language, each as the pattern `<name>` (the build compiles it to store its patterns, scripts/cache-data.js). */
export function classIndex(lang: Language): PatternIndex<string> {
  let index = classIndexes.get(lang)
  if (index) return index
  // No memo slot of its own (the lexeme's fields are few): its candidates are remembered by spelling in the index.
  index = new PatternIndex<string>(false)
  const context = compileContext(lang)
  for (const name of Object.keys(loadClasses(lang)).sort()) {
    if (skippedClasses.has(name)) continue
    let patterns
    try {
      patterns = compilePattern(`<${name}>`, context)
    } catch {
      // A class that cannot stand alone (it starts with a gap or an optional word) is no feature.
      continue
    }
    for (const pattern of patterns) index.add(pattern, name)
  }
  classIndexes.set(lang, index)
  return index
}

const hasLetterOrDigit = /[\p{L}\p{N}]/u

export function isWord(token: Token): boolean {
  return (token.kind === 'word' || token.kind === 'number') && hasLetterOrDigit.test(token.raw)
}

export function wordName(token: Token): string {
  return token.kind === 'number' ? '#' : token.norm
}

/** The names of the classes that match in `words`, sorted, once each. */
export function classesIn(words: readonly Token[], lang: Language): string[] {
  if (words.length === 0) return []
  // A sentence is asked again: by the gates, for its features, and as the next sentence's `earlier`.
  for (const entry of recentClasses) if (entry.words === words && entry.lang === lang) return entry.names
  const found = new Set<string>()
  for (const match of classIndex(lang).matches(words)) found.add(match[2])
  const names = [...found].sort()
  if (recentClasses.length >= 4) recentClasses.shift()
  recentClasses.push({words, lang, names})
  return names
}

const recentClasses: Array<{words: readonly Token[]; lang: Language; names: string[]}> = []

/**
 * The features of a sentence, once each, in a stable order. The sentence
 * before (`sentence.earlier`) adds its words and classes with the `e` prefix.
 */
export function sentenceFeatures(sentence: Pick<SentenceView, 'lang' | 'tokens' | 'words' | 'earlier'>): string[] {
  const features = new Set<string>()
  ownFeatures(sentence, features, '')
  const earlier = sentence.earlier
  if (earlier) {
    for (const word of earlier.words) {
      if (!isWord(word)) continue
      if (readerWords[earlier.lang].has(word.norm)) features.add('er:you')
      else if (senderWords[earlier.lang].has(word.norm)) features.add('er:we')
      if (!functionWords[earlier.lang].has(word.norm)) features.add('e:' + wordName(word))
      if (word.kind === 'word' && (lookupSentiment(word.norm, earlier.lang)?.valence ?? 0) <= feeling) features.add('ev:-')
    }
    for (const name of classesIn(earlier.words, earlier.lang)) features.add('ec:' + name)
    const last = earlier.tokens[earlier.tokens.length - 1]
    if (last && last.kind === 'punct' && last.raw.includes('?')) features.add('e?')
  }
  return [...features]
}

function ownFeatures(sentence: Pick<SentenceView, 'lang' | 'tokens' | 'words'>, features: Set<string>, prefix: string): void {
  const {lang} = sentence
  const words = sentence.words.filter(isWord)
  let first = true
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    const name = wordName(word)
    const plain = functionWords[lang].has(word.norm)
    if (readerWords[lang].has(word.norm)) features.add(prefix + 'r:you')
    else if (senderWords[lang].has(word.norm)) features.add(prefix + 'r:we')
    if (!plain) features.add(prefix + 'w:' + name)
    if (first) {
      features.add(prefix + 'f:' + name)
      first = false
    }
    const next = words[index + 1]
    if (next && next.clause === word.clause && !(plain && functionWords[lang].has(next.norm))) features.add(prefix + 'b:' + name + ' ' + wordName(next))
    if (word.kind === 'word' && word.norm.length >= 8) features.add(prefix + 'x:' + word.norm.slice(-4))
    if (isNegator(word, lang)) features.add(prefix + 'neg')
    if (word.kind === 'word') {
      const valence = lookupSentiment(word.norm, lang)?.valence ?? 0
      if (valence <= feeling) features.add(prefix + 'v:-')
      else if (valence >= 2) features.add(prefix + 'v:+')
    }
    for (let back = index - 1; back >= 0 && back >= index - 3; back--) {
      if (words[back].clause !== word.clause) break
      if (isNegator(words[back], lang)) {
        if (!plain) features.add(prefix + 'n:' + name)
        break
      }
    }
  }
  for (const name of classesIn(sentence.words, lang)) features.add(prefix + 'c:' + name)
  for (const token of sentence.tokens) {
    if (token.kind !== 'punct') continue
    if (token.raw.includes('?')) features.add(prefix + 'p:?')
    if (token.raw.includes('!')) features.add(prefix + 'p:!')
  }
}

/**
 * The words behind a feature, as the reader sees them in the sentence (or
 * the sentence before): a word, two words, the words a class matched, the
 * long word a tail came from. Empty for features without words of their own
 * (`neg`).
 */
export function wordsOf(feature: string, sentence: Pick<SentenceView, 'lang' | 'tokens' | 'words' | 'earlier'>): string {
  const earlier = feature.startsWith('e')
  const view = earlier ? sentence.earlier : sentence
  if (!view) return ''
  const colon = feature.indexOf(':')
  const kind = colon === -1 ? feature : feature.slice(0, colon)
  const value = colon === -1 ? '' : feature.slice(colon + 1)
  const words = view.words.filter(isWord)
  const rawOf = (norm: string): string => {
    const token = words.find((word) => wordName(word) === norm)
    return token ? token.raw : norm
  }
  switch (kind) {
    case 'r':
    case 'er': {
      const names = value === 'we' ? senderWords[view.lang] : readerWords[view.lang]
      return words.find((word) => names.has(word.norm))?.raw ?? ''
    }
    case 'w':
    case 'f':
    case 'n':
    case 'e':
      return value === '#' ? (words.find((word) => word.kind === 'number')?.raw ?? '') : rawOf(value)
    case 'b': {
      const [one, two] = value.split(' ')
      for (let index = 0; index + 1 < words.length; index++) {
        if (wordName(words[index]) === one && wordName(words[index + 1]) === two) return `${words[index].raw} ${words[index + 1].raw}`
      }
      return value
    }
    case 'x':
      return words.find((word) => word.kind === 'word' && word.norm.length >= 8 && word.norm.endsWith(value))?.raw ?? ''
    case 'c':
    case 'ec': {
      for (const [match, , name] of classIndex(view.lang).matches(words)) {
        if (name !== value) continue
        const parts: string[] = []
        for (let index = match.from; index < match.to; index++) {
          if (!match.skipped.includes(index)) parts.push(words[index].raw)
          else if (parts[parts.length - 1] !== '…') parts.push('…')
        }
        return parts.join(' ')
      }
      return ''
    }
    case 'p':
      return value
    case 'v':
    case 'ev': {
      const negative = value === '-'
      for (const word of words) {
        if (word.kind !== 'word') continue
        const valence = lookupSentiment(word.norm, view.lang)?.valence ?? 0
        if (negative ? valence <= feeling : valence >= 2) return word.raw
      }
      return ''
    }
    case 'e?':
      return '?'
    default:
      return ''
  }
}
