/**
 * Tokens and lexemes: one shared record per spelling, looked up straight
 * from the text, that stays right while the table grows and starts over.
 */
import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import type {Root, Sentence} from 'nlcst'
import {fieldSlots, lexemeOf, memoSlotsTaken, sentenceTokens, TokenPool} from '../src/tokens.js'
import {check} from '../src/engine.js'

describe('lexemeOf', () => {
  it('gives one record per spelling, with its folded form', () => {
    const a = lexemeOf('Zóóó')
    expect(lexemeOf('Zóóó')).toBe(a)
    expect(a.raw).toBe('Zóóó')
    expect(a.norm).toBe('zooo')
    expect(lexemeOf('zooo')).not.toBe(a)
  })

  it('stays right while the table grows past its first sizes and starts over', () => {
    const words = Array.from({length: 80000}, (_, index) => 'w' + index.toString(36) + 'q')
    const first = new Map(words.slice(0, 1000).map((word) => [word, lexemeOf(word)]))
    for (const word of words) expect(lexemeOf(word).raw).toBe(word)
    // After the table started over, a spelling gets a record again, equal in content.
    for (const [word, lexeme] of first) {
      const again = lexemeOf(word)
      expect(again.raw).toBe(word)
      expect(again.norm).toBe(lexeme.norm)
      expect(lexemeOf(word)).toBe(again)
    }
  })
})

describe('sentenceTokens', () => {
  const parse = (text: string) => (unified().use(retextEnglish).parse(text) as Root).children[0]

  function firstSentence(text: string): Sentence {
    const paragraph = parse(text)
    if (paragraph.type !== 'ParagraphNode') throw new Error('no paragraph')
    return paragraph.children.find((node) => node.type === 'SentenceNode') as Sentence
  }

  it('keeps offsets, splits hyphenated words and counts clauses', () => {
    const text = 'A 24-month plan, then freedom.'
    const tokens = sentenceTokens(firstSentence(text), text, [])
    expect(tokens.map((token) => [token.raw, token.kind, text.slice(token.start, token.end), token.clause])).toEqual([
      ['A', 'word', 'A', 0],
      ['24', 'number', '24', 0],
      ['month', 'word', 'month', 0],
      ['plan', 'word', 'plan', 0],
      [',', 'punct', ',', 0],
      ['then', 'word', 'then', 1],
      ['freedom', 'word', 'freedom', 1],
      ['.', 'punct', '.', 1]
    ])
  })

  it('reuses the objects of a pool: the same tokens as without one', () => {
    const text = 'Stay with us, or leave whenever you like!'
    const pool = new TokenPool()
    const pooled = sentenceTokens(firstSentence(text), text, [], pool).map((token) => ({...token}))
    const fresh = sentenceTokens(firstSentence(text), text, [])
    expect(pooled).toEqual(fresh.map((token) => ({...token})))
    const again = sentenceTokens(firstSentence(text), text, [], pool)
    expect(again[0]).toBe(pool.items[0])
  })
})

describe('memo slots', () => {
  it('stay fields of the lexeme in a process that checks both languages', async () => {
    // Copy that wakes every consumer: numbers, names, praise, negation, a question before.
    await check('Thinking of leaving? We will not charge a fee. Our team in Leeds is so incredibly happy! Three days left, call 030 123 4567.', {lang: 'auto', format: 'text'})
    await check('Denk je erover op te zeggen? We rekenen geen kosten. Ons team in Zwolle is ontzettend dolblij! Nog drie dagen, bel 030 123 4567.', {lang: 'auto', format: 'text'})
    expect(memoSlotsTaken()).toBeGreaterThan(6)
    expect(memoSlotsTaken()).toBeLessThanOrEqual(fieldSlots)
  })
})
