/**
 * Block roles from layout and wording: how a line of plain text (or a block
 * of HTML whose tags say little) shows what it is in a mail. Tags, classes
 * and Markdown nodes say it outright; plain text says it by layout:
 *
 * - `>` at the start of a line: a quoted reply (`quote`);
 * `-- ` alone on a line: the signature starts (`signature`, to the end);
 * a sign-off ("Kind regards,") starts it too, for a few short lines;
 * - unsubscribe, "you are receiving this", privacy, copyright and
 *   warranty lines, age limits, postal addresses: `footer`;
 * - a line of links (`|` between items, a bare URL): `navigation`;
 * - a run of four or more short lines of which at most one ends like a
 *   sentence: a menu (`navigation`), even where one item exclaims ("Live
 *   help NOW!" among "Search", "All products", "Contact"); a greeting
 *   ("Dear Reader,"), a second sentence, "!!" or a line that wraps on
 *   to the next ends the run;
 * - `- `, `* `, `1. ` at the start: `list-item` (in capitals: `heading`);
 * - a line in capitals without a full stop, exclamation or question mark:
 *   `heading` (a section name or label); a numbered one may exclaim
 *   ("3. JOIN THE CLUB!" is a section title);
 * - a short line without final punctuation that something follows and that
 *   does not continue the line before: `heading`; so are a numbered contents
 *   entry in title case, a teaser ending in "..." under a section label in
 *   capitals, and a contest's call on a line of its own that sells nothing;
 * - a footnote to an offer (`*` and the offer's terms) and a statement of
 *   legal compliance: `footer`;
 * - the prose right above "Read the review" (story, column, interview), and a
 *   line in a customer's voice next to a name and place: `quote`;
 * - a line that is one `<a href>` link: `button`.
 *
 * Everything else is the sender's prose (`paragraph`).
 */
import type {BlockRole} from '../types.js'

/**
 * Wording that marks a footer: unsubscribing, why the mail came, privacy,
 * copyright, legal disclaimers. Phrases, not single words, so that body copy
 * about leaving ("if you unsubscribe you lose…") is still read.
 */
const footerCue = new RegExp(
  [
    String.raw`\b(?:to|click here to|you (?:can|may)|if you (?:no longer )?(?:wish|want|would like) to(?: be)?) unsubscribe`,
    String.raw`\bunsubscribe (?:here|below|at any time|from (?:this|these|our|all)|link|instructions)`,
    String.raw`\bto be (?:removed|unsubscribed) from\b`,
    // "…and you will *never* receive another email from us".
    String.raw`\bnever\W{0,2}\s+(?:again\s+)?receive\s+(?:another|any (?:more|other)|further)(?:\s+(?:e-?mails?|messages?|mailings?|newsletters?)\b|\s*$)|\bnever\W{0,2}\s+(?:again\s+)?receive\s+(?:e-?mails?|messages?|mailings?) from (?:us|our)\b`,
    String.raw`^\s*(?:unsubscribe|afmelden|uitschrijven|manage (?:your )?(?:email )?preferences|privacy(?: policy)?|privacybeleid)\b.{0,40}$`,
    String.raw`\byou (?:are|were) receiving (?:this|these)\b`,
    String.raw`\byou received this\b`,
    String.raw`\breceived this (?:e-?mail|message|newsletter|mailing) because\b|\bbecause you (?:have |had )?(?:signed up|subscribed|opted[ -]in|registered|agreed) to receive\b`,
    String.raw`\bthis (?:e-?mail|message|newsletter) (?:was|is|has been) sent to\b`,
    String.raw`\b(?:je|u) (?:ontvangt|ontving) deze (?:e-?mail|mail|nieuwsbrief)\b`,
    String.raw`\b(?:afmelden|uitschrijven) (?:voor|van) (?:deze|onze)\b`,
    String.raw`\bom (?:je|u) af te melden\b`,
    String.raw`\bprivacy (?:policy|statement|notice)\b`,
    String.raw`©|\(c\) ?(?:19|20)\d\d|\bcopyright\b|\ball rights reserved\b|\balle rechten voorbehouden\b`,
    // A statement of legal compliance: "THIS MAIL IS SENT IN FULL COMPLIANCE WITH …", "conforms to the email regulations".
    String.raw`\b(?:in (?:full )?compliance with|complies with|conforms? (?:to|with))\b.{0,60}\b(?:bill|act|law|laws|regulations?|directive|section)\b|\bsenate bill\b`,
    String.raw`\bwithout warranty\b|\bas is\b.{0,20}\bwarrant|\bno purchase necessary\b|\bvoid where prohibited\b|\blimitation of liability\b`,
    String.raw`\bterms (?:and conditions|of (?:use|service|the (?:release|contest|promotion|offer|sweepstakes)))\b|\bi agree to the terms\b|\balgemene voorwaarden\b`,
    String.raw`\bprices? (?:listed |shown |quoted )?(?:fluctuate|may (?:have )?change|are subject to change|(?:are|is) (?:correct|valid) (?:at|as of))|\bprijzen onder voorbehoud\b|\bwijzigingen (?:en )?(?:druk|zet)fouten voorbehouden\b`,
    // An age limit is a legal notice, not a push: "You must be at least 18 to enter", "18 jaar of ouder".
    String.raw`\bmust be (?:at least |over |aged )?(?:1[2368]|21)\b|\b(?:under|below) the (?:legal )?age of (?:1[2368]|21)\b|\b(?:1[2368]|21)\+? ?(?:years? )?(?:of age|or older)\b|\b(?:minimaal |ten minste )?(?:1[2368]|21) jaar of ouder\b`,
    // A footnote to an offer ("*FREE SHIPPING OFFER: … on qualified items for a limited time only", "¹ Only valid
    // while stocks last"): its marker, then the offer's terms, in small print.
    String.raw`^\s*(?:\*{1,3}|[†‡¹²³])\s?\S.*\b(?:qualif(?:y|ied|ying)|(?:offer|prices?|discount) (?:is |are )?(?:valid|good|applies|apply|excludes?)|(?:not|only) valid|subject to|restrictions apply|see .{0,40} for (?:details|terms)|exclud(?:es|ing)|limit(?:ed)? (?:one|\d+) per|geldig (?:t/m|tot|van)|zolang de voorraad strekt|niet geldig)\b`,
    String.raw`\bp\.? ?o\.? box \d|\bpostbus \d`,
    String.raw`\b(?:suite|ste\.?) \d+\b.{0,40}\b[A-Z]{2} \d{5}\b|\b[A-Z][a-z]+,? [A-Z]{2} \d{5}(?:-\d{4})?\b`,
    String.raw`\b\d{4} ?[A-Z]{2} [A-Z][a-z]+\b.{0,30}$`
  ].join('|'),
  'i'
)

/**
 * Words one of which every footer cue holds (in any case) unless it has `©`
 * or a run of four digits (a postcode, a ZIP code): a line with none of them
 * cannot match `footerCue`, so most lines skip that long pattern (it costs
 * about twice as much). Keep in step with `footerCue`.
 */
const footerWords = [
  'unsubscribe',
  'to be ',
  'afmelden',
  'uitschrijven',
  'manage',
  'privacy',
  'receiving',
  'receive another',
  'receive any',
  'receive further',
  'never receive',
  'never again receive',
  'received this',
  'because',
  'sent to',
  'ontv',
  'af te melden',
  '(c)',
  'copyright',
  'rights reserved',
  'voorbehoud',
  'warrant',
  'no purchase',
  'void where',
  'liability',
  'terms',
  'voorwaarden',
  'price',
  'prijzen',
  'must be',
  'of age',
  'age of',
  'or older',
  'of ouder',
  'box',
  'postbus',
  'qualif',
  'valid',
  'subject to',
  'restrictions',
  'for details',
  'for terms',
  'exclud',
  ' per',
  'geldig',
  'voorraad',
  'complian',
  'complies',
  'conform',
  'senate'
]

/** One of `footerWords`, `©` or four digits: what a line needs before `footerCue` can match (a shorter pattern, same case rules). */
const mayBeFooter = new RegExp([String.raw`\d{4}|©`, ...footerWords.map((word) => word.replace(/[()]/g, String.raw`\$&`))].join('|'), 'i')

/** Does this text read as a footer line (unsubscribe, legal, address)? */
export function isFooterText(text: string): boolean {
  return mayBeFooter.test(text) && footerCue.test(text)
}

const quoteLine = /^\s*>/
const signatureDelimiter = /^-- ?$/
const signOff = /^(?:(?:kind|best|warm|warmest)?\s*regards|sincerely(?: yours)?|yours (?:truly|sincerely)|cheers|best(?: wishes)?|thanks(?: again)?|thank you|many thanks|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|groeten|groet),?$/i
/** A label and a figure: "Lowest price: $190", "Weight: 2 kg", "Prijs: € 12,50" (a price or spec list in plain text). */
const specLine = /^\s*(?:[-*•·▪◦–+]\s+)?[\p{L}][\p{L} .'’/-]{0,30}:\s*(?:from |vanaf |only |just )?[$€£¥]?\s?\d[\d.,]*\s*(?:[$€£%]|[\p{L}.]{1,8})?\s*$/u
const bullet = /^\s*(?:[-*•·▪◦–+]|\d{1,2}[.)])\s+/
const numbered = /^\s*\d{1,2}[.)]\s+/
const url = /\b(?:https?:\/\/|www\.)\S+/gi
const finalPunctuation = /[.!?…;,]["'”’)\]]*$/
/** A line that starts with a lower-case letter (maybe after an arrow, "=> like this") continues the sentence before it. */
const lowerStart = /^\s*(?:(?:=+|-+)>\s*)?["'“‘(]?\p{Ll}/u
const attribution = /^\s*(?:—|–|-{1,2}|~)\s*\p{Lu}[\p{L}.'’-]*(?:[ ,]+[\p{L}.'’-]+){0,5}\s*$/u
const quotedLine = /^\s*["“„«][^"“”„«»]{3,}["”»]\s*(?:(?:—|–|-{1,2}|~)\s*\p{Lu}.{0,60})?$/u

/**
 * A line that ends on a word no heading ends on (an article, a preposition,
 * "and", "your": "…SO THAT YOU ARE ACCEPTED FOR A" / "GRANT!!!") is a sentence
 * wrapped onto the next line; so is one that ends on "every", "each" or
 * "CLICK" ("…FOR EACH AND EVERY" / "PAMPHLET!", "CLICK" / "HERE to order").
 */
export const danglingEnd = /(?<![\p{L}\d'’-])(?:a|an|the|for|of|to|and|or|your|my|our|their|with|in|on|at|by|from|that|is|are|will|be|as|so|than|every|each|click|de|het|een|en|van|voor|met|je|jouw|uw|onze|elke|klik)\s*$/iu

/** Longest line, in characters, that layout alone may call a heading. */
const headingLength = 60

const letter = /\p{L}/u
const capital = /\p{Lu}/u

/** Share of capitals among the letters; lines with fewer than three letters count as none. */
function capsShare(text: string): number {
  // Counted in one pass without match arrays (this runs on every line of plain text): ASCII by code, the rest by pattern.
  let all = 0
  let capitals = 0
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index)
    if (code < 128) {
      if (code >= 65 && code <= 90) {
        all++
        capitals++
      } else if (code >= 97 && code <= 122) all++
      continue
    }
    // A code point outside ASCII (a surrogate pair counts once, as in a `u` pattern).
    const point = text.codePointAt(index)!
    const character = String.fromCodePoint(point)
    if (point > 0xffff) index++
    if (letter.test(character)) {
      all++
      if (capital.test(character)) capitals++
    }
  }
  if (all < 3) return 0
  return capitals / all
}

/** Is the line mostly links (a bare URL, a `Label: URL` line, or items split by `|`)? */
function isLinkLine(text: string): boolean {
  const bars = text.split(/\s[|·•]\s/).length - 1
  if (bars >= 2) return true
  let linked = 0
  for (const match of text.matchAll(url)) linked += match[0].length
  return linked > 0 && linked >= (text.trim().length - linked) * 1.5
}

export interface Line {
  /** Offsets of the line's text (without its line end) in the source. */
  start: number
  end: number
  text: string
}

/**
 * The role of each line of a plain-text paragraph, by layout. `lines` are
 * the lines of one paragraph (blank-line separated); `more` says whether
 * anything follows the paragraph in the text; `state.signature` carries a
 * signature on from one paragraph to the next.
 */
export function lineRoles(lines: readonly Line[], more: boolean, state: {signature: number}): BlockRole[] {
  const roles: BlockRole[] = []
  const menu = menuLines(lines)
  const multiline = lines.length > 1 || more
  // A sign-off's name and title end at the blank line; a `-- ` signature runs to the end.
  if (state.signature !== Infinity) state.signature = 0
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index].text
    const trimmed = text.trim()
    if (signatureDelimiter.test(trimmed)) state.signature = Infinity
    if (state.signature > 0) {
      roles.push('signature')
      state.signature--
      continue
    }
    if (!multiline) {
      roles.push('paragraph')
      continue
    }
    if ((signOff.test(trimmed) && followedAt(lines, index, false)) || closesMail(lines, index)) {
      // The name, title and company below a sign-off.
      state.signature = 4
      roles.push('signature')
      continue
    }
    // A footer or legal line wrapped onto the next line goes on being footer.
    const previous = index > 0 ? lines[index - 1].text.trim() : ''
    if (roles[index - 1] === 'footer' && previous !== '' && !finalPunctuation.test(previous) && trimmed !== '' && !bullet.test(text)) {
      roles.push('footer')
      continue
    }
    roles.push(menu[index] ? menuRole(lines[index].text) : roleOfLine(lines, index, more))
  }
  markTestimonials(lines, roles)
  markTeasers(lines, roles)
  return roles
}

/** A link to the full piece: "Read the review", "Read the full story |", "Read our full interview". */
const readOn = /^\s*read (?:the |our )?(?:full |entire |whole )?(?:review|reviews|story|column|interview|commentary|report|article|analysis)\b/i

/** Longest teaser, in lines. */
const teaserLines = 6

/**
 * The teaser of a review, story or column: the prose right above a link to
 * the full piece ("Read the review | Check prices"). It reports on a
 * product or a company, in the editors' voice: a review's "low price" is not
 * the sender's claim, a story's "act now" not the sender's deadline.
 */
function markTeasers(lines: readonly Line[], roles: BlockRole[]): void {
  for (let index = 1; index < lines.length; index++) {
    if (!readOn.test(lines[index].text)) continue
    for (let back = index - 1; back >= 0 && back >= index - teaserLines && roles[back] === 'paragraph' && lines[back].text.trim() !== ''; back--) roles[back] = 'quote'
  }
}

/** First person singular or quotation marks: a customer speaking ("… entertained my family and me", "“Best bread in town”"). */
const personalVoice = /(?:^|[\s(])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|mine|myself|ik|mijn|mij)(?=[\s,.!?;:)]|$)|^\s*["“„]/u

/** A line that opens speaking to the sender: "Your service…", "You guys…". */
const addressesSender = /^\s*["“]?(?:your|you guys|you people|jullie|jouw|uw)\b/i

/**
 * A testimonial: an attribution line (a name and a place) with, right
 * before or after it, a line in a customer's voice (first person, or in
 * quotation marks). Both are the customer's words, not the sender's.
 */
function markTestimonials(lines: readonly Line[], roles: BlockRole[]): void {
  for (let index = 0; index < lines.length; index++) {
    if ((roles[index] !== 'paragraph' && roles[index] !== 'heading') || !testimonialAttribution.test(lines[index].text)) continue
    let said = false
    for (const other of [index - 1, index + 1]) {
      if (other < 0 || other >= lines.length || (roles[other] !== 'paragraph' && roles[other] !== 'quote')) continue
      // Below the name, a line that speaks to the sender ("Your shop is the best!") is the customer's too.
      if (!personalVoice.test(lines[other].text) && !(other > index && addressesSender.test(lines[other].text))) continue
      roles[other] = 'quote'
      said = true
    }
    if (said) roles[index] = 'quote'
  }
}

/** Longest menu item, in characters and in words. */
const menuItemLength = 40
const menuItemWords = 6
/** Shortest run of short lines that reads as a menu. */
const menuRun = 4

/**
 * Which lines stand in a menu: a run of `menuRun` or more short lines (no
 * bullet, at most `menuItemWords` words), of which at most one ends like a
 * sentence. A stack of slogans each ending in "!" is no menu.
 */
function menuLines(lines: readonly Line[]): boolean[] {
  const menu = new Array<boolean>(lines.length).fill(false)
  let start = 0
  while (start < lines.length) {
    let end = start
    let sentences = 0
    // A second line that ends like a sentence ends the menu before it ("Adios to excess?" under the links).
    while (end < lines.length && isMenuItem(lines[end].text) && !wraps(lines, end)) {
      if (finalPunctuation.test(lines[end].text.trim()) && ++sentences > 1) break
      end++
    }
    if (end - start >= menuRun) menu.fill(true, start, end)
    start = Math.max(end, start + 1)
  }
  return menu
}

/** Is line `index` part of a wrapped sentence: it starts in lower case, or the next line does ("You will / be amazed…")? */
function wraps(lines: readonly Line[], index: number): boolean {
  return lowerStart.test(lines[index].text) || (index + 1 < lines.length && lowerStart.test(lines[index + 1].text))
}

function isMenuItem(text: string): boolean {
  const trimmed = text.trim()
  return (
    trimmed !== '' &&
    // "!!" shouts: no menu item does ("TODAY!!!" on a line of its own).
    !/!\s*!/.test(trimmed) &&
    trimmed.length <= menuItemLength &&
    !bullet.test(text) &&
    !signatureDelimiter.test(trimmed) &&
    !signOff.test(trimmed) &&
    // A greeting ("Dear Reader,") or a sign-off starts or ends the letter, not a menu item.
    !trimmed.endsWith(',') &&
    trimmed.split(/\s+/).length <= menuItemWords
  )
}

/** A menu line is navigation, but footer wording in it stays footer. */
function menuRole(text: string): BlockRole {
  return isFooterText(text.trim()) ? 'footer' : 'navigation'
}

/**
 * A short line ending in a comma ("Enjoy it,") with only a few short lines
 * after it to the end of the text: the sign-off of a letter.
 */
function closesMail(lines: readonly Line[], index: number): boolean {
  const text = lines[index].text.trim()
  if (index === 0 || text.length > 30 || !text.endsWith(',')) return false
  let rest = 0
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next].text.trim()
    if (line === '') continue
    if (line.length > 40 || ++rest > 4) return false
  }
  return rest > 0
}

/** Is there a line with text after line `index` (in this paragraph, or a paragraph after it)? */
function followedAt(lines: readonly Line[], index: number, more: boolean): boolean {
  if (more) return true
  for (let next = index + 1; next < lines.length; next++) if (lines[next].text.trim() !== '') return true
  return false
}

/** A contest's call: "win" or "enter" with what is to be won ("ENTER FOR YOUR CHANCE TO WIN!", "Win a garden voucher!"). */
const contestCall = /\b(?:win|enter|winnen|win|doe mee)\b/i
const contestPrize = /\b(?:chance|draw|prize|prizes|voucher|contest|competition|sweepstakes?|giveaway|kans|prijs|prijzen|winactie|wedstrijd|loting)\b/i
/** Sales words that make a contest line a sales push after all. */
const contestSales = /\b(?:free|now|today|cash|money|million|millions|dollars|guaranteed?|bonus|instant|instantly|keep|gratis|nu|vandaag|geld|gegarandeerd)\b|[$€£]\s?\d/i

/**
 * A contest's title on a line of its own, ending in one "!": it names the
 * section ("ENTER FOR YOUR CHANCE TO WIN!", "Win a garden voucher!"), like
 * a heading. With a sales word ("WIN CASH NOW!", "Win a FREE cruise!") it
 * stays the sender's push.
 */
function isContestLabel(text: string): boolean {
  return (
    text.length <= headingLength &&
    /[^!]!$/.test(text) &&
    text.indexOf('!') === text.length - 1 &&
    contestCall.test(text) &&
    contestPrize.test(text) &&
    !contestSales.test(text)
  )
}

/** A section label: a short line in capitals without punctuation ("COMMENTARY", "TOP STORIES"). */
function isSectionLabel(text: string): boolean {
  return text.length <= 40 && capsShare(text) > 0.8 && !/[.!?:;,]$/.test(text)
}

/** Small words a title leaves in lower case ("Sells like Hotcakes", "Battle of the Planets"). */
const titleSmallWords = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'like', 'vs', 'via', 'into', 'per', 'de', 'het', 'een', 'en', 'of', 'van', 'voor', 'met', 'op', 'aan', 'bij', 'naar', 'uit', 'over'])

/**
 * Is the text a title in title case: three words or more, every word that
 * is not a small word starting with a capital or a figure, and some words in
 * lower case (a line all in capitals is the capitals test's)?
 */
function isTitleCase(text: string): boolean {
  const words = text.split(/[\s/]+/).map((word) => word.replace(/^[^\p{L}\d]+|[^\p{L}\d]+$/gu, '')).filter((word) => word !== '')
  if (words.length < 3) return false
  let lower = 0
  for (const [position, word] of words.entries()) {
    if (/^[\p{Lu}\d]/u.test(word)) {
      if (/\p{Ll}/u.test(word)) lower++
      continue
    }
    if (position === 0 || !titleSmallWords.has(word.toLowerCase())) return false
  }
  return lower >= 2
}

/**
 * A testimonial's attribution: a name and a place on a line of their own
 * ("Jennifer Simpson, Miami, FL", "— Anna K., Utrecht"). The line before it
 * is the customer's words.
 */
const testimonialAttribution = /^\s*(?:(?:—|–|-{1,2}|~)\s*)?\p{Lu}[\p{Ll}'’-]+\.?(?:\s+\p{Lu}[\p{Ll}'’-]*\.?){1,2},?\s+\p{Lu}[\p{L}.'’ -]{1,30},\s*[A-Z]{2}\.?\s*$/u

/** A line that is one link in markup (`<a href="…">Order here</a>`), as text parts of bulk mail have them. */
const markupLink = /^\s*<a\s[^>]*>[^<]*<\/a>\s*$/i

/**
 * Does a line of prose end on a word in capitals, and the next start with
 * one, going on in lower case, ending within three words or ending the
 * sentence ("…contains EVERYTHING" / "YOU WILL EVER NEED for your
 * campaign!", "…2002 - MAKES" / "BACKING UP YOUR DATA EASY!")?
 */
export function capsRunWraps(line: string, next: string): boolean {
  if (!/(?<![\p{L}\d'’-])\p{Lu}{2,}$/u.test(line) || !/^\s*\p{Lu}{2,}\b/u.test(next)) return false
  return /\p{Ll}/u.test(next) || next.trim().split(/\s+/).length <= 3 || /[.!?]\s*$/.test(next)
}

function roleOfLine(lines: readonly Line[], index: number, more: boolean): BlockRole {
  const text = lines[index].text
  const trimmed = text.trim()
  if (trimmed === '') return 'paragraph'
  if (markupLink.test(trimmed)) return 'button'
  if (quoteLine.test(text) || quotedLine.test(trimmed)) return 'quote'
  if (attribution.test(trimmed) && index > 0 && /["”»]\s*$/.test(lines[index - 1].text)) return 'quote'
  if (isFooterText(trimmed)) return 'footer'
  // A bare link inside a sentence ("Visit us at:" / "www.example.com" / "to collect your gift!") is part of it.
  if (isLinkLine(trimmed) && !/\s[|·•]\s/.test(trimmed) && index > 0 && index + 1 < lines.length && lowerStart.test(lines[index + 1].text) && !finalPunctuation.test(lines[index - 1].text.trim())) return 'paragraph'
  if (isLinkLine(trimmed)) return 'navigation'
  if (specLine.test(text)) return 'table-cell'
  const exclaims = trimmed.includes('!')
  const listed = bullet.test(text)
  const content = listed ? text.replace(bullet, '') : trimmed
  // Capitals without a sentence end: a section name or a label. Headings do not exclaim,
  // except a numbered section title ("3. JOIN THE CLUB!").
  if (capsShare(content) > 0.8 && (!exclaims || numbered.test(text)) && !/[.?]["'”’)]*$/.test(content) && !(danglingEnd.test(content) && followedAt(lines, index, more)) && !(/\p{Ll}/u.test(content) && capsRunWraps(content, index + 1 < lines.length ? lines[index + 1].text : ''))) return 'heading'
  // An entry of a table of contents: a title in title case without a sentence end ("2. Warcraft III Sells like
  // Hotcakes", "- Skins, Skins and More Skins"). A headline names the story; it is not the sender's claim.
  // A bullet in title case stays an item: bulk mail lists its claims that way ("· Very Affordable Price").
  if (!listed && isContestLabel(trimmed)) return 'heading'
  if (listed) return numbered.test(text) && !exclaims && !finalPunctuation.test(content) && isTitleCase(content) ? 'heading' : 'list-item'
  const previous = index > 0 ? lines[index - 1].text.trim() : ''
  // A teaser headline under a section label in capitals, cut off with an ellipsis ("COMMENTARY" / "NT4 users: Act
  // now or..."): the headline of a story, not the sender's push.
  if (index > 0 && !exclaims && trimmed.length <= headingLength && /(?:\.\.\.|…)$/.test(trimmed) && isSectionLabel(previous) && followedAt(lines, index, more)) return 'heading'
  const continues = previous !== '' && !finalPunctuation.test(previous) && !/:$/.test(previous) && lowerStart.test(text)
  const nextLine = index + 1 < lines.length ? lines[index + 1].text : ''
  if (
    followedAt(lines, index, more) &&
    !lowerStart.test(nextLine) &&
    !continues &&
    !exclaims &&
    trimmed.length <= headingLength &&
    (!finalPunctuation.test(trimmed) || /:$/.test(trimmed)) &&
    !lowerStart.test(text) &&
    // A line that ends on "the", "for", "every" wraps on ("You get A FULL $1 FOR EACH AND EVERY" / "PAMPHLET!").
    !danglingEnd.test(trimmed) &&
    // Capitals that run on over the line end ("…also holds YOUR VERY" / "OWN copy of the guide!") wrap a sentence.
    !(/\p{Ll}/u.test(trimmed) && capsRunWraps(trimmed, nextLine)) &&
    // After a long line without an end, a short one is its wrapped tail (a bare link is no sentence to wrap).
    !(index > 0 && !finalPunctuation.test(previous) && previous.length > headingLength && !isLinkLine(previous))
  ) {
    return 'heading'
  }
  return 'paragraph'
}
