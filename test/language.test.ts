import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {detectLanguage, detectLanguageIn} from '../src/language.js'

import {corpusEmailsUrl as corpus, hasShared as hasCorpus} from './shared.js'

describe('detectLanguage', () => {
  it('recognises short English and Dutch sentences', () => {
    expect(detectLanguage('Your parcel is on its way to you.').lang).toBe('en')
    expect(detectLanguage('We are happy to help you with that.').lang).toBe('en')
    expect(detectLanguage('Je pakket is onderweg naar jou.').lang).toBe('nl')
    expect(detectLanguage('Wij helpen je graag verder met je vraag.').lang).toBe('nl')
    expect(detectLanguage('Het is tijd voor de zomer').lang).toBe('nl')
  })

  it('recognises longer copy, also with loanwords on the other side', () => {
    const dutch =
      'Onze nieuwe webshop is online! Bekijk de sale en ontdek de deals van deze week. ' +
      'Heb je een vraag over je order? Onze customer service helpt je graag, ook in het weekend.'
    const english =
      'The spring collection has arrived in our shop in Utrecht. Come and try the new ' +
      'linen shirts, or order online and we will deliver them to your door for free.'
    expect(detectLanguage(dutch)).toMatchObject({lang: 'nl'})
    expect(detectLanguage(dutch).confidence).toBeGreaterThan(0.5)
    expect(detectLanguage(english)).toMatchObject({lang: 'en'})
    expect(detectLanguage(english).confidence).toBeGreaterThan(0.5)
  })

  it('handles typographic apostrophes', () => {
    expect(detectLanguage('You’re in! We’ll send you an update.').lang).toBe('en')
  })

  it('reads words with letters beyond ASCII whole: a cue glued to them is no cue', () => {
    // "éthe" and "de𝐀" are one word each, not "the" and "de".
    expect(detectLanguage('éthe éthe éthe éthe')).toEqual({lang: undefined, confidence: 0})
    expect(detectLanguage('de𝐀 de𝐀 de𝐀 de𝐀')).toEqual({lang: undefined, confidence: 0})
    expect(detectLanguage('de 𝐀 de 𝐀 de 𝐀 de 𝐀').lang).toBe('nl')
    expect(detectLanguage('Café Ünïcödé: the 😀 and you, the 😀 and you').lang).toBe('en')
    expect(detectLanguage('Één café, de 𝐀 het een je van').lang).toBe('nl')
  })

  it('is unsure on too few words or a tie', () => {
    expect(detectLanguage('')).toEqual({lang: undefined, confidence: 0})
    expect(detectLanguage('Sale!').lang).toBeUndefined()
    expect(detectLanguage('Sale -50%').lang).toBeUndefined()
    expect(detectLanguage('the de').lang).toBeUndefined()
  })

  it('gets subject-length copy right: short Dutch is checked as Dutch, short English stays English', () => {
    // Our own fixture: subject lines, buttons and push texts, one a line, written for this test.
    for (const lang of ['nl', 'en'] as const) {
      const lines = readFileSync(new URL(`fixtures/short-copy/${lang}.txt`, import.meta.url), 'utf8').split('\n').filter(Boolean)
      expect(lines.length).toBeGreaterThanOrEqual(100)
      // Unsure falls back to English (with a notice), so Dutch must be decided and English must not turn Dutch.
      const right = lines.filter((line) => (detectLanguage(line).lang ?? 'en') === lang).length
      expect(right / lines.length, lang).toBeGreaterThanOrEqual(0.95)
    }
    expect(detectLanguage('Alleen vandaag: 30% korting').lang).toBe('nl')
    expect(detectLanguage('Je zit 24 maanden vast').lang).toBe('nl')
    expect(detectLanguage('Thanks!').lang).toBe('en')
  })

  it('reads only the start of a long text', () => {
    const long = 'Dit is een test van de taal. '.repeat(100) + 'This is the end of the text. '.repeat(400)
    expect(detectLanguage(long).lang).toBe('nl')
  })

  it('reads blocks as one sample: joined by line breaks, no block that starts past 2,000 characters, at most 2,048', () => {
    const sample = (blocks: string[]) => {
      let text = ''
      for (const block of blocks) {
        text += block + '\n'
        if (text.length > 2000) break
      }
      return text
    }
    const mixed = ['Nieuw in de winkel', 'Onze linnen overhemden zijn er weer. '.repeat(30), 'Order now and we will ship them to your door today. '.repeat(60)]
    const short = ['Hi Sam,', 'Je pakket is onderweg.', 'Groet, Ilse']
    // No cue word in the first 2,010 characters, then Dutch: that block is never read.
    const tie = ['x '.repeat(1005), 'het de een je van het de een je van']
    for (const blocks of [mixed, short, tie, [], ['']]) expect(detectLanguageIn(blocks)).toEqual(detectLanguage(sample(blocks)))
    expect(detectLanguageIn(tie).lang).toBeUndefined()
    expect(detectLanguage(tie.join('\n')).lang).toBe('nl')
  })

  it.skipIf(!hasCorpus)('gets the corpus emails right', () => {
    const expected: Record<string, 'en' | 'nl'> = {
      'clean-en.txt': 'en',
      'renewal-en.eml': 'en',
      'raamdecoratie-nl.html': 'nl',
      'sportschool-nl.mjml': 'nl',
      'werkplaats-nl.md': 'nl',
      'winback-nl.eml': 'nl'
    }
    for (const [name, lang] of Object.entries(expected)) {
      const text = readFileSync(new URL(name, corpus), 'utf8')
      expect(detectLanguage(text).lang, name).toBe(lang)
    }
  })

  it('reads a bounded sample: a long text is guessed from its first ~2 KB alone', () => {
    // The work per call is bounded by the sample, whatever the length; times are in the benchmarks.
    const head = 'Thanks for being with us this year. Your plan renews on 1 May, and you can change or cancel it any time from your account page. '.repeat(20)
    const tail = 'Je abonnement wordt verlengd en je kunt het altijd opzeggen in je account, zonder kosten of gedoe. '.repeat(20000)
    expect(detectLanguage(head + tail)).toEqual(detectLanguage(head.slice(0, 2048)))
  })
})
