/**
 * The guilt frames of issue 15 (coercion/guilt-cost, coercion/guilt-debt) and
 * their neighbours, on sentences written for this test (not from any corpus):
 * the reader's leaving answered with someone's cost, in one sentence or over
 * two, in English and in Dutch word order (verb first after a fronted clause,
 * verb last in a subclause); a favour turned into a debt; and the fair copy
 * that must stay quiet (a plain goodbye, noticing the reader's own act, a
 * referral reward, thanks with the exit named).
 */
import {describe, expect, it} from 'vitest'
import {check, type Language} from '../src/index.js'

/** The coercion subtypes trouw reports in `text`. */
async function subtypes(text: string, lang: Language): Promise<string[]> {
  const file = await check(text, {lang, format: 'text', spell: false})
  return file.messages.flatMap((message) => (message.category === 'coercion' && typeof message.subtype === 'string' ? [message.subtype] : []))
}

const guilty: ReadonlyArray<[Language, string]> = [
  ['en', 'Each member who leaves makes Thursday nights harder for the ones who stay.'],
  ['en', 'If you cancel, the choir loses its last tenor.'],
  ['en', 'The shelter cats eat because of monthly gifts like yours. Stop now and their bowls stay empty.'],
  ['en', 'Without subscribers like you, the night desk goes dark and the council meets unwatched.'],
  ['en', 'Every cancelled membership is a swimming lesson a child in Hackney won\'t get.'],
  ['en', 'We waived your late fee twice last year. Staying one more season doesn\'t seem like much to ask.'],
  ['en', 'Leaving after all those free upgrades? That\'s not the customer we thought you were.'],
  ['nl', 'Elk lid dat opzegt, maakt de donderdagavond zwaarder voor wie blijft.'],
  ['nl', 'Zeg je op, dan verliest het koor zijn laatste tenor.'],
  ['nl', 'Sla je je les over, dan zit meester Jan een uur in een leeg lokaal.'],
  ['nl', 'De asielkatten eten dankzij maandelijkse giften zoals die van jou. Stop je nu, dan blijven hun bakjes leeg.'],
  ['nl', 'Zonder abonnees zoals u gaat de nachtredactie dicht en zit niemand meer bij de gemeenteraad.'],
  ['nl', 'Je wandelgroep houdt elke zondag een plekje voor je vrij. Ze vragen steeds of je nog terugkomt.'],
  ['nl', 'We hebben vorig jaar twee keer uw aanmaningskosten laten vallen. Nog één seizoen blijven lijkt ons niet te veel.'],
  ['nl', 'Weggaan na al die gratis upgrades? Zo kennen we je niet.']
]

const fair: ReadonlyArray<[Language, string]> = [
  ['en', 'If you cancel, the choir keeps your music folder for a month in case you come back.'],
  ['en', 'We\'ll miss you, but your data is kept for 30 days. Come back any time.'],
  ['en', 'If you leave, the team will miss you, but there\'s no fee and your data stays yours.'],
  ['en', 'We noticed you haven\'t logged in for a while. If you\'d like to cancel, it takes one click.'],
  ['en', 'Unsubscribe and we\'ll stay quiet until you come back.'],
  ['en', 'Cancel any time; one less thing to worry about.'],
  ['en', 'We kept your seat for two lockdowns at no charge. You can keep it or release it; both are fine.'],
  ['en', 'We made this guide for you. Refer a friend and you both get £10 in return.'],
  ['en', 'Your gift paid for 12 swimming lessons in Hackney this spring. Thank you.'],
  ['nl', 'Zeg je op, dan bewaart het koor je muziekmap nog een maand voor als je terugkomt.'],
  ['nl', 'We merken dat je wilt opzeggen; dat regelen we vandaag nog.'],
  ['nl', 'Bedankt voor zes jaar vragen en telefoontjes. Uw account sluit op 30 juni.'],
  ['nl', 'We hebben uw plek gratis vrijgehouden. U kunt hem houden of opgeven, allebei prima.'],
  ['nl', 'Met jouw gift zijn dit voorjaar 12 zwemlessen in Noord betaald. Dank je wel.'],
  ['nl', 'Jammer dat je gaat. Je gegevens bewaren we 30 dagen, en je bent altijd welkom.']
]

describe('guilt by its structure', () => {
  for (const [lang, text] of guilty) {
    it(`flags guilt (${lang}): ${text}`, async () => {
      expect(await subtypes(text, lang)).toContain('guilt')
    })
  }
  for (const [lang, text] of fair) {
    it(`leaves alone (${lang}): ${text}`, async () => {
      expect(await subtypes(text, lang)).not.toContain('guilt')
    })
  }
})
