/**
 * The fact guard: a rewrite of a sentence may change its wording, never its
 * facts. Given the sentence as written and the sentence after the rewrite,
 * it lists what the rewrite would add or drop:
 *
 * - added: a number (digits or a number word), an amount (currency, percent),
 *   a date or time word (weekday, month, today, a term such as "month"), a
 *   name (a capitalised word the sentence does not hold, beyond a sentence
 *   start), a promise (cancel, free, refund, warranty; opzeggen, gratis,
 *   garantie, geen kosten, …);
 * - dropped: a merge tag (`{{…}}`, `*|…|*`, `%%…%%`, `{name}`) or a link
 *   (URL, bare domain, e-mail address);
 * - mask filler: a run of `x` (`xxxxxxxx`) the sentence does not hold, left
 *   by masked syntax;
 * - dropped too: a number or amount the sentence holds, or its only date
 *   or time words (cutting "Only today:" cuts the offer's time limit);
 * - debris: punctuation a removal leaves behind ("No thanks, ."), a bracket
 *   it unbalances;
 * - in Dutch, a switch between `u` and `je` (the sentence's register).
 *
 * A rewrite with any problem is refused: `src/messages.ts` keeps it out of
 * `expected` and `suggestions` (no rewrite is better than a false one).
 */
import type {Language} from '../types.js'

export interface GuardInput {
  lang: Language
  /** The sentence as written. */
  before: string
  /** The sentence after the rewrite. */
  after: string
}

export interface GuardResult {
  ok: boolean
  /** What is wrong, one short phrase each (`adds a number: 12`). */
  problems: string[]
}

const numberWords: Record<Language, readonly string[]> = {
  en: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'twenty', 'thirty', 'forty', 'fifty', 'hundred', 'thousand', 'million', 'dozen', 'half', 'once', 'twice', 'first', 'second', 'third', 'single', 'double'],
  nl: ['één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'twintig', 'dertig', 'veertig', 'vijftig', 'honderd', 'duizend', 'miljoen', 'dozijn', 'half', 'halve', 'helft', 'eenmaal', 'tweemaal', 'eerste', 'tweede', 'derde', 'dubbel']
}

const timeWords: Record<Language, readonly string[]> = {
  en: [
    'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'weekend', 'weekday',
    'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
    'today', 'tonight', 'tomorrow', 'yesterday', 'midnight', 'noon', 'morning', 'evening', 'afternoon',
    'hour', 'hours', 'minute', 'minutes', 'day', 'days', 'daily', 'week', 'weeks', 'weekly', 'month', 'months', 'monthly',
    'year', 'years', 'yearly', 'annual', 'annually', 'season', 'christmas', 'easter', 'am', 'pm'
  ],
  nl: [
    'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag', 'weekend', 'werkdag', 'werkdagen',
    'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december',
    'vandaag', 'vanavond', 'vannacht', 'morgen', 'overmorgen', 'gisteren', 'middernacht', 'ochtend', 'middag', 'avond',
    'uur', 'uren', 'minuut', 'minuten', 'dag', 'dagen', 'dagelijks', 'week', 'weken', 'wekelijks', 'maand', 'maanden',
    'maandelijks', 'jaar', 'jaren', 'jaarlijks', 'seizoen', 'kerst', 'pasen'
  ]
}

const amountWords: Record<Language, readonly string[]> = {
  en: ['euro', 'euros', 'dollar', 'dollars', 'pound', 'pounds', 'cent', 'cents', 'percent', 'per cent', 'price', 'cost', 'costs', 'fee', 'fees'],
  nl: ['euro', 'euros', 'dollar', 'cent', 'procent', 'prijs', 'kosten', 'kost', 'tarief']
}

/**
 * Promises: stems (a word starting with one counts) and phrases. "cancel"
 * covers cancel, cancelled, cancellation; "opzeg" opzeggen, opzegtermijn.
 */
const promiseStems: Record<Language, readonly string[]> = {
  en: ['cancel', 'free', 'refund', 'warrant', 'guarant', 'money-back', 'moneyback', 'return', 'repay', 'keep', 'whenever', 'anytime', 'always', 'never', 'forever', 'lifetime', 'unlimited', 'replace', 'repair', 'fix', 'remind', 'restock', 'pause', 'switch', 'leave', 'stop', 'promise', 'safe', 'included', 'discount', 'gift', 'welcome'],
  nl: ['opzeg', 'zeg', 'gratis', 'garant', 'terugbeta', 'terugstort', 'retour', 'kosteloos', 'boetevrij', 'altijd', 'nooit', 'levenslang', 'onbeperkt', 'vervang', 'repar', 'herinner', 'pauze', 'pauzeer', 'overstap', 'stop', 'beloof', 'belofte', 'inbegrepen', 'korting', 'cadeau', 'welkom', 'houd', 'houdt', 'vervroegd', 'aflos']
}

const promisePhrases: Record<Language, readonly string[]> = {
  en: ['no cost', 'at no', 'any time', 'no charge', 'no fee', 'no extra', 'money back', 'your money', 'no obligation', 'no risk', 'risk-free', 'risk free'],
  nl: ['geen kosten', 'zonder kosten', 'zonder extra', 'geld terug', 'wanneer je wilt', 'wanneer u wilt', 'geen risico', 'vrijblijvend', 'geen verplichting', 'elk moment']
}

const mergeTag = /\{\{\{?[^{}]{0,200}\}?\}\}|\{%[^%]{0,200}%\}|\*\|[^|\n]{1,80}\|\*|%%[\w .:\-[\]]{1,80}%%|\$\{[\w.\- ]{1,80}\}|\[\[[\w .:-]{1,80}\]\]|\{[A-Za-z_][\w.]{0,60}\}/g
const link = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]]+[^\s<>"'()[\].,;:!?]|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|nl|be|org|net|io|eu|de|fr|co\.uk|shop|app)\b(?:\/[^\s<>"']*)?/gi
const maskFiller = /x{5,}/gi
const digits = /\d+(?:[.,:]\d+)*/g
const currency = /[€$£¥%]/g
const words = /[\p{L}\p{M}][\p{L}\p{M}'’-]*/gu

function matches(text: string, pattern: RegExp): string[] {
  return text.match(pattern) ?? []
}

function lowerWords(text: string): string[] {
  return matches(text, words).map((word) => word.toLowerCase())
}

/** Multiset difference: items of `after` beyond their count in `before`. */
function extra(before: readonly string[], after: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const item of before) counts.set(item, (counts.get(item) ?? 0) + 1)
  const out: string[] = []
  for (const item of after) {
    const left = counts.get(item) ?? 0
    if (left > 0) counts.set(item, left - 1)
    else out.push(item)
  }
  return out
}

/** Capitalised words that are not at the start of a sentence (or after a colon, a quote or a bullet). */
function names(text: string): string[] {
  const out: string[] = []
  for (const match of text.matchAll(words)) {
    const word = match[0]
    if (!/^\p{Lu}/u.test(word) || word === 'I') continue
    const before = text.slice(0, match.index).replace(/\s+$/, '')
    if (before === '' || /[.!?…:;"“‘'(\-–—•*]$/.test(before)) continue
    out.push(word)
  }
  return out
}

function promisesIn(lowered: readonly string[], text: string, lang: Language): string[] {
  const out: string[] = []
  for (const word of lowered) {
    if (promiseStems[lang].some((stem) => word.startsWith(stem))) out.push(word)
  }
  const flat = text.toLowerCase().replace(/\s+/g, ' ')
  for (const phrase of promisePhrases[lang]) {
    let from = flat.indexOf(phrase)
    while (from !== -1) {
      out.push(phrase)
      from = flat.indexOf(phrase, from + phrase.length)
    }
  }
  return out
}

/** The register of a Dutch sentence: `u` (formal), `je` (informal), both or none. */
export function register(text: string): {u: boolean; je: boolean} {
  const lowered = lowerWords(text)
  return {
    u: lowered.some((word) => word === 'u' || word === 'uw' || word === 'uzelf'),
    je: lowered.some((word) => word === 'je' || word === 'jij' || word === 'jouw' || word === 'jullie' || word === 'jou' || word === 'jezelf')
  }
}

/** Punctuation a removal leaves behind ("No thanks, .", "stock — .", a sentence that opens with ":"), or a bracket it unbalances. */
const strayPunctuation = /[,;:\u2013\u2014]\s*[.!?,;:]|^\s*[,;:.!?\u2013\u2014]|\(\s*\)|\[\s*\]/u

function debris(before: string, after: string): string[] {
  const found: string[] = []
  if (strayPunctuation.test(after) && !strayPunctuation.test(before)) found.push('stray punctuation')
  for (const [open, close] of [['(', ')'], ['[', ']']] as const) {
    const balance = (text: string) => text.split(open).length - text.split(close).length
    if (balance(after) !== balance(before)) found.push(`an unbalanced ${open}${close}`)
  }
  return found
}

/** Check one rewrite: what it adds or drops that the sentence holds or does not hold. */
export function guardRewrite(input: Readonly<GuardInput>): GuardResult {
  const {lang, before, after} = input
  const problems: string[] = []
  const add = (what: string, items: readonly string[]) => {
    if (items.length > 0) problems.push(`adds ${what}: ${[...new Set(items)].join(', ')}`)
  }
  // Merge tags and links first; the rest compares the text without them.
  const tagsBefore = matches(before, mergeTag)
  const tagsAfter = matches(after, mergeTag)
  const linksBefore = matches(before, link)
  const linksAfter = matches(after, link)
  const dropped = [...extra(tagsAfter, tagsBefore), ...extra(linksAfter, linksBefore)]
  if (dropped.length > 0) problems.push(`drops ${[...new Set(dropped)].join(', ')}`)
  add('a merge tag', extra(tagsBefore, tagsAfter))
  add('a link', extra(linksBefore, linksAfter))
  const plainBefore = before.replace(mergeTag, ' ').replace(link, ' ')
  const plainAfter = after.replace(mergeTag, ' ').replace(link, ' ')

  const filler = extra(matches(plainBefore, maskFiller), matches(plainAfter, maskFiller))
  if (filler.length > 0) problems.push('contains mask filler')

  add('a number', extra(matches(plainBefore, digits), matches(plainAfter, digits)))
  add('an amount', extra(matches(plainBefore, currency), matches(plainAfter, currency)))
  const wordsBefore = lowerWords(plainBefore)
  const wordsAfter = lowerWords(plainAfter)
  const newWords = new Set(extra(wordsBefore, wordsAfter))
  const known = new Set(wordsBefore)
  add('a number', [...newWords].filter((word) => numberWords[lang].includes(word) && !known.has(word)))
  add('a date or time', [...newWords].filter((word) => timeWords[lang].includes(word) && !known.has(word)))
  add('an amount', [...newWords].filter((word) => amountWords[lang].includes(word) && !known.has(word)))
  add('a name', names(plainAfter).filter((word) => !known.has(word.toLowerCase())))
  add('a promise', extra(promisesIn(wordsBefore, plainBefore, lang), promisesIn(wordsAfter, plainAfter, lang)))

  // Figures and time limits go neither way: cutting "Only today:" from the
  // only time limit the sentence has makes an offer for a day read as one for
  // good. (Words of a shaming opt-out, "korting", "money", may go with it.)
  const drop = (what: string, items: readonly string[]) => {
    if (items.length > 0) problems.push(`drops ${what}: ${[...new Set(items)].join(', ')}`)
  }
  drop('a number', extra(matches(plainAfter, digits), matches(plainBefore, digits)))
  drop('an amount', extra(matches(plainAfter, currency), matches(plainBefore, currency)))
  const kept = new Set(wordsAfter)
  const gone = [...new Set(extra(wordsAfter, wordsBefore))].filter((word) => !kept.has(word))
  drop('a number', gone.filter((word) => numberWords[lang].includes(word)))
  if (!wordsAfter.some((word) => timeWords[lang].includes(word))) {
    drop('the time limit', gone.filter((word) => timeWords[lang].includes(word)))
  }

  const left = debris(before, after)
  if (left.length > 0) problems.push(`leaves ${left.join(', ')}`)

  if (lang === 'nl') {
    const was = register(plainBefore)
    const now = register(plainAfter)
    if ((now.je && !was.je) || (now.u && !was.u)) problems.push(now.je ? 'switches from u to je' : 'switches from je to u')
  }
  return {ok: problems.length === 0, problems}
}
