/**
 * The ESP score reads its evidence in context: only the sender's own prose
 * counts (a footer, a quote, a heading, a sentence about the mail itself
 * neither raise nor lower a component), word-list hits read in their sense,
 * names by position and case, numbers only where they measure, a detail once,
 * specs saturate, restraint by the share of hype, and a confidence that grows
 * with the prose. Every test sentence here is written for this file.
 */
import {describe, expect, it} from 'vitest'
import {check, checkExtracted, extract, textReport, toJsonFile, type BlockRole, type Language} from '../src/index.js'
import {collectEvidence, scoreEvidence, type EvidenceItem} from '../src/score/index.js'
import {isFooterText} from '../src/formats/roles.js'
import type {Scores, SentenceFigures} from '../src/types.js'

async function figuresOf(text: string, lang: Language = 'en') {
  const file = await check(text, {lang, format: 'text', spell: false})
  return file.data.trouw!
}

/** The positive signals of a text, as `component:text` strings, read in the pipeline (no role: paragraph). */
async function hits(text: string, lang: Language = 'en'): Promise<string[]> {
  const data = await figuresOf(text, lang)
  return data.sentences.flatMap((sentence) =>
    sentence.signals.filter((signal) => signal.weight > 0).map((signal) => `${signal.component}:${sentence.text.slice(signal.start - sentence.start, signal.end - sentence.start)}`)
  )
}

/** Check plain-text paragraphs (blank line between) with a role per paragraph, as the format layer sets them. */
async function scoresWithRoles(paragraphs: ReadonlyArray<readonly [string, BlockRole]>, lang: Language = 'en') {
  const extracted = await extract(paragraphs.map(([text]) => text).join('\n\n'), {format: 'text'})
  expect(extracted.blocks).toHaveLength(paragraphs.length)
  extracted.blocks.forEach((block, index) => (block.role = paragraphs[index][1]))
  const file = await checkExtracted(extracted, {lang, spell: false})
  return file.data.trouw!
}

const body = [
  'Hi Maren, the walnut desk you ordered left our workshop in Deventer this morning.',
  'Our carpenter oiled it twice, so it may smell of linseed for a week.',
  'If anything arrived scratched, reply to this email and we will fix it.'
].join(' ')

describe('only the sender\'s prose counts', () => {
  it('leaves a footer, a quote and a heading out: the same score with or without them', async () => {
    const alone = await scoresWithRoles([[body, 'paragraph']])
    const dressed = await scoresWithRoles([
      ['Thank you, from the whole workshop', 'heading'],
      [body, 'paragraph'],
      ['"The desk fits the attic, thank you," wrote Joost from Zwolle.', 'quote'],
      ['Thanks for reading! You can unsubscribe at any time, no questions asked. Reply to write us. Studio Hout, Kade 12, 7411 AB Deventer.', 'footer']
    ])
    expect(dressed.scores).toEqual(alone.scores)
    expect(dressed.scoreConfidence).toBe(alone.scoreConfidence)
  })

  it('puts aside a sentence about the mail itself, wherever it stands', async () => {
    const data = await figuresOf(`${body} You received this email because you bought from us; to be removed from our mailing list, reply with REMOVE.`)
    const aside = data.sentences.filter((sentence) => sentence.aside)
    expect(aside).toHaveLength(1)
    expect(aside[0].signals).toEqual([])
    expect(data.scores).toEqual((await figuresOf(body)).scores)
  })

  it('asks the format layer\'s footer cue what footer wording is: a legal line inside the prose is aside too', async () => {
    const legal = ['© 2026 Studio Hout, with thanks to every carpenter in the workshop.', 'Prices are subject to change, so enjoy the walnut while it lasts.', 'You must be 18 or older to join the tasting in Deventer.']
    for (const line of legal) {
      // The same decision for a line (format layer) and for a sentence in the prose (score).
      expect(isFooterText(line)).toBe(true)
      const data = await figuresOf(`${body} ${line}`)
      expect(data.sentences.at(-1)!.aside).toBe('footer wording')
      expect(data.scores).toEqual((await figuresOf(body)).scores)
    }
  })

  it('does not take the reader\'s opt-out voice for freedom', async () => {
    expect(await hits('If you wish to stop receiving these messages, write to us.')).toEqual([])
    expect(await hits('Opt out of future offers by replying STOP.')).toEqual([])
  })

  it('still counts a finding in a footer: a coercive footer is still coercion', async () => {
    const plain = await scoresWithRoles([[body, 'paragraph'], ['Studio Hout, Kade 12, Deventer.', 'footer']])
    const coercive = await scoresWithRoles([[body, 'paragraph'], ['Cancel and you lose every discount you ever had.', 'footer']])
    expect(coercive.scores.freedom).toBeLessThan(plain.scores.freedom)
  })
})

describe('word lists read in context', () => {
  it('does not count quantity, discourse and sales words as kind words', async () => {
    const warmth = (await hits('Sure, you get more of it, like the right size. SAVE on your first order.')).filter((hit) => hit.startsWith('warmth'))
    expect(warmth).toEqual([])
    // A calm kind word aimed at the reader still counts.
    expect(await hits('Your garden looks peaceful in the evening light.')).toContain('warmth:peaceful')
  })

  it('does not count a hungry reader as a kind word, nor children in general as someone in the reader\'s life (nl, en)', async () => {
    expect(await hits('Ben je hongerig na het sporten?', 'nl')).toEqual([])
    expect(await hits('Kinderen mogen gratis mee naar binnen.', 'nl')).not.toContain('distinctiveness:Kinderen')
    expect((await hits('Children love the slide in the park.')).filter((hit) => hit.startsWith('distinctiveness'))).toEqual([])
    expect(await hits('Your two children will love the slide.')).toContain('distinctiveness:Your two children')
    expect(await hits('Neem je dochter mee.', 'nl')).toContain('distinctiveness:je dochter')
  })

  it('reads "ik kijk" as looking, and looking into it for the reader as helping (nl)', async () => {
    expect((await hits('Ik kijk graag naar de wolken.', 'nl')).filter((hit) => hit.startsWith('reciprocity:Ik kijk'))).toEqual([])
    expect(await hits('We kijken het voor je na.', 'nl')).toContain('reciprocity:We kijken het voor je na')
  })

  it('reads "email" as the sender listening only when it is a verb with us or me', async () => {
    expect((await hits('Your email address stays with us and our email software never shares it.')).filter((hit) => hit.startsWith('reciprocity'))).toEqual([])
    expect(await hits('Email us when the parcel is late.')).toContain('reciprocity:Email us')
  })

  it('reads the sender helping only with the verb right after the sender, not a noun, help asked of the reader or the US', async () => {
    const recip = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('reciprocity'))
    expect(await recip('I got this email address from a directory.')).toEqual([])
    expect(await recip('We look forward to your order.')).toEqual([])
    expect(await recip('I seek your help to move the funds.')).toEqual([])
    expect(await recip('US residents should check the local rules.')).toEqual([])
    expect(await recip('We can save you up to 70% on ink.')).toEqual([])
    expect(await recip('We will gladly repair the hinge.')).toEqual(['reciprocity:We will gladly repair'])
    expect(await recip("We'll look into it and ring you back.")).toEqual(["reciprocity:We'll look into"])
    expect(await recip("We'll save you a seat at the front.")).toEqual(["reciprocity:We'll save you a"])
  })

  it('tells the sender helping from a product that "helps you"', async () => {
    expect((await hits('This powder helps you lose weight overnight.')).filter((hit) => hit.startsWith('reciprocity'))).toEqual([])
    expect(await hits('We can help with the assembly.')).toContain('reciprocity:We can help')
  })

  it('leaves the choice only where "if you want" ends its clause, not where it opens a sales condition', async () => {
    expect((await hits('If you want to earn a fortune from home, read on.')).filter((hit) => hit.startsWith('freedom'))).toEqual([])
    expect(await hits('Skip a week, if you want.')).toContain('freedom:if you want')
    expect(await hits('Sla een week over als je wilt.', 'nl')).toContain('freedom:als je wilt')
  })

  it('leaves the choice with "whether or not you" and "if you\'d like it,", not with a condition that shames', async () => {
    expect(await hits('Members keep their locker whether or not they renew, and so do you whether or not you renew.')).toContain('freedom:whether or not you')
    expect(await hits('Gift wrap is optional. If you\'d like it, it costs £2 and we tie it with string.')).toContain('freedom:If you\'d like')
    expect((await hits('Skip the warranty? Only if you enjoy paying for repairs twice.')).filter((hit) => hit.startsWith('freedom'))).toEqual([])
    expect((await hits('Zonder garantie? Alleen als je graag twee keer voor een reparatie betaalt.', 'nl')).filter((hit) => hit.startsWith('freedom'))).toEqual([])
    expect(await hits('Je houdt je kluisje, of je nu wel of niet verlengt.', 'nl')).toContain('freedom:of je nu wel of niet')
  })

  it('reads "mis je" as the sender missing the reader, not as the reader missing out (nl)', async () => {
    expect(await hits('We missen je op de dinsdagavond.', 'nl')).toContain('warmth:We missen je')
    expect((await hits('Zet je de meldingen uit, dan mis je straks elke uitslag.', 'nl')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
  })

  it('does not read a refusal with "niets" after the verb as helping (nl)', async () => {
    expect((await hits('Met die klacht kunnen wij verder niets.', 'nl')).filter((hit) => hit.startsWith('reciprocity'))).toEqual([])
    expect(await hits('Met die klacht kunnen wij je verder helpen.', 'nl')).toContain('reciprocity:kunnen wij')
  })

  it('reads a greeting only where it opens its clause ("Dag Els,"), not "elke dag" or "de beste prijs"', async () => {
    expect(await hits('Dag Els, je tafel is klaar.', 'nl')).toContain('warmth:Dag')
    expect((await hits('De bakker staat elke dag om vier uur op.', 'nl')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
    expect(await hits('Hi Ruth, the lamp is packed.')).toContain('warmth:Hi')
  })

  it('reads a greeting as warmth only where it greets someone by name, not a bare "Hello," or an e-mail address', async () => {
    const greets = async (text: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith('warmth'))
    expect(await greets('Hello, the new timetable is out.')).toEqual([])
    expect(await greets('Dear jdoe42 , the new timetable is out.')).toEqual([])
    expect(await greets('Dear {email}, the new timetable is out.')).toEqual([])
    expect(await greets('Hi there, the new timetable is out.')).toEqual([])
    expect(await greets('Dear Candidate, the new timetable is out.')).toEqual([])
    expect(await greets('Hi {first_name}, the new timetable is out.')).toEqual(['warmth:Hi'])
    expect(await greets('Dear Anouk, the new timetable is out.')).toEqual(['warmth:Dear'])
    expect(await greets('Hallo, de nieuwe dienstregeling is uit.', 'nl')).toEqual([])
    expect(await greets('Hoi {voornaam}, de nieuwe dienstregeling is uit.', 'nl')).toEqual(['warmth:Hoi'])
    expect(await greets('Hoi {{voornaam}}, de nieuwe dienstregeling is uit.', 'nl')).toEqual(['warmth:Hoi'])
  })

  it('counts an apology and a remedy the sender already made, not a feeling blown up', async () => {
    expect(await hits('We are sorry the van came late. We have refunded the delivery fee.')).toEqual(expect.arrayContaining(['warmth:sorry', 'reciprocity:We have refunded']))
    expect(await hits('Sorry dat de bus te laat was. We hebben de bezorgkosten teruggestort.', 'nl')).toEqual(expect.arrayContaining(['warmth:Sorry', 'reciprocity:We hebben de bezorgkosten teruggestort']))
    expect(await hits('We zijn blij dat je er bent.', 'nl')).toContain('warmth:blij dat')
    expect((await hits('We zijn ontzettend blij dat je er bent!', 'nl')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
    expect((await hits('We are incredibly happy you joined.')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
  })

  it('counts someone in the reader\'s life with a possessive ("your son\'s bike")', async () => {
    expect(await hits('The saddle on your son\'s bike is new.')).toContain('distinctiveness:your son\'s')
  })

  it('does not take a discount for a measure, nor a bare "gratis" in a price list for a gift', async () => {
    const details = async (text: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith('distinctiveness'))
    expect(await details('Lamps: 20% off, and save 15% more.')).toEqual([])
    expect(await details('The lamp is 40 cm tall.')).toEqual(['distinctiveness:40'])
    expect((await hits('Nu 25% korting en gratis parkeren.', 'nl')).filter((hit) => !hit.startsWith('freedom'))).toEqual([])
    expect(await hits('De gratis zaterdagkrant blijft komen.', 'nl')).toContain('reciprocity:De gratis')
  })

  it('lowers warmth a little for a form letter that greets a stranger as a category, not for a greeting to the relationship', async () => {
    const warmthOf = async (text: string, lang: Language = 'en') =>
      (await figuresOf(text, lang)).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'warmth').map((signal) => [signal.weight, signal.why]))
    const form = [[-0.5, 'a form-letter greeting to a stranger, not a person']]
    expect(await warmthOf('Dear Friend, are you looking for a second income?')).toEqual(form)
    expect(await warmthOf('Dear Sir or Madam, I write with a proposal.')).toEqual(form)
    expect(await warmthOf('Dear Grant Seeker, in a moment I will tell you where the money is.')).toEqual(form)
    expect(await warmthOf('Dear Customer, your parcel is on its way.')).toEqual([])
    expect(await warmthOf('Dear Readers, it was a slow week in the shop.')).toEqual([])
    expect(await warmthOf('Geachte heer/mevrouw, hierbij ontvangt u de folder.', 'nl')).toEqual([[-0.5, 'een standaardgroet aan een onbekende, niet aan een mens']])
    expect(await warmthOf('Beste klant, je pakket is onderweg.', 'nl')).toEqual([])
    // The role a greeting greets is no name either.
    const names = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('distinctiveness'))
    expect(await names('Dear Customer, your parcel is on its way.')).toEqual([])
    expect(await names('Hi Everyone, a short note today.')).toEqual([])
    expect(await names('Hi Marit, your bench is ready.')).toEqual(['distinctiveness:Marit'])
  })

  it('does not greet a role as the reader, nor count thanks for reading the mail or a formula apology', async () => {
    expect((await hits('Dear Valued Customer, our catalogue is out.')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
    expect(await hits('Dear Ilse, your catalogue is out.')).toContain('warmth:Dear')
    expect(await hits('Beste relatie, de catalogus is uit.', 'nl')).toEqual([])
    expect(await hits('Thank you for your time and consideration.')).toEqual([])
    expect(await hits('Bedankt voor je aandacht.', 'nl')).toEqual([])
    expect(await hits('We apologize for any inconvenience.')).toEqual([])
    expect(await hits('Thank you for waiting so long for the chairs.')).toContain('warmth:Thank')
    // The same formulas with a word in between, thanks that close a removal notice, and relief.
    expect(await hits('Thanks for your kind attention.')).toEqual([])
    expect(await hits('We thank you for a moment of your time.')).toEqual([])
    expect(await hits('Thank you, and we apologise for any inconvenience.')).toEqual([])
    expect(await hits('Thank goodness the rain stopped.')).toEqual([])
    // An apology for the mail itself is no apology to the reader; one for a late parcel is.
    expect(await hits('We apologize if this message was intrusive.')).toEqual([])
    expect(await hits('Sorry to disturb you with this offer.')).toEqual([])
    expect(await hits('Excuses als deze mail ongewenst is.', 'nl')).toEqual([])
    expect(await hits('Sorry that your parcel came a week late.')).toContain('warmth:Sorry')
    expect(await hits('Thank you for your patience with the broken lift, and sorry for the stairs.')).toContain('warmth:Thank')
  })

  it('frees the reader with a refund or "no obligation" only where it says how to leave', async () => {
    const freedom = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('freedom'))
    expect(await freedom('Every pack carries a money back guarantee.')).toEqual([])
    expect(await freedom('Ask for a free, no obligation quote.')).toEqual([])
    expect(await freedom('Return it within 30 days for your money back.')).not.toEqual([])
    expect(await freedom('There is no obligation: cancel the plan whenever you move.')).not.toEqual([])
  })

  it('leaves the choice with "you decide" or "feel free" only where they free the reader, not for a product\'s option or an invitation', async () => {
    const freedom = async (text: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith('freedom'))
    expect(await freedom('Take a course in the field of your choice.')).toEqual([])
    expect(await freedom('Kies een cursus naar keuze.', 'nl')).toEqual([])
    expect(await freedom('If you decide to join, the kit ships on Monday.')).toEqual([])
    expect(await freedom('Feel free to contact us with questions.')).toEqual([])
    expect(await freedom('It is free of charge.')).toEqual([])
    expect(await freedom('Stay or go, the choice is yours. You decide.')).toEqual(['freedom:You decide'])
    expect(await freedom('Feel free to skip a week.')).toEqual(['freedom:Feel free'])
  })

  it('reads "gerust" and "vrijblijvend" as in English: an invitation or a sales quote frees nothing (nl)', async () => {
    const freedom = async (text: string) => (await hits(text, 'nl')).filter((hit) => hit.startsWith('freedom'))
    expect(await freedom('Bel ons gerust als je vragen hebt.')).toEqual([])
    expect(await freedom('Vraag een gratis, vrijblijvende offerte aan.')).toEqual([])
    expect(await freedom('Sla gerust een week over.')).toEqual(['freedom:gerust'])
    expect(await freedom('Je proefmaand is vrijblijvend: opzeggen kan met één klik.')).toContain('freedom:vrijblijvend')
    expect(await hits('We bakten je oma\'s koekjes na.', 'nl')).toContain('distinctiveness:je oma\'s')
  })

  it('reads praise as feature-only copy where the sender praises its own, not in a review', async () => {
    const cold = async (text: string, lang: Language = 'en') => (await figuresOf(text, lang)).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'warmth' && signal.weight < 0))
    expect(await cold('Our kettles are reliable and excellent.')).toHaveLength(1)
    expect(await cold('The new camera from Pentax is excellent in low light.')).toEqual([])
    expect(await cold('De nieuwe camera van Pentax is uitstekend bij weinig licht.', 'nl')).toEqual([])
  })

  it('reads "kind", "care" and "enjoy" in their sense: a sort, a service and a description are no goodwill', async () => {
    const warmth = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('warmth'))
    expect(await warmth('It is kind of like a blind date for you.')).toEqual([])
    expect(await warmth('Never trust an adviser of any kind with your savings.')).toEqual([])
    expect(await warmth('We help you fund long term care for your parents.')).toEqual([])
    expect(await warmth('Poker players who enjoy live games will find you a seat.')).toEqual([])
    expect(await warmth('It was kind of you to write.')).toEqual(['warmth:kind'])
    expect(await warmth('Enjoy!')).toEqual(['warmth:Enjoy'])
    expect(await warmth('Enjoy your new lamp.')).toEqual(['warmth:Enjoy your'])
  })

  it('does not read a request ("I would appreciate a copy") as thanks', async () => {
    expect(await hits('I would greatly appreciate a copy of your brochure.')).toEqual([])
    expect(await hits('We appreciate your patience with the delivery.')).toContain('warmth:appreciate')
  })

  it('does not count what the sender wants or feels about itself as a kind word (hope, kindly, proud, pleased, lucky)', async () => {
    const warmth = async (text: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith('warmth'))
    expect(await warmth('We hope you will order your second box before Friday.')).toEqual([])
    expect(await warmth('Kindly send your bank details to our office.')).toEqual([])
    expect(await warmth('We are proud to offer you our new range of mattresses.')).toEqual([])
    expect(await warmth('You are one of the lucky few to get this offer.')).toEqual([])
    expect(await warmth('Your new mattress is safe and comfortable.')).toEqual([])
    expect(await warmth('Hopelijk verlengt u uw abonnement op tijd.', 'nl')).toEqual([])
    // A hope for the reader is a wish, and a wish still counts.
    expect(await warmth('We hope you feel better soon.')).toEqual(['warmth:hope you feel better'])
    expect(await warmth('Happy birthday, and thank you for the card.')).toContain('warmth:Happy birthday')
    expect(await warmth('It is lovely to see your garden again.')).toEqual(['warmth:lovely'])
  })

  it('frees the reader where leaving is one of the reader\'s options, costs nothing or is the reader\'s call (en)', async () => {
    const freedom = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('freedom'))
    expect(await freedom('We will text you before it restarts, so you can extend or stop.')).toEqual(['freedom:can extend or stop'])
    expect(await freedom('The door stays open if you ever want it.')).toEqual(['freedom:if you ever want'])
    expect(await freedom('If you can, become a member; if not, keep reading.')).toEqual(['freedom:If you can'])
    expect(await freedom('If you cancel, you keep the recipes you saved.')).toEqual(['freedom:you keep'])
    expect(await freedom('A calendar for every member, no conditions.')).toEqual(['freedom:no conditions'])
    // A time to cancel frees, a thing to stop does not; optional for the reader frees, a product's option does not.
    expect(await freedom('You can cancel at any time.')).toEqual(['freedom:can cancel'])
    expect(await freedom('We stop any debt collector from calling.')).toEqual([])
    expect(await freedom('Gift wrap is optional.')).toEqual(['freedom:is optional'])
    expect(await freedom('The optional plug-in scans your mail.')).toEqual([])
    expect(await freedom('It is up to you now!')).toEqual([])
    expect(await freedom('A free report makes your decision easy.')).toEqual([])
    // Keeping something is no freedom where leaving is not in the sentence, and "if you can" opening a clause is no choice.
    expect(await freedom('You keep the change.')).toEqual([])
    expect(await freedom('If you can read this, you need new glasses.')).toEqual([])
  })

  it('frees the reader where leaving is the reader\'s call, and reads help with the verb first (nl)', async () => {
    const of = async (text: string, component: string) => (await hits(text, 'nl')).filter((hit) => hit.startsWith(component))
    expect(await of('Stoppen of minderen kan altijd met één mailtje.', 'freedom')).toEqual(['freedom:Stoppen of minderen kan altijd'])
    expect(await of('Ook als u daarna opzegt, lezen we uw brief.', 'freedom')).toEqual(['freedom:Ook als u daarna opzegt'])
    expect(await of('Wilt u eerder stoppen, dan zeggen we vooraf wat dat kost.', 'freedom')).toEqual(['freedom:Wilt u eerder stoppen'])
    expect(await of('Kun je het missen, word dan lid.', 'freedom')).toEqual(['freedom:Kun je het missen'])
    expect(await of('Als je stopt, houd je al je foto\'s.', 'freedom')).toEqual(['freedom:houd je'])
    expect(await of('Een kalender voor elk lid, zonder voorwaarden.', 'freedom')).toEqual(['freedom:zonder voorwaarden'])
    expect(await of('Houd je van koken?', 'freedom')).toEqual([])
    expect(await of('Kiest u een ander energiebedrijf, dan helpen we u met de overstap.', 'reciprocity')).toEqual(['reciprocity:helpen we'])
  })

  it('leaves the choice with "unless you ask" and what the reader need not take, also after a negation (en, nl)', async () => {
    const of = async (text: string, component: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith(component))
    expect(await of('Your plan is closed now, and we will not write again unless you ask.', 'freedom')).toEqual(['freedom:unless you ask'])
    expect(await of('The travel cover is not required for this trip.', 'freedom')).toEqual(['freedom:is not required'])
    expect(await of('A passport is required for this trip.', 'freedom')).toEqual([])
    expect(await of('Er verandert niets aan je rekening, tenzij jij dat wilt.', 'freedom', 'nl')).toEqual(['freedom:tenzij jij dat wilt'])
    expect(await of('De reisverzekering is niet verplicht.', 'freedom', 'nl')).toEqual(['freedom:niet verplicht'])
    // Keeping what the reader has counts where the copy lets it lapse or turns it off.
    expect(await of('Keep the plan or let it lapse; either way your notes stay yours.', 'freedom')).toEqual(['freedom:stay yours'])
    expect(await of('Zet de tips hier uit; je scores blijven gewoon bewaard.', 'freedom', 'nl')).toEqual(['freedom:blijven gewoon bewaard'])
  })

  it('reads a fee the sender drops or something left open to the reader as giving, and counting on the reader as no help (en, nl)', async () => {
    const of = async (text: string, lang: Language = 'en') => (await hits(text, lang)).filter((hit) => hit.startsWith('reciprocity'))
    expect(await of('The recipe archive stays open to you until June.')).toEqual(['reciprocity:stays open to you'])
    expect(await of('Als dank betaalt u in maart geen abonnementsgeld.', 'nl')).toEqual(expect.arrayContaining(['reciprocity:betaalt u in maart geen']))
    expect(await of('De schoonmaakkosten laten we vallen.', 'nl')).toEqual(['reciprocity:laten we vallen'])
    expect(await of('We rekenen erop dat u nog jaren blijft.', 'nl')).toEqual([])
    // Appreciating a category of people is no thanks for what this reader did.
    expect((await hits('We really appreciate loyal customers like you.')).filter((hit) => hit.startsWith('warmth'))).toEqual([])
  })

  it('does not take a gift on condition for giving, nor "no cost" without leaving for freedom', async () => {
    expect((await hits('Order today and get a free gift with every purchase.')).filter((hit) => hit.startsWith('reciprocity'))).toEqual([])
    expect(await hits('There is a gift from the workshop in the box.')).toContain('reciprocity:gift')
    expect((await hits('There is no cost to you for this report.')).filter((hit) => hit.startsWith('freedom'))).toEqual([])
    expect(await hits('Return it within a month at no cost.')).toContain('freedom:no cost')
  })
})

describe('hype and pressure read in context', () => {
  const restraintOf = async (text: string) => (await figuresOf(text)).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'restraint').map((signal) => signal.why))

  it('takes acronyms in capitals for names, and capitals on a word of feeling or value for shouting', async () => {
    expect(await restraintOf('The NYSE and the HTML spec changed this week.')).toEqual([])
    expect(await restraintOf('Get your tickets, they are FREE this week.')).toHaveLength(1)
  })

  it('reads an exclamation as light hype, but not in a greeting, thanks or wish', async () => {
    expect(await restraintOf('Lower your monthly payment!')).toEqual(['an exclamation'])
    expect(await restraintOf('Thanks for waiting, Ilse!')).toEqual([])
    expect(await restraintOf('Our rates are simply incredible.')).toEqual(['a loud word of praise'])
  })

  it('counts exclamations as hype only where the prose keeps exclaiming', async () => {
    expect((await figuresOf(`${body} See you soon, the bench is worth the wait!`)).scores.restraint).toBe(100)
    const shouty = await figuresOf('Lower your payment! Cut your debt! Shorten your loan! Apply in one minute.')
    expect(shouty.scores.restraint).toBeLessThan(90)
    // In a one- or two-sentence copy (a subject line, a push text) the exclamation is the tone.
    expect((await figuresOf('The new stools are in the shop!')).scores.restraint).toBeLessThan(100)
    expect((await figuresOf('The new stools are in the shop.')).scores.restraint).toBe(100)
  })

  it('does not read a word of another sense or a calm description as a loud word of praise', async () => {
    expect(await restraintOf('The cover runs until the day you fly home.')).toEqual([])
    expect(await restraintOf('An experienced fitter and last year\'s winner of the town prize will call.')).toEqual([])
    expect((await figuresOf('Welkom bij de club, het wordt vast gezellig.', 'nl')).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'restraint'))).toEqual([])
    expect(await restraintOf('Our service is simply phenomenal.')).toEqual(['a loud word of praise'])
  })

  it('counts no positive signal in a sentence that pushes to act at once, and lets a stray exclamation taint nothing', async () => {
    const pushed = await figuresOf('Order now: we will send a free gift and you can cancel any month.')
    expect(pushed.evidence.filter((item) => item.delta > 0)).toEqual([])
    const stray = await figuresOf(`${body} Your bench leaves the workshop on Thursday!`)
    expect(stray.evidence.some((item) => item.text === 'Thursday')).toBe(true)
  })

  it('reads a promise of money to the reader as hype, not a purchase or a bank\'s cash', async () => {
    expect(await restraintOf('Make money from your kitchen table with our system.')).toEqual(['promises the reader money'])
    expect(await restraintOf('Build an extra income in your spare hours.')).toEqual(['promises the reader money'])
    expect(await restraintOf('Customers can make purchases or cash withdrawals until May.')).toEqual([])
    expect((await figuresOf('Verdien duizenden euro per maand vanuit huis.', 'nl')).scores.restraint).toBeLessThan(100)
  })

  it('reads an absolute promise as hype, but not a money-back guarantee or a material', async () => {
    expect(await restraintOf('Results guaranteed within a month.')).toEqual(['an absolute promise'])
    expect(await restraintOf('Try the course absolutely free of charge.')).toEqual(['an absolute promise'])
    expect(await restraintOf('A proven system for your spare hours.')).toEqual(['an absolute promise'])
    expect(await restraintOf('Try it for six weeks, risk-free.')).toEqual(['an absolute promise'])
    expect(await restraintOf('Your deposit is guaranteed back: a full refund if you cancel.')).toEqual([])
    expect(await restraintOf('The throws are woven from 100% lambswool.')).toEqual([])
    expect(await restraintOf('The old kiln has proven hard to replace.')).toEqual([])
    expect(await restraintOf('It is not guaranteed that the tulips flower this early.')).toEqual([])
    expect((await figuresOf('Gegarandeerd resultaat binnen een week.', 'nl')).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'restraint').map((signal) => signal.why))).toEqual(['een absolute belofte'])
    expect((await figuresOf('De dekens zijn van 100% wol.', 'nl')).scores.restraint).toBe(100)
  })

  it('does not count what is said inside quotation marks as the sender\'s', async () => {
    const inside = await hits('A reader wrote: "thank you, this helped me so much!!"')
    expect(inside.filter((hit) => hit.startsWith('warmth') || hit.startsWith('reciprocity'))).toEqual([])
    expect(await restraintOf('A reader wrote: "this is AMAZING!!"')).toEqual([])
  })

  it('does not count a quotation that runs over several sentences as the sender\'s (a testimonial)', async () => {
    const letter = 'Our readers wrote back this spring. "I ordered on Monday. The kit came on Wednesday. Thank you for saving my weekend!" Thank you for your notes, Mia.'
    const data = await figuresOf(letter)
    const thanks = data.evidence!.filter((entry) => entry.why === 'thanks the reader')
    // Only the sender's own thanks to Mia counts, not the customer's three quoted sentences.
    expect(thanks).toHaveLength(1)
    expect(thanks[0].line).toBe(1)
    expect(thanks[0].column).toBe(letter.lastIndexOf('Thank') + 1)
    // The quoted sentences do not count in the length either: the same score as without them.
    expect(data.scores).toEqual((await figuresOf('Our readers wrote back this spring. Thank you for your notes, Mia.')).scores)
  })

  it('counts a bare "Thank you." for nothing (a sign-off that names no act), thanks that say what for in full', async () => {
    const weightOf = async (text: string, lang: Language = 'en') =>
      (await figuresOf(text, lang)).sentences.flatMap((sentence) => sentence.signals).filter((signal) => signal.component === 'warmth' && signal.weight > 0).map((signal) => signal.weight)
    expect(await weightOf('Thank you.')).toEqual([])
    expect(await weightOf('Thanks for waiting!')).toEqual([1])
    expect(await weightOf('Thank you for the photos of the new shed.')).toEqual([1])
    expect(await weightOf('Bedankt.', 'nl')).toEqual([])
    expect(await weightOf('Bedankt voor je geduld.', 'nl')).toEqual([1])
    // A bare "Thanks!" is still no hype: the sign-off is friendliness.
    expect((await figuresOf('Thanks!')).scores.restraint).toBe(100)
  })

  it('does not read a kind word before the thing it describes as goodwill to the reader', async () => {
    const warm = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('warmth'))
    expect(await warm('Get a beautiful diploma for your wall.')).toEqual([])
    expect(await warm('Stream your favorite shows on the train.')).toEqual([])
    expect(await warm('We are glad to help you choose.')).toEqual(['warmth:glad'])
    expect(await warm('It was lovely to meet you at the market.')).toEqual(['warmth:lovely'])
    expect(await warm('You are welcome, of course.')).toEqual(['warmth:welcome'])
    // "Take care of" looks after something; "Take care!" wishes the reader well.
    expect(await warm('We take care of your legal paperwork.')).toEqual([])
    expect(await warm('Take care, and see you in May.')).toEqual(['warmth:Take care'])
  })

  it('does not count the thanks that close a notice about the mail itself', async () => {
    const closing = await figuresOf(`${body}\n\nTo be removed from our mailing list, reply with REMOVE in the subject line. Thank you.`)
    expect(closing.evidence!.filter((item) => item.why === 'thanks the reader')).toEqual([])
    expect(closing.scores).toEqual((await figuresOf(body)).scores)
    const thanked = await figuresOf(`${body}\n\nThank you for the photos.`)
    expect(thanked.evidence!.filter((item) => item.why === 'thanks the reader')).toHaveLength(1)
  })

  it('reads an apology for the mail or a refusal as no apology, and a hope for the reader as a wish', async () => {
    const warm = async (text: string) => (await hits(text)).filter((hit) => hit.startsWith('warmth'))
    expect(await warm('Please accept our apologies if you have been sent this note twice.')).toEqual([])
    expect(await warm('Sorry, no trade discounts.')).toEqual([])
    expect(await warm('Sorry we sent the wrong size; a new one is on its way.')).toEqual(['warmth:Sorry'])
    expect(await warm('We hope that you have found the guide useful.')).toEqual(['warmth:hope that you have found'])
  })

  it('reads a product or the sender\'s record talking about itself as feature-only copy', async () => {
    const cold = async (text: string) => (await figuresOf(text)).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'warmth' && signal.weight < 0).map((signal) => signal.why))
    expect(await cold('This program works for everyone.')).toEqual(['feature-only copy, not aimed at the reader'])
    expect(await cold('We have been in business since 1985.')).toEqual(['feature-only copy, not aimed at the reader'])
    expect(await cold('This offer is for you.')).toEqual([])
  })

  it('does not read "thanks to" or thanks in advance as thanks', async () => {
    expect(await hits('Thanks to the new press, the prints dry faster.')).toEqual([])
    expect(await hits('Thank you in advance for your quick payment.')).toEqual([])
  })

  it('lowers freedom a little for a push to act at once, less than a finding', async () => {
    const push = (await figuresOf('Order now and pick a colour.')).scores.freedom
    expect(push).toBeLessThan(70)
    expect(push).toBeGreaterThan((await figuresOf('Order before midnight or lose your discount forever.')).scores.freedom)
    expect((await figuresOf('Do not hesitate to ask us.')).scores.freedom).toBe(70)
    // "What are you waiting for?" pushes as "Order now" does, in both languages; a question about a parcel does not.
    expect((await figuresOf('What are you waiting for? The bags are packed.')).scores.freedom).toBeLessThan(70)
    expect((await figuresOf('Waar wacht je nog op? De tassen liggen klaar.', 'nl')).scores.freedom).toBeLessThan(70)
    expect((await figuresOf('Which parcel are you waiting for? Send us the number.')).scores.freedom).toBe(70)
    // More imperatives that push with "now", and "don't wait too long" / "twijfel niet te lang".
    expect((await figuresOf('Upgrade now, before the projects stall.')).scores.freedom).toBeLessThan(70)
    expect((await figuresOf('Twijfel niet te lang over het huisje.', 'nl')).scores.freedom).toBeLessThan(70)
  })

  it('reads a time the copy exclaims as a push, and a plain one as a fact', async () => {
    const whyOf = async (text: string, lang: Language = 'en') =>
      (await figuresOf(text, lang)).sentences.flatMap((sentence) => sentence.signals.filter((signal) => signal.component === 'freedom' && signal.weight < 0).map((signal) => signal.why))
    expect(await whyOf('The spring catalogue is out now!')).toEqual(['a push to act at once'])
    expect(await whyOf('The spring catalogue is out now.')).toEqual([])
    expect(await whyOf('Visit the new shop now and pick a chair.')).toEqual(['a push to act at once'])
    expect(await whyOf('De voorjaarscatalogus is er vandaag!', 'nl')).toEqual(['jaagt op om meteen te handelen'])
    expect(await whyOf('De voorjaarscatalogus is er vandaag.', 'nl')).toEqual([])
  })
})

describe('names and numbers', () => {
  const distinct = async (text: string, lang: Language = 'en') => {
    const data = await figuresOf(text, lang)
    return data.evidence!.filter((item) => item.component === 'distinctiveness' && item.delta > 0).map((item) => item.text)
  }

  it('does not take a capitalised first word of a line, or a word the copy also writes in lower case, for a name', async () => {
    expect(await distinct('we packed your order\nThe parcel leaves tomorrow, To be sure, sending it tracked.\nSending takes two days.')).not.toContain('Sending')
    expect(await distinct('Je pakket is onderweg\nKom gerust langs als het niet past.', 'nl')).not.toContain('Kom')
    expect(await distinct('Our driver, Tomasz, brings it on Friday.')).toContain('Tomasz')
  })

  it('takes no name from a line in Title Case, nor a capitalised common word', async () => {
    const found = await distinct('we wrote to you\nTo Find A Better Lawyer In Your Town\nask the Building Inspector, or Anouk in Leeds.')
    expect(found).toEqual(expect.arrayContaining(['Anouk', 'Leeds']))
    for (const not of ['Find A Better Lawyer', 'Better Lawyer', 'Lawyer', 'Your Town', 'Building Inspector']) expect(found).not.toContain(not)
  })

  it('takes no name from a word for a people, a nationality or a faith, but does from a place', async () => {
    expect(await distinct('Every American should have one, from Leeds to Texas.')).toEqual(['Leeds', 'Texas'])
    expect(await distinct('Elke Nederlander kent de molen in Kinderdijk.', 'nl')).not.toContain('Nederlander')
    expect(await distinct('Elke Nederlander kent de molen in Kinderdijk.', 'nl')).toContain('Kinderdijk')
  })

  it('does not count merge tags as names', async () => {
    expect(await distinct('Hi {first_name}, your {email} is on file.')).toEqual([])
  })

  it('counts numbers that measure, not list numbering, phone numbers, postcodes or a copyright year', async () => {
    const found = await distinct('1. The table is 180 cm long and costs €640.\n2. We made 12 desks like it.\nCall 020 555 0199 or drop by at 1012 AB.')
    expect(found).toEqual(expect.arrayContaining(['180', '640', '12']))
    for (const not of ['1', '2', '020', '555', '0199', '1012']) expect(found).not.toContain(not)
  })

  it('counts the same detail once: a product name twenty times is one name', async () => {
    const once = await distinct('Meet the Vantoo, our new saddle bag.')
    const often = await distinct(Array.from({length: 20}, (_, index) => `Meet the Vantoo, bag number ${index + 1}.`).join(' '))
    expect(often.filter((text) => text === 'Vantoo')).toHaveLength(1)
    expect(once).toContain('Vantoo')
  })

  it('rewards a scene in the reader\'s life above a list of specs', async () => {
    const scene = await figuresOf('Your daughter learns to ride on it this summer; our mechanic in Utrecht tunes every bike by hand.')
    const specs = await figuresOf('Frame 54 cm, 11 kg, 8 gears, 2 brakes, 700 mm bar, 32 mm tyres, €499.')
    expect(scene.scores.distinctiveness).toBeGreaterThan(specs.scores.distinctiveness)
    // Specs still count: a spec list beats no detail at all.
    expect(specs.scores.distinctiveness).toBeGreaterThan((await figuresOf('A bike for every road.')).scores.distinctiveness)
  })
})

describe('restraint and confidence', () => {
  it('falls with the share of hype, not by a fixed step: one stray sentence in a longer mail is no cliff', async () => {
    const stray = 'This is the BEST offer EVER!!!'
    const short = await figuresOf(`${stray} ${body}`)
    const long = await figuresOf(`${stray} ${body} ${body.replaceAll('Maren', 'Sofie').replaceAll('walnut', 'oak')}`)
    expect(short.scores.restraint).toBeGreaterThan(50)
    expect(long.scores.restraint).toBeGreaterThan(short.scores.restraint)
    const all = await figuresOf(`${stray} AMAZING DEALS!!! UNBELIEVABLE PRICES!!!`)
    expect(all.scores.restraint).toBeLessThan(30)
  })

  it('computes restraint from the hyped units: a sentence of 1 unit in 2 gives 100 · e^−1', () => {
    const items: EvidenceItem[] = [{component: 'restraint', weight: -1, why: 'over-the-top/gush', text: 'so amazing'}]
    expect(scoreEvidence(items, 2).scores.restraint).toBe(37)
  })

  it('is unsure of a score on little prose and sure of one on a full mail', async () => {
    const little = await figuresOf('Thanks!')
    const full = await figuresOf(
      `${body} The drawers run on beech rails and close without a sound. We sand the edges by hand until they feel like a pebble. The top is one plank from a tree that fell near Zutphen. It came with a knot we kept on purpose, near the left corner.`
    )
    expect(little.scoreConfidence!).toBeLessThan(0.3)
    expect(full.scoreConfidence!).toBeGreaterThan(0.9)
  })

  it('says in the JSON and text reports how sure the score is', async () => {
    const short = await check('Thanks!', {lang: 'en', format: 'text', spell: false, path: 'short.txt'})
    const long = await check(body, {lang: 'en', format: 'text', spell: false, path: 'long.txt'})
    expect(toJsonFile(short).scoreConfidence).toBe(short.data.trouw!.scoreConfidence)
    expect(textReport([short])).toMatch(/unsure: little prose \(confidence 0\.\d\d\)/)
    expect(textReport([long])).toMatch(/; confidence 0\.\d\d\)/)
  })

  it('counts a sentence outside the prose in the length only when a finding falls in it', () => {
    const sentence = (text: string, role: SentenceFigures['role']): SentenceFigures => ({text, start: 0, end: text.length, intensity: 0, signals: [], words: 10, role})
    const {units} = collectEvidence([sentence('one two three four five six seven eight nine ten', 'paragraph'), sentence('a b c d e f g h i j', 'footer')], [])
    expect(units).toBe(1)
  })
})

describe('stable under repetition', () => {
  it('scores the same mail twice the same', async () => {
    const once: Scores = (await figuresOf(body)).scores!
    const twice: Scores = (await figuresOf(`${body}\n\n${body}`)).scores!
    expect(twice).toEqual(once)
  })
})
