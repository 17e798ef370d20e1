/**
 * The structural cue each learned subtype needs besides the model's score
 * (docs/learned.md). On real mail (support replies, newsletters) the model
 * alone heard guilt in any question with "you" and a term in any sentence
 * with "years": its clean training lines are marketing copy, not support or
 * news prose. So a learned finding stands only where the sentence has the
 * shape of its act:
 *
 * - guilt: the reader and the sender both named (in the sentence or the one
 *   before), and a feeling (a word the sentiment lexicon calls clearly
 *   negative) or the reader's leaving;
 * - threat: the reader's act (leave, cancel, switch, not renew, not pay,
 *   lapse) and a consequence (lose, gone, cut off, worse service) in the
 *   sentence or the one before, the consequence not negated ("no files will
 *   be lost" is a reassurance);
 * - urgency: the reader addressed (or an exclamation mark) and a time expression in the sentence (a
 *   day, a time, "tonight", a number, hours, the deal getting worse);
 * - lock-in: the reader or the sender named and a term in the sentence (a
 *   number, months or years, a contract, renewal, notice, a commitment).
 *
 * The cues are cheap (bits cached per spelling, word classes matched once per
 * sentence): the layer asks them first and scores only sentences that pass,
 * which keeps its cost a small part of a check.
 */
import type {Language} from '../types.js'
import type {SentenceView} from '../kinds/kind.js'
import {isNegator} from '../context.js'
import {lookupSentiment} from '../lexicon.js'
import type {Token} from '../tokens.js'
import {rememberedOf} from './memo.js'
import {classesIn, feeling, readerWords, senderWords} from './features.js'

const reader = 1
const sender = 2
const feels = 4
const number = 8
const time = 16
const term = 32
const negator = 64

const readerActs: Record<Language, readonly string[]> = {
  en: ['leave', 'lapse', 'exit', 'not-act', 'exit-condition', 'lapsed', 'lapse-condition', 'former'],
  nl: ['opzeggen', 'overstappen', 'weggaan', 'stoppen', 'verlengen', 'exit', 'not-act', 'exit-condition', 'verzuimd', 'verzuim-voorwaarde', 'voormalig']
}

/** Acts that hold their own negation ("if you don't renew"): a negator there does not free the consequence. */
const negatedActs: readonly string[] = ['not-act', 'lapsed', 'lapse-condition', 'verzuimd', 'verzuim-voorwaarde']

/** Leaving itself (for guilt): not a lapse or a condition, which support replies are full of ("if that doesn't work"). */
const leaving: Record<Language, readonly string[]> = {
  en: ['leave', 'former'],
  nl: ['opzeggen', 'overstappen', 'weggaan', 'voormalig']
}

const consequences: Record<Language, readonly string[]> = {
  en: ['lose', 'gone', 'cut', 'worse-service', 'worse'],
  nl: ['verliezen', 'weg', 'afgesloten', 'slechtere-dienst', 'slechter']
}

const timeClasses: Record<Language, readonly string[]> = {
  en: ['deadline-time', 'soon', 'worse'],
  nl: ['deadline-tijd', 'straks', 'slechter']
}

const timeWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(['now', 'today', 'tonight', 'tomorrow', 'hour', 'hours', 'minutes', 'days', 'day', 'week', 'weekend', 'last', 'final', 'ends', 'ending', 'deadline', 'clock', 'midnight', 'before', 'until', 'soon', 'expires', 'left']),
  nl: new Set(['nu', 'vandaag', 'vanavond', 'morgen', 'uur', 'uren', 'minuten', 'dagen', 'dag', 'week', 'weekend', 'laatste', 'eindigt', 'deadline', 'klok', 'middernacht', 'uiterlijk', 'snel', 'verloopt'])
}

const termStems: Record<Language, readonly string[]> = {
  en: ['month', 'year', 'annual', 'term', 'contract', 'renew', 'commit', 'minimum', 'period', 'notice', 'automatic', 'bound', 'locked', 'agreement', 'instalment', 'installment', 'subscription', 'membership', 'plan'],
  nl: ['maand', 'jaar', 'jaren', 'looptijd', 'contract', 'verleng', 'termijn', 'opzeg', 'vast', 'periode', 'automatisch', 'stilzwijgend', 'gebonden', 'overeenkomst', 'abonnement', 'lidmaatschap']
}

/** A sentence's cues: bits over its words, and its word classes (matched when first asked). */
interface Cues {
  bits: number
  words: readonly Token[]
  lang: Language
  classes?: readonly string[]
}

function wordBits(token: Token, lang: Language): number {
  if (token.kind === 'number') return number
  if (token.kind !== 'word') return 0
  const remembered = rememberedOf(token, lang)
  if (remembered?.bits !== undefined) return remembered.bits
  const norm = token.norm
  let bits = 0
  if (readerWords[lang].has(norm)) bits |= reader
  if (senderWords[lang].has(norm)) bits |= sender
  if ((lookupSentiment(norm, lang)?.valence ?? 0) <= feeling) bits |= feels
  if (timeWords[lang].has(norm)) bits |= time
  for (const stem of termStems[lang]) if (norm.startsWith(stem)) bits |= term
  if (isNegator(token, lang)) bits |= negator
  if (remembered !== undefined) remembered.bits = bits
  return bits
}

// The last few sentences' cues: a sentence is asked again as the next one's `earlier`.
const recent: Array<{view: Pick<SentenceView, 'words'>; cues: Cues}> = []

function cuesOf(view: Pick<SentenceView, 'lang' | 'words'>): Cues {
  for (const entry of recent) if (entry.view === view) return entry.cues
  let bits = 0
  for (const word of view.words) bits |= wordBits(word, view.lang)
  const cues: Cues = {bits, words: view.words, lang: view.lang}
  if (recent.length >= 3) recent.shift()
  recent.push({view, cues})
  return cues
}

/** The condition words of a choice offered and the wishes that follow them: "if you'd like", "als je wilt". */
const choiceIf: Record<Language, ReadonlySet<string>> = {en: new Set(['if']), nl: new Set(['als', 'wanneer', 'indien'])}
const choiceWish: Record<Language, ReadonlySet<string>> = {
  en: new Set(['like', 'want', 'wish', 'prefer', 'need', 'fancy']),
  nl: new Set(['wilt', 'wil', 'zin', 'wenst', 'liever'])
}

/**
 * A time offered as a choice ("Book by Friday if you'd like a table"): a
 * condition word with a wish up to four words on. Such a date is a service
 * to the reader, not a push, so the urgency model does not speak there.
 */
function offersChoice(words: readonly Token[], lang: Language): boolean {
  for (let index = 0; index < words.length; index++) {
    if (!choiceIf[lang].has(words[index]!.norm)) continue
    for (let next = index + 1; next < words.length && next <= index + 4; next++) if (choiceWish[lang].has(words[next]!.norm)) return true
  }
  return false
}

/** A term that has ended frees the reader ("Je minimale looptijd zit erop", "your minimum term is over"). */
const overPairs: Record<Language, ReadonlyArray<readonly [string, string]>> = {
  en: [['is', 'over'], ['has', 'ended'], ['is', 'up'], ['has', 'passed']],
  nl: [['zit', 'erop'], ['is', 'voorbij'], ['is', 'afgelopen'], ['is', 'verstreken']]
}

function termOver(words: readonly Token[], lang: Language): boolean {
  for (let index = 0; index + 1 < words.length; index++) {
    for (const [first, second] of overPairs[lang]) if (words[index]!.norm === first && words[index + 1]!.norm === second) return true
  }
  return false
}

function exclaims(tokens: readonly Token[]): boolean {
  for (const token of tokens) if (token.kind === 'punct' && token.raw.includes('!')) return true
  return false
}

function hasClass(cues: Cues | undefined, names: readonly string[]): boolean {
  if (cues === undefined) return false
  const classes = (cues.classes ??= classesIn(cues.words, cues.lang))
  for (const name of names) if (classes.includes(name)) return true
  return false
}

/** Does the sentence (with the one before it) have the structural cue of `subtype`? (A subtype without a gate: yes.) */
export function passesGate(subtype: string, sentence: Pick<SentenceView, 'lang' | 'tokens' | 'words' | 'earlier'>): boolean {
  const lang = sentence.lang
  const own = cuesOf(sentence)
  const before = sentence.earlier ? cuesOf(sentence.earlier) : undefined
  const either = (bit: number) => (own.bits & bit) !== 0 || (before !== undefined && (before.bits & bit) !== 0)
  switch (subtype) {
    case 'guilt':
      return either(reader) && either(sender) && (either(feels) || hasClass(own, leaving[lang]) || hasClass(before, leaving[lang]))
    case 'threat':
      return (
        (hasClass(own, readerActs[lang]) || hasClass(before, readerActs[lang])) &&
        (hasClass(own, consequences[lang]) || hasClass(before, consequences[lang])) &&
        ((own.bits & negator) === 0 || hasClass(own, negatedActs))
      )
    case 'urgency':
      return ((own.bits & reader) !== 0 || exclaims(sentence.tokens)) && ((own.bits & (number | time)) !== 0 || hasClass(own, timeClasses[lang])) && !offersChoice(own.words, lang)
    case 'lock-in':
      return (own.bits & (reader | sender)) !== 0 && (own.bits & (number | term)) !== 0 && !termOver(own.words, lang)
    default:
      return true
  }
}
