/**
 * `shout`: typographic shouting that carries sentiment: "!!!", ALL-CAPS joy
 * ("We LOVE it"), runs of hearts or party emoji. Shouting without sentiment
 * is not over-the-top: "Last chance!!!" on a deadline is urgency, which the
 * coercion rules judge.
 *
 * The kind computes these figures per sentence; the rule's `metric` decides:
 *
 * | figure      | meaning |
 * | ---         | --- |
 * | `bangs`     | runs of two or more exclamation marks ("!!", "!!!", "?!!") |
 * | `caps`      | words in capitals that carry sentiment (LOVE, SO, ONGELOOFLIJK, OMG) |
 * | `emoji`     | heart, party and joy emoji in runs of at least `minRun` |
 * | `sentiment` | 1 when the sentence carries positive emotion (a positive or joyful word, a heart or joy emoji, a `celebration` emoji such as 🎉), else 0 |
 * | `urgent`    | 1 when one of the rule's `urgency` patterns matches (a deadline), else 0 |
 * | `strong`    | 1 when the feeling is a real one (a joy or pleasure word, an interjection, a `words` entry above 0), not only a word the lexicon grades positive ("chance"), else 0 |
 * | `shouted`   | words set in capitals (two letters or more), outside quotes and a leading label ("TIP:") |
 * | `hype`      | of those, the rule's `hype` words: a sales push or urgency in capitals (FREE, NOW, ORDER, GRATIS) |
 * | `exclaims`  | 1 when the sentence has an exclamation mark (outside quotes), else 0 |
 *
 * Capitals are typesetting in a heading, a menu, a legal line or code: the
 * rule's `roles` keep those out. In the sender's prose a run of capitals
 * that names something ("the GLORY DAYS", a product in capitals) is a name,
 * not a feeling: a feeling word in capitals next to another word in
 * capitals that is neither a feeling nor an intensifier does not count.
 *
 * e.g. `formula: sentiment * (bangs * (1 - urgent) + caps + emoji / 2)`.
 *
 * The finding covers the sentence (a run-on one of more than 300 characters:
 * the lines that hold its loud words, `./span-window.ts`) and its `expected` is the same span
 * calmed down (`src/rewrite/calm.ts`): "!!!" → ".", sentence case keeping
 * acronyms, names, keywords and codes, emoji, shouted `interjections`
 * ("OMG,") and intensifiers before a feeling removed. When nothing is left
 * ("OMG!!! 🎉"), `expected` is `['']`: remove the sentence.
 * Quoted text (a customer's words) and negated words do not count; an
 * ironic sentence (an `irony` pattern, an eye-roll emoji) is left alone.
 */
import type {Language} from '../types.js'
import type {Token} from '../tokens.js'
import type {CompileContext} from '../patterns.js'
import {emojiClass, lookupSentiment, normalizeWord} from '../lexicon.js'
import {intensifierWeight, isAffectWord} from '../predicates.js'
import {compileMetric, type Metric} from './metric.js'
import {RuleFieldError, type Finding, type Kind, type PatternHit, type RuleData, type SentenceView} from './kind.js'
import {hasInterest, interestBit} from '../interest.js'
import {isIronic, isNegatedAt, isProseWord, isQuoted, rolePatterns, weightTable, type WeightTable} from './words.js'
import {calmSentence} from '../rewrite/calm.js'
import {sentenceWindow} from './span-window.js'

export const shoutFigures = ['bangs', 'caps', 'emoji', 'sentiment', 'urgent', 'strong', 'shouted', 'hype', 'exclaims'] as const
export type ShoutFigures = Record<(typeof shoutFigures)[number], number>

interface Settings {
  lang: Language
  metric: Metric
  minRun: number
  minValence: number
  minIntensity: number
  /** Words that do not carry sentiment (deal words: save, free, gratis) or that do (omg, joepie). */
  words: WeightTable
  /** Interjections that carry sentiment ("omg", "joepie"); dropped from the calm version when shouted. */
  interjections: ReadonlySet<string>
  /** Sales and urgency words that shout when set in capitals (free, now, order, gratis). */
  hype: ReadonlySet<string>
  /** Party emoji that carry feeling (🎉 🥳), unlike hype (🔥 🚀). */
  celebration: ReadonlySet<string>
  memo: Map<string, WordFacts>
  quoted: boolean
  negation: boolean
}

/** Intensifiers the calm version keeps: they build a superlative or a comparison. */
const keptBoosters = new Set(['most', 'more', 'meest', 'meer'])

const bangRun = /!{2,}|[!?]*!\?*!|!1+/

function numberField(rule: RuleData, key: string, fallback: number): number {
  const value = rule.fields[key]
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RuleFieldError([key], `\`${key}\` must be a number`)
  return value
}

function emojiSet(value: unknown): ReadonlySet<string> {
  if (value === undefined) return new Set()
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new RuleFieldError(['celebration'], '`celebration` must be a list of emoji')
  }
  return new Set(value.map((item: string) => item.replace(/[\uFE0E\uFE0F]/g, '')))
}

function wordSet(rule: RuleData, key: string, lang: Language): ReadonlySet<string> {
  const value = (rule.fields[key] as Partial<Record<Language, unknown>> | undefined)?.[lang]
  if (value === undefined) return new Set()
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    throw new RuleFieldError([key, lang], `\`${key}.${lang}\` must be a list of words`)
  }
  return new Set(value.map((word: string) => word.toLowerCase()))
}

export const shoutKind: Kind = {
  name: 'shout',
  keys: ['metric', 'minRun', 'minValence', 'minIntensity', 'words', 'interjections', 'hype', 'celebration', 'urgency', 'irony', 'languages'],

  languages(rule) {
    const value = rule.fields.languages ?? ['en', 'nl']
    if (!Array.isArray(value) || !value.every((lang) => lang === 'en' || lang === 'nl')) {
      throw new RuleFieldError(['languages'], '`languages` must be a list of `en` and `nl`')
    }
    return value as Language[]
  },

  compile(rule, lang, context: CompileContext) {
    const settings: Settings = {
      lang,
      metric: compileMetric(rule.fields.metric, shoutFigures),
      minRun: numberField(rule, 'minRun', 2),
      minValence: numberField(rule, 'minValence', 2),
      minIntensity: numberField(rule, 'minIntensity', 0.3),
      words: weightTable(rule.fields, 'words', lang),
      interjections: wordSet(rule, 'interjections', lang),
      hype: wordSet(rule, 'hype', lang),
      celebration: emojiSet(rule.fields.celebration),
      memo: new Map(),
      quoted: rule.quoted,
      negation: rule.negation
    }
    const patterns = [
      ...rolePatterns(rule, 'urgency', lang, context, 'urgency'),
      ...rolePatterns(rule, 'irony', lang, context, 'irony')
    ]
    // The sentences worth a look: capitals, an emoji or an exclamation mark.
    const interest = interestBit(lang, (token) => token.caps || token.kind === 'emoji' || (token.kind === 'punct' && token.raw.includes('!')))
    return {
      patterns,
      always: true,
      detect: (sentence, hits) => (hasInterest(sentence.interest, interest) ? detectShout(sentence, hits, settings) : noFindings)
    }
  }
}

/** What the kind needs to know about a word, cached per rule and word. */
interface WordFacts {
  /** Positive enough in the lexicon, a joy word, or listed with a weight > 0. */
  feeling: boolean
  /** A joy or pleasure word, an interjection, or listed with a weight > 0: a feeling of its own, not only a lexicon grade. */
  strong: boolean
  interjection: boolean
  booster: boolean
  /** Graded clearly positive by the lexicon (valence 3 or more: great, amazing), not mildly (sure, important, dear). */
  vivid: boolean
}

function factsOf(word: Token, settings: Settings): WordFacts {
  let facts = settings.memo.get(word.norm)
  if (facts === undefined) {
    const plain = normalizeWord(word.norm, settings.lang)
    const interjection = settings.interjections.has(plain)
    const listed = settings.words.get(plain)
    let feeling: boolean
    let strong = false
    let vivid = false
    if (listed !== undefined) strong = feeling = listed > 0
    else if (isAffectWord(word.norm, settings.lang)) strong = feeling = true
    else {
      const entry = lookupSentiment(word.norm, settings.lang)
      feeling = entry !== undefined && entry.valence >= settings.minValence && entry.intensity >= settings.minIntensity
      vivid = feeling && entry !== undefined && entry.valence >= vividValence
    }
    facts = {feeling: feeling || interjection, strong: strong || interjection, interjection, booster: intensifierWeight(word.norm, settings.lang) > 0, vivid}
    if (settings.memo.size > 20000) settings.memo.clear()
    settings.memo.set(word.norm, facts)
  }
  return facts
}

/** Lexicon valence from which a positive word is vivid enough to shout in capitals without "!". */
const vividValence = 3

/** Variation selectors, joiners and skin tones alone: they glue an emoji run. */
const emojiGlue = /^[\uFE0E\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]+$/u

const noFindings: Finding[] = Object.freeze([]) as unknown as Finding[]

/** Can the sentence shout at all: a bang run, a word in capitals or an emoji? Most sentences cannot. */
function mayShout(tokens: readonly Token[]): boolean {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token.caps || token.kind === 'emoji') return true
    if (token.kind === 'punct' && token.raw.includes('!') && (token.raw.length > 1 || tokens[index + 1]?.raw === '!')) return true
  }
  return false
}

interface Shouting {
  figures: ShoutFigures
  /** Tokens that shout: bang runs, caps words, emoji in runs. */
  loud: Token[]
  /** Words the calm version leaves out: intensifiers before a feeling, shouted interjections. */
  drop: Token[]
  /** Other words the calm version lowers: the rest of a headline set in capitals. */
  lower: Token[]
  /** Every word that counts as set in capitals (`shouted`). */
  capitals: Token[]
}

/** Measure the shouting of a sentence (whether or not it meets the metric). */
export function shouting(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Shouting {
  const figures: ShoutFigures = {bangs: 0, caps: 0, emoji: 0, sentiment: 0, urgent: hits.some((hit) => hit.role === 'urgency') ? 1 : 0, strong: 0, shouted: 0, hype: 0, exclaims: 0}
  const loud: Token[] = []
  const drop: Token[] = []
  const lower: Token[] = []
  const capitals: Token[] = []
  const tokens = sentence.tokens
  const words = sentence.words
  const heard = (token: Token) => settings.quoted || !isQuoted(sentence, token)

  // Sentiment and capitals: on the words.
  const capsWords = words.filter((word) => word.caps && isProseWord(word)).length
  const proseWords = words.filter(isProseWord).length
  // Set in capitals: all its words, or all but a greeting ("Hi, THANK YOU FOR …").
  const allCaps = capsWords >= 3 && capsWords >= proseWords * 0.8
  // A title in capitals that runs on past the sentence's "!" ("in LOVE! VALOUR!"): that "!" is the title's.
  const title = titleRunningOn(sentence)
  const titleBang = title !== undefined && tokens.filter((token) => token.kind === 'punct' && token.raw.includes('!')).length === 1
  const exclaimed = !titleBang && tokens.some((token) => token.kind === 'punct' && token.raw.includes('!') && heard(token))
  const bangRunHeard = tokens.some((token) => token.kind === 'punct' && bangRun.test(token.raw))
  // Capitals count as feeling only in a sentence that could shout: a line set
  // all in capitals without "!" is typesetting (legal text, a headline), a
  // one-word "NEW!" or "COMPASSION!" is a label.
  // A sentence on a line set in capitals, without "!" ("… PLEASE CLICK DELETE. THANK YOU."), is typesetting too.
  const capsMayFeel = (!allCaps || exclaimed) && (proseWords > 1 || bangRunHeard) && (exclaimed || !onCapsLine(sentence))
  const label = labelEnd(sentence, settings)
  const asides = asideLabels(tokens)
  const names = capsNames(sentence.text, tokens, words, settings)
  // "Make SURE", "Be SURE": the opener of an instruction carries no feeling.
  const opener = instructionOpener(words, settings.lang)
  // In an instruction, "order" and "call" name the step: they are no sales push.
  const steps = opener.length > 0 || instructs(words, settings.lang) || givesContact(words)
  words.forEach((word, index) => {
    if (!isProseWord(word) || !heard(word)) return
    const facts = factsOf(word, settings)
    const interjection = facts.interjection
    const feeling = interjection || (facts.feeling && !opener.includes(word) && !(settings.negation && isNegatedAt(words, index, settings.lang)))
    if (feeling) figures.sentiment = 1
    if (feeling && facts.strong) figures.strong = 1
    const booster = facts.booster
    const shouted = word.caps && word.raw.length >= 2 && word.start >= label && !asides.includes(word) && !names.includes(word) && word !== title && (feeling || booster || !isInitials(word, settings))
    if (shouted) {
      figures.shouted++
      capitals.push(word)
      if ((settings.hype.has(normalizeWord(word.norm, settings.lang)) || settings.hype.has(word.norm)) && !(steps && stepWords.has(word.norm)) && !(word.norm === 'free' && words[index - 1]?.norm === 'toll') && !restricts(sentence, words, index) && !announcesWinner(words, index) && !(settings.negation && isNegatedAt(words, index, settings.lang))) {
        figures.hype++
        if (!loud.includes(word)) loud.push(word)
      }
    }
    if (
      shouted &&
      capsMayFeel &&
      !announcesWinner(words, index) &&
      // Without "!", only a real or vivid feeling in capitals shouts ("We LOVE it.", "AMAZING news");
      // a word the lexicon grades mildly positive is emphasis ("Be SURE to", "IMPORTANT:", "DEAR Sir").
      // In an instruction ("KEEP THE RECEIPT HANDY!") a mild word needs more than "!".
      ((feeling && (((exclaimed || facts.vivid) && !steps) || bangRunHeard || facts.strong)) || (booster && boostsFeeling(words, index, settings))) &&
      (allCaps || !inCapsName(words, index, settings))
    ) {
      // A headline set in capitals shouts once, not once per word.
      if (!allCaps || figures.caps === 0) figures.caps++
      if (!loud.includes(word)) loud.push(word)
      if (interjection) drop.push(word)
    }
    if (feeling && !interjection) {
      // "so incredibly happy" → "happy" ("most" stays: it makes the superlative).
      for (let back = index - 1; back >= 0 && words[back].clause === word.clause; back--) {
        if (intensifierWeight(words[back].norm, settings.lang) <= 0) break
        if (!keptBoosters.has(words[back].norm)) drop.push(words[back])
      }
    }
  })

  // Bang runs and emoji runs: on all tokens, in order.
  let run: Token[] = []
  const closeRun = () => {
    if (run.length >= settings.minRun) {
      figures.emoji += run.length
      loud.push(...run)
    }
    run = []
  }
  for (const token of tokens) {
    if (token.kind === 'emoji') {
      const kind = emojiClass(token.raw)
      if (kind && heard(token)) {
        if (kind !== 'party' || settings.celebration.has(token.raw)) figures.sentiment = 1
        run.push(token)
        // A single emoji does not shout, but the calm version leaves it out too.
        drop.push(token)
        continue
      }
    }
    // Variation selectors and joiners between emoji do not break a run.
    if (run.length > 0 && token.kind === 'word' && !isProseWord(token)) continue
    // The tokenizer hands "❤️" over as "❤" and a punctuation token with the selector.
    if (run.length > 0 && token.kind === 'punct' && emojiGlue.test(token.raw)) continue
    closeRun()
    if (token.kind === 'punct' && bangRun.test(token.raw) && heard(token)) {
      figures.bangs++
      loud.push(token)
    }
    if (token.kind === 'punct' && token.raw.includes('!') && heard(token)) figures.exclaims = 1
  }
  closeRun()
  // "!" "!" as separate tokens.
  for (let index = 1; index < tokens.length; index++) {
    const before = tokens[index - 1]
    const token = tokens[index]
    if (token.raw === '!' && before.raw === '!' && before.end === token.start && heard(token) && !loud.includes(before)) {
      figures.bangs++
      loud.push(before, token)
    }
  }
  if (allCaps) for (const word of words) if (word.caps && !loud.includes(word) && !drop.includes(word)) lower.push(word)
  // A long sentence all in capitals without "!" (a letter typed in capitals) is typesetting: its sales words do not shout.
  if (allCaps && !exclaimed && proseWords >= 12) {
    figures.hype = 0
    loud.length = 0
  }
  // "NEW!", "BUY NOW!": under three words an exclamation alone does not make hype of a capital.
  if (proseWords < 3 || titleBang) figures.exclaims = 0
  // A bare call to action ("ORDER NOW!", "CLICK HERE", "BESTEL NU") is a button's label: its capitals are typesetting.
  // "!!" still shouts, and so does any other word ("ORDER NOW, IT'S FREE!").
  if (isBareCall(words, settings.lang)) figures.hype = figures.exclaims = 0
  // An instruction in capitals ("PLEASE FILL OUT THIS FORM COMPLETELY!", "MAKE SURE YOUR ADDRESS IS ON THE
  // ENVELOPE!") stresses a step, it sells nothing: with no feeling, no sales word and no "!!" its "!" is no hype.
  // So does a step in the imperative ("KEEP THE CONFIRMATION EMAIL HANDY!", "SEND THIS PAGE TO A FRIEND!").
  if (steps && figures.hype === 0 && figures.strong === 0 && figures.caps === 0 && figures.bangs === 0) figures.exclaims = 0
  return {figures, loud, drop, lower, capitals}
}

/**
 * Openings of an instruction: the sentence asks the reader to do a step
 * right ("please", "make sure", "don't forget", "let op", "vergeet niet").
 */
const instructionOpeners: Record<Language, readonly string[][]> = {
  en: [['please'], ['make', 'sure'], ['be', 'sure'], ['remember', 'to'], ['don\'t', 'forget'], ['dont', 'forget'], ['do', 'not', 'forget'], ['note'], ['kindly']],
  nl: [['graag'], ['let', 'op'], ['vergeet', 'niet'], ['zorg', 'dat'], ['zorg', 'ervoor'], ['denk', 'eraan'], ['denk', 'erom']]
}

/** The words of an instruction's opening ("PLEASE", "MAKE SURE", "VERGEET NIET"); empty when the sentence opens otherwise. */
function instructionOpener(words: readonly Token[], lang: Language): readonly Token[] {
  const prose = words.filter(isProseWord)
  // After a leading clause: "WHEN YOU PLACE YOUR ORDER, MAKE SURE…", "ALS U BESTELT, VERGEET NIET…".
  let from = 0
  if (prose.length > 0 && clauseOpeners.has(prose[0].norm)) {
    for (let index = 1; index < prose.length && index < 12; index++) {
      if (prose[index].clause !== prose[0].clause) {
        from = index
        break
      }
    }
  }
  // After a conjunction: "But DO NOT forget…", "And please…".
  if (prose[from] !== undefined && leadingConjunctions.has(prose[from].norm)) from++
  const first = prose.slice(from, from + 5)
  const norms = first.map((word) => word.norm.replace(/’/g, "'"))
  // Openers may stack: "PLEASE MAKE SURE", "PLEASE DO NOT FORGET".
  let length = 0
  for (;;) {
    const opener = instructionOpeners[lang].find((parts) => parts.every((part, index) => norms[length + index] === part))
    if (opener === undefined) break
    length += opener.length
  }
  return first.slice(0, length)
}

/** Words before "only" that make it urgency, not a restriction ("TODAY ONLY!", "NU ALLEEN"). */
const timeWords = new Set(['today', 'tonight', 'now', 'weekend', 'week', 'day', 'days', 'hours', 'hour', 'month', 'time', 'members', 'vandaag', 'vanavond', 'nu', 'weekend', 'week', 'dag', 'dagen', 'uur'])

/**
 * Is the word at `index` an "only" (ALLEEN) that closes its clause after a
 * noun or a name: a restriction of who or what, not a sales push ("ORDER
 * EACH GUIDE BY ITS NAME ONLY.", "Shipping to the USA and Canada ONLY!").
 * After a time ("TODAY ONLY!") it is urgency.
 */
function restricts(sentence: SentenceView, words: readonly Token[], index: number): boolean {
  const word = words[index]
  if (word.norm !== 'only' && word.norm !== 'alleen') return false
  const before = words[index - 1]
  if (before === undefined || before.clause !== word.clause || timeWords.has(before.norm) || /\d/.test(before.raw)) return false
  const next = words[index + 1]
  if (next !== undefined && next.clause === word.clause) return false
  // Nothing but punctuation up to the clause's end.
  const rest = sentence.text.slice(word.end, next === undefined ? sentence.tokens[sentence.tokens.length - 1].end : next.start)
  return /^[\s!.,;:)*]*$/.test(rest)
}

/** The words of a bare call to action: a verb of the step, then where or when ("ORDER NOW", "CLICK HERE", "BESTEL NU"). */
const callVerbs: Record<Language, ReadonlySet<string>> = {
  en: new Set(['order', 'buy', 'call', 'click', 'book', 'shop', 'join', 'subscribe', 'download', 'register', 'apply', 'reply', 'tap']),
  nl: new Set(['bestel', 'koop', 'bel', 'klik', 'boek', 'shop', 'word', 'meld', 'download', 'reageer'])
}
const callRest: Record<Language, ReadonlySet<string>> = {
  en: new Set(['now', 'here', 'today', 'online', 'it', 'us', 'in', 'up', 'lid']),
  nl: new Set(['nu', 'hier', 'vandaag', 'online', 'direct', 'lid', 'aan', 'ons'])
}

/** Is the sentence only a call to action of two or three words, the verb first ("ORDER NOW!", "Click HERE")? */
function isBareCall(words: readonly Token[], lang: Language): boolean {
  const prose = words.filter(isProseWord)
  if (prose.length < 2 || prose.length > 3 || !callVerbs[lang].has(prose[0].norm)) return false
  return prose.slice(1).every((word) => callRest[lang].has(word.norm))
}

/** Is the hype word at `index` "winner(s)" naming who won ("The WINNER is Anna", "WINNERS were drawn")? */
function announcesWinner(words: readonly Token[], index: number): boolean {
  const norm = words[index].norm
  if (norm !== 'winner' && norm !== 'winners' && norm !== 'winnaar' && norm !== 'winnaars') return false
  const next = words[index + 1]?.norm
  return next === 'is' || next === 'are' || next === 'was' || next === 'were' || next === 'zijn' || next === 'was' || next === 'werd' || next === 'werden'
}

/** Conjunctions an instruction may open with ("But DO NOT forget…"). */
const leadingConjunctions = new Set(['but', 'and', 'so', 'also', 'maar', 'en', 'dus', 'ook'])

/** Words that open a leading clause ("when you order, …"). */
const clauseOpeners = new Set(['when', 'if', 'once', 'before', 'after', 'as', 'als', 'wanneer', 'zodra', 'voordat', 'nadat'])

/** Sales words that name the step itself in an instruction ("MAKE SURE YOU ORDER EACH REPORT", "TO ORDER CALL US"). */
const stepWords = new Set(['order', 'orders', 'call', 'click', 'bestel', 'bestellen'])

/**
 * Is the sentence an instruction of how to order or reach the sender: by
 * phone, fax or mail, toll-free ("FOR QUESTIONS, OR TO ORDER CALL US
 * TOLL-FREE ANYTIME!")? Its "order" and "call" are the steps, no push.
 */
function givesContact(words: readonly Token[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const norm = words[index].norm
    if (norm === 'toll-free' || norm === 'tollfree' || norm === 'gratis-nummer') return true
    const next = words[index + 1]?.norm
    if ((norm === 'call' || norm === 'phone' || norm === 'fax' || norm === 'bel') && (next === 'us' || next === 'ons')) return true
    if ((norm === 'by' || norm === 'per') && (next === 'phone' || next === 'fax' || next === 'mail' || next === 'telefoon')) return true
    if (norm === 'toll' && next === 'free') return true
  }
  return false
}

/** Verbs that open a step the reader takes (not a sale: "order", "buy", "call now" are `hype` words or carry one). */
const instructionVerbs: Record<Language, ReadonlySet<string>> = {
  // Not "read" or "put": "READ THIS TO THE END!", "PUT US TO THE TEST!" grab attention, they are no step.
  en: new Set(['keep', 'check', 'print', 'write', 'fill', 'include', 'send', 'mail', 'fax', 'enclose', 'attach', 'type', 'copy', 'paste', 'sign', 'return', 'allow', 'cut', 'follow', 'reply', 'forward', 'mark', 'complete', 'store']),
  nl: new Set(['bewaar', 'controleer', 'print', 'schrijf', 'vul', 'stuur', 'verstuur', 'voeg', 'onderteken', 'plak', 'kopieer', 'volg'])
}

/** Does the sentence open with a verb of a step ("KEEP", "CHECK", "SEND", "VUL")? */
function instructs(words: readonly Token[], lang: Language): boolean {
  const first = words.find(isProseWord)
  return first !== undefined && instructionVerbs[lang].has(first.norm)
}

/** Is the line (of the block text) that the sentence starts on set in capitals: three words or more, four in five letters capitals? */
function onCapsLine(sentence: SentenceView): boolean {
  const text = sentence.text
  const at = sentence.tokens[0]?.start ?? sentence.start
  const from = text.lastIndexOf('\n', at - 1) + 1
  let to = text.indexOf('\n', at)
  if (to === -1) to = text.length
  let letters = 0
  let capitals = 0
  let words = 0
  let inWord = false
  for (let index = from; index < to && index < from + 400; index++) {
    const code = text.charCodeAt(index)
    const upper = code >= 65 && code <= 90
    const lower = code >= 97 && code <= 122
    if (upper || lower) {
      letters++
      if (upper) capitals++
      if (!inWord) words++
      inWord = true
    } else inWord = false
  }
  return words >= 3 && letters > 0 && capitals >= letters * 0.8
}

/**
 * Short words in capitals that are words, not initials: a caps word of two
 * to four letters outside this list (or the rule's `hype` words) is read as
 * an acronym or a name (NASA, CNET, HTS, KNVB) and does not shout.
 */
const shortWords = new Set((
  'a an the and or but to of in on at for by is it be am are was were you your we our us my me he she they his her its ' +
  'this that with from not no yes do did does dont don\'t can cant can\'t get got go all any has have had will just one two ' +
  'up out so if as how why what who now more most see let off big low top day new own use try too way each here like ' +
  'make time only over them then than into also back even much many must need want work stop sure read send find give ' +
  'take life love wow yes hot lot lots real come been done wait look ' +
  'een de het en of maar om te van in op aan bij met voor naar je jij u uw wij we ons ik is zijn was wat wie hoe nu ' +
  'niet geen al ook nog dus dan als wel heel zo erg veel meer meest echt top mis goed tijd snel ' +
  'gaat kom doe doen ja nee elke alle'
).split(' '))

function isInitials(word: Token, settings: Settings): boolean {
  if (!/^\p{L}[\p{L}'’-]*$/u.test(word.raw)) return true
  const letters = word.raw.replace(/['’-]/g, '').length
  if (letters >= 5) return false
  const plain = word.norm.replace(/’/g, "'")
  return !shortWords.has(plain) && !settings.hype.has(plain)
}

/**
 * Where a leading label ends ("TIP:", "UPDATE -", "NIEUW:", "BONUS #2"): capitals before
 * a colon, a dash or a number at the start of a sentence name a section, they do not
 * shout (unless they carry a feeling). 0 when the sentence has none.
 */
function labelEnd(sentence: SentenceView, settings: Settings): number {
  const tokens = sentence.tokens
  let end = 0
  let capsRun = 0
  for (let index = 0; index < tokens.length && index < 24; index++) {
    const token = tokens[index]
    if (token.kind === 'punct' && (token.raw === ':' || token.raw === '-' || token.raw === '–' || token.raw === '—' || token.raw === '|')) {
      if (capsRun > 0) end = token.end
      capsRun = 0
      continue
    }
    // A numbered label: "BONUS #2", "STEP #3".
    if (token.raw === '#' && capsRun > 0 && /^\d+$/.test(tokens[index + 1]?.raw ?? '')) {
      end = tokens[index + 1].end
      capsRun = 0
      index++
      continue
    }
    if (token.kind !== 'word' || !/\p{L}/u.test(token.raw)) continue
    if (token.caps) {
      // A label names a section; capitals that carry a feeling ("WE ARE SO HAPPY:") are no label.
      // After a label ("WARNING SIGN 2:") they may still be a run-in head, read on.
      if (factsOf(token, settings).feeling && end === 0) return end
      capsRun++
      continue
    }
    // A run-in head: three or more words in capitals, then the sentence in ordinary type ("SLOWER GROWTH By April, …",
    // "TIP 2: BETTER PROFIT MARGINS By May, …").
    if (capsRun >= 3 && /^\p{Lu}\p{Ll}/u.test(token.raw)) return token.start
    return end
  }
  return end
}

/**
 * A title in capitals that runs on past its own "!": the sentence ends in
 * one word in capitals after words in lower case, and the text goes on with
 * another word in capitals and "!" or "(" ("… in LOVE! VALOUR! COMPASSION!
 * (12.40am, Fri)", a film in a TV listing). The word is part of the title,
 * not the sender's joy. Returns that last word, if so.
 */
function titleRunningOn(sentence: SentenceView): Token | undefined {
  const tokens = sentence.tokens
  const words = sentence.words
  const last = tokens[tokens.length - 1]
  const word = words[words.length - 1]
  if (last === undefined || last.raw !== '!' || word === undefined || !word.caps || words.length < 3) return undefined
  const before = words[words.length - 2]
  if (before.caps || !/\p{Ll}/u.test(before.raw)) return undefined
  return /^\s+\p{Lu}[\p{Lu}'’-]+\s*(?:!|\()/u.test(sentence.text.slice(last.end, last.end + 60)) ? word : undefined
}

/** Words before a name in capitals: "this BIZ-PACK GOLD CD is", "our GARDEN PRO set". */
const nameDeterminers = new Set(['this', 'that', 'the', 'our', 'your', 'their', 'its', 'a', 'an', 'deze', 'dit', 'de', 'het', 'onze', 'ons', 'je', 'jouw', 'uw', 'een'])

/**
 * Words in capitals that are names, not a shout: an amount written out in
 * brackets after its figure ("$25 (TWENTY FIVE MILLION DOLLARS)"), a list of
 * brands ("BOSCH, GARDENA, STIHL and MAKITA"), a product after "this",
 * "the" or "our" and before the sentence goes on in lower case ("this
 * GARDEN PRO KIT is only $40"). Runs with a sales word or a feeling in them
 * are not names.
 */
function capsNames(text: string, tokens: readonly Token[], words: readonly Token[], settings: Settings): readonly Token[] {
  let names: Token[] | undefined
  const plain = (word: Token) => !settings.hype.has(normalizeWord(word.norm, settings.lang)) && !factsOf(word, settings).feeling && !factsOf(word, settings).booster
  // An amount in words, in brackets right after a figure.
  for (let index = 1; index < tokens.length; index++) {
    if (tokens[index].raw !== '(' || !/\d/.test(tokens[index - 1].raw)) continue
    for (let next = index + 1; next < tokens.length && tokens[next].raw !== ')'; next++) if (tokens[next].caps) (names ??= []).push(tokens[next])
  }
  // A list of four or more different names in capitals, one or two words each, split by commas (three adjectives in
  // capitals, "POTENT, LEGAL, SMOKABLE", or a word said three times, shout).
  let run: Token[] = []
  let items = 0
  let itemWords = 0
  const closeList = () => {
    if (items >= 4 && new Set(run.map((word) => word.norm)).size === run.length) (names ??= []).push(...run)
    run = []
    items = 0
    itemWords = 0
  }
  for (const token of tokens) {
    if (token.kind === 'punct' && token.raw === ',') {
      if (itemWords > 0) items++
      itemWords = 0
      continue
    }
    if (token.kind === 'word' && token.caps && token.raw.length >= 2 && plain(token) && itemWords < 2) {
      run.push(token)
      itemWords++
      continue
    }
    if (token.kind === 'word' && /^\p{Ll}/u.test(token.raw) && (token.norm === 'and' || token.norm === 'en' || token.norm === 'or') && itemWords === 0) continue
    if (itemWords > 0) items++
    closeList()
  }
  if (itemWords > 0) items++
  closeList()
  // A product after a determiner, followed by lower case.
  for (let index = 1; index < words.length; index++) {
    if (!nameDeterminers.has(words[index - 1].norm) || /^\p{Lu}/u.test(words[index - 1].raw)) continue
    let end = index
    // One name: words in capitals with only spaces or a hyphen between them ("PROVEN, DUPLICATABLE" is a list of claims).
    while (end < words.length && words[end].caps && plain(words[end]) && (end === index || /^[\s-]*$/.test(text.slice(words[end - 1].end, words[end].start)))) end++
    if (end - index >= 2 && end < words.length && /^\p{Ll}/u.test(words[end].raw)) (names ??= []).push(...words.slice(index, end))
  }
  return names ?? noTokens
}

/** Labels that open an aside: "(NEW: no card needed!)", "(TIP: …)". A section name in brackets, not a shout. */
function asideLabels(tokens: readonly Token[]): readonly Token[] {
  let labels: Token[] | undefined
  for (let index = 1; index + 1 < tokens.length; index++) {
    const token = tokens[index]
    if (token.caps && token.kind === 'word' && tokens[index - 1].raw === '(' && tokens[index + 1].raw === ':') (labels ??= []).push(token)
  }
  return labels ?? noTokens
}

const noTokens: readonly Token[] = Object.freeze([])

/** Does the intensifier at `index` boost a feeling ("SO happy", "SO SO happy"), not a time or a place ("RIGHT NOW")? */
function boostsFeeling(words: readonly Token[], index: number, settings: Settings): boolean {
  for (let next = index + 1; next < words.length && next <= index + 3 && words[next].clause === words[index].clause; next++) {
    const facts = factsOf(words[next], settings)
    if (facts.feeling) return true
    if (!facts.booster) return false
  }
  return false
}

/**
 * Is the capital word at `index` part of a name set in capitals: next to
 * another capital word of four letters or more that is neither a feeling
 * nor an intensifier ("the GLORY DAYS", "GRAND PRIX")?
 */
function inCapsName(words: readonly Token[], index: number, settings: Settings): boolean {
  for (const other of [words[index - 1], words[index + 1]]) {
    // Three letters do when they are no common word ("GREAT SEX" names a product, "SO BIG" does not).
    if (other === undefined || !other.caps || other.raw.length < 3 || !isProseWord(other)) continue
    if (other.raw.length === 3 && shortWords.has(other.norm.replace(/’/g, "'"))) continue
    const facts = factsOf(other, settings)
    if (!facts.feeling && !facts.booster && !settings.hype.has(normalizeWord(other.norm, settings.lang))) return true
  }
  return false
}

function detectShout(sentence: SentenceView, hits: readonly PatternHit[], settings: Settings): Finding[] {
  if (!mayShout(sentence.tokens) || isIronic(sentence, hits)) return []
  const measured = shouting(sentence, hits, settings)
  const {figures, capitals} = measured
  let {loud, drop} = measured
  if (loud.length === 0 && capitals.length === 0) return []
  if (!settings.metric.holds(settings.metric.value(figures))) return []
  // Capitals and an exclamation mark with no feeling or sales word: the capitals themselves shout.
  if (loud.length === 0) loud.push(...capitals)
  // A run-on "sentence" of bulk mail is reported by the lines that hold its loud words (src/kinds/span-window.ts).
  const [start, end] = sentenceWindow(sentence.text, sentence.tokens[0].start, sentence.tokens[sentence.tokens.length - 1].end, [...loud].sort((a, b) => a.start - b.start))
  const inside = (token: Token) => token.start >= start && token.end <= end
  const whole = start === sentence.tokens[0].start && end === sentence.tokens[sentence.tokens.length - 1].end
  const tokens = whole ? sentence.tokens : sentence.tokens.filter(inside)
  if (!whole) {
    loud = loud.filter(inside)
    drop = drop.filter(inside)
  }
  const parts: string[] = []
  const nl = settings.lang === 'nl'
  if (figures.bangs > 0) parts.push(`${nl ? 'uitroeptekens' : 'exclamation marks'} (${loud.filter((token) => token.kind === 'punct').map((token) => token.raw).join(' ')})`)
  const caps = loud.filter((token) => token.kind === 'word')
  if (caps.length > 0) parts.push(`${nl ? 'hoofdletters' : 'capitals'} (${caps.map((token) => token.raw).join(', ')})`)
  if (figures.emoji > 0) parts.push(nl ? `${figures.emoji} emoji op een rij` : `${figures.emoji} emoji in a row`)
  return [{
    start,
    end,
    // The fix: the sentence calmed as a whole (src/rewrite/calm.ts).
    expected: [calmSentence({lang: settings.lang, text: sentence.text, start, end, tokens, loud, drop})],
    detail: `${nl ? 'schreeuwen' : 'shouting'}: ${parts.join(', ')}`,
    intensity: figures.bangs + caps.length + (figures.emoji > 0 ? 1 : 0)
  }]
}
