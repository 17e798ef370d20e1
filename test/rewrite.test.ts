/**
 * Rewrites that keep the facts: the fact guard on its own, by property over
 * generated sentences and over every rule example (each fix applied through
 * `src/fix.ts`, as the CLI, editor and playground apply it), calm shouting,
 * and the u/je register of Dutch fixes.
 */
import {describe, expect, it} from 'vitest'
import {check, loadRules, type Language} from '../src/index.js'
import {guardRewrite} from '../src/rewrite/fact-guard.js'
import {applyEdit, planFix, planRewrite} from '../src/fix.js'

const guard = (lang: Language, before: string, after: string) => guardRewrite({lang, before, after})

describe('fact guard', () => {
  it('refuses a rewrite that adds a number, amount, date, name or promise', () => {
    const before = 'Our plan has a minimum term.'
    expect(guard('en', before, 'Our plan has a term of 12 months.').problems.join()).toMatch(/number: 12/)
    expect(guard('en', before, 'Our plan costs €5.').problems.join()).toMatch(/amount/)
    expect(guard('en', before, 'The offer ends Sunday.').problems.join()).toMatch(/date or time: sunday/)
    expect(guard('en', before, 'Ask Anna in our shop.').problems.join()).toMatch(/name: Anna/)
    expect(guard('en', before, 'You can cancel every month.').problems.join()).toMatch(/promise: cancel/)
    expect(guard('nl', 'Je zit vast aan een jaar.', 'Opzeggen kan altijd, gratis.').problems.join()).toMatch(/promise/)
    expect(guard('nl', 'Je abonnement wordt stilzwijgend verlengd.', 'Je abonnement wordt op 1 maart verlengd.').ok).toBe(false)
  })

  it('refuses a rewrite that drops a merge tag or a link, or holds mask filler', () => {
    expect(guard('en', 'Hi {{first_name}}, we LOVE you!!!', 'Hi, we love you.').problems.join()).toMatch(/drops \{\{first_name\}\}/)
    expect(guard('en', 'Hi *|FNAME|*!!!', 'Hi.').ok).toBe(false)
    expect(guard('en', 'See https://shop.example.com/sale now!!!', 'See now.').ok).toBe(false)
    expect(guard('en', 'See https://shop.example.com/sale now!!!', 'See xxxxxxxxxxxxxxxxxxxx now.').problems).toContain('contains mask filler')
  })

  it('refuses a switch between u and je in Dutch', () => {
    expect(guard('nl', 'Nee, ik wil uw korting niet.', 'Nee, je korting hoeft niet.').problems.join()).toMatch(/u to je/)
    expect(guard('nl', 'Nee, ik hou niet van korting.', 'Nee, bedankt.').ok).toBe(true)
  })

  it('lets wording change when the facts stay: calmer, shorter, reordered', () => {
    expect(guard('en', 'We are SO EXCITED to see you on Saturday at 10!!!', 'We are excited to see you on Saturday at 10.').ok).toBe(true)
    expect(guard('en', 'Hurry! 20% off every jacket until Sunday.', '20% off every jacket until Sunday.').ok).toBe(true)
    expect(guard('en', 'Only today: 20% off every jacket, ends tonight.', '20% off every jacket, ends tonight.').ok).toBe(true)
  })

  it('refuses a fix that drops a figure, the only time limit, or leaves debris behind', () => {
    expect(guard('en', 'Only today: 20% off every jacket.', '20% off every jacket.').problems).toEqual(['drops the time limit: today'])
    expect(guard('nl', 'Nog 3 over: bestel nu.', 'Bestel nu.').ok).toBe(false)
    expect(guard('en', 'No thanks, I prefer paying full price.', 'No thanks, .').problems).toEqual(['leaves stray punctuation'])
    expect(guard('en', '[Skip, I like boring emails]', '[Skip').problems).toEqual(['leaves an unbalanced []'])
    expect(guard('nl', 'Superduper mega blij met jullie nieuwe lamp!', 'Blij met jullie nieuwe lamp!').ok).toBe(true)
  })

  // A small deterministic generator: sentences with facts, and one fact added.
  const subjects = ['Our plan', 'The kettle', 'Your box', 'This offer', 'The course', 'Het pakket', 'Je abonnement', 'Uw bestelling']
  const middles = ['is ready', 'ships soon', 'has a term', 'comes in blue', 'is here', 'staat klaar', 'loopt door', 'is onderweg']
  const extras = ['', ' for {{first_name}}', ' at https://example.com/a', ' in Utrecht', ' for 3 weeks', ' with *|FNAME|*']
  const added: Array<[string, RegExp]> = [
    [' on Friday', /date or time/], [' for €20', /amount|number/], [' until 2031', /number/], [' with a refund', /promise/],
    [' and you can cancel', /promise/], [' from Marieke', /name/], [' in 12 days', /number/], [' gratis', /promise/]
  ]
  let seed = 7
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n
  }

  it('by property: adding any fact to any of 3000 generated sentences is refused; keeping them is not', () => {
    for (let round = 0; round < 3000; round++) {
      const before = `${subjects[next(subjects.length)]} ${middles[next(middles.length)]}${extras[next(extras.length)]}.`
      const lang: Language = /Het|Je|Uw|staat|loopt|onderweg/.test(before) ? 'nl' : 'en'
      const [fact, why] = added[next(added.length)]
      const after = before.replace(/\.$/, fact + '.')
      const verdict = guard(lang, before, after)
      expect(verdict.ok, `${before} → ${after}`).toBe(false)
      expect(verdict.problems.join(), `${before} → ${after}`).toMatch(why)
      expect(guard(lang, before, before.replace(/\.$/, '!')).ok, before).toBe(true)
      const dropped = before.replace(/\{\{first_name\}\}|https:\/\/example\.com\/a|\*\|FNAME\|\*/, '')
      if (dropped !== before) expect(guard(lang, before, dropped).ok, before).toBe(false)
    }
  })
})

describe('every rule example with each of its rewrites', () => {
  const rules = loadRules().rules
  for (const rule of rules) {
    for (const lang of rule.languages) {
      for (const sentence of rule.examples[lang]!.incorrect) {
        it(`${rule.id} (${lang}): ${sentence}`, async () => {
          const file = await check(sentence, {lang, format: 'text', spell: false})
          for (const message of file.messages.filter((item) => item.ruleId === rule.id)) {
            const offset = message.place && 'start' in message.place ? message.place.start.offset! : 0
            const endOffset = message.place && 'end' in message.place ? message.place.end.offset! : offset
            for (const fix of message.expected ?? []) {
              const after = applyEdit(sentence, planFix(sentence, {offset, endOffset}, fix))
              expect(guard(lang, sentence, after).problems, after).toEqual([])
              // The fix takes the finding away (ESLint's rule tests assert the output after the fix).
              const again = await check(after, {lang, format: 'text', spell: false})
              expect(again.messages.map((item) => `${item.ruleId} ${item.actual}`), after).not.toContain(`${rule.id} ${message.actual}`)
              if (lang === 'nl' && !/\b(je|jij|jouw|jullie)\b/i.test(sentence)) expect(after, 'u-form stays u-form').not.toMatch(/\b(je|jij|jouw)\b/i)
              if (lang === 'nl' && !/\b(u|uw)\b/i.test(sentence)) expect(after, 'je-form stays je-form').not.toMatch(/\b(u|uw)\b/i)
            }
            const place = message.sentencePlace
            for (const suggestion of message.suggestions ?? []) {
              const after = applyEdit(sentence, planRewrite(sentence, {offset: place!.start.offset!, endOffset: place!.end.offset!}, suggestion.text))
              expect(guard(lang, sentence, after).problems, after).toEqual([])
            }
            expect(message.expected?.length || message.note, `${rule.id}: a fix or advice`).toBeTruthy()
          }
        })
      }
    }
  }
})

describe('fixes in context', () => {
  const fixOf = async (text: string, lang: Language, ruleId: string) => {
    const file = await check(text, {lang, format: 'text', spell: false})
    // The rule's finding, or the one finding of its span that names it in `also`.
    const message = file.messages.find((item) => item.ruleId === ruleId) ?? file.messages.find((item) => item.also?.includes(ruleId))
    expect(message, JSON.stringify(file.messages.map((item) => item.ruleId))).toBeDefined()
    return message!
  }

  it('calms shouting as a sentence, keeping acronyms, keywords, codes, brands and words in capitals elsewhere', async () => {
    expect((await fixOf('We LOVE our new SMS alerts!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['We love our new SMS alerts.'])
    expect((await fixOf('THANK YOU SO MUCH, reply STOP to opt out!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['Thank you so much, reply STOP to opt out.'])
    expect((await fixOf('WE ARE SO HAPPY: use code WINTER24 today!!!', 'en', 'over-the-top/shouting')).expected[0]).toContain('code WINTER24')
    expect((await fixOf('WE LOVE PAYPAL AND ALIEXPRESS!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['We love PayPal and AliExpress.'])
    const elsewhere = await fixOf('Our ACME kettle is here. We LOVE THE ACME KETTLE!!!', 'en', 'over-the-top/shouting')
    expect(elsewhere.expected[0]).toBe('We love the ACME kettle.')
    expect((await fixOf('WIJ ZIJN ZO BLIJ MET JULLIE!!!', 'nl', 'over-the-top/shouting')).expected).toEqual(['Wij zijn blij met jullie.'])
    // Ordinary words stay ordinary however often the text shouts them; an ellipsis and an article stay whole.
    expect((await fixOf('TRY IT AND YOU WILL BE AMAZED!!! Try IT today, it is FREE.', 'en', 'over-the-top/shouting')).expected).toEqual(['Try it and you will be amazed.'])
    expect((await fixOf('It is a REAL treat... we LOVE it!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['It is a real treat... we love it.'])
    expect((await fixOf('OUR US TEAM LOVES YOU!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['Our US team loves you.'])
  })

  it('keeps merge tags and links as written in a fix, never mask filler', async () => {
    const message = await fixOf('We LOVE you {{first_name}}, see https://shop.example.com/new!!!', 'en', 'over-the-top/shouting')
    expect(message.expected[0]).toContain('{{first_name}}')
    expect(message.expected[0]).toContain('https://shop.example.com/new')
    expect(message.expected[0]).not.toMatch(/xxxxx/)
    // A merge tag or a link first in the sentence stays as written; the first word takes the capital.
    expect((await fixOf('{email} WE LOVE YOU!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['{email} We love you.'])
    expect((await fixOf('[{shop_url}] Hi, WE LOVE YOU!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['[{shop_url}] Hi, we love you.'])
    expect((await fixOf('https://shop.example.com WE LOVE YOU!!!', 'en', 'over-the-top/shouting')).expected).toEqual(['https://shop.example.com We love you.'])
  })

  it('keeps acronyms, the country US, times and names when it calms a sentence set in capitals', async () => {
    const calm = async (text: string) => (await fixOf(text, 'en', 'over-the-top/shouting')).expected
    expect(await calm('WE ARE SO HAPPY TO SHIP TO ALL US CUSTOMERS!!!')).toEqual(['We are happy to ship to all US customers.'])
    expect(await calm('WE LOVE SHIPPING TO THE US AND CANADA!!!')).toEqual(['We love shipping to the US and Canada.'])
    expect(await calm('We are SO happy to serve US and EU shoppers!!!')).toEqual(['We are happy to serve US and EU shoppers.'])
    expect(await calm('COME SEE US, WE ARE SO EXCITED!!!')).toEqual(['Come see us, we are excited.'])
    expect(await calm('JOIN US AND SAVE BIG, WE LOVE YOU!!!')).toEqual(['Join us and save big, we love you.'])
    expect(await calm('WE ARE THRILLED WITH OUR NEW UPS DELIVERY!!!')).toEqual(['We are thrilled with our new UPS delivery.'])
    expect(await calm('GREAT NEWS FROM THE FDA, WE ARE THRILLED!!!')).toEqual(['Great news from the FDA, we are thrilled.'])
    expect(await calm('WE ARE SO HAPPY TO OPEN AT 9 AM!!!')).toEqual(['We are happy to open at 9 AM.'])
    // An acronym that is also a lower-case word in the dictionary is read as the word (IT).
    expect(await calm('IT IS SO AMAZING TO SEE YOU!!!')).toEqual(['It is amazing to see you.'])
  })

  it('cuts a gush stack to a word of praise, never to an intensifier', async () => {
    expect((await fixOf('SUPER MEGA GAAF!!!', 'nl', 'over-the-top/gush')).expected).toEqual(['Gaaf'])
    expect((await fixOf('We are beyond thrilled and totally overjoyed to welcome you.', 'en', 'over-the-top/gush')).expected).toEqual(['thrilled'])
  })

  it('gives no fix where none keeps the facts: a lock-in gets advice with placeholders', async () => {
    const message = await fixOf('Your plan has a minimum term of 12 months.', 'en', 'coercion/minimum-term')
    expect(message.expected).toEqual([])
    expect(message.note).toMatch(/\[term\]/)
    const dutch = await fixOf('Je abonnement wordt stilzwijgend verlengd.', 'nl', 'coercion/auto-renewal')
    expect(dutch.expected).toEqual([])
    expect(dutch.note).toMatch(/Bijvoorbeeld: .*\[datum\]/)
  })

  it('puts the plain no in place of a shaming opt-out without doubling it', async () => {
    const after = async (text: string, lang: Language, ruleId: string) => {
      const message = await fixOf(text, lang, ruleId)
      const offset = message.place && 'start' in message.place ? message.place.start.offset! : 0
      const endOffset = message.place && 'end' in message.place ? message.place.end.offset! : 0
      return applyEdit(text, planFix(text, {offset, endOffset}, message.expected[0]))
    }
    expect(await after('No thanks, I don\'t care about my health.', 'en', 'coercion/confirmshaming-no-benefit')).toBe('No thanks.')
    expect(await after('No, I don\'t like saving money.', 'en', 'coercion/confirmshaming-no-benefit')).toBe('No thanks.')
    expect(await after('Nee, ik hou niet van korting.', 'nl', 'coercion/confirmshaming-no-benefit')).toBe('Nee, bedankt.')
    // A plain-text opt-out line that ends in its link keeps the link.
    expect(await after("No thanks, I'd rather pay more: https://shop.example/leave", 'en', 'coercion/confirmshaming-decline')).toBe('No thanks: https://shop.example/leave')
  })
})

describe('file-level advice reads what the copy does', () => {
  const adviceFor = async (text: string, lang: Language) => (await check(text, {lang, format: 'text', spell: false})).data.trouw!.suggestions ?? []

  it('does not tell a mail that thanks the reader to thank them', async () => {
    const advice = await adviceFor('Thanks for your order, Sam. Our legendary, unrivalled, one-of-a-kind pizza oven is here. Enjoy your evening!', 'en')
    expect(advice.join(' ')).not.toMatch(/thank them/i)
    const dutch = await adviceFor('Bedankt voor je bestelling. Onze legendarische, weergaloze pizzaoven is er.', 'nl')
    expect(dutch.join(' ')).not.toMatch(/een bedankje|bedank de lezer\b/)
  })

  it('does not talk about cancelling to copy without a contract', async () => {
    for (const [text, lang] of [
      ['Our bakery has fresh rye bread on Saturday. Only today: 20% off every cake!', 'en'],
      ['Thanks for your order, Sam. Our legendary, unrivalled, one-of-a-kind pizza oven is here. Enjoy your evening!', 'en'],
      ['Onze bakkerij heeft zaterdag vers roggebrood. Alleen vandaag: 20% korting op alle taarten!', 'nl']
    ] as const) {
      const advice = (await adviceFor(text, lang)).join(' ')
      expect(advice, text).not.toMatch(/cancel|opzeg|stoppen kan/i)
    }
  })

  it('does talk about how to stop to copy with a contract', async () => {
    const advice = (await adviceFor('Your plan has a minimum term of 12 months and renews automatically.', 'en')).join(' ')
    expect(advice).toMatch(/reason to stay|stop/i)
  })
})

describe('the JSON report carries each fix and suggestion as an edit of the source (what the playground applies)', () => {
  it('gives edits that, applied as given, fix the copy; advice-only findings give none', async () => {
    const {toJsonFile} = await import('../src/index.js')
    const copy = 'Order today or lose your loyalty points forever!\n\nWe are absolutely, incredibly, insanely thrilled to have you!!!\n'
    const report = toJsonFile(await check(copy, {lang: 'en', format: 'text', spell: false}))
    const shouting = report.messages.find((message) => message.ruleId === 'over-the-top/shouting')!
    const edit = shouting.edits!.find((item) => item.kind === 'fix')!
    expect(edit.title).toBe('Use “We are thrilled to have you.”')
    expect(copy.slice(0, edit.start) + edit.insert + copy.slice(edit.end)).toBe('Order today or lose your loyalty points forever!\n\nWe are thrilled to have you.\n')
    for (const message of report.messages.filter((item) => item.category === 'coercion')) {
      expect(message.expected, message.ruleId).toEqual([])
      expect(message.edits ?? [], message.ruleId).toEqual([])
      expect(message.note, message.ruleId).toBeTruthy()
    }
    const gush = report.messages.find((message) => message.ruleId === 'over-the-top/gush')!
    expect(gush.edits![0]).toMatchObject({kind: 'fix', insert: 'thrilled'})
  })

  it('escapes a fix for HTML, so applying the edit gives the calm sentence in the markup', async () => {
    const {toJsonFile} = await import('../src/index.js')
    const html = '<p>We LOVE our shop &amp; you!!!</p>'
    const report = toJsonFile(await check(html, {lang: 'en', format: 'html', spell: false}))
    const edit = report.messages.find((message) => message.ruleId === 'over-the-top/shouting')!.edits![0]
    expect(html.slice(0, edit.start) + edit.insert + html.slice(edit.end)).toBe('<p>We love our shop &amp; you.</p>')
  })
})
