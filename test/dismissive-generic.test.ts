/**
 * Dismissive service copy, generic quality claims, confirmshaming and guilt:
 * beyond each rule's own examples, these check the cases that flip the
 * meaning (negated, an arranged alternative, quoted customers), formal and
 * informal Dutch (u / je), and that every finding carries a fix or advice
 * with placeholders for the copy's own facts (never a canned sentence).
 */
import {describe, expect, it} from 'vitest'
import {check, type Language} from '../src/index.js'

type Target = 'dismissive' | 'generic-claim' | 'confirmshaming' | 'guilt'

/** Does trouw report `target` (a category, or a coercion subtype) anywhere in `text`? */
async function reports(text: string, lang: Language, target: Target): Promise<boolean> {
  const file = await check(text, {lang, format: 'text'})
  return file.messages.some((message) => message.category === target || message.subtype === target)
}

interface Case {
  lang: Language
  text: string
}

function table(target: Target, flagged: readonly Case[], clean: readonly Case[]): void {
  describe(target, () => {
    for (const {lang, text} of flagged) {
      it(`flags (${lang}): ${text}`, async () => {
        expect(await reports(text, lang, target)).toBe(true)
      })
    }
    for (const {lang, text} of clean) {
      it(`leaves alone (${lang}): ${text}`, async () => {
        expect(await reports(text, lang, target)).toBe(false)
      })
    }
  })
}

const en = (text: string): Case => ({lang: 'en', text})
const nl = (text: string): Case => ({lang: 'nl', text})

// Dutch reported speech (src/scope.ts): "hij", "zij", "ze" next to a verb of
// saying or thinking is someone else's voice; the sender's own claim, or
// "hij" standing for the product, is not.
describe('Dutch reported speech is someone else\'s voice', () => {
  const reported = [
    'Zij zegt dat het de voordeligste stroom van Nederland is.',
    'Hij vindt het de lekkerste koffie van Nederland.',
    'Volgens hem is dit de beste koffie van Nederland.',
    'De beste fietsenmaker van Nederland, vindt ze.'
  ]
  for (const text of reported) {
    it(`leaves alone: ${text}`, async () => {
      expect(await reports(text, 'nl', 'generic-claim')).toBe(false)
    })
  }
  const own = ['Wij vinden het de lekkerste koffie van Nederland.', 'Wij leveren de voordeligste stroom van Nederland.']
  for (const text of own) {
    it(`flags the sender's own claim: ${text}`, async () => {
      expect(await reports(text, 'nl', 'generic-claim')).toBe(true)
    })
  }
})

table(
  'dismissive',
  [
    en("Sorry, but we can't help you with this."),
    en('There is really nothing more we can do for you.'),
    en('That is not our responsibility.'),
    en("Damaged parcels aren't our problem, please take it up with the carrier."),
    en('Please just check our FAQ.'),
    en("You'll have to fix that yourself."),
    en('We do not make exceptions to this policy.'),
    en("Unfortunately that's a question for the manufacturer, not for us: contact them directly."),
    nl('Daar kunnen we u helaas niet mee helpen.'),
    nl('Dat is jouw probleem, niet het onze.'),
    nl('Daar gaan wij helaas niet over.'),
    nl('Zoek het zelf maar uit.'),
    nl('Kijk maar even in onze veelgestelde vragen.'),
    nl('Hiervoor moet u bij de fabrikant zijn.'),
    nl('Daar kunnen wij niks aan doen.'),
    nl('Regels zijn regels, daar maken we geen uitzondering op.'),
    // Formal refusals: polite words, the same closed door.
    en('We are not in a position to replace the lamp.'),
    en('Please note that we will not be able to help you with this.'),
    en('We have reviewed your complaint and see no grounds for a refund.'),
    en('We cannot be held responsible for parcels left at the door.'),
    nl('Wij zijn helaas niet in de gelegenheid uw verzoek in te willigen.'),
    nl('Helaas kunnen wij u hierin niet tegemoetkomen.'),
    nl('Uw klacht is ongegrond verklaard.'),
    nl('Wij kunnen niet aansprakelijk worden gesteld.'),
    // Closing the conversation.
    en('We will not be discussing this matter further.'),
    en('Our decision stands, and we consider the matter closed.'),
    en('Your warranty has expired, so there is nothing we can do.'),
    nl('Wij gaan hier verder niet op in.'),
    nl('Meer kunnen wij er niet over zeggen.'),
    nl('Daar is niets meer aan te veranderen.'),
    nl('Zo zijn de regels nu eenmaal.'),
    // Scolding and brush-offs.
    en('You should have checked the size chart before ordering.'),
    en('Our staff are too busy to deal with individual requests.'),
    nl('U had de maattabel moeten raadplegen voordat u bestelde.'),
    nl('Onze medewerkers hebben geen tijd voor individuele verzoeken.')
  ],
  [
    // An arranged alternative turns a refusal into help.
    en("We can't repair this model, so I've arranged a replacement that arrives on Thursday."),
    en("That's not something we handle ourselves, but I've forwarded your email to the courier and will call you tomorrow."),
    nl('We kunnen dit niet zelf repareren, daarom heb ik een monteur van de fabrikant voor u ingepland.'),
    nl('Dat kan ik niet voor je oplossen, maar ik heb mijn collega Sanne gevraagd je vandaag te bellen.'),
    // Negated or positive service copy.
    en("No problem: we'll sort it out for you."),
    en('We are happy to help you choose.'),
    nl('Geen probleem, wij helpen je graag verder.'),
    nl('Wij zoeken het voor u uit en bellen u morgen terug.'),
    // A quoted customer is not the sender.
    en('Last year a customer told us: "that\'s not our problem" is what she heard everywhere else.'),
    nl('Een klant schreef ons: "Elders hoorde ik alleen maar \'zoek het zelf uit\'."'),
    // Ordinary pointers and self-service offered next to help.
    en('You can change your delivery date in your account, or reply and we will do it for you.'),
    nl('Je kunt je bezorgmoment zelf wijzigen in je account, of je belt ons en wij doen het.'),
    // Negated: the sender takes the handoff away from the reader.
    en('No need to contact the manufacturer: we handle the warranty ourselves.'),
    nl('Je hoeft niet zelf contact op te nemen met de fabrikant: dat doen wij.'),
    // Not a brush-off: an instruction, a conditional.
    en('Please read the safety instructions before first use.'),
    en('Ask the manufacturer for the part number if it is not on the label.'),
    // Ordinary copy that shares words with a refusal or a closed door.
    en("There's nothing more to do: your order is on its way."),
    en('Your refund request has been approved.'),
    en('Please do not reply to this email; write to help@example.com instead.'),
    en('Your card was declined; please try another card.'),
    en('We had to decline an offer from a bigger chain to stay independent.'),
    en('Too busy to cook? Our meal box is ready in 15 minutes.'),
    en('You should have received a tracking link by now; if not, reply and we will resend it.'),
    en('We stand by our products with a five-year warranty.'),
    nl('Je hoeft ons niet meer te bellen: de monteur komt dinsdag.'),
    nl('Er valt niets te kiezen: alles zit erin.'),
    nl('Over smaak valt niet te twisten, over kwaliteit wel.'),
    nl('Uw verzoek is goedgekeurd en het bedrag staat morgen op uw rekening.'),
    nl('Is er niet iets wat we voor je kunnen doen? Laat het ons weten.'),
    nl('Te druk om te koken? Onze maaltijdbox staat in 15 minuten op tafel.'),
    nl('Onze medewerkers hebben alle tijd voor je vragen.')
  ]
)

table(
  'generic-claim',
  [
    en('We supply premium quality at competitive prices.'),
    en('Our dedicated team delivers excellent customer service.'),
    en('Innovative solutions for the modern kitchen.'),
    en('Durable, reliable and affordable.'),
    en('A state-of-the-art factory and a customer-centric approach.'),
    en('Our e-bikes run perfectly and last for years.'),
    nl('Wij leveren kwalitatief hoogwaardige producten.'),
    nl('Onze service is uitstekend.'),
    nl('Betaalbaar, betrouwbaar en duurzaam.'),
    nl('Deskundig advies en scherpe prijzen.'),
    nl('Bij ons staat de klant centraal.'),
    nl('Oplossingen op maat voor uw bedrijf.'),
    nl('Deze wasmachine wast stralend wit.'),
    // Something for every need, stock promises, stock trust.
    en('Premium brands for the whole family.'),
    en('The perfect solution for every home.'),
    en('Happy customers guaranteed.'),
    en('A name you can rely on.'),
    en('Excellence in everything we do.'),
    en('Designed with you in mind.'),
    en('Trusted by customers across the country.'),
    nl('Exclusieve merken voor elke gelegenheid.'),
    nl('Bij ons vindt iedereen wat wils.'),
    nl('Resultaat gegarandeerd.'),
    nl('Vakmanschap waar je op kunt bouwen.'),
    nl('Afwerking van het hoogste niveau.'),
    nl('Ontworpen met u in gedachten.'),
    nl('Kwaliteit zit in ons DNA.')
  ],
  [
    // Concrete, checkable detail.
    en('Our oak is FSC-certified and oiled by hand in Zwolle.'),
    en('Every order placed before 22:00 is delivered the next day by our own drivers.'),
    en('The cushions are filled with 900 grams of Dutch duck down.'),
    nl('Ons eikenhout is FSC-gecertificeerd en wordt in Zwolle met de hand geolied.'),
    nl('Voor 22.00 uur besteld, morgen bezorgd door onze eigen chauffeurs.'),
    nl('De kussens zijn gevuld met 900 gram Nederlands eendendons.'),
    // Negated claims and sign-offs.
    en("We don't claim the best prices; we show you the same price as in our shop."),
    nl('Met vriendelijke groet, het team van Bakkerij Jansen'),
    en('Kind regards, the team at Jansen Bakery'),
    // A quoted review is the customer's voice, not the sender's claim.
    en('Mila wrote: "excellent customer service, they called me back within an hour."'),
    // Terms the reader can hold you to, and plan names.
    en('Sleep on it for 100 nights; if it is not for you, we collect it and refund you.'),
    en('Our premium plan adds cloud backups for €3 a month.'),
    en('You can rely on Sam to call you back before noon.'),
    en('Taste the difference between our two beans: one fruity, one nutty.'),
    nl('Wij garanderen een antwoord binnen 4 werkuren.'),
    nl('Voor elke bestelling boven de 50 euro betalen wij de verzending.'),
    nl('Je kunt erop rekenen dat Sam je voor twaalf uur terugbelt.'),
    nl('Hij komt in 4 kleuren voor elke stijl van interieur.')
  ]
)

table(
  'confirmshaming',
  [
    en("No thanks, I'd rather pay the full amount."),
    en("No, I don't want better sleep."),
    en("I'm fine paying more, thanks."),
    en("No thanks, I don't care about saving money."),
    nl('Nee, ik betaal liever meer.'),
    nl('Nee bedankt, ik heb geen zin in korting.'),
    nl('Nee, ik geef niets om mijn gezondheid.'),
    nl('Nee hoor, ik mis de aanbieding liever.'),
    // First-person refusal plus a self-harming or self-deprecating clause.
    en("No thanks, I don't mind if my files get lost."),
    en("Nope, I'm risking my savings on luck."),
    en('No, I like living dangerously.'),
    en("No, I'm happy being disorganised."),
    en("No, I don't want my kids to be safe."),
    en("No thanks, I'd rather struggle on my own."),
    nl('Nee, of mijn huis inbraakveilig is boeit me niet.'),
    nl('Nee, mijn gezondheid kan wel wachten.'),
    nl('Ik waag het er wel op, bedankt.'),
    nl('Nee, ik zie er liever moe uit.'),
    nl('Nee, ik wil mijn woning niet beveiligen.'),
    nl('Nee, ik tast liever in het duister.')
  ],
  [
    en('No thanks'),
    en('No thanks, not right now.'),
    en('Unsubscribe'),
    en('Yes, I want the discount.'),
    nl('Nee, dank je'),
    nl('Nee, bedankt'),
    nl('Afmelden'),
    nl('Uitschrijven voor deze nieuwsbrief'),
    nl('Ik wil geen e-mails meer ontvangen.'),
    // Quoted: a writer discussing a bad example, not using it.
    en('Our designer banned buttons like "No thanks, I hate saving money" from our emails.'),
    nl('Knoppen als "Nee, ik hou niet van korting" gebruiken wij nooit.'),
    // Plain opt-outs and first-person sender copy.
    en('No thanks, I already have one.'),
    en("I'm fine with either delivery slot."),
    en("I'd rather not say."),
    en("I'd love to hear what you think of the new blend."),
    en("I'm happy to help tired parents find a quieter pram."),
    en("I'll take the risk out of buying online: free returns for 100 days."),
    nl('Nee, ik heb er al een.'),
    nl('Doorgaan zonder bescherming'),
    nl('Ik help je graag als je moe bent van het zoeken.'),
    nl('Ik gok dat jij ook van sterke koffie houdt.'),
    nl('Trends interesseren me niet; stoelen die lang meegaan wel.')
  ]
)

table(
  'guilt',
  [
    en("After all we've done for you, you'd really leave?"),
    en("We'd be devastated to lose you."),
    en("Please don't leave us, we'll miss you terribly."),
    en('Are you really going to abandon us now?'),
    nl('Na alles wat we voor je hebben gedaan, laat je ons zomaar in de steek?'),
    nl('Het zou ons hart breken als u opzegt.'),
    nl('We zijn er echt kapot van dat je weggaat.'),
    nl('Laat u ons echt in de steek?'),
    // Loyalty as a debt, the sender's loyalty held against leaving.
    en('The least you can do is stay one more month.'),
    en('We thought we were friends.'),
    en("We've always been there for you, and now you're cancelling?"),
    en('Doesn\'t that count for anything?'),
    en('You\'d really turn your back on us?'),
    en("We'll miss you terribly if you go."),
    nl('Het minste wat je kunt doen is nog een maand blijven.'),
    nl('We dachten dat we vrienden waren.'),
    nl('Wij zijn er altijd voor je geweest, en nu wil je opzeggen?'),
    nl('Is dit de dank voor al die jaren?'),
    nl('Keer je ons echt de rug toe?'),
    nl('We gaan je vreselijk missen als je gaat.')
  ],
  [
    en('We miss you.'),
    en('We hope to see you again.'),
    en("It's been a while: we miss you at the Saturday market."),
    en("Sorry to see you go. Your account stays open until 1 May, and you're welcome back any time."),
    nl('We missen je.'),
    nl('We hopen je snel weer te zien.'),
    nl('Het is alweer een tijdje geleden: we missen je op de zaterdagmarkt.'),
    nl('Wij laten je nooit in de steek als je ketel stuk is.'),
    // Quoted: a writer discussing a bad example, not using it.
    en('We will never send you a line like "after all we\'ve done for you".'),
    nl('Je krijgt van ons nooit een mail met "laat je ons in de steek?" erin.'),
    // Ordinary uses of the same words.
    en('Please leave us a review when your order arrives.'),
    nl('Laat ons weten hoe het bevalt.'),
    // Pride, thanks and warmth without a debt.
    en("We've been there for you since 1998, and we still answer the phone ourselves."),
    en('Our tailors worked all weekend to make your suit in time for the wedding.'),
    en('The least we could do was refund the shipping.'),
    en('Think of us when you need flowers for the weekend.'),
    en('Our team cried tears of joy when your wedding photos arrived.'),
    nl('We zijn er altijd voor je: onze hulplijn is open tot 22.00 uur.'),
    nl('Je bent ons niets verschuldigd: opzeggen kan met twee klikken.'),
    nl('Onze kok kreeg bijna tranen toen hij jouw recept proefde.'),
    nl('U bent ons nog € 12,50 verschuldigd voor de laatste levering.'),
    nl('We missen je op de markt deze winter; tot in het voorjaar!')
  ]
)

describe('suggestions', () => {
  const samples: Array<[Language, string]> = [
    ['en', "That's really not our problem."],
    ['nl', 'Zoek het zelf maar uit.'],
    ['en', 'High quality at the best prices.'],
    ['nl', 'Hoogwaardige kwaliteit tegen scherpe prijzen.'],
    ['en', "No thanks, I'd rather pay the full amount."],
    ['nl', 'Na alles wat wij voor u gedaan hebben, gaat u weg?']
  ]
  for (const [lang, text] of samples) {
    it(`every finding offers a fix or advice with placeholders (${lang}): ${text}`, async () => {
      const file = await check(text, {lang, format: 'text'})
      const mine = file.messages.filter((message) =>
        ['dismissive', 'generic-claim'].includes(String(message.category)) ||
        ['confirmshaming', 'guilt'].includes(String(message.subtype))
      )
      expect(mine.length).toBeGreaterThan(0)
      for (const message of mine) {
        if ((message.expected ?? []).length > 0) continue
        expect(message.note, String(message.ruleId)).toMatch(/\[[^\]]+\]|No thanks|Nee, bedankt/)
      }
    })
  }

  it('reports generic claims at info level and dismissive copy as warnings', async () => {
    const generic = await check('Innovative solutions at competitive prices.', {lang: 'en', format: 'text'})
    const dismissive = await check('Dat is echt niet ons probleem.', {lang: 'nl', format: 'text'})
    expect(generic.messages.filter((m) => m.category === 'generic-claim').map((m) => m.severity)).toContain('info')
    expect(dismissive.messages.filter((m) => m.category === 'dismissive').map((m) => m.severity)).toContain('warning')
  })
})
