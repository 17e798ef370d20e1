/**
 * The learned layer's scoring on the hot path: the same features as
 * `sentenceFeatures` (`./features.ts`), summed as model rows without making
 * a string per feature. What a spelling contributes (its word, first-word,
 * negated, tail and sentence-before rows, whether it is a function word, the
 * reader, the sender, a negator or a feeling) is worked out once per spelling
 * and model and kept on the lexeme; pairs are kept per next spelling. A test
 * (`test/learned.test.ts`) checks that both ways give the same probabilities.
 */
import type {Language} from '../types.js'
import type {SentenceView} from '../kinds/kind.js'
import type {Lexeme, Token} from '../tokens.js'
import {rememberedOf} from './memo.js'
import {isNegator} from '../context.js'
import {lookupSentiment} from '../lexicon.js'
import {classesIn, feeling, functionWords, isWord, readerWords, senderWords, wordName} from './features.js'
import type {Model} from './model.js'

interface Entry {
  model: Model
  word: boolean
  plain: boolean
  reader: boolean
  sender: boolean
  negator: boolean
  /** -1 a feeling (`v:-`), 1 clearly positive (`v:+`), 0 neither. */
  valence: number
  name: string
  w: Float64Array | undefined
  f: Float64Array | undefined
  n: Float64Array | undefined
  e: Float64Array | undefined
  x: Float64Array | undefined
  pairs: Map<Lexeme | string, Float64Array | null>
}

interface Fixed {
  you: Float64Array | undefined
  we: Float64Array | undefined
  earlierYou: Float64Array | undefined
  earlierWe: Float64Array | undefined
  negation: Float64Array | undefined
  feels: Float64Array | undefined
  glad: Float64Array | undefined
  earlierFeels: Float64Array | undefined
  question: Float64Array | undefined
  exclamation: Float64Array | undefined
  earlierQuestion: Float64Array | undefined
  classes: Map<string, Float64Array | null>
  earlierClasses: Map<string, Float64Array | null>
}

const fixedRows = new WeakMap<Model, Fixed>()

function fixedOf(model: Model): Fixed {
  let fixed = fixedRows.get(model)
  if (!fixed) {
    fixed = {
      you: model.row('r:you'),
      we: model.row('r:we'),
      earlierYou: model.row('er:you'),
      earlierWe: model.row('er:we'),
      negation: model.row('neg'),
      feels: model.row('v:-'),
      glad: model.row('v:+'),
      earlierFeels: model.row('ev:-'),
      question: model.row('p:?'),
      exclamation: model.row('p:!'),
      earlierQuestion: model.row('e?'),
      classes: new Map(),
      earlierClasses: new Map()
    }
    fixedRows.set(model, fixed)
  }
  return fixed
}

function entryOf(token: Token, lang: Language, model: Model): Entry {
  const remembered = rememberedOf(token, lang)
  const known = remembered?.entry as Entry | undefined
  if (known !== undefined && known.model === model) return known
  const name = wordName(token)
  const plain = functionWords[lang].has(token.norm)
  let valence = 0
  if (token.kind === 'word') {
    const value = lookupSentiment(token.norm, lang)?.valence ?? 0
    valence = value <= feeling ? -1 : value >= 2 ? 1 : 0
  }
  const entry: Entry = {
    model,
    word: isWord(token),
    plain,
    reader: readerWords[lang].has(token.norm),
    sender: senderWords[lang].has(token.norm),
    negator: isNegator(token, lang),
    valence,
    name,
    w: plain ? undefined : model.row('w:' + name),
    f: model.row('f:' + name),
    n: plain ? undefined : model.row('n:' + name),
    e: plain ? undefined : model.row('e:' + name),
    x: token.kind === 'word' && token.norm.length >= 8 ? model.row('x:' + token.norm.slice(-4)) : undefined,
    pairs: new Map()
  }
  if (remembered !== undefined) remembered.entry = entry
  return entry
}

function classRow(names: Map<string, Float64Array | null>, prefix: string, name: string, model: Model): Float64Array | undefined {
  let row = names.get(name)
  if (row === undefined) names.set(name, (row = model.row(prefix + name) ?? null))
  return row ?? undefined
}

/** The probability of every subtype of `model` for a sentence (and the one before it): `model.probabilities(sentenceFeatures(sentence))`, faster. */
export function sentenceProbabilities(sentence: Pick<SentenceView, 'lang' | 'tokens' | 'words' | 'earlier'>, model: Model): Float64Array {
  const lang = sentence.lang
  const fixed = fixedOf(model)
  const rows = new Set<Float64Array>()
  const add = (row: Float64Array | undefined | null): void => {
    if (row) rows.add(row)
  }
  const words = sentence.words
  let first = true
  // The last word tokens seen in this clause, for the negation look-back (three words).
  let previous: Entry | undefined
  let previousToken: Token | undefined
  const back: Array<{entry: Entry; clause: number}> = []
  for (let index = 0; index < words.length; index++) {
    const token = words[index]
    const entry = entryOf(token, lang, model)
    if (!entry.word) continue
    if (entry.reader) add(fixed.you)
    else if (entry.sender) add(fixed.we)
    if (!entry.plain) add(entry.w)
    if (first) {
      add(entry.f)
      first = false
    }
    if (previous !== undefined && previousToken !== undefined && previousToken.clause === token.clause && !(previous.plain && entry.plain)) {
      add(pairRow(previous, previousToken, token, entry, model))
    }
    add(entry.x)
    if (entry.negator) add(fixed.negation)
    if (entry.valence < 0) add(fixed.feels)
    else if (entry.valence > 0) add(fixed.glad)
    for (let at = back.length - 1; at >= 0 && at >= back.length - 3; at--) {
      if (back[at].clause !== token.clause) break
      if (back[at].entry.negator) {
        if (!entry.plain) add(entry.n)
        break
      }
    }
    back.push({entry, clause: token.clause})
    previous = entry
    previousToken = token
  }
  for (const name of classesIn(words, lang)) add(classRow(fixed.classes, 'c:', name, model))
  for (const token of sentence.tokens) {
    if (token.kind !== 'punct') continue
    if (token.raw.includes('?')) add(fixed.question)
    if (token.raw.includes('!')) add(fixed.exclamation)
  }
  const earlier = sentence.earlier
  if (earlier) {
    for (const token of earlier.words) {
      const entry = entryOf(token, earlier.lang, model)
      if (!entry.word) continue
      if (entry.reader) add(fixed.earlierYou)
      else if (entry.sender) add(fixed.earlierWe)
      if (!entry.plain) add(entry.e)
      if (token.kind === 'word' && entry.valence < 0) add(fixed.earlierFeels)
    }
    for (const name of classesIn(earlier.words, earlier.lang)) add(classRow(fixed.earlierClasses, 'ec:', name, model))
    const last = earlier.tokens[earlier.tokens.length - 1]
    if (last && last.kind === 'punct' && last.raw.includes('?')) add(fixed.earlierQuestion)
  }
  return model.probabilitiesOfRows(rows)
}

function pairRow(entry: Entry, token: Token, next: Token, nextEntry: Entry, model: Model): Float64Array | undefined {
  const key: Lexeme | string = next.lexeme ?? nextEntry.name
  let row = entry.pairs.get(key)
  if (row === undefined) {
    row = model.row('b:' + entry.name + ' ' + nextEntry.name) ?? null
    // A token without its own lexeme shares no cache: its entry is made anew each time.
    if (token.lexeme !== undefined) entry.pairs.set(key, row)
  }
  return row ?? undefined
}
