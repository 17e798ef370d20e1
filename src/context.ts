/**
 * What a sentence around a match says about it: is the phrase negated
 * ("geen opzegkosten", "no cancellation fee", "je zit nergens aan vast",
 * "we waive the exit fee", "cancellation fee: none"), or quoted (a customer's
 * words are not the sender's)?
 *
 * Everything here works on the word tokens of one sentence (see
 * `src/tokens.ts`) with a few small, fixed word sets: no allocation per
 * call, no regular expressions per token.
 */
import type {Language} from './types.js'
import {memoGet, memoSet, memoSlot, type Token} from './tokens.js'
import type {Match} from './patterns.js'

const negators: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'no', 'not', 'never', 'without', 'zero', 'nor', 'none', 'nothing', 'neither', 'nobody', 'nowhere',
    "don't", "doesn't", "won't", "isn't", "aren't", "wasn't", "weren't", "can't", 'cannot', "didn't",
    "shouldn't", "wouldn't", "needn't", "haven't", "hasn't", "ain't",
    'dont', 'doesnt', 'wont', 'isnt', 'arent', 'cant', 'didnt', 'havent', 'hasnt'
  ]),
  nl: new Set(['geen', 'niet', 'nooit', 'zonder', 'nergens', 'niets', 'niks', 'noch', 'geeneen', 'nul'])
}

/**
 * Words before a phrase that take it away or keep the reader out of it:
 * "we waive the exit fee", "tired of being locked in", "in plaats van een
 * jaarcontract", "bang om vast te zitten".
 */
const freeingBefore: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'waive', 'waives', 'waived', 'waiving', 'refund', 'refunds', 'reimburse', 'reimburses', 'scrap', 'scrapped',
    'abolish', 'abolished', 'instead', 'worried', 'afraid', 'scared', 'fear', 'tired', 'hate', 'hates', 'sick',
    'avoid', 'avoids', 'unlike', 'goodbye', 'ditch'
  ]),
  nl: new Set([
    'vergoeden', 'vergoedt', 'vergoed', 'schrappen', 'geschrapt', 'kwijtgescholden', 'plaats', 'bang', 'zorgen',
    'moe', 'beu', 'vermijd', 'vermijden', 'afgeschaft', 'afschaffen'
  ])
}

/** Words right after a phrase, in the same clause, that free it: "penalty free", "fee waived", "kosten vervallen". */
const freeingAfter: Record<Language, ReadonlySet<string>> = {
  en: new Set(['free', 'waived', 'none', 'removed', 'nil', 'scrapped', 'refunded', 'reimbursed', '0', '0.']),
  nl: new Set(['vrij', 'gratis', 'vervalt', 'vervallen', 'kwijtgescholden', 'nul', 'geen', 'kosteloos', 'vergoed', 'geschrapt', '0', '0.'])
}

/**
 * Places and seats: "free" or "vrij" right after them means available, not
 * free of charge ("only 3 spots free", "nog 2 plekken vrij"), so it does not
 * free the phrase.
 */
const availableNouns: Record<Language, ReadonlySet<string>> = {
  en: new Set(['spot', 'spots', 'place', 'places', 'seat', 'seats', 'table', 'tables', 'room', 'rooms', 'slot', 'slots', 'space', 'spaces', 'bed', 'beds', 'pitch', 'pitches', 'cabin', 'cabins']),
  nl: new Set(['plek', 'plekken', 'plekje', 'plekjes', 'plaats', 'plaatsen', 'plaatsje', 'plaatsjes', 'tafel', 'tafels', 'kamer', 'kamers', 'stoel', 'stoelen', 'bed', 'bedden', 'tijdslot', 'tijdsloten', 'staanplaatsen', 'zitplaatsen'])
}

/** The availability words of `availableNouns`: "free", "vrij". */
const availableWords: Record<Language, string> = {en: 'free', nl: 'vrij'}

/** "3 spots free", "2 plekken vrij": `free`/`vrij` after a place noun says available. */
function isAvailable(last: Token, next: Token, lang: Language): boolean {
  return next.norm === availableWords[lang] && (classesOf(last, lang) & availableNoun) !== 0
}

/** Answers that free a phrase even after a colon: "cancellation fee: none", "opzegkosten: geen". */
const freeingAnswer: Record<Language, ReadonlySet<string>> = {
  en: new Set(['none', 'nil', 'zero', 'waived', '0', '0.']),
  nl: new Set(['geen', 'nul', 'vervalt', 'vervallen', 'nihil', '0', '0.'])
}

/**
 * A negator right before one of these negates the verb, not the phrase after
 * it: "don't miss out: only 3 left", "niet wachten, laatste kans".
 */
const pressureVerbs: Record<Language, ReadonlySet<string>> = {
  en: new Set(['miss', 'wait', 'delay', 'hesitate', 'forget', 'sleep', 'risk', 'regret']),
  nl: new Set(['wachten', 'missen', 'twijfelen', 'treuzelen', 'aarzelen', 'vergeten'])
}

/**
 * Imperative negators ("don't lose your perks", "niet vergeten") that warn
 * rather than free when they open a clause and the match starts with a loss
 * or pressure verb right after them.
 */
const imperativeNegators: Record<Language, ReadonlySet<string>> = {
  en: new Set(["don't", 'dont']),
  nl: new Set([])
}

/** Loss and pressure verbs an imperative negator warns about: "don't lose", "don't miss". */
const warnedVerbs: Record<Language, ReadonlySet<string>> = {
  en: new Set(['lose', 'miss', 'forfeit', 'waste', 'let']),
  nl: new Set([])
}

/** "Don't lose your points: renew today" — a warning, not a freeing negation. */
function isWarning(tokens: readonly Token[], index: number, from: number, lang: Language): boolean {
  const token = tokens[index]
  let start = index
  if (token.norm === 'not' && tokens[index - 1]?.norm === 'do') start = index - 1
  else if ((classesOf(token, lang) & imperativeNegator) === 0) return false
  if (index + 1 !== from || (classesOf(tokens[from], lang) & warnedVerb) === 0) return false
  const before = tokens[start - 1]
  return before === undefined || before.clause !== tokens[start].clause
}

/** A word between a negator and the match that ends the negator's reach: "no fees, but a minimum term". */
const contrast: Record<Language, ReadonlySet<string>> = {
  en: new Set(['but', 'however', 'though', 'although', 'yet', 'except', 'then', 'if', 'unless', 'because', 'since', 'means', 'mean']),
  nl: new Set(['maar', 'echter', 'wel', 'behalve', 'dan', 'als', 'tenzij', 'want', 'omdat', 'betekent', 'betekenen'])
}

/** Coordinators that start a new clause when a subject follows: "don't renew and we stop support". */
const coordinators: Record<Language, ReadonlySet<string>> = {
  en: new Set(['and', 'or', 'so']),
  nl: new Set(['en', 'of', 'dus'])
}

/** Subjects (and their possessives) that open a clause after a coordinator. */
const subjects: Record<Language, ReadonlySet<string>> = {
  en: new Set(['we', 'you', 'i', 'they', 'he', 'she', 'it', 'your', 'our', 'their', "we'll", "you'll", "we're", "you're", "it's", "they'll", "i'll"]),
  nl: new Set(['we', 'wij', 'je', 'jij', 'u', 'ik', 'ze', 'zij', 'hij', 'het', 'jouw', 'uw', 'onze', 'ons', 'jullie', 'dan'])
}

/**
 * Modal verbs that open the main clause after a negated condition: "members
 * who don't upgrade will lose access". A negator before them belongs to the
 * condition, not to the phrase after them.
 */
const modals: Record<Language, ReadonlySet<string>> = {
  en: new Set(['will', 'would', 'shall', 'must', "you'll", "we'll", "they'll", "it'll"]),
  nl: new Set([])
}

/** Does the token at `index` end the reach of a negator before it ("but", "will", or "and" + a new subject)? */
function isClauseBoundary(tokens: readonly Token[], index: number, lang: Language): boolean {
  const classes = classesOf(tokens[index], lang)
  if ((classes & (contrastWord | modal)) !== 0) return true
  const next = tokens[index + 1]
  return (classes & coordinator) !== 0 && next !== undefined && (classesOf(next, lang) & subject) !== 0
}

/**
 * Verbs after a phrase that a later negator denies: "cancellation fees do not
 * apply", "opzegkosten rekenen we niet".
 */
const deniedAfter: Record<Language, ReadonlySet<string>> = {
  en: new Set(['apply', 'applies', 'charged', 'charge', 'exist', 'exists', 'needed', 'required', 'happen', 'happens']),
  nl: new Set(['toepassing', 'gerekend', 'berekend', 'rekenen', 'reken', 'berekenen', 'betaal', 'betaalt', 'betalen', 'nodig', 'verplicht', 'vragen', 'vraag', 'geldt', 'gelden', 'bestaan', 'bestaat'])
}

/** Prepositions that negate only their own noun phrase: "zonder opzegkosten", "without a fee". */
const negatingPrepositions: Record<Language, ReadonlySet<string>> = {
  en: new Set(['without']),
  nl: new Set(['zonder'])
}

/** The sender as the subject of a clause: "we", "ik". */
const senderSubjects: Record<Language, ReadonlySet<string>> = {
  en: new Set(['we', "we'll", "we're", 'i', "i'll"]),
  nl: new Set(['we', 'wij', 'ik'])
}

/** The reader as the subject after an inverted Dutch verb: "ben je", "verliest u". */
const readerSubjects: Record<Language, ReadonlySet<string>> = {
  en: new Set([]),
  nl: new Set(['je', 'jij', 'u'])
}

/**
 * Does the match open a clause with the sender as subject ("we pause your
 * account", or Dutch inversion: "pauzeren we je account"), or with the reader
 * as the subject after an inverted verb ("Zonder verlenging ben je je punten
 * kwijt")? Then a "without" phrase before it only sets a condition ("Zonder
 * upgrade pauzeren we je account"): it does not negate what follows.
 */
function opensSenderClause(tokens: readonly Token[], from: number, lang: Language): boolean {
  if ((classesOf(tokens[from], lang) & senderSubject) !== 0) return true
  const next = tokens[from + 1]
  if (next === undefined) return false
  const classes = classesOf(next, lang)
  return (classes & senderSubject) !== 0 || (lang === 'nl' && (classes & readerSubject) !== 0)
}

/** Negating pronouns that, with a comparative, make a superlative: "nobody is happier than we are". */
const comparingNegators: Record<Language, ReadonlySet<string>> = {
  en: new Set(['nobody', 'nothing', 'none', 'noone']),
  nl: new Set(['niemand', 'niets', 'niks'])
}

const than: Record<Language, ReadonlySet<string>> = {
  en: new Set(['than']),
  nl: new Set(['dan'])
}

/*
 * The word sets above as bits of one number per word, worked out once per
 * spelling and kept on its lexeme: the negation check asks up to eight sets
 * about each of the few words around every match (rules and score signals
 * alike), and one cached number answers them all.
 */
const negator = 1
const freeingBeforeWord = 1 << 1
const freeingAfterWord = 1 << 2
const availableNoun = 1 << 3
const freeingAnswerWord = 1 << 4
const pressureVerb = 1 << 5
const imperativeNegator = 1 << 6
const warnedVerb = 1 << 7
const contrastWord = 1 << 8
const coordinator = 1 << 9
const subject = 1 << 10
const modal = 1 << 11
const deniedVerb = 1 << 12
const negatingPreposition = 1 << 13
const senderSubject = 1 << 14
const comparingNegator = 1 << 15
const thanWord = 1 << 16
const readerSubject = 1 << 17

const classSets: ReadonlyArray<readonly [number, Record<Language, ReadonlySet<string>>]> = [
  [negator, negators],
  [freeingBeforeWord, freeingBefore],
  [freeingAfterWord, freeingAfter],
  [availableNoun, availableNouns],
  [freeingAnswerWord, freeingAnswer],
  [pressureVerb, pressureVerbs],
  [imperativeNegator, imperativeNegators],
  [warnedVerb, warnedVerbs],
  [contrastWord, contrast],
  [coordinator, coordinators],
  [subject, subjects],
  [modal, modals],
  [deniedVerb, deniedAfter],
  [negatingPreposition, negatingPrepositions],
  [senderSubject, senderSubjects],
  [comparingNegator, comparingNegators],
  [thanWord, than],
  [readerSubject, readerSubjects]
]

function classTable(lang: Language): Map<string, number> {
  const table = new Map<string, number>()
  for (const [bit, sets] of classSets) for (const word of sets[lang]) table.set(word, (table.get(word) ?? 0) | bit)
  return table
}

const classTables: Record<Language, Map<string, number>> = {en: classTable('en'), nl: classTable('nl')}
/** Per language, the lexeme memo slot of its class bits (see `Lexeme`). */
const classSlots: Record<Language, number | undefined> = {en: memoSlot(), nl: memoSlot()}

/** The word classes (bits above) of a token in `lang`. */
function classesOf(token: Token, lang: Language): number {
  const lexeme = token.lexeme
  const slot = classSlots[lang]
  if (lexeme === undefined || slot === undefined) return classTables[lang].get(token.norm) ?? 0
  let classes = memoGet(lexeme, slot) as number | undefined
  if (classes === undefined) memoSet(lexeme, slot, (classes = classTables[lang].get(token.norm) ?? 0))
  return classes
}

/**
 * Is the negator at `index` the start of a comparison ("nobody is happier
 * than us", "niemand is blijer dan wij", "no one loves … more than")? That
 * is a superlative, not a negation.
 */
function isComparison(tokens: readonly Token[], index: number, lang: Language): boolean {
  const token = tokens[index]
  const pronoun = (classesOf(token, lang) & comparingNegator) !== 0 || (lang === 'en' && token.norm === 'no' && tokens[index + 1]?.norm === 'one')
  if (!pronoun) return false
  let more = false
  for (let next = index + 1; next < tokens.length && next <= index + 6; next++) {
    const norm = tokens[next].norm
    if (norm === 'more' || norm === 'meer') more = true
    if ((classesOf(tokens[next], lang) & thanWord) === 0) continue
    const before = tokens[next - 1].norm
    return more || (before.length > 3 && before.endsWith('er'))
  }
  return false
}

/** How many words before a match a negator still reaches. */
const reachBefore = 3
/** How many words after a match a denial ("do not apply") may use. */
const reachAfter = 4

/** Is `token` a negating word ("no", "geen", "cannot")? */
export function isNegator(token: Token, lang: Language): boolean {
  return (classesOf(token, lang) & negator) !== 0
}

/** "free of charge", "free from lock-in": `free` followed by `of`/`from` negates like `without`. */
function isFreeOf(tokens: readonly Token[], index: number, lang: Language): boolean {
  if (lang !== 'en') return false
  const next = tokens[index + 1]
  return tokens[index].norm === 'free' && next !== undefined && (next.norm === 'of' || next.norm === 'from')
}

/** Does the negator at `index` aim at a pressure verb right after it ("don't miss", "niet wachten")? */
function negatesVerbOnly(tokens: readonly Token[], index: number, until: number, lang: Language): boolean {
  for (let next = index + 1; next < until && next <= index + 2; next++) {
    if ((classesOf(tokens[next], lang) & pressureVerb) !== 0) return true
  }
  return false
}

/**
 * Is the match negated or freed? Any of:
 * - a negator up to three words before it in the same clause, with no
 *   contrast word ("but", "maar") or new subject ("and we") in between, and not aimed at a pressure
 *   verb ("don't wait"), and not an imperative warning that opens the clause
 *   ("Don't lose your perks", "Do not miss out"), and not a "zonder"/"without"
 *   phrase in front of a clause in which the sender acts ("Zonder upgrade
 *   pauzeren we je account"), and not a comparison that makes a superlative
 *   ("nobody is happier than we are");
 * - a freeing word before it ("we waive the", "tired of being", "in plaats van");
 * - a negator that a gap inside the match skipped over ("je zit nergens aan vast");
 * - a freeing word right after it ("fee waived", "kosten vervallen"; but not
 *   "free"/"vrij" after a place: "3 spots free" is available), or a
 *   freeing answer that makes up the whole next clause ("cancellation fee: none.");
 * - a negator and a denied verb after it in the same clause ("fees do not apply"),
 *   or a negator right after a match that ends in such a verb ("dan betaal je niets").
 *
 * `floor`: the words before it belong to another part of the same frame (the
 * condition "Zonder licentie" before the loss "vervalt je toegang", the loss
 * "this rate won't be here" before the time "when you wake up"): the look
 * back stops there.
 */
export function isNegated(tokens: readonly Token[], match: Match, lang: Language, floor = 0): boolean {
  const first = tokens[match.from]
  for (let index = match.from - 1; index >= floor && index >= match.from - reachBefore; index--) {
    const token = tokens[index]
    if (token.clause !== first.clause) break
    if (isClauseBoundary(tokens, index, lang)) break
    const classes = classesOf(token, lang)
    if (((classes & freeingBeforeWord) !== 0 && !isPoliteAfraid(tokens, index)) || isFreeOf(tokens, index, lang)) return true
    if (isWarning(tokens, index, match.from, lang)) return false
    if ((classes & negatingPreposition) !== 0 && index < match.from - 1 && opensSenderClause(tokens, match.from, lang)) break
    if ((classes & negator) !== 0 && !negatesVerbOnly(tokens, index, match.from, lang) && !isComparison(tokens, index, lang)) return true
  }
  for (const index of match.skipped) {
    if (isNegator(tokens[index], lang) || isFreeOf(tokens, index, lang)) return true
  }
  const last = tokens[match.to - 1]
  const next = tokens[match.to]
  if (next && next.clause === last.clause && (classesOf(next, lang) & freeingAfterWord) !== 0 && !isAvailable(last, next, lang) && !joinsClauses(last)) return true
  if (next && next.clause === last.clause + 1 && (classesOf(next, lang) & freeingAnswerWord) !== 0 && endsClause(tokens, match.to)) return true
  return isDeniedAfter(tokens, match.to, last.clause, (classesOf(last, lang) & deniedVerb) !== 0, lang)
}

/**
 * "I'm afraid …" is the sender's "sorry", not fear of what follows: "I'm
 * afraid cancellations can only be made by post" is still a lock-in, while
 * "afraid of being locked in" keeps the reader out of it.
 */
const politeSubjects: ReadonlySet<string> = new Set(["i'm", 'im', "we're", 'am'])
function isPoliteAfraid(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]
  if (token.norm !== 'afraid') return false
  const before = tokens[index - 1]
  const after = tokens[index + 1]
  return before !== undefined && politeSubjects.has(before.norm) && (after === undefined || (after.norm !== 'of' && after.norm !== 'to'))
}

/**
 * A match that ends in a joiner ("Stop je, dan", "cancel and") hands over to the
 * next clause: a freeing word after it ("dan vervallen al je punten") is that
 * clause's verb, not a word that frees the match.
 */
const clauseJoiners: ReadonlySet<string> = new Set(['dan', 'anders', 'then', 'and', 'en', 'or', 'of', 'otherwise'])
function joinsClauses(token: Token): boolean {
  return clauseJoiners.has(token.norm)
}

/** Is the token at `index` the last word of its clause ("fee: none.", not "fee: none of that")? */
function endsClause(tokens: readonly Token[], index: number): boolean {
  const after = tokens[index + 1]
  return after === undefined || after.clause !== tokens[index].clause
}

/**
 * A negator and a denied verb ("do not apply", "rekenen we niet") within
 * reach after the match, same clause. When the match itself ends in such a
 * verb ("zeg je op, dan betaal"), a negator after it is enough ("… je niets").
 */
function isDeniedAfter(tokens: readonly Token[], from: number, clause: number, endsInVerb: boolean, lang: Language): boolean {
  let negated = false
  let denied = endsInVerb
  for (let index = from; index < tokens.length && index < from + reachAfter; index++) {
    const token = tokens[index]
    if (token.clause !== clause) break
    const classes = classesOf(token, lang)
    if ((classes & contrastWord) !== 0) break
    if ((classes & negator) !== 0) negated = true
    else if ((classes & deniedVerb) !== 0) denied = true
    if (negated && denied) return true
  }
  return false
}

const quotePairs: Record<string, string> = {'"': '"', "'": "'", '“': '”', '„': '”', '‘': '’', '«': '»', '‚': '‘', '「': '」'}

/**
 * Ranges (offsets in `text`) that are quoted: an opening quote after a space,
 * an opening bracket, a colon or the start, up to its closing quote. An
 * apostrophe inside a word (it's, zo'n) does not open a quote, and a closing
 * quote must be followed by a space, punctuation or the end.
 */
export function quotedRanges(text: string, from: number, to: number): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  let index = from
  while (index < to) {
    const char = text[index]
    const close = quotePairs[char]
    const before = index === from ? ' ' : text[index - 1]
    if (close && /[\s([:—–-]/.test(before)) {
      let end = index + 1
      while (end < to) {
        const after = text[end + 1] ?? ' '
        if (text[end] === close && (end + 1 >= to || /[\s.,;:!?)\]—–-]/.test(after))) break
        end++
      }
      if (end < to) {
        ranges.push([index, end + 1])
        index = end + 1
        continue
      }
    }
    index++
  }
  return ranges
}

/** Is the span `start`–`end` wholly inside one of `ranges`? */
export function isInside(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [from, to] of ranges) if (start >= from && end <= to) return true
  return false
}
