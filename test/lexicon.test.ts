import {describe, expect, it} from 'vitest'
import {
  emoji,
  emojiClass,
  findEmoji,
  intensifiers,
  lookupSentiment,
  normalizeWord,
  readDictionary,
  sentiment
} from '../src/lexicon.js'

describe('sentiment', () => {
  // Load times are in the benchmarks, not here.
  it('loads every list', () => {
    for (const lang of ['en', 'nl'] as const) {
      expect(sentiment(lang).size, lang).toBeGreaterThan(1000)
      expect(intensifiers(lang).size, lang).toBeGreaterThan(10)
    }
    expect(emoji().size).toBeGreaterThan(10)
  })

  it('loads English with AFINN valence and pattern intensity', () => {
    const english = sentiment('en')
    expect(english.size).toBeGreaterThan(3000)
    const superb = english.get('superb')!
    expect(superb.valence).toBe(5)
    expect(superb.intensity).toBeGreaterThan(english.get('good')!.intensity)
    expect(english.get('terrible')!.valence).toBeLessThan(0)
    // Cached: the same map on the second call.
    expect(sentiment('en')).toBe(english)
  })

  it('loads Dutch with valence -5..5 and intensity 0..1', () => {
    const dutch = sentiment('nl')
    expect(dutch.size).toBeGreaterThan(2000)
    for (const entry of dutch.values()) {
      expect(Math.abs(entry.valence)).toBeLessThanOrEqual(5)
      expect(entry.intensity).toBeGreaterThanOrEqual(0)
      expect(entry.intensity).toBeLessThanOrEqual(1)
    }

    expect(dutch.get('prachtig')!.valence).toBeGreaterThan(dutch.get('leuk')!.valence)
    expect(dutch.get('slecht')!.valence).toBeLessThan(0)
  })

  it('finds inflected Dutch adjectives and English adverbs', () => {
    expect(lookupSentiment('mooie', 'nl')).toBe(sentiment('nl').get('mooi'))
    expect(lookupSentiment('mooiste', 'nl')).toBe(sentiment('nl').get('mooi'))
    expect(lookupSentiment('lieve', 'nl')).toBe(sentiment('nl').get('lief'))
    expect(lookupSentiment('grote', 'nl')).toBe(sentiment('nl').get('groot'))
    expect(lookupSentiment('Heeeerlijke', 'nl')).toBe(sentiment('nl').get('heerlijk'))
    expect(lookupSentiment('amazingly', 'en')).toBe(sentiment('en').get('amazing'))
    expect(lookupSentiment('tafel', 'nl')).toBeUndefined()
  })
})

describe('intensifiers', () => {
  it('loads weights for both languages', () => {
    expect(intensifiers('en').get('absolutely')).toBeGreaterThan(intensifiers('en').get('quite')!)
    expect(intensifiers('nl').has('hartstikke')).toBe(true)
    expect(intensifiers('nl').has('ontzettend')).toBe(true)
    expect(intensifiers('nl').has('zo')).toBe(true)
  })
})

describe('emoji', () => {
  it('classifies hearts, party and joy, ignoring selectors and skin tones', () => {
    expect(emojiClass('❤️')).toBe('heart')
    expect(emojiClass('❤')).toBe('heart')
    expect(emojiClass('😍')).toBe('heart')
    expect(emojiClass('🎉')).toBe('party')
    expect(emojiClass('✨')).toBe('party')
    expect(emojiClass('👏🏽')).toBe('party')
    expect(emojiClass('😂')).toBe('joy')
    expect(emojiClass('📦')).toBeUndefined()
    expect(emoji().size).toBeGreaterThan(50)
  })

  it('finds emoji with offsets', () => {
    const text = 'Yay ❤️ and 🎉🎉!'
    const found = findEmoji(text)
    expect(found.map((match) => match.class)).toEqual(['heart', 'party', 'party'])
    for (const match of found) expect(text.slice(match.start, match.end)).toBe(match.emoji)
  })
})

describe('normalizeWord', () => {
  it('lowercases and folds stress accents but keeps the diaeresis', () => {
    expect(normalizeWord('Écht')).toBe('echt')
    expect(normalizeWord('wél')).toBe('wel')
    expect(normalizeWord('Financiële')).toBe('financiële')
    expect(normalizeWord('geïnteresseerd')).toBe('geïnteresseerd')
  })

  it('collapses elongations to the form the lexicon knows', () => {
    expect(normalizeWord('zóóó')).toBe('zo')
    expect(normalizeWord('sooo')).toBe('so')
    expect(normalizeWord('SOOOOO')).toBe('so')
    expect(normalizeWord('heeeel', 'nl')).toBe('heel')
    expect(normalizeWord('amaaazing')).toBe('amazing')
    expect(normalizeWord('gooood', 'en')).toBe('good')
    expect(normalizeWord('cooool')).toBe('cool')
    // Unknown words get single letters; ordinary double letters stay.
    expect(normalizeWord('brrrr')).toBe('br')
    expect(normalizeWord('koffie')).toBe('koffie')
  })
})

describe('dictionary files', () => {
  it('are readable lists without comments or blank lines', () => {
    for (const name of ['words.en.txt', 'words.nl.txt', 'brands.txt']) {
      const lines = readDictionary(name)
      expect(lines.length).toBeGreaterThan(50)
      expect(lines.some((line) => line.startsWith('#') || line === '')).toBe(false)
    }
  })
})
