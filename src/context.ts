/**
 * What a sentence around a match says about it: is the phrase negated
 * ("geen opzegkosten", "no cancellation fee", "je zit nergens aan vast"), or
 * quoted (a customer's words are not the sender's)?
 */
import type {Language} from './types.js'
import type {Token} from './tokens.js'
import type {Match} from './patterns.js'

const negators: Record<Language, ReadonlySet<string>> = {
  en: new Set([
    'no', 'not', 'never', 'without', 'zero', 'nor', 'none', 'nothing', 'neither',
    "don't", "doesn't", "won't", "isn't", "aren't", "wasn't", "weren't", "can't",
    "cannot", "didn't", "shouldn't", "wouldn't", "needn't", 'dont', 'doesnt', 'wont', 'isnt', 'arent'
  ]),
  nl: new Set(['geen', 'niet', 'nooit', 'zonder', 'nergens', 'niets', 'niks', 'noch', 'geeneen'])
}

/** Words after a phrase that free it: "fees: none", "penalty free", "kosten vervallen". */
const freeingAfter: Record<Language, ReadonlySet<string>> = {
  en: new Set(['free', 'waived', 'none', 'removed']),
  nl: new Set(['vrij', 'gratis', 'vervalt', 'vervallen', 'kwijtgescholden'])
}

/** How many words before a match a negator still reaches. */
const reachBefore = 3

export function isNegator(token: Token, lang: Language): boolean {
  return negators[lang].has(token.norm)
}

/**
 * Is the match negated? A negator up to three words before it in the same
 * clause, a negator that a gap inside the match skipped over ("je zit nergens
 * aan vast"), or a freeing word right after it ("cancellation fee: waived").
 */
export function isNegated(tokens: readonly Token[], match: Match, lang: Language): boolean {
  const first = tokens[match.from]
  for (let index = match.from - 1; index >= 0 && index >= match.from - reachBefore; index--) {
    const token = tokens[index]
    if (token.clause !== first.clause) break
    if (isNegator(token, lang)) return true
  }
  for (const index of match.skipped) {
    if (isNegator(tokens[index], lang)) return true
  }
  const next = tokens[match.to]
  if (next && next.clause === tokens[match.to - 1].clause && freeingAfter[lang].has(next.norm)) return true
  return false
}

const quotePairs: Record<string, string> = {'"': '"', "'": "'", '“': '”', '„': '”', '‘': '’', '«': '»', '‚': '‘'}

/**
 * Ranges (offsets in `text`) that are quoted: an opening quote after a space,
 * an opening bracket, a colon or the start, up to its closing quote. An
 * apostrophe inside a word (it's, zo'n) does not open a quote.
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

export function isInside(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  for (const [from, to] of ranges) if (start >= from && end <= to) return true
  return false
}
