import {describe, expect, it} from 'vitest'
import {SuggestionBudget, createSpeller, maxCandidates, shouldSkipToken, typoDistance} from '../src/spell/index.js'
import {check} from '../src/engine.js'

// What a suggestion is, apart from the time allowance (a busy machine would spend it; the budget has tests of its own).
const unlimited = {budget: new SuggestionBudget(Number.POSITIVE_INFINITY)}

describe('shouldSkipToken', () => {
  it('skips what is not prose', () => {
    for (const token of [
      'https://example.com/sale',
      'www.example.nl',
      'info@example.nl',
      'bol.com',
      'Bol.com',
      '€12,95',
      '$5',
      '2026',
      '20%',
      '4K',
      'mp3',
      '*|FNAME|*',
      'first_name',
      '{{',
      '%%naam%%',
      'FAQ',
      'BTW',
      'CTAs',
      'PostNL',
      '🎉',
      '❤️',
      '#zomersale',
      '@trouw',
      'x'
    ]) {
      expect(shouldSkipToken(token), token).toBe(true)
    }
  })

  it('keeps ordinary words, including shouting', () => {
    for (const token of ['bedankt', 'Welcome', 'GRATIS', 'recieve', 'klantenservice', "don't"]) {
      expect(shouldSkipToken(token), token).toBe(false)
    }
  })
})

describe('English speller', () => {
  it('flags real typos with a sensible first suggestion', async () => {
    const speller = await createSpeller('en')
    const typos: Record<string, string> = {
      recieve: 'receive',
      seperate: 'separate',
      teh: 'the',
      untill: 'until',
      newsleter: 'newsletter',
      excluisve: 'exclusive'
    }
    for (const [typo, fix] of Object.entries(typos)) {
      expect(speller.correct(typo), typo).toBe(false)
      const suggestions = speller.suggest(typo, unlimited)
      expect(suggestions[0], typo).toBe(fix)
      expect(suggestions.length).toBeLessThanOrEqual(3)
    }
  })

  it('accepts marketing vocabulary, brands, contractions and the writer’s words', async () => {
    const speller = await createSpeller('en', {words: ['Zwaluwhout']})
    for (const word of ['unsubscribe', 'checkout', 'webshop', 'Gmail', 'WhatsApp', 'Paypal', "Gmail's", 'ok', "don't", 'don’t', 'Zwaluwhout', 'zwaluwhout']) {
      expect(speller.correct(word), word).toBe(true)
    }

    // The writer's words belong to that speller only.
    const other = await createSpeller('en')
    expect(other.correct('Zwaluwhout')).toBe(false)
  })

  it('tells American from British spelling', async () => {
    const us = await createSpeller('en')
    const gb = await createSpeller('en', {variant: 'gb'})
    expect(us.variant).toBe('us')
    expect(gb.variant).toBe('gb')
    expect(us.correct('color')).toBe(true)
    expect(us.correct('colour')).toBe(false)
    expect(gb.correct('colour')).toBe(true)
    expect(gb.correct('color')).toBe(false)
  })

  it('never flags masked and non-prose tokens', async () => {
    const speller = await createSpeller('en')
    for (const token of ['*|FNAME|*', 'shop.example.com', '€25', 'SKU123', '🔥']) {
      expect(speller.correct(token), token).toBe(true)
      expect(speller.suggest(token)).toEqual([])
    }
  })
})

describe('Dutch speller', () => {
  it('accepts compounds that Hunspell builds but nspell does not', async () => {
    const speller = await createSpeller('nl')
    for (const word of [
      'klantenservice',
      'privacybeleid',
      'hardloopschoenen',
      'zomercollectie',
      'wachtwoord',
      'verjaardagscadeau',
      'Klantenservice',
      'opzegkosten',
      'kortingscode',
      'zomersale',
      'opzegtermijn',
      'wachtwoordherstel',
      'klantenservicemedewerker'
    ]) {
      expect(speller.correct(word), word).toBe(true)
    }
  })

  it('does not accept a typo because it splits into two words', async () => {
    const speller = await createSpeller('nl')
    // "ont" and "vagen" are both in the dictionary, but not as compound parts.
    expect(speller.correct('ontvagen')).toBe(false)
    expect(speller.suggest('ontvagen', unlimited)[0]).toBe('ontvangen')
  })

  it('flags real typos with a sensible first suggestion', async () => {
    const speller = await createSpeller('nl')
    const typos: Record<string, string> = {
      bedakt: 'bedankt',
      gratsi: 'gratis',
      bestelilng: 'bestelling',
      afsrpaak: 'afspraak',
      klantenservce: 'klantenservice',
      verzendkostn: 'verzendkosten',
      hardloopschoeenen: 'hardloopschoenen'
    }
    for (const [typo, fix] of Object.entries(typos)) {
      expect(speller.correct(typo), typo).toBe(false)
      expect(speller.suggest(typo, unlimited)[0], typo).toBe(fix)
    }

    expect(speller.suggest('Bedakt', unlimited)[0]).toBe('Bedankt')
  })

  it('accepts vocabulary, English loanwords from the list, brands and diacritics', async () => {
    const speller = await createSpeller('nl')
    for (const word of ['nieuwsbrief', 'afmelden', 'retourneren', 'webshop', 'checkout', 'iDEAL', 'Mollie', 'geïnteresseerd', "foto's", 'e-mailadres']) {
      expect(speller.correct(word), word).toBe(true)
    }
  })

  it('keeps a writer\'s own words to the speller that was given them', async () => {
    // Both spellers share one loaded dictionary (its load time is in the benchmarks).
    const own = await createSpeller('nl', {words: ['Veneta']})
    const plain = await createSpeller('nl')
    expect(own.correct('Veneta')).toBe(true)
    expect(plain.correct('Veneta')).toBe(false)
  })
})

describe('suggestion budget', () => {
  it('returns [] when the budget is spent, but cached suggestions stay free', async () => {
    const speller = await createSpeller('en')
    expect(speller.suggest('adress')).toContain('address')
    const spent = new SuggestionBudget(0)
    expect(spent.exhausted).toBe(true)
    expect(speller.suggest('wierd', {budget: spent})).toEqual([])
    // Cached from before: no budget needed.
    expect(speller.suggest('adress', {budget: spent})).toContain('address')
  })

  it('refills per window, so a long-running process keeps suggesting', async () => {
    const budget = new SuggestionBudget(10, 50)
    budget.spend(20)
    expect(budget.exhausted).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(budget.exhausted).toBe(false)

    const speller = await createSpeller('en', {budgetMs: 0, budgetWindowMs: 1e9})
    expect(speller.suggest('begining')).toEqual([])
  })

  it('ranks the likelier slip first', () => {
    expect(typoDistance('teh', 'the')).toBeLessThan(typoDistance('teh', 'ten'))
    expect(typoDistance('bedakt', 'bedankt')).toBeLessThan(typoDistance('bedakt', 'bedekt'))
  })
})

describe('suggestion work (hostile words)', () => {
  // A budget that never runs out: only the work limit inside the call bounds these.
  const endless = new SuggestionBudget(Number.POSITIVE_INFINITY)

  it('skips words too long to be words, at no dictionary work', async () => {
    const speller = await createSpeller('en')
    const word = 'plorvandequist'.repeat(72).slice(0, 1000)
    const before = speller.candidates
    expect(speller.correct(word)).toBe(true)
    expect(speller.suggest(word, {budget: endless})).toEqual([])
    expect(speller.candidates - before).toBe(0)
    expect(shouldSkipToken('a'.repeat(41))).toBe(true)
    expect(shouldSkipToken('arbeidsongeschiktheidsverzekering')).toBe(false)
  })

  it('skips words of another script than Latin in both languages', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const speller = await createSpeller(lang)
      for (const word of ['مرحبا', 'שלום', 'Привет', 'こんにちは', '你好世界', 'καλημέρα', 'caféшка']) {
        const before = speller.candidates
        expect(speller.correct(word), lang + ' ' + word).toBe(true)
        expect(speller.suggest(word, {budget: endless})).toEqual([])
        expect(speller.candidates - before, lang + ' ' + word).toBe(0)
      }
    }
    // Latin letters with diacritics stay words.
    expect(shouldSkipToken('überraschend')).toBe(false)
    expect(shouldSkipToken('ĳsje')).toBe(false)
  })

  it('stops a suggestion inside nspell after a fixed number of look-ups', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const speller = await createSpeller(lang)
      // No correction one edit away: nspell would go on to two edits (60,000+ look-ups),
      // and a 40-letter run of distinct letters costs more still.
      for (const word of ['qwzxv', 'bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwx']) {
        const before = speller.candidates
        expect(speller.suggest(word, {budget: endless})).toEqual([])
        const work = speller.candidates - before
        // Dutch words of 12 letters and more are corrected through their compound parts only.
        if (word.length < 12) expect(work, lang + ' ' + word).toBe(maxCandidates)
        expect(work, lang + ' ' + word).toBeLessThanOrEqual(maxCandidates * 3)
        // The cut is by count, not by clock: the answer is cached and the same next time.
        const again = speller.candidates
        expect(speller.suggest(word, {budget: endless})).toEqual([])
        expect(speller.candidates - again).toBe(0)
      }
    }
  })

  it('ordinary typos stay well under the limit', async () => {
    const speller = await createSpeller('en')
    const before = speller.candidates
    expect(speller.suggest('excluisve', {budget: endless})[0]).toBe('exclusive')
    expect(speller.candidates - before).toBeLessThan(maxCandidates / 4)
  })

  it('a copy of 1,000-letter words and foreign-script greetings is checked with spelling on', async () => {
    const text = 'Hello ' + 'zyxwvutsrq'.repeat(100) + ' and مرحبا and שלום, we recieve you.'
    const file = await check(text, {lang: 'nl', spell: true})
    const words = file.messages.filter((message) => message.ruleId === 'spelling/misspelt').map((message) => message.actual)
    expect(words).not.toContain('مرحبا')
    expect(words.some((word) => word && word.length > 40)).toBe(false)
  })

  it('stops after 1,000 unknown words in a file, across its batches, with one note', async () => {
    // Made-up words in sentences over many 16 KB batches: 3,000 unknown words.
    const syllables = ['bra', 'klo', 'mif', 'dru', 'zet', 'wop']
    const words = Array.from({length: 3000}, (_, index) => syllables[index % 6] + syllables[Math.floor(index / 6) % 6] + syllables[Math.floor(index / 36) % 6] + 'x')
    const text = words.map((word, index) => (index % 10 === 9 ? word + '.\n\n' : word + ' ')).join('')
    const file = await check(text, {lang: 'en', spell: true})
    const spelling = file.messages.filter((message) => message.ruleId === 'spelling/misspelt')
    expect(spelling).toHaveLength(1001)
    expect(text.length).toBeGreaterThan(2 * 16_000)
    const last = spelling.at(-1)
    expect(last?.reason).toMatch(/more than 1000 words are not in the dictionary: spelling stops here/)
    expect(spelling.filter((message) => /spelling stops/.test(message.reason))).toHaveLength(1)
    // The note stands on the 1,001st unknown word, in order.
    expect(last?.actual).toBe(words[1000])
  })
})

