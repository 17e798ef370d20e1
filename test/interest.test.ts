import {describe, expect, it} from 'vitest'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import type {Root, Sentence} from 'nlcst'
import {allInterest, collectWords, hasInterest, hyphenInterest} from '../src/interest.js'
import {loadRules} from '../src/rule-loader.js'
import {loadSignals, sentenceSignals} from '../src/signals.js'
import {sentenceTokens, type Token} from '../src/tokens.js'
import type {SentenceView} from '../src/kinds/kind.js'
import type {Language} from '../src/types.js'

describe('hasInterest', () => {
  it('looks when the bit is set, when the bits are unknown, and always for a consumer without a bit of its own', () => {
    expect(hasInterest(0b101, 0b100)).toBe(true)
    expect(hasInterest(0b101, 0b010)).toBe(false)
    expect(hasInterest(undefined, 0b010)).toBe(true)
    expect(hasInterest(0, allInterest)).toBe(true)
    expect(hasInterest(hyphenInterest, hyphenInterest)).toBe(true)
  })
})

/** Every sentence of `text` as the plugin sees it, with its interest bits. */
function views(text: string, lang: Language): SentenceView[] {
  const tree = unified()
    .use(lang === 'nl' ? retextDutch : retextEnglish)
    .parse(text) as Root
  const result: SentenceView[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      const tokens = sentenceTokens(sentence as Sentence, text, [])
      const words: Token[] = []
      const interest = collectWords(tokens, text, lang, words)
      const start = sentence.position!.start.offset!
      const end = sentence.position!.end.offset!
      result.push({lang, text, start, end, tokens, words, interest, quoted: []})
    }
  }
  return result
}

// Sentences for and against each interest test: praise, intensifiers alone
// and before mild words, compounds, capitals, emoji, plain copy.
const copy: Record<Language, string> = {
  en: [
    'Your order ships on Tuesday from our studio in Hull.',
    'We are so very happy.',
    'This jacket is really comfortable.',
    'It is a nice, comfortable and warm coat.',
    'An absolutely stunning, breathtaking, life-changing view!',
    'A life-changing offer for every reader.',
    'The most amazing day EVER!!! 🎉🎉',
    'We are so incredibly thrilled and overjoyed to have you!',
    'Insanely comfortable and absolutely gorgeous.',
    'Very nice, really good and so pleasant.',
    'So comfortable, really smooth and very clean.',
    'Gorgeous. Flawless. Simply breathtaking.',
    'Really, this is just fine.',
    'We are not thrilled, we are simply glad to help.',
    'FREE delivery on orders over 20 euros.'
  ].join(' '),
  nl: [
    'Je bestelling gaat dinsdag de deur uit vanuit onze werkplaats in Zwolle.',
    'We zijn echt heel blij.',
    'Deze jas zit echt lekker.',
    'Een fijne, warme en zachte trui.',
    'Een superblije, ongelooflijk prachtige, fantastische dag!',
    'Een levensveranderend aanbod voor iedere lezer.',
    'De allermooiste dag OOIT!!! 🎉🎉',
    'We zijn ontzettend dolblij en super enthousiast!',
    'Waanzinnig comfortabel en ongelooflijk prachtig.',
    'Super fijn, echt lekker en heel zacht.',
    'Het bed is echt fijn en heel fris.',
    'Werkelijk betoverend. Ongelooflijk mooi.',
    'Echt, dit is gewoon prima.',
    'GRATIS verzending vanaf 20 euro.'
  ].join(' ')
}

describe('interest bits', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`never skip a sentence a detector or the signals would find something in (${lang})`, () => {
      // Compiling the rules and signals registers their tests.
      const detectors = loadRules().detectors(lang)
      loadSignals(lang)
      const sentences = views(copy[lang], lang)
      expect(sentences.length).toBeGreaterThan(8)
      // Each detector reads the sentences in order twice, with the bits and without:
      // a detector may carry state from one sentence to the next (gush's short-sentence runs).
      let found = 0
      for (const {detector} of detectors) {
        if (!detector.always) continue
        const withBits = sentences.map((view) => detector.detect(view, []))
        const without = sentences.map((view) => detector.detect({...view, interest: undefined}, []))
        expect(withBits).toEqual(without)
        found += withBits.flat().length
      }
      for (const view of sentences) expect(sentenceSignals(view)).toEqual(sentenceSignals({...view, interest: undefined}))
      // The copy has findings for the bits to hide (stacks, boosted mild words, short praise sentences, shouting).
      expect(found).toBeGreaterThanOrEqual(4)
    })
  }
})
