/**
 * Calming a shouted sentence: the fix of the `shout` kind. The sentence is
 * set in sentence case as a whole (never word by word, which gave "THE
 * motley FOOL" and "Thank YOU!"): every word in capitals is lowered, except
 *
 * - acronyms and codes: a word with a digit (SAVE20), without a vowel (SMS,
 *   BTW), a known acronym (FAQ, USA, CEO), or a short capital word that is no
 *   ordinary word (ING, KLM);
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
import {tidy} from '../kinds/words.js'

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
}

const keywords = new Set(['STOP', 'HELP', 'START', 'INFO', 'UNSUBSCRIBE', 'QUIT', 'END', 'STOPPEN', 'HULP', 'AFMELDEN'])
const before = /^(?:reply|text|txt|sms|send|code|coupon|promo|promocode|voucher|use|enter|type|antwoord|stuur|sms'?t|kortingscode|actiecode|code:|gebruik|typ)$/i
const acronyms = new Set([
  'FAQ', 'USA', 'UK', 'EU', 'CEO', 'CFO', 'CTO', 'PDF', 'HTML', 'URL', 'USB', 'TV', 'HD', 'DIY', 'VIP', 'ASAP', 'NASA', 'BBC', 'CNN',
  'CNET', 'IBM', 'AI', 'API', 'SEO', 'RSVP', 'PS', 'FYI', 'NB', 'AM', 'PM', 'GMT', 'UTC', 'CET', 'BV', 'NV', 'VAT', 'BTW', 'KVK', 'IBAN',
  'ID', 'PIN', 'ATM', 'GPS', 'DVD', 'CD', 'PC', 'MAC', 'IT', 'HR', 'NGO', 'UN', 'NHS', 'XL', 'XXL', 'XS', 'S', 'M', 'L', 'NL', 'BE',
  'DE', 'FR', 'US', 'LED', 'LCD', 'SUV', 'EV', 'CO2', 'ISO', 'GDPR', 'AVG', 'SMS', 'OV', 'NS', 'ANWB', 'ING', 'ABN', 'AMRO', 'KLM', 'KPN'
])
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

/** How the text writes `word` elsewhere, outside `start..end`: in capitals amid lower case, or with one capital mid-sentence. */
function formElsewhere(text: string, start: number, end: number, word: string): string | undefined {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'giu')
  let capital: string | undefined
  for (const match of text.matchAll(pattern)) {
    const at = match.index
    if (at >= start && at < end) continue
    const found = match[0]
    const around = text.slice(Math.max(0, at - 30), Math.min(text.length, at + found.length + 30))
    if (found === word.toUpperCase() && /\p{Ll}{3}/u.test(around)) return found
    const lead = text.slice(Math.max(0, at - 3), at)
    if (/^\p{Lu}\p{Ll}+$/u.test(found) && /\p{L}[ \t]+$|[,;][ \t]+$/u.test(lead)) capital = found
  }
  return capital
}

/** The word as the calm sentence writes it. */
function calmWord(word: Token, previous: Token | undefined, input: CalmInput): string {
  const raw = word.raw
  if (!isCaps(raw)) return raw
  const upper = raw.toUpperCase()
  if (/\p{N}/u.test(raw) || keywords.has(upper) || acronyms.has(upper.replace(/[.]/g, ''))) return raw
  if (previous && before.test(previous.raw)) return raw
  const letters = raw.replace(/[^\p{L}]/gu, '')
  if (letters.length >= 2 && !vowel.test(letters)) return raw
  const brand = brandForm(raw)
  if (brand) return brand
  const elsewhere = formElsewhere(input.text, input.start, input.end, raw)
  if (elsewhere) return elsewhere
  const lower = raw.toLowerCase()
  if (letters.length <= 3 && !ordinary[input.lang].has(lower) && lower !== 'i') return raw
  return input.lang === 'en' && lower === 'i' ? 'I' : lower
}

const selectors = /[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/u

/** The calm sentence (the fix of a shouting finding); `''` when nothing is left ("OMG!!! 🎉"). */
export function calmSentence(input: CalmInput): string {
  const {text, start, end, tokens} = input
  const dropped = new Set(input.drop)
  const loud = new Set(input.loud)
  let out = ''
  let position = start
  let previous: Token | undefined
  for (const token of tokens) {
    if (token.start < position) continue
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
      continue
    }
    if (bang) out += token.raw.includes('?') ? '?' : '.'
    else {
      out += calmWord(token, previous, input)
      previous = token
    }
  }
  out += text.slice(position, end)
  out = tidy(out.replace(/\.{2,}/g, '.').replace(/\.!|!\./g, '.')).replace(/^[.!?\s]+/, '')
  // Sentence case: a capital first (a word kept in capitals stays as it is).
  if (/^\p{Ll}/u.test(out) && /^[\s"'“‘(]*[\p{Lu}\p{N}]/u.test(text.slice(start, end))) out = out.charAt(0).toUpperCase() + out.slice(1)
  else if (/^\p{Ll}/u.test(out)) out = out.charAt(0).toUpperCase() + out.slice(1)
  if (out !== '' && !/[.!?…]["'’”)]*$/.test(out)) out += '.'
  return /[\p{L}\p{N}]/u.test(out) ? out : ''
}
