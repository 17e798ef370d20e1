/**
 * Calming a shouted sentence: the fix of the `shout` kind. The sentence is
 * set in sentence case as a whole (never word by word, which gave "THE
 * motley FOOL" and "Thank YOU!"): every word in capitals is lowered, except
 *
 * - acronyms and codes: a word with a digit (SAVE20), without a vowel (SMS,
 *   BTW), a known acronym (FAQ, USA, CEO), an English acronym the dictionary
 *   writes in capitals and has no lower-case word for (AOL, FDA, NYSE), "US"
 *   the country (in the US, US customers; "visit us" is the pronoun), AM and
 *   PM after a time, or a short capital word that is no ordinary word (ING,
 *   KLM); a name the dictionary writes with one capital and has no
 *   lower-case word for takes that form (CANADA → Canada);
 * - keywords a reader must type (STOP, HELP, START, INFO) and a word after
 *   "reply", "text", "code" (Reply YES; code WINTER);
 * - brand and product names from `dictionaries/brands.txt`, written the way
 *   the brand writes them;
 * - any word the text writes in capitals elsewhere, outside shouting (the
 *   brand's own way of writing it); a word the text writes with one capital
 *   elsewhere, mid-sentence, takes that form ("THE MOTLEY FOOL" → "The Motley
 *   Fool" when the footer says "The Motley Fool").
 *
 * "!!!" becomes "." ("?!" "?"), emoji runs, shouted interjections ("OMG,")
 * and the intensifiers before a feeling go. The first letter is a capital.
 */
import type {Language} from '../types.js'
import type {Token} from '../tokens.js'
import {readDictionary} from '../lexicon.js'
import {tidy, unelongated} from '../kinds/words.js'
import {intensifierWeight} from '../predicates.js'
import {dictionaryName, isDictionaryAcronym} from '../score/common-words.js'

export interface CalmInput {
  lang: Language
  /** The block text the sentence is in (offsets index it). */
  text: string
  start: number
  end: number
  /** The sentence's tokens. */
  tokens: readonly Token[]
  /** Tokens that shout: bang runs, emoji in runs (removed or calmed). */
  loud: readonly Token[]
  /** Tokens to leave out: intensifiers before a feeling, shouted interjections, emoji. */
  drop: readonly Token[]
  /** The sentence is set in capitals as a whole (default: worked out from the tokens). */
  allCaps?: boolean
}

const keywords = new Set(['STOP', 'HELP', 'START', 'INFO', 'UNSUBSCRIBE', 'QUIT', 'END', 'STOPPEN', 'HULP', 'AFMELDEN'])
const before = /^(?:reply|text|txt|sms|send|code|coupon|promo|promocode|voucher|use|enter|type|antwoord|stuur|sms'?t|kortingscode|actiecode|code:|gebruik|typ)$/i
const acronyms = new Set([
  'FAQ', 'USA', 'UK', 'EU', 'CEO', 'CFO', 'CTO', 'PDF', 'HTML', 'URL', 'USB', 'TV', 'HD', 'DIY', 'VIP', 'ASAP', 'NASA', 'BBC', 'CNN',
  'CNET', 'IBM', 'AI', 'API', 'SEO', 'RSVP', 'FYI', 'GMT', 'UTC', 'CET', 'BV', 'VAT', 'BTW', 'KVK', 'IBAN', 'OK',
  'ATM', 'GPS', 'DVD', 'PC', 'HR', 'NGO', 'NHS', 'XL', 'XXL', 'XS', 'NL',
  'LED', 'LCD', 'SUV', 'CO2', 'ISO', 'GDPR', 'AVG', 'SMS', 'OV', 'NS', 'ANWB', 'ING', 'ABN', 'AMRO', 'KLM', 'KPN', 'TV', 'USA'
])
/** Ordinary words are never names or brands, however the text writes them elsewhere (emphasis, Title Case). */
const common = new Set(`a an the and or but nor so yet of to in on at by for from with without into onto over under about after before
  is are was were be been being am do does did done have has had will would shall should can could may might must not no yes
  i me my mine you your yours we us our ours they them their he him his she her it its this that these those here there
  what which who whom whose when where why how all any each every some more most much many few less least very really just
  only also even still now then today tonight tomorrow again once ever never always up down out off new free best great
  good better big top hot get got buy order call click try save win see look make take give use find keep let start stop
  limited special offer offers time day days week month year money price prices now today just like love loved one ones
  if as than because while until both either neither whether though although since unless such same other another own
  de het een en of maar want dus van in op aan bij met voor naar uit om tot over onder na is zijn was waren wordt worden
  ik je jij u uw we wij ons onze jullie ze zij hij haar hem het dit dat deze die wat wie waar wanneer hoe alle elke meer
  meest veel heel zeer echt nu vandaag morgen nooit altijd nieuw nieuwe gratis beste grote goede nog ook al wel niet geen`.split(/\s+/).filter(Boolean))
/** Short capital words that are ordinary words (lowered), for the "short unknown capital word is an acronym" test. */
const ordinary: Record<Language, ReadonlySet<string>> = {
  en: new Set(['a', 'i', 'the', 'and', 'you', 'for', 'are', 'our', 'now', 'new', 'all', 'get', 'buy', 'off', 'wow', 'omg', 'yay', 'yes', 'no', 'so', 'we', 'is', 'to', 'of', 'in', 'on', 'at', 'by', 'my', 'me', 'be', 'do', 'go', 'up', 'ok', 'hi', 'it', 'its', 'or', 'an', 'as', 'us', 'he', 'she', 'his', 'her', 'one', 'two', 'top', 'big', 'hot', 'win', 'won', 'fun', 'day', 'way', 'out', 'not', 'can', 'has', 'had', 'was', 'who', 'why', 'how', 'let', 'see', 'try', 'too', 'way', 'few', 'low', 'own', 'old', 'off', 'sale', 'free', 'love', 'best', 'this', 'that', 'with', 'your']),
  nl: new Set(['de', 'het', 'een', 'en', 'je', 'we', 'wij', 'is', 'op', 'in', 'aan', 'van', 'nu', 'zo', 'ook', 'nog', 'met', 'voor', 'ja', 'nee', 'al', 'er', 'te', 'om', 'u', 'uw', 'jij', 'hij', 'zij', 'ze', 'dat', 'dit', 'die', 'wat', 'wie', 'hoe', 'top', 'wow', 'yes', 'bij', 'tot', 'uit', 'af', 'dag', 'kom', 'ga', 'gaat', 'ons', 'onze', 'mee', 'toe', 'echt', 'heel', 'zeer', 'gratis', 'nieuw', 'sale', 'alle', 'deze'])
}

let brands: Map<string, string> | undefined
function brandForm(word: string): string | undefined {
  if (!brands) {
    brands = new Map()
    for (const line of readDictionary('brands.txt')) for (const part of line.split(/\s+/)) brands.set(part.toLowerCase(), part)
  }
  return brands.get(word.toLowerCase())
}

const vowel = /[AEIOUYÄËÏÖÜÁÉÍÓÚÀÈ]/
const capsWord = /^[\p{Lu}\p{N}][\p{Lu}\p{N}'’&.-]*$/u

function isCaps(raw: string): boolean {
  return capsWord.test(raw) && /\p{Lu}.*\p{Lu}|^\p{Lu}$/u.test(raw)
}

/** How the text writes a word, found once per block: where it stands in capitals amid lower case, and with one capital mid-sentence. */
interface Forms {
  /** Offsets where the word is in capitals and its neighbours are not (in order). */
  caps: number[]
  /** Offsets and spellings of the word with one capital, mid-sentence (in order). */
  capitals: Array<[number, string]>
}

/**
 * The forms of every word of one block text, built on demand and kept for
 * the block's next sentences: a scan of the block per word and sentence was
 * quadratic (a block of "ACT NOW " took 0.8 s per 8 KB).
 */
let formsText: string | undefined
let formsIndex: Map<string, number[]> | undefined
const formsOf = new Map<string, Forms>()
const letterRun = /[\p{L}\p{N}]+/gu
const lettersOnly = /^[\p{L}\p{N}]+$/u

/** The forms of `word` in `text`: from an index of its letter runs when the word is one, else by a scan. */
function forms(text: string, word: string): Forms {
  if (formsText !== text) {
    formsText = text
    formsIndex = undefined
    formsOf.clear()
  }
  const key = word.toLowerCase()
  const known = formsOf.get(key)
  if (known) return known
  let offsets: number[]
  if (lettersOnly.test(word)) {
    if (!formsIndex) {
      formsIndex = new Map()
      for (const match of text.matchAll(letterRun)) {
        const run = match[0].toLowerCase()
        const list = formsIndex.get(run)
        if (list) list.push(match.index)
        else formsIndex.set(run, [match.index])
      }
    }
    offsets = formsIndex.get(key) ?? []
  } else {
    const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')
    offsets = [...text.matchAll(pattern)].map((match) => match.index)
  }
  const found: Forms = {caps: [], capitals: []}
  const upper = word.toUpperCase()
  for (const at of offsets) {
    const written = text.slice(at, at + word.length)
    // In capitals amid lower case: the words on both sides are not shouted.
    const before = /([\p{L}'’]+)[^\p{L}]*$/u.exec(text.slice(Math.max(0, at - 40), at))?.[1]
    const after = /^[^\p{L}]*([\p{L}'’]+)/u.exec(text.slice(at + written.length, at + written.length + 40))?.[1]
    const quiet = (neighbour: string | undefined) => neighbour === undefined || /\p{Ll}/u.test(neighbour)
    if (written === upper && quiet(before) && quiet(after)) found.caps.push(at)
    const lead = text.slice(Math.max(0, at - 3), at)
    if (/^\p{Lu}\p{Ll}+$/u.test(written) && /\p{L}[ \t]+$|[,;][ \t]+$/u.test(lead)) found.capitals.push([at, written])
  }
  formsOf.set(key, found)
  return found
}

/** How the text writes `word` elsewhere, outside `start..end`: in capitals amid lower case, or with one capital mid-sentence. */
function formElsewhere(text: string, start: number, end: number, word: string): string | undefined {
  const {caps, capitals} = forms(text, word)
  // The first in capitals outside wins; else the last with one capital outside.
  if (caps.some((at) => at < start || at >= end)) return word.toUpperCase()
  for (let index = capitals.length - 1; index >= 0; index--) {
    const [at, written] = capitals[index]
    if (at < start || at >= end) return written
  }
  return undefined
}

/** The word as the calm sentence writes it. */
function calmWord(word: Token, previous: Token | undefined, next: Token | undefined, input: CalmInput): string {
  const raw = word.raw
  if (!isCaps(raw)) return raw
  const upper = raw.toUpperCase()
  if (/\p{N}/u.test(raw) || keywords.has(upper) || acronyms.has(upper.replace(/[.]/g, ''))) return raw
  if (previous && before.test(previous.raw)) return raw
  // A time: 9 AM, 5 PM.
  if ((upper === 'AM' || upper === 'PM') && /\d[ \t]?$/.test(input.text.slice(Math.max(0, word.start - 3), word.start))) return raw
  if (upper === 'US' && input.lang === 'en') return isCountryUs(previous, next, next && nextWord(input.tokens, next)) ? 'US' : 'us'
  const letters = raw.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 2 && !vowel.test(letters)) return raw
  // An acronym the dictionary writes in capitals (AOL, FDA, NYSE, UPS) that is no lower-case word there.
  if (input.lang === 'en' && isDictionaryAcronym(raw)) return raw
  const brand = brandForm(raw)
  if (brand) return brand
  const lower = raw.toLowerCase()
  if (common.has(lower)) return lower === 'i' && input.lang === 'en' ? 'I' : unelongated(lower, input.lang)
  const elsewhere = formElsewhere(input.text, input.start, input.end, raw)
  if (elsewhere) return elsewhere
  // A name the dictionary writes with one capital (CANADA → Canada), when it is no ordinary word.
  const name = input.lang === 'en' ? dictionaryName(raw) : undefined
  if (name) return name
  // A short capital word amid lower case is likely an acronym (KIM, ING); in a sentence set in capitals it is just a word (SIR, SUM).
  if (letters.length <= 3 && !ordinary[input.lang].has(lower) && lower !== 'i' && !input.allCaps) return raw
  return input.lang === 'en' && lower === 'i' ? 'I' : unelongated(lower, input.lang)
}

/** The word after `token` among `tokens`, past spaces (not past other punctuation than `&` and `/`). */
function nextWord(tokens: readonly Token[], token: Token): Token | undefined {
  for (let index = tokens.indexOf(token) + 1; index < tokens.length; index++) {
    const next = tokens[index]
    if (next.kind === 'word') return next
    if (!/^\s*$|^[&/]$/.test(next.raw)) return undefined
  }
  return undefined
}

/** Nouns "US" the country names (US customers, US dollars), and the pronoun never precedes. */
const usNouns = /^(?:customers?|residents?|citizens?|shoppers?|buyers?|users?|dollars?|market|markets|only|based|stocks?|shares|economy|government|companies|company|orders?|shipping|delivery|addresses|time|states|east|west|coast|version|edition|store|site|mainland|military|army|navy|patent|law|laws|tax|taxes|bank|banks|presidents?|election|senate|congress|visa)$/i
/** Words before "US" the country ("the US", "in the US", "US and EU"). */
const usBefore = /^(?:the|our|in|from|across|within|throughout|outside|inside|and|or|&|\/)$/i

/**
 * "US" in a shouted sentence: the country after "the", "in", "from",
 * "across", next to another acronym ("US and EU", "EU/US") or before a noun
 * it names a part of (US customers, US dollars); else the pronoun "us"
 * ("VISIT US", "JOIN US TODAY").
 */
function isCountryUs(previous: Token | undefined, next: Token | undefined, afterNext: Token | undefined): boolean {
  if (previous && usBefore.test(previous.raw)) return true
  if (next && usNouns.test(next.raw)) return true
  // "US and EU", "US & Canada": another country or acronym after "and".
  if (next && afterNext && /^(?:and|or|&|\/)$/i.test(next.raw)) {
    const other = afterNext.raw
    return acronyms.has(other.toUpperCase()) && other === other.toUpperCase() ? other.toUpperCase() !== 'US' : /^(?:canada|mexico|europe|asia)$/i.test(other) || isDictionaryAcronym(other)
  }
  return false
}

const selectors = /[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/u

/** The calm sentence (the fix of a shouting finding); `''` when nothing is left ("OMG!!! 🎉"). */
export function calmSentence(given: CalmInput): string {
  const {text, start, end, tokens} = given
  const lettered = tokens.filter((token) => token.kind === 'word' && /\p{L}{2}/u.test(token.raw))
  const input: CalmInput = {...given, allCaps: given.allCaps ?? (lettered.length >= 3 && lettered.filter((token) => isCaps(token.raw)).length >= lettered.length * 0.8)}
  // Merge tags and masked syntax (runs of x) are written as they are: never lowered, dropped or capitalised.
  const kept: Array<[number, number]> = []
  for (const match of text.slice(start, end).matchAll(/\{\{?[^{}\n]{1,80}\}?\}|\*\|[^|\n]{1,80}\|\*|%%[^%\n]{1,80}%%|x{4,}/g)) kept.push([start + match.index, start + match.index + match[0].length])
  const isKept = (token: Token) => kept.some(([from, to]) => token.start < to && token.end > from)
  const dropped = new Set(input.drop.filter((token) => !isKept(token)))
  // A chain of intensifiers before a dropped one goes too: "absolutely, incredibly, insanely thrilled" → "thrilled".
  let chain = false
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]
    if (token.kind === 'word') {
      if (dropped.has(token)) chain = intensifierWeight(token.norm, input.lang) > 0
      else if (chain && intensifierWeight(token.norm, input.lang) > 0 && !/^(most|more|meest|meer)$/i.test(token.norm)) dropped.add(token)
      else chain = false
    } else if (!(token.kind === 'punct' && token.raw === ',')) chain = false
  }
  // An intensifier right after "a" or "an" stays (lowered): dropping it would break the article ("a REAL offer" → "a real offer").
  tokens.forEach((token, index) => {
    if (token.kind !== 'word' || !dropped.has(token) || intensifierWeight(token.norm, input.lang) <= 0) return
    const words = tokens.slice(0, index).filter((item) => item.kind === 'word')
    if (/^(?:a|an)$/i.test(words[words.length - 1]?.raw ?? '')) dropped.delete(token)
  })
  const loud = new Set(input.loud)
  let out = ''
  let position = start
  let previous: Token | undefined
  for (const token of tokens) {
    if (token.start < position) continue
    if (isKept(token)) continue
    const isWord = token.kind === 'word'
    const drop = dropped.has(token) || (token.kind === 'emoji' && loud.has(token))
    const bang = token.kind === 'punct' && loud.has(token)
    if (!drop && !bang && !isWord) continue
    out += text.slice(position, token.start)
    position = token.end
    if (drop) {
      // Drop the word or emoji with the selectors, comma and space after it.
      while (position < end && selectors.test(text.charAt(position))) position++
      if (isWord && text.charAt(position) === ',') position++
      while (position < end && /\s/.test(text.charAt(position))) position++
      // An emoji run between two words was a break: "So proud 💛💛 thanks" → "Proud, thanks".
      if (!isWord && /[\p{L}\p{N}]\s*$/u.test(out) && /^\p{L}/u.test(text.slice(position, end)) && !selectors.test(text.charAt(position))) out = out.trimEnd() + ', '
      continue
    }
    if (bang) {
      // "!!!" → "." unless a full stop is already there.
      if (!/[.?]\s*$/.test(out) && text.charAt(position) !== '.') out += token.raw.includes('?') ? '?' : '.'
    } else {
      out += calmWord(token, previous, nextWord(tokens, token), input)
      previous = token
    }
  }
  out += text.slice(position, end)
  out = tidy(out.replace(/\.!|!\./g, '.')).replace(/^[.!?\s]+/, '')
  // Sentence case: a capital on the first word, past any punctuation or merge tag before it ("===when" → "===When").
  out = capitalFirst(out)
  if (out !== '' && !/[.!?…]["'’”)]*$/.test(out)) out += '.'
  return /[\p{L}\p{N}]/u.test(out) ? out : ''
}

const skippable = /^(?:\{[^{}]*\}|\*\|[^|]*\|\*|%%[^%]*%%|x{4,}|[^\p{L}\p{N}])/u

/** A capital on the first letter, past punctuation, merge tags and masked syntax (which stay as they are). */
function capitalFirst(text: string): string {
  let at = 0
  for (;;) {
    const skip = skippable.exec(text.slice(at))
    if (!skip) break
    at += skip[0].length
  }
  return /^\p{Ll}/u.test(text.slice(at)) ? text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1) : text
}
