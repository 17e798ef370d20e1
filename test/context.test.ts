/**
 * Negation and quotation around a phrase match (src/context.ts): the words
 * that turn a coercive phrase into good copy ("geen opzegkosten", "we waive
 * the exit fee", "cancellation fee: none") and the ones that must not
 * ("don't miss out: only 3 left", "no setup fee, but a 24-month minimum").
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import type {Sentence} from 'nlcst'
import {visit} from 'unist-util-visit'
import {isInside, isNegated, isNegator, quotedRanges} from '../src/context.js'
import {compilePattern, matchAt, type Match} from '../src/patterns.js'
import {sentenceTokens, wordTokens, type Token} from '../src/tokens.js'
import type {Language} from '../src/types.js'

/** Word tokens of the first sentence of `text`. */
function words(text: string, lang: Language): Token[] {
  const tree = unified().use(lang === 'nl' ? retextDutch : retextEnglish).parse(text)
  let found: Token[] | undefined
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    found ??= wordTokens(sentenceTokens(sentence, text, []))
  })
  return found ?? []
}

/** The first match of `pattern` in `text`. */
function firstMatch(pattern: string, tokens: readonly Token[]): Match {
  const [compiled] = compilePattern(pattern, {classes: {}, predicates: {}})
  for (let index = 0; index < tokens.length; index++) {
    const match = matchAt(compiled, tokens, index)
    if (match) return match
  }
  throw new Error(`no match of ${pattern}`)
}

/** Is the first match of `pattern` in `text` negated? */
function negated(text: string, pattern: string, lang: Language): boolean {
  const tokens = words(text, lang)
  return isNegated(tokens, firstMatch(pattern, tokens), lang)
}

describe('isNegated: negators before the match', () => {
  it.each([
    ['en', 'No cancellation fees on any plan.', 'cancellation fee|fees'],
    ['en', 'There is never a fee for leaving.', 'fee ...2 leaving'],
    ['en', 'Cancel without a cancellation fee.', 'cancellation fee'],
    ['en', "You won't be locked into a contract.", 'locked into'],
    ['en', 'Zero exit fees, ever.', 'exit fees'],
    ['en', 'No setup or cancellation fees.', 'cancellation fees'],
    ['nl', 'Geen opzegkosten, nooit.', 'opzegkosten'],
    ['nl', 'Je betaalt nooit een boete.', 'boete'],
    ['nl', 'Zonder minimale looptijd.', 'minimale looptijd']
  ] as const)('%s: %s', (lang, text, pattern) => {
    expect(negated(text, pattern, lang)).toBe(true)
  })

  it('does not reach past three words', () => {
    expect(negated('No worries about the fine print: a minimum term applies.', 'minimum term', 'en')).toBe(false)
    expect(negated('We never send spam and every plan has a minimum term.', 'minimum term', 'en')).toBe(false)
  })

  it('does not reach across a clause break', () => {
    expect(negated('No thanks, I want the 24-month minimum term.', 'minimum term', 'en')).toBe(false)
    expect(negated('Geen zorgen; de minimale looptijd is een jaar.', 'minimale looptijd', 'nl')).toBe(false)
  })

  it('stops at a contrast word', () => {
    expect(negated('No fees but a minimum term.', 'minimum term', 'en')).toBe(false)
    expect(negated('Geen kosten maar wel een minimale looptijd.', 'minimale looptijd', 'nl')).toBe(false)
  })

  it('stops at "and" plus a new subject, and at a modal verb', () => {
    expect(negated("Don't renew and we stop all support.", 'stop ...2 support', 'en')).toBe(false)
    expect(negated("Members who don't upgrade will lose access.", 'lose access', 'en')).toBe(false)
  })

  it('ignores a negator aimed at a pressure verb', () => {
    expect(negated("Don't miss out on the last chance.", 'last chance', 'en')).toBe(false)
    expect(negated("Don't wait, last chance today.", 'last chance', 'en')).toBe(false)
    expect(negated('Niet wachten: laatste kans.', 'laatste kans', 'nl')).toBe(false)
  })
})

describe('isNegated: negators inside and after the match', () => {
  it('counts a negator that a gap skipped', () => {
    expect(negated('Je zit nergens aan vast.', 'zit ...6 vast', 'nl')).toBe(true)
    expect(negated('U zit aan niets vast.', 'zit ...6 vast', 'nl')).toBe(true)
    expect(negated('We charge no fee if you cancel.', 'charge ...4 if', 'en')).toBe(true)
  })

  it('frees a phrase with a freeing word right after it', () => {
    expect(negated('Early termination fee waived for new members.', 'termination fee', 'en')).toBe(true)
    expect(negated('Opzegkosten vervallen bij verhuizing.', 'opzegkosten', 'nl')).toBe(true)
    expect(negated('Cancellation is fee-free.', 'cancellation is fee', 'en')).toBe(true)
  })

  it('reads "free"/"vrij" after a place as available, not as freeing', () => {
    expect(negated('Only 3 spots free on Friday.', 'only {num} spots', 'en')).toBe(false)
    expect(negated('Nog slechts 4 plekken vrij voor de workshop.', 'slechts {num} plekken', 'nl')).toBe(false)
    expect(negated('Nog twee tafels vrij vanavond.', 'nog {num} tafels', 'nl')).toBe(false)
    expect(negated('Early repayment fee free for members.', 'repayment fee', 'en')).toBe(true)
    expect(negated('Annuleringskosten vrij tot 24 uur vooraf.', 'annuleringskosten', 'nl')).toBe(true)
  })

  it('frees a phrase answered by a whole clause after a colon', () => {
    expect(negated('Cancellation fee: none.', 'cancellation fee', 'en')).toBe(true)
    expect(negated('Opzegkosten: geen.', 'opzegkosten', 'nl')).toBe(true)
    expect(negated('Cancellation fee: none of our plans are free to leave.', 'cancellation fee', 'en')).toBe(false)
  })

  it('frees a phrase that a later negation denies', () => {
    expect(negated('Cancellation fees do not apply to you.', 'cancellation fees', 'en')).toBe(true)
    expect(negated('Opzegkosten rekenen we niet.', 'opzegkosten', 'nl')).toBe(true)
    expect(negated('Cancellation fees are not refundable.', 'cancellation fees', 'en')).toBe(false)
  })

  it('frees a phrase after a freeing verb or "free of"', () => {
    expect(negated('We waive the early termination fee.', 'termination fee', 'en')).toBe(true)
    expect(negated('Tired of being locked in?', 'locked in', 'en')).toBe(true)
    expect(negated('In plaats van een minimale looptijd kies je zelf.', 'minimale looptijd', 'nl')).toBe(true)
    expect(negated('Early repayment is free of charge.', 'repayment ...4 charge', 'en')).toBe(true)
  })

  it('leaves plain coercive phrases alone', () => {
    expect(negated('An early termination fee of €180 applies.', 'termination fee', 'en')).toBe(false)
    expect(negated('Je zit er twee jaar aan vast.', 'zit ...6 vast', 'nl')).toBe(false)
    expect(negated('Only 3 left, free delivery today.', 'only {num} left', 'en')).toBe(false)
  })
})

describe('isNegator', () => {
  it('knows contracted and Dutch negators', () => {
    const tokens = words("We can't and won't, geen", 'en')
    expect(tokens.filter((token) => isNegator(token, 'en')).map((token) => token.norm)).toEqual(["can't", "won't"])
    expect(words('nergens niets niks', 'nl').every((token) => isNegator(token, 'nl'))).toBe(true)
  })
})

describe('quotedRanges', () => {
  function quoted(text: string): string[] {
    return quotedRanges(text, 0, text.length).map(([from, to]) => text.slice(from, to))
  }

  it('finds straight, curly and Dutch low-high quotes', () => {
    expect(quoted('A customer wrote: "only 3 left" and laughed.')).toEqual(['"only 3 left"'])
    expect(quoted('Ze schreef: „bijna uitverkocht” en lachte.')).toEqual(['„bijna uitverkocht”'])
    expect(quoted("He said 'locked in', twice.")).toEqual(["'locked in'"])
    expect(quoted('We call it “the last chance” sale.')).toEqual(['“the last chance”'])
  })

  it('does not open a quote at an apostrophe inside a word', () => {
    expect(quoted("It's zo'n mooie dag, isn't it?")).toEqual([])
    expect(quoted("Je foto's blijven van jou.")).toEqual([])
  })

  it('ignores an opening quote that never closes', () => {
    expect(quoted('She wrote "only three left and then stopped.')).toEqual([])
  })

  it('checks whether a span is inside a quoted range', () => {
    const text = 'Een klant schreef: "je zit nergens aan vast" en dat klopt.'
    const ranges = quotedRanges(text, 0, text.length)
    const start = text.indexOf('nergens')
    expect(isInside(ranges, start, start + 7)).toBe(true)
    expect(isInside(ranges, text.indexOf('klopt'), text.indexOf('klopt') + 5)).toBe(false)
  })
})

describe('isNegated: imperative warnings', () => {
  it('keeps "don\'t lose" and "do not miss" at the start of a clause', () => {
    expect(negated("Don't lose your perks: renew today!", 'lose ...3 perks', 'en')).toBe(false)
    expect(negated('Do not miss the last chance.', 'miss ...2 chance', 'en')).toBe(false)
  })

  it('still frees "you won\'t lose" and "you don\'t lose"', () => {
    expect(negated("You won't lose your perks.", 'lose ...3 perks', 'en')).toBe(true)
    expect(negated("If you pause, you don't lose your points.", 'lose ...3 points', 'en')).toBe(true)
  })
})

describe('isNegated: a match that ends in a denied verb', () => {
  it('is freed by a negator right after it', () => {
    expect(negated('Zeg je op, dan betaal je niets meer.', 'zeg ...6 betaal', 'nl')).toBe(true)
    expect(negated('Zeg je op, dan betaal je de rest van het jaar.', 'zeg ...6 betaal', 'nl')).toBe(false)
  })
})

describe('isNegated: "means" separates a negated condition from its consequence', () => {
  it('keeps the loss after "not renewing means"', () => {
    expect(negated('Not renewing means losing your domain.', 'losing ...1 your', 'en')).toBe(false)
    expect(negated('Niet verlengen betekent verlies van je punten.', 'verlies ...3 punten', 'nl')).toBe(false)
  })
})
