/**
 * Tell English from Dutch.
 *
 * Why not franc: franc-min compares trigram profiles against 80+ languages
 * and costs about 0.7 ms on a whole email, more than parsing it. trouw only
 * has to choose between two languages, and their function words ("the",
 * "and", "you" against "de", "het", "een", "je") almost never overlap and
 * make up a third of any prose. Counting them over the first ~2 KB is a few
 * microseconds and, for two languages, more accurate on short texts such as
 * subject lines, where trigram statistics have too little to go on.
 */
import type {Language} from './types.js'
import {lexemeAt, memoGet, memoSet, memoSlot} from './tokens.js'

export interface LanguageGuess {
  /** `undefined` when the text is too short or the evidence is a near tie. */
  lang: Language | undefined
  /** 0 (no idea) to 1 (certain). */
  confidence: number
}

/** How much of the text is read (default: the first 2,048 characters). */
const sampleSize = 2048
/** …and no text after one that ends past this many characters. */
const sampleStop = 2000

/** Less evidence than this: unsure (one spelling of one language alone is enough for a button). */
const minimumEvidence = 0.5

/** Below this many cues, the text is short copy: decided by the margin alone. */
const shortEvidence = 8
/** The margin short copy needs: one language at least three times the other. */
const shortMargin = 0.5

/** Stop reading once this many cue words agree this clearly: more text would not change the answer. */
const decidedEvidence = 30
const decidedMargin = 0.8

/** Below this confidence: unsure. */
const minimumConfidence = 0.25

// Words that exist in both languages ("in", "is", "was", "we", "of", "die",
// "over", "me", "door", "want", "even", "hand") are left out on purpose.
const english = [
  'a', 'about', 'after', 'all', 'an', 'and', 'any', 'are', 'as', 'at',
  'be', 'because', 'been', 'before', 'but', 'by', 'can', 'could', 'did',
  'do', 'does', 'for', 'from', 'get', 'had', 'has', 'have', 'he', 'her',
  'here', 'his', 'how', 'i', 'if', 'into', 'it', 'its', 'just', 'more',
  'most', 'my', 'no', 'not', 'now', 'on', 'or', 'our', 'out', 'she',
  'should', 'so', 'some', 'than', 'that', 'the', 'their', 'them', 'then',
  'there', 'these', 'they', 'this', 'those', 'to', 'up', 'us', 'very',
  'what', 'when', 'where', 'which', 'who', 'why', 'will', 'with', 'would',
  'yet', 'you', 'your', 'yours', "you're", "don't", "it's", "we're",
  "i'm", "can't", "won't", "we'll", "you'll", "let's", "that's"
]

const dutch = [
  'aan', 'al', 'alle', 'als', 'bij', 'dan', 'dat', 'de', 'deze', 'dit',
  'doen', 'doet', 'een', 'en', 'er', 'geen', 'graag', 'heb', 'hebt',
  'heeft', 'hem', 'het', 'hier', 'hoe', 'hun', 'ik', 'je', 'jij', 'jou',
  'jouw', 'jullie', 'kan', 'kunt', 'kunnen', 'maar', 'meer', 'met', 'mijn',
  'naar', 'niet', 'nog', 'nu', 'om', 'onder', 'ons', 'onze', 'ook', 'op',
  'te', 'tot', 'u', 'uit', 'uw', 'van', 'veel', 'voor', 'waar', 'wat',
  'welke', 'wie', 'wij', 'wil', 'wilt', 'worden', 'wordt', 'zal', 'ze',
  'zich', 'zijn', 'zo', 'zoals', 'zou', 'zullen', "'s", 'bent', 'ben',
  'omdat', 'daarom', 'echter', 'toch', 'wel'
]

/**
 * Content words of short copy (subject lines, buttons, push texts) that only
 * one of the two languages spells this way: a subject line has one or two
 * function words at most ("Alleen vandaag: 30% korting" has none), so these
 * count as cues too. Loanwords both languages use in mail ("sale", "shop",
 * "deal", "week", "update", "account", "check", "happy", "weekend") are left out.
 */
const englishContent = [
  'today', 'tomorrow', 'tonight', 'only', 'off', 'free', 'new', 'left', 'last', 'chance', 'save', 'offer', 'sign',
  'log', 'back', 'see', 'soon', 'miss', 'thanks', 'thank', 'welcome', 'ready', 'click', 'find', 'view', 'try', 'buy',
  'pay', 'bill', 'day', 'days', 'hours', 'hour', 'month', 'months', 'year', 'years', 'time', 'price', 'prices',
  'store', 'gift', 'sold', 'stock', 'while', 'ends', 'ending', 'yours', 'one', 'two', 'three', 'four', 'five',
  'six', 'seven', 'eight', 'nine', 'ten', 'first', 'every', 'each', 'still', 'got', 'make', 'made', 'take', 'give',
  'go', 'going', 'come', 'know', 'think', 'need', 'like', 'look', 'keep', 'let', 'please', 'sorry', 'good', 'great',
  'best', 'big', 'little', 'fast', 'easy', 'fresh', 'hot', 'cold', 'order', 'orders', 'way', 'home', 'money',
  'our', 'my', 'me', 'we\'re', 'been', 'was', 'were', 'am', 'isn\'t', 'get', 'got', 'until', 'till', 'left',
  'almost', 'again', 'away', 'never', 'always', 'everything', 'nothing', 'something', 'right', 'now', 'just',
  'friday', 'saturday', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'march', 'may', 'june', 'july',
  'october', 'your', 'yourself', 'cancel', 'renew', 'delivered', 'delivery', 'coming', 'news'
]

const dutchContent = [
  'vandaag', 'morgen', 'gisteren', 'vanavond', 'korting', 'gratis', 'nieuw', 'nieuwe', 'alleen', 'bijna', 'zonder',
  'jaar', 'maanden', 'maand', 'dag', 'dagen', 'uur', 'uren', 'minuten', 'bestelling', 'bestel', 'bekijk', 'ontdek',
  'klik', 'wordt', 'wacht', 'welkom', 'terug', 'bedankt', 'dank', 'groet', 'groeten', 'ziens', 'vast', 'zit', 'zeg',
  'stuks', 'snel', 'laatste', 'kans', 'prijs', 'prijzen', 'klant', 'klanten', 'winkel', 'aanbieding', 'factuur',
  'rekening', 'betaal', 'betalen', 'gaat', 'komt', 'krijg', 'krijgt', 'maak', 'tijd', 'mee', 'heel', 'goed', 'goede',
  'mooi', 'mooie', 'leuk', 'leuke', 'fijn', 'fijne', 'lekker', 'geld', 'huis', 'thuis', 'zomer', 'lente', 'herfst',
  'vrijdag', 'zaterdag', 'zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'januari', 'februari', 'maart',
  'mei', 'juni', 'juli', 'augustus', 'oktober', 'hulp', 'vraag', 'vragen', 'zij', 'hij', 'klaar', 'staat', 'alles',
  'niets', 'niks', 'iets', 'altijd', 'nooit', 'vaak', 'nieuws', 'gewoon', 'zelf', 'jezelf', 'twee', 'drie', 'vier',
  'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'eerste', 'elke', 'iedere', 'gaan', 'komen', 'maken', 'kijk',
  'kies', 'pak', 'haal', 'halen', 'bespaar', 'besparen', 'sparen', 'spaar', 'ontvang', 'ontvangen', 'bezorgd',
  'bezorging', 'verzending', 'verzonden', 'onderweg', 'nog', 'maar', 'even', 'snel', 'over', 'steeds', 'weer',
  'jouw', 'jou', 'jij', 'je', 'jullie', 'uw', 'op', 'tot', 'af', 'mijn', 'opzeggen', 'abonnement', 'voordeel',
  'aanmelden', 'afmelden', 'inloggen', 'betaling', 'gefeliciteerd', 'verjaardag', 'cadeau', 'cadeautje', 'winnen',
  'win', 'bent', 'ben', 'hebt', 'heb', 'hebben', 'zit', 'zitten', 'blijf', 'blijft', 'blijven', 'lees', 'meer',
  'uitverkocht', 'voorraad', 'bezorgen', 'retour', 'wijzigen', 'gewijzigd', 'bijgewerkt', 'vertrekt', 'geopend',
  'binnen', 'buiten', 'omhoog', 'omlaag', 'lid', 'leden', 'rente', 'verkoop', 'veilig'
]

/** Function word → the language it points to. */
const cues = new Map<string, Language>()
for (const [words, lang] of [[englishContent, 'en'], [dutchContent, 'nl'], [english, 'en'], [dutch, 'nl']] as const) {
  for (const word of words) {
    cues.set(word, lang)
    // Typographic apostrophe: "you’re".
    if (word.includes("'")) cues.set(word.replace("'", '\u2019'), lang)
  }
}

// Spellings one language has and the other does not: half a cue each.
// Dutch "ij", "uu", "aa", "uw" ("nieuw"), "sch", "cht", "eu", "oe", "vr-",
// "kw", the diminutive ("-tje", "-pje"), "-heid", "-teit", "-tie", "-ig"
// ("prettig", "nodig"), "-kt" ("werkt"), "-gen", a participle "ge…d/t"
// ("gewijzigd"), "ui" ("huis", "tuin"), the prefixes "ver-", "ont-";
// English "-tion", "-ly", "-ness", "-ous", "ght", "th", "wh", "ck", "sh",
// "qu", a final "y".
const dutchSpelling = /ij|uu|aa|uw|sch|cht|kw|[^qu]eu|oe[^s]|oe$|^vr|[tp]jes?$|heid$|teit$|tie$|ig$|igd$|igt$|kt$|gen$|^ge\p{L}{3,}[dt]$|^ver[lzwhkgp]|^ont\p{L}{3,}|[dhtzkl]ui|^uit/u
const englishSpelling = /tions?$|ly$|ness$|ous$|ght|^th|th$|^wh|ck|sh|qu|[^aeiouij]y$|ay$/

/**
 * Guess whether `text` is English or Dutch from its function words.
 *
 * Each function word counts one; a longer word spelled the way only one of
 * the languages spells counts half. Confidence is the margin between the two counts, damped when there
 * are few cue words at all.
 */
export function detectLanguage(text: string): LanguageGuess {
  return detectLanguageIn([text])
}

/**
 * Guess the language of texts read one after the other (the blocks of a
 * file) without joining them: as if joined by line breaks, but no text that
 * starts past the first 2,000 characters and nothing past 2,048 is read.
 * Reading stops earlier once the evidence is clear; a typical email is
 * decided within 300 characters.
 */
export function detectLanguageIn(texts: Iterable<string>): LanguageGuess {
  const counts: Counts = {en: 0, nl: 0}
  let read = 0
  for (const text of texts) {
    const room = sampleSize - read
    if (room <= 0 || count(text.length > room ? text.slice(0, room) : text, counts)) break
    // The line break between two texts.
    read += text.length + 1
    if (read > sampleStop) break
  }
  const {en, nl} = counts
  const total = en + nl
  if (total < minimumEvidence) return {lang: undefined, confidence: 0}

  const margin = Math.abs(en - nl) / total
  const confidence = round(margin * Math.min(1, total / 8))
  // Short copy (a subject line, a button) has few cues: there one language
  // must clearly outweigh the other (at least three to one) instead.
  const decided = total >= shortEvidence ? confidence >= minimumConfidence : margin >= shortMargin
  if (!decided || en === nl) return {lang: undefined, confidence}

  return {lang: en > nl ? 'en' : 'nl', confidence}
}

interface Counts {
  en: number
  nl: number
}

/**
 * Add the cue words of `text` to `counts`; true when the evidence is decided
 * (read no further). Words are runs of letters and apostrophes, found by a
 * scan of their own and looked up straight from the text (see `cueAt`): a
 * regular expression match per word, with its new string, cost more than the
 * rest of detecting the language, most of all on text with characters beyond
 * Latin-1 (’, é, emoji).
 */
function count(text: string, counts: Counts): boolean {
  let start = -1
  for (let index = 0; index <= text.length; index++) {
    const width = index < text.length ? wordCharWidth(text, index) : 0
    if (width > 0) {
      if (start === -1) start = index
      index += width - 1
      continue
    }
    if (start === -1) continue
    const cue = cueAt(text, start, index)
    start = -1
    if (cue === englishWord) counts.en++
    else if (cue === dutchWord) counts.nl++
    else if (cue === dutchSpelled) counts.nl += 0.5
    else if (cue === englishSpelled) counts.en += 0.5
    const total = counts.en + counts.nl
    // Decided: no need to read on.
    if (total >= decidedEvidence && Math.abs(counts.en - counts.nl) >= decidedMargin * total) return true
  }
  return false
}

/** Per UTF-16 unit beyond ASCII: 0 not yet known, 1 a letter, 2 not. */
const letterUnits = new Uint8Array(65536)
const letter = /^\p{L}$/u

/**
 * How many UTF-16 units of a word character (a letter, `'` or `’`) start at
 * `index`: 0 when none does, 2 for a letter beyond the BMP.
 */
function wordCharWidth(text: string, index: number): number {
  const code = text.charCodeAt(index)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39 ? 1 : 0
  if (code === 0x2019) return 1
  if (code >= 0xd800 && code <= 0xdbff) {
    const point = text.codePointAt(index)!
    return point > 0xffff && letter.test(String.fromCodePoint(point)) ? 2 : 0
  }
  let known = letterUnits[code]
  if (known === 0) letterUnits[code] = known = letter.test(String.fromCharCode(code)) ? 1 : 2
  return known === 1 ? 1 : 0
}

/** What one spelling says: nothing, a function word, or a spelling of one language. */
const noCue = 0
const englishWord = 1
const dutchWord = 2
const englishSpelled = 3
const dutchSpelled = 4

/**
 * The answer per spelling is kept on its lexeme (see `src/tokens.ts`): a
 * map lookup of a new string hashes it in the runtime, and the same
 * spellings are looked up again when the copy is checked.
 */
const cueSlot = memoSlot()

/** The cue of the word `text.slice(start, end)`. */
function cueAt(text: string, start: number, end: number): number {
  const lexeme = lexemeAt(text, start, end)
  if (cueSlot === undefined) return computeCue(lexeme.raw)
  let cue = memoGet(lexeme, cueSlot) as number | undefined
  if (cue === undefined) memoSet(lexeme, cueSlot, (cue = computeCue(lexeme.raw)))
  return cue
}

function computeCue(raw: string): number {
  const word = raw.toLowerCase()
  const cue = cues.get(word)
  if (cue === 'en') return englishWord
  if (cue === 'nl') return dutchWord
  if (word.length > 3) {
    if (dutchSpelling.test(word)) return dutchSpelled
    if (englishSpelling.test(word)) return englishSpelled
  }
  return noCue
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
