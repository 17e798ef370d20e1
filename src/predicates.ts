/**
 * Word sets that patterns can name as `{name}`: backed by the lexicons in
 * `dictionaries/` (graded sentiment, intensifiers), so a rule can say "a
 * strongly positive word" without listing every one, plus two small curated
 * sets of emotion words the sentiment lexicons do not grade well (nouns and
 * verbs of joy: "geluk", "glimlach", "genieten").
 *
 * | set            | holds for |
 * | ---            | --- |
 * | `{positive}`   | a word with valence ≥ 2 in the sentiment lexicon (inflected and elongated forms too) |
 * | `{negative}`   | a word with valence ≤ -2 in the sentiment lexicon ("boring", "ugly", "saai", "lelijk"): what a shaming opt-out makes the reader choose |
 * | `{intense}`    | a positive word of intensity ≥ 0.6, or a strong intensifier (weight ≥ 1.5) |
 * | `{intensifier}`| a word of `dictionaries/intensifiers.<lang>.txt` ("very", "zóóó", "mega") |
 * | `{joy}`        | a word of strong personal emotion: happy, joy, smile, love, thrilled, blij, geluk, verliefd… |
 * | `{affect}`     | `{joy}` plus milder pleasure: enjoy, pleasure, fun, geniet, plezier… |
 * | `{team}`       | the sender as a group: team, crew, staff, colleagues, and compounds ("supportteam", "magazijnteam") |
 *
 * Dutch diminutives count as their base ("lachje", "knuffeltje" → "lach",
 * "knuffel"). Every set looks a word up once and caches the answer per
 * language.
 */
import type {Language} from './types.js'
import type {Predicate} from './patterns.js'
import type {Token} from './tokens.js'
import {intensifiers, lookupSentiment, normalizeWord} from './lexicon.js'

/**
 * Words of strong personal emotion (joy, love, delight), per language. A
 * trailing `*` matches any word that starts with the rest ("smil*": smile,
 * smiles, smiling); other entries match the whole word.
 */
const joyWords: Record<Language, readonly string[]> = {
  en: [
    'happy', 'happier', 'happiest', 'happiness', 'happily', 'joy', 'joys', 'joyful', 'joyfully', 'joyous', 'overjoy*', 'smil*', 'delight*',
    'thrill', 'thrills', 'thrilled', 'thrilling', 'ecstatic', 'bliss*', 'love', 'loves', 'loved', 'loving', 'lovin', 'adore*', 'elated',
    'euphori*', 'cheer', 'cheers', 'cheering', 'glee*', 'grin', 'grins', 'grinning', 'grinned', 'giddy', 'overwhelmed', 'swoon*',
    'rapture', 'heartwarm*', 'tears', 'crying', 'cries', 'cry', 'laughing', 'laughter'
  ],
  nl: [
    'blij', 'blije', 'blijer', 'blijst', 'blijste', 'blijdschap', 'blijheid', 'dolblij*', 'gelukkig*', 'dolgelukkig*', 'geluk', 'vreugde*', 'glimlach*', 'lach', 'lachen', 'lachend', 'lachende',
    'lacht', 'verliefd*', 'liefde*', 'stralend*', 'straalt', 'stralen', 'juich*', 'euforisch*', 'extatisch*',
    'opgetogen', 'aanbid*', 'smelt', 'smelten', 'ontroer*', 'happy', 'verrukt', 'zielsgelukkig*', 'zielsblij*',
    'gelukzalig*', 'overgelukkig*', 'apetrots', 'dolenthousiast*', 'hartverwarm*', 'huilt', 'huilen',
    'tranen'
  ]
}

/** Milder pleasure words: `{affect}` holds for these and for `{joy}`. */
const affectWords: Record<Language, readonly string[]> = {
  en: ['enjoy*', 'pleasure', 'fun', 'glad', 'pleased', 'proud', 'excited', 'exciting', 'grateful', 'thankful'],
  nl: ['genie*', 'genot', 'genoten', 'plezier', 'fijn', 'fijne', 'trots', 'tevreden', 'enthousiast*', 'gezellig*', 'dankbaar']
}

/** The sender as a group of people; any word ending in `team`/`teams` counts too. */
const teamWords: Record<Language, ReadonlySet<string>> = {
  en: new Set(['crew', 'staff', 'office', 'everyone', 'everybody', 'colleagues', 'employees']),
  nl: new Set(['crew', 'collega\'s', 'collegas', 'medewerkers', 'kantoor', 'iedereen', 'personeel'])
}

/** A compiled word list: whole words and prefixes. */
interface WordList {
  exact: ReadonlySet<string>
  prefixes: readonly string[]
}

function wordList(entries: readonly string[]): WordList {
  return {
    exact: new Set(entries.filter((entry) => !entry.endsWith('*'))),
    prefixes: entries.filter((entry) => entry.endsWith('*')).map((entry) => entry.slice(0, -1))
  }
}

const joyLists = {en: wordList(joyWords.en), nl: wordList(joyWords.nl)}
const affectLists = {en: wordList(affectWords.en), nl: wordList(affectWords.nl)}

/** Lexicon entries below these do not count as `{positive}` / `{intense}`. */
const positiveValence = 2
const negativeValence = -2
const intenseIntensity = 0.6
const strongIntensifier = 1.5

/** Cache of answers per language and set: word → yes/no. */
type Memo = Map<string, boolean>

function memoised(test: (norm: string) => boolean): Predicate {
  const memo: Memo = new Map()
  return (token: Token) => {
    if (token.kind !== 'word') return false
    let answer = memo.get(token.norm)
    if (answer === undefined) {
      answer = test(token.norm)
      if (memo.size > 20000) memo.clear()
      memo.set(token.norm, answer)
    }
    return answer
  }
}

function inList(word: string, list: WordList): boolean {
  if (list.exact.has(word)) return true
  for (const prefix of list.prefixes) if (word.startsWith(prefix)) return true
  return false
}

const diminutive = /(?:etje|pje|tje|je)$/

/** Look `word` up in a list, and a Dutch diminutive by its base too ("lachje" → "lach", "feestje" → "feest"). */
function inListOrBase(value: string, list: WordList, lang: Language): boolean {
  if (inList(value, list)) return true
  if (lang !== 'nl' || value.length < 5 || !diminutive.test(value)) return false
  const base = value.replace(diminutive, '')
  return base.length >= 3 && inList(base, list)
}

/** Is `word` (normalised) in the joy set of `lang`? Exported for the gush and shout kinds. */
export function isJoyWord(word: string, lang: Language): boolean {
  return inListOrBase(normalizeWord(word, lang), joyLists[lang], lang)
}

/** Is `word` in the affect set (joy or milder pleasure) of `lang`? */
export function isAffectWord(word: string, lang: Language): boolean {
  const value = normalizeWord(word, lang)
  return inListOrBase(value, joyLists[lang], lang) || inListOrBase(value, affectLists[lang], lang)
}

const weightMemo: Record<Language, Map<string, number>> = {en: new Map(), nl: new Map()}

/** The intensifier weight of `word` in `lang`, or 0 (cached per word). */
export function intensifierWeight(word: string, lang: Language): number {
  const memo = weightMemo[lang]
  let weight = memo.get(word)
  if (weight === undefined) {
    weight = intensifiers(lang).get(normalizeWord(word, lang)) ?? 0
    if (memo.size > 20000) memo.clear()
    memo.set(word, weight)
  }
  return weight
}

const cache = new Map<Language, Readonly<Record<string, Predicate>>>()

export function predicates(lang: Language): Readonly<Record<string, Predicate>> {
  let table = cache.get(lang)
  if (!table) {
    const positive = (word: string) => (lookupSentiment(word, lang)?.valence ?? 0) >= positiveValence
    table = {
      positive: memoised(positive),
      negative: memoised((word) => (lookupSentiment(word, lang)?.valence ?? 0) <= negativeValence),
      intense: memoised((word) => {
        const entry = lookupSentiment(word, lang)
        if (entry && entry.valence >= positiveValence && entry.intensity >= intenseIntensity) return true
        return intensifierWeight(word, lang) >= strongIntensifier
      }),
      intensifier: memoised((word) => intensifierWeight(word, lang) > 0),
      joy: memoised((word) => isJoyWord(word, lang)),
      affect: memoised((word) => isAffectWord(word, lang)),
      team: memoised((word) => teamWords[lang].has(word) || word.endsWith('team') || word.endsWith('teams'))
    }
    cache.set(lang, table)
  }
  return table
}
