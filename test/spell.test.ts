import {readFileSync} from 'node:fs'
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

  it('stops a suggestion inside the search after a fixed number of look-ups', async () => {
    for (const lang of ['en', 'nl'] as const) {
      const speller = await createSpeller(lang)
      // No correction one edit away: two edits of a 5-letter word are about 100,000 look-ups,
      // and of a 40-letter run of distinct letters far more.
      for (const word of ['qwzxv', 'bcdfghjklmnpqrstvwxzbcdfghjklmnpqrstvwx']) {
        const before = speller.candidates
        expect(speller.suggest(word, {budget: endless})).toEqual([])
        const work = speller.candidates - before
        // English: one search, cut at the limit. Dutch also searches the compound parts
        // (one edit each) and then two edits, each search with its own limit.
        if (lang === 'en') expect(work, lang + ' ' + word).toBe(maxCandidates)
        expect(work, lang + ' ' + word).toBeGreaterThanOrEqual(maxCandidates)
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
    expect(speller.candidates - before).toBeLessThan(maxCandidates / 10)
    const dutch = await createSpeller('nl')
    const start = dutch.candidates
    // A compound typo: one edit of the whole word, then one edit of its parts.
    expect(dutch.suggest('klantenservce', {budget: endless})[0]).toBe('klantenservice')
    expect(dutch.candidates - start).toBeLessThan(maxCandidates / 4)
  })

  it('a file\'s work allowance ends suggestions, not the flags', async () => {
    const speller = await createSpeller('en')
    // Made-up words with nothing one edit away: each costs a full search.
    const words = ['qzvbx', 'xqjvz', 'vzqxj', 'jxvqz', 'zjqvx']
    const budget = new SuggestionBudget(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 2 * maxCandidates)
    for (const word of words) speller.suggest(word, {budget})
    expect(budget.exhausted).toBe(true)
    expect(budget.remainingWork).toBeLessThanOrEqual(0)
    // Spent: a new typo gets no search (and no work) until a new allowance.
    const before = speller.candidates
    expect(speller.suggest('wrld', {budget})).toEqual([])
    expect(speller.candidates).toBe(before)
    expect(speller.suggest('wrld', {budget: endless})).toContain('world')
  })

  it('keeps the typo set\'s suggestions: the intended word in the three, first for all but two', async () => {
    // Own misspellings (test/fixtures/spelling/typos.tsv; scripts/spell-compare.js prints them).
    const rows = readFileSync(new URL('fixtures/spelling/typos.tsv', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split('\t'))
    const notFirst: string[] = []
    const missing: string[] = []
    let checked = 0
    for (const [lang, typo, intended] of rows) {
      const speller = await createSpeller(lang as 'en' | 'nl')
      if (speller.correct(typo)) continue
      checked++
      const suggestions = speller.suggest(typo, {budget: endless})
      if (!suggestions.includes(intended)) missing.push(`${typo}: ${suggestions.join(', ')}`)
      else if (suggestions[0] !== intended) notFirst.push(typo)
    }
    expect(checked).toBeGreaterThan(80)
    expect(missing).toEqual([])
    // A rarer word one swap away ranks before the word one letter away.
    expect(notFirst.sort()).toEqual(['eigelijk', 'zekr'])
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

