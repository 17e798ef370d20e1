/**
 * Where rules apply: the block roles (see `BlockRole` in `types.ts`) whose
 * copy a rule judges. The one place the default lives; the plugin enforces
 * a rule's `scope` per sentence.
 *
 * By default every category judges the sender's own prose: the subject, the
 * preheader, paragraphs, list items and button labels. Headings, menus and
 * table cells are labels (capitals there are typesetting, "Lowest price:
 * $199" in a price table is a fact, "Expert Advice" in a menu is a section
 * name); quotes are someone else's voice (a customer's rave is not the
 * sender's gush, a headline about a company in trouble is not a countdown);
 * footers and signatures are service text (an unsubscribe line is not a
 * threat: coercion rules still read footers, see `defaultScope`); code is
 * not copy. A rule can widen or narrow this with `roles:`.
 *
 * Within the sender's prose, voice matters too (`othersVoice`): a claim, a
 * rave or a deadline in a sentence about someone else (news, a review, a
 * report: "analyst X says", "Sony's camera", "its comeback") is not the
 * sender's, unless the sentence speaks to the reader or for "we".
 */
import {blockRoles, type BlockRole, type Category} from './types.js'
import type {Token} from './tokens.js'

export const senderProse: readonly BlockRole[] = ['subject', 'preheader', 'paragraph', 'list-item', 'button']

/**
 * The roles a rule of `category` judges when its file sets no `roles`.
 * Coercion reads footers too: a footer is still the sender's, and "Cancel
 * and you lose every discount" there is pressure (its rules read how to
 * unsubscribe as the fair exit it is). Time and stock pressure (`urgency`,
 * `scarcity`) do not: in a footer or a legal footnote "for a limited time
 * only" or "while supplies last" states the offer's terms, it pushes no one.
 */
export function defaultScope(category: Category, subtype?: string): readonly BlockRole[] {
  if (category !== 'coercion' || subtype === 'urgency' || subtype === 'scarcity') return senderProse
  return senderProseAndFooter
}

const senderProseAndFooter: readonly BlockRole[] = [...senderProse, 'footer']

/** Roles whose copy feeds the score's positive signals (warmth, freedom, reciprocity): not footers, menus, quotes, code. */
export const signalRoles: readonly BlockRole[] = [...senderProse, 'heading', 'signature']

/** A bit per role, for a quick test per sentence. */
export function roleBit(role: BlockRole): number {
  return 1 << blockRoles.indexOf(role)
}

/** The bits of a list of roles. */
export function roleMask(roles: readonly BlockRole[]): number {
  let mask = 0
  for (const role of roles) mask |= roleBit(role)
  return mask
}

/** Starts with a capital letter (and is not all capitals: those are the shout kind's). */
const titleWord = /^\p{Lu}[\p{Ll}\d'’&-]/u

/**
 * Is the span `[start, end)` a piece of a name set in title case ("Star Trek:
 * The Next Generation", "Total Network Solutions Ltd", "the Land of Infinite
 * Fun")? Every word of the span starts with a capital and a capitalised word
 * stands right before it (not the sentence's first word) or right after it.
 * A claim or a rave inside a name is the name, not the sender's claim.
 */
export function inTitleCaseName(words: readonly Token[], start: number, end: number): boolean {
  let first = -1
  let last = -1
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    if (word.end <= start || word.start >= end) continue
    if (word.kind !== 'word' || !titleWord.test(word.raw)) return false
    if (first === -1) first = index
    last = index
  }
  if (first === -1) return false
  const before = first > 1 ? words[first - 1] : undefined
  const after = words[last + 1]
  const named = (word: Token | undefined) => word !== undefined && word.kind === 'word' && (titleWord.test(word.raw) || /^\p{Lu}{2,}/u.test(word.raw))
  return named(before) || named(after)
}

/** First and second person: the sender speaking, or speaking to the reader. */
const senderWords = new Set([
  'we', 'our', 'ours', 'us', 'ourselves', 'you', 'your', 'yours', 'yourself', 'yourselves', 'ya',
  'wij', 'ons', 'onze', 'je', 'jij', 'jou', 'jouw', 'u', 'uw', 'jullie'
])

/**
 * Someone else as the owner of the claim: third-person pronouns (not "it",
 * which is often the sender's product). English only: Dutch "hij", "hem" and
 * "ze" stand for things as often as for people ("pak hem nu").
 */
const otherPeople = new Set(['he', 'she', 'him', 'his', 'her', 'hers', 'himself', 'herself'])
/** Third-person plural and "its": someone else's, unless the sender's own products speak ("they sell out fast"). */
const otherThings = new Set(['they', 'them', 'their', 'theirs', 'themselves', 'its'])

/**
 * Dutch reported speech: "hij", "zij" or "ze" next to a verb only a person
 * does with a claim ("zij zegt dat …", "hij vindt …", "vindt ze"). Alone,
 * Dutch "hij" and "ze" are as often the product ("Hij is de warmste jas").
 */
const dutchPersons = new Set(['hij', 'zij', 'ze'])
const dutchReportingVerbs = new Set([
  'zegt', 'zei', 'zeggen', 'zeiden', 'vindt', 'vond', 'vinden', 'vonden', 'denkt', 'dacht', 'denken', 'dachten',
  'schrijft', 'schreef', 'schrijven', 'schreven', 'meent', 'meende', 'beweert', 'beweerde', 'noemt', 'noemde',
  'gelooft', 'geloofde', 'vertelt', 'vertelde', 'vertellen', 'vertelden', 'verwacht', 'verwachtte', 'stelt', 'stelde'
])

/** Does a Dutch person pronoun stand right before or after a reporting verb ("zij zegt", "vindt hij")? */
function dutchReported(words: readonly Token[]): boolean {
  for (let index = 0; index < words.length; index++) {
    if (!dutchPersons.has(words[index].norm)) continue
    if (dutchReportingVerbs.has(words[index + 1]?.norm ?? '') || (index > 0 && dutchReportingVerbs.has(words[index - 1].norm))) return true
  }
  return false
}

/** A claim reported from someone else: an analyst, a reviewer, a source, "according to". */
const reporting = new Set([
  'says', 'said', 'say', 'according', 'told', 'reported', 'reports', 'announced', 'announces', 'notes', 'noted',
  'claims', 'claimed', 'believes', 'believed', 'argues', 'argued', 'insists', 'insisted', 'predicts', 'predicted',
  'estimates', 'estimated', 'analyst', 'analysts', 'reviewers', 'critics', 'sources', 'wisdom', 'rumored', 'rumoured',
  'zegt', 'zei', 'zeiden', 'volgens', 'meldt', 'meldde', 'aldus', 'analist', 'analisten', 'critici', 'recensent', 'recensenten'
])

/** Words that ask about the claim rather than make it. */
const askWords = new Set(['how', 'which', 'what', 'where', 'who', 'whose', 'when', 'whether', 'hoe', 'welke', 'welk', 'wat', 'waar', 'wie', 'wanneer'])

/** Leading words before the question word ("But how…", "En welke…"). */
const leading = new Set(['but', 'and', 'so', 'or', 'now', 'then', 'maar', 'en', 'dus'])

/** Does the sentence open with a question word (after a leading "but", "and")? */
function asks(words: readonly Token[]): boolean {
  for (let index = 0; index < words.length && index < 3; index++) {
    if (askWords.has(words[index].norm)) return true
    if (!leading.has(words[index].norm)) return false
  }
  return false
}

/** Capitalised words that take "'s" without being a name ("It's", "That's"). */
const notNames = /^(?:it|that|there|here|what|who|let|he|she|where|how|today|everyone|everybody|nobody|one|this|now)$/i

/**
 * Is the sentence someone else's voice, or about someone else, rather than
 * the sender's own claim or push? A claim with no first or second person and
 * no exclamation, whose owner is a third party (a reporting frame such as
 * "analyst X says", a name in the possessive, "he", "she", "its", "their"),
 * is news or a review: "ATI, once the leader in graphics chips, will launch
 * its comeback" is not the sender claiming leadership. For coercion only
 * people count ("within 48 hours she would be gone"): "they" and "its" are
 * often the sender's own goods ("they won't last"). A generic claim inside a
 * question that asks (how, which, what) is not made either ("which models
 * offer the best value?").
 */
export function othersVoice(tokens: readonly Token[], words: readonly Token[], category: Category): boolean {
  let question = false
  for (let index = tokens.length - 1; index >= 0; index--) {
    const token = tokens[index]
    if (token.kind !== 'punct') break
    if (token.raw.includes('?')) question = true
  }
  for (const token of tokens) if (token.kind === 'punct' && token.raw.includes('!')) return false
  if (question && category === 'generic-claim' && asks(words)) return true
  if (othersOpen(words)) return true
  // Qualities someone looks for, even "we" ("We are looking for reliable people"), are no claim.
  if (category === 'generic-claim' && wants(words)) return true
  let other = false
  for (const word of words) {
    const norm = word.norm
    if (senderWords.has(norm)) return false
    if (otherPeople.has(norm) || reporting.has(norm) || (category !== 'coercion' && otherThings.has(norm))) other = true
  }
  if (other || dutchReported(words)) return true
  if (category === 'generic-claim' && tellsOwnExperience(words)) return true
  return category !== 'coercion' && hasPossessiveName(words)
}

/** Firms as a group: "other publishers", "most banks", "competitors". */
const firms = new Set([
  'publishers', 'companies', 'firms', 'retailers', 'shops', 'stores', 'brands', 'sellers', 'vendors', 'providers', 'suppliers',
  'banks', 'airlines', 'insurers', 'gyms', 'manufacturers', 'makers', 'studios', 'labels', 'networks', 'carriers', 'operators',
  'bedrijven', 'winkels', 'merken', 'aanbieders', 'leveranciers', 'banken', 'verzekeraars', 'uitgevers', 'fabrikanten', 'sportscholen'
])
const groupOpeners = new Set(['other', 'many', 'some', 'most', 'several', 'few', 'andere', 'veel', 'sommige', 'meeste', 'enkele'])
const rivals = new Set(['competitors', 'rivals', 'concurrenten'])

/**
 * Does the sentence open with other firms as its subject ("Other publishers
 * have chosen formats that lock the titles you buy to one device", "Most
 * banks charge…", "Competitors…")? What it says they do is about them, even
 * where it names the reader: the sender neither claims nor presses it.
 */
export function othersOpen(words: readonly Token[]): boolean {
  // "de meeste banken": the article only before "meeste" ("de winkels" may be the sender's own).
  let index = words[0]?.norm === 'de' && words[1]?.norm === 'meeste' ? 1 : 0
  while (index < words.length && index < 3 && groupOpeners.has(words[index].norm)) index++
  const head = words[index]
  if (head === undefined) return false
  return rivals.has(head.norm) || (index > 0 && firms.has(head.norm))
}

/** What someone looks for or requires: "looking for", "seeking", "must be", "op zoek naar". */
const wantedFrames: readonly (readonly string[])[] = [
  ['looking', 'for'], ['searching', 'for'], ['seeking'], ['seek'], ['in', 'search', 'of'], ['wish', 'to', 'invest'], ['want', 'to', 'invest'],
  ['ideal', 'candidate'], ['ideal', 'candidates'], ['op', 'zoek', 'naar'], ['zoeken'], ['zoekt'], ['ideale', 'kandidaat']
]
/** Requirements ("Applicants must be dependable"): only without "we" or "our" ("Our coffee must be the best" is a claim). */
const requiredFrames: readonly (readonly string[])[] = [['must', 'be'], ['should', 'be'], ['must', 'have'], ['moet', 'zijn'], ['moeten', 'zijn']]
const ourWords = new Set(['we', 'our', 'ours', 'us', 'wij', 'ons', 'onze'])

/**
 * Does the sentence say what someone looks for or requires ("I wish to
 * invest in a country with reliable, dependable infrastructure", "We are
 * looking for reliable, motivated people", "Applicants must be
 * dependable")? Qualities asked of a country, a partner or the hoped-for
 * reader are no claim about the sender's offer.
 */
function wants(words: readonly Token[]): boolean {
  const ours = words.some((word) => ourWords.has(word.norm))
  for (let index = 0; index < words.length; index++) {
    for (const frame of wantedFrames) if (frame.every((part, offset) => words[index + offset]?.norm === part)) return true
    if (!ours) for (const frame of requiredFrames) if (frame.every((part, offset) => words[index + offset]?.norm === part)) return true
  }
  return false
}

/** "I" and a verb of use: the writer telling what they did ("I've used one for years", "ik gebruik het al jaren"). */
const experienceVerbs = new Set([
  'used', 'use', 'using', 'tried', 'owned', 'own', 'bought', 'tested', 'run', 'ran', 'been', 'had', 'played', 'read', 'watched', 'relied',
  'gebruik', 'gebruikt', 'geprobeerd', 'gekocht', 'getest', 'had', 'heb'
])
const firstPersonSingular = new Set(['i', 'ik'])
const auxiliaries = new Set(['have', 've', "'ve", '’ve', 'had', 'd', 'heb', 'also', 'always', 'ook', 'al', 'zelf', 'myself'])

/**
 * Is the sentence the writer's own experience ("I've used one for years,
 * and it works great", "I tried it last winter")? A claim there is an
 * anecdote, not the sender's generic promise about its product. The
 * sender's own voice (we, our, you) is ruled out before this is asked.
 */
function tellsOwnExperience(words: readonly Token[]): boolean {
  for (let index = 0; index < words.length; index++) {
    if (!firstPersonSingular.has(words[index].norm) && !/^i['’](?:ve|d)$/.test(words[index].norm)) continue
    // "I've" may be one token or "I" "'ve"; skip auxiliaries and an adverb.
    let next = index + 1
    while (next < words.length && next <= index + 3 && (auxiliaries.has(words[next].norm) || /^['’]ve$/.test(words[next].norm))) next++
    if (next < words.length && experienceVerbs.has(words[next].norm)) return true
  }
  return false
}

/** A name in the possessive ("Sony's camera", "Archos's next player"): someone else's product or plan. */
function hasPossessiveName(words: readonly Token[]): boolean {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    // A name: a capital or a figure in it ("Sony's", "the 950b's"), not "It's" or "the company's".
    if (!/^\p{Lu}|\d/u.test(word.raw)) continue
    // The tokenizer keeps "Sony's" whole, or splits it as "Sony" "'" "s".
    const whole = /^(.+)['’"]s$/u.exec(word.raw)
    const next = words[index + 1]
    const name = whole ? whole[1] : next !== undefined && next.norm === 's' && next.start === word.end + 1 ? word.raw : undefined
    if (name !== undefined && !notNames.test(name)) return true
  }
  return false
}

/** Words that name what a thing is made with: "powered by Apache 2.0", "built on the Linux 2.4 kernel", "gebaseerd op". */
const makeCues = new Set(['powered', 'built', 'based', 'running', 'runs', 'uses', 'using', 'gebaseerd', 'gebouwd', 'aangedreven', 'draait'])
const makeLinks = new Set(['by', 'on', 'with', 'op', 'door', 'met'])
const linkFree = new Set(['running', 'runs', 'uses', 'using', 'draait'])

/**
 * Does the claim go on, in its clause, to name what it is made with: a cue
 * ("powered by", "built on") and then, within six words, a name or a
 * version ("Cutting-edge server technology powered by the latest release of
 * Apache, 2.0")?
 */
function namesItsMake(tokens: readonly Token[], from: number): boolean {
  for (let index = from; index < tokens.length && index < from + 8; index++) {
    const token = tokens[index]
    if (token.kind === 'punct' && /[.;!?]/.test(token.raw)) return false
    if (token.kind !== 'word' || !makeCues.has(token.norm)) continue
    let next = index + 1
    if (next < tokens.length && makeLinks.has(tokens[next].norm)) next++
    // "powered", "built", "based" name a make only with their link ("based on"): "Home Based" is no make.
    else if (!linkFree.has(token.norm)) return false
    for (let count = 0; next < tokens.length && count < 8; next++, count++) {
      const word = tokens[next]
      if (word.kind === 'punct' && /[.;!?]/.test(word.raw)) return false
      if (word.kind === 'number' || /\d/.test(word.raw) || (word.kind === 'word' && /^\p{Lu}/u.test(word.raw))) return true
    }
    return false
  }
  return false
}

/** A price: a currency sign or code and a figure ("£7.00", "$ 19", "€12,50", "9 euro"). */
const currency = /^(?:[$€£¥]|usd|eur|gbp|euro|euros|dollar|dollars|pound|pounds)$/i

/**
 * Is a value or price claim given its price in the same clause ("excellent
 * value travel insurance from £7.00 per person")? The reader can check it.
 */
function pricedAtOnce(tokens: readonly Token[], from: number): boolean {
  for (let index = from; index < tokens.length && index < from + 12; index++) {
    const token = tokens[index]
    if (token.kind === 'punct' && /[.;!?]/.test(token.raw) && !/\d/.test(tokens[index + 1]?.raw ?? '')) return false
    if (/[$€£¥]\s?\d/.test(token.raw) || /\d[\d.,]*\s?(?:[$€£]|gbp|eur|usd)/i.test(token.raw)) return true
    if (currency.test(token.raw) || /^[$€£¥]$/.test(token.raw)) {
      const next = tokens[index + 1]
      const before = tokens[index - 1]
      if ((next !== undefined && /^\d/.test(next.raw)) || (before !== undefined && /\d$/.test(before.raw))) return true
    }
  }
  return false
}

/** Words that open a list of examples right after a claim ("such as", "including", "zoals", "waaronder"). */
const listOpeners = new Set(['including', 'includes', 'such', 'like', 'zoals', 'waaronder', 'namelijk', 'namely'])

/** Words that join the items of a list. */
const listJoins = new Set(['and', 'or', 'en', 'of', '&'])

/** Something the reader can check: a figure, or a name (a capital that does not open the list). */
const checkable = /\d|^\p{Lu}/u

/**
 * Is the claim that ends at `end` backed at once by detail the reader can
 * check: a colon, a dash or "such as", "including", "zoals" right after it
 * (or after its complement: "a wide range of bills including …"), then a
 * list of two items or more with a name or a figure among them, or two figures ("a wide
 * range: Lord of the Rings, Harry Potter and Shrek", "a wide range of bills
 * including gas and TV licences from BrightCo")? The claim then names what
 * it stands for: it is not hollow. A list of adjectives ("superb quality:
 * soft, warm and durable") is no detail.
 */
export function backedAtOnce(tokens: readonly Token[], end: number, prices = false): boolean {
  let index = 0
  while (index < tokens.length && tokens[index].start < end) index++
  if (namesItsMake(tokens, index) || (prices && pricedAtOnce(tokens, index))) return true
  // Skip the claim's complement: "of" and up to three words in lower case ("of domestic bills").
  if (tokens[index]?.norm === 'of' || tokens[index]?.norm === 'aan' || tokens[index]?.norm === 'van') {
    let next = index + 1
    let words = 0
    while (next < tokens.length && tokens[next].kind === 'word' && /^\p{Ll}/u.test(tokens[next].raw) && !listOpeners.has(tokens[next].norm) && words < 3) {
      next++
      words++
    }
    if (words > 0) index = next
  }
  // "…, such as", "…, zoals": a comma may stand before the list.
  if (tokens[index]?.raw === ',' && listOpeners.has(tokens[index + 1]?.norm ?? '')) index++
  const cue = tokens[index]
  if (cue === undefined) return false
  const opens = cue.kind === 'punct' ? /^[:–—-]$/.test(cue.raw) : listOpeners.has(cue.norm)
  if (!opens) return false
  let items = 1
  let named = false
  let figures = 0
  // After a colon or a dash the first word may take a capital anyway ("range: Spades, …"): there only a figure counts.
  let first = true
  for (let next = index + 1; next < tokens.length; next++) {
    const token = tokens[next]
    if (token.kind === 'punct') {
      if (token.raw === ',' || token.raw === '&' || token.raw === '/') items++
      else if (/[.;!?]/.test(token.raw)) break
      continue
    }
    if (token.kind === 'number') {
      named = true
      figures++
    }
    if (token.kind !== 'word') continue
    if (first && token.norm === 'as' && cue.norm === 'such') continue
    if (listJoins.has(token.norm)) items++
    else if (/\d/.test(token.raw) || ((!first || cue.kind !== 'punct') && checkable.test(token.raw))) named = true
    first = false
  }
  // Two figures are detail enough ("12 colours in 3 sizes").
  return (named && items >= 2) || figures >= 2
}
