/**
 * Dutch templates and vocabulary for the benchmark email generator.
 * Written for trouw's benchmark; every shop, product and sentence is invented.
 *
 * Same slots as the English file. `{informal|formal}` picks the form of
 * address: an email is written either with je/jij/jouw or with u/uw.
 */

/** @type {import('./generate.js').Vocabulary} */
export const nl = {
  greetings: ['{Hoi|Beste} {name},', '{Hallo|Geachte} {name},', '{Dag|Beste} {name},', 'Goedemorgen {name},'],
  names: ['Sanne', 'Daan', 'Fatima', 'Jeroen', 'Noor', 'Bram', 'Ilse', 'Youssef', 'Femke', 'Ruben', 'Lieke', 'Kees'],
  staff: ['Marloes', 'Thijs', 'Anouk', 'Wouter', 'Esra', 'Joost', 'Inge', 'Milan'],
  cities: ['Zwolle', 'Deventer', 'Haarlem', 'Breda', 'Leeuwarden', 'Nijmegen', 'Gouda', 'Maastricht'],
  days: ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  shops: [
    {
      brand: 'Bakkerij De Korenschoof',
      story: [
        'Onze ovens in {city} gaan om vier uur aan, en de eerste broden liggen om zeven uur in de winkel.',
        'Sinds dit najaar malen we een deel van ons meel zelf, en dat {proef je|proeft u} aan de korst.',
        '{staff} bakt al {n} jaar bij ons en proeft nog steeds elke partij voordat die de winkel in gaat.'
      ],
      products: [
        {name: 'desembrood', article: 'het', facts: ['Het rijst achttien uur en blijft in een linnen zak vier dagen goed.', 'We bakken het met spelt van een boer uit de Achterhoek.']},
        {name: 'startpakket voor zuurdesem', article: 'het', facts: ['In het pakket zit een pot levende desem, een schraper en een voedingsschema op papier.', 'De meeste mensen bakken er binnen een week hun eerste brood mee.']},
        {name: 'huisblend koffie', facts: ['De bonen komen van een coöperatie in Huila en worden op dinsdag gebrand.', 'Hij smaakt naar pure chocola en rode pruimen, met weinig bitterheid.']},
        {name: 'doos kaneelbroodjes', facts: ['Een doos bevat zes broodjes en kan twee dagen met de post mee.', 'We gebruiken kardemom naast kaneel, zoals onze eerste bakker het in Malmö leerde.']},
        {name: 'gietijzeren broodvorm', facts: ['De vorm komt uit een gieterij in Ulft en heeft geen coating nodig.', 'Er past een brood van 900 gram in en hij gaat langer mee dan de meeste keukens.']}
      ]
    },
    {
      brand: 'Buitenwerk Outdoor',
      story: [
        'Elke jas die we verkopen testen we eerst een week in de heuvels bij {city}.',
        'Ritsen, naden en gespen repareren we gratis, zolang {je|u} de spullen heeft.',
        '{staff} liep vorige maand het Pieterpad op onze nieuwe schoenen en stuurde ons een erg modderige foto.'
      ],
      products: [
        {name: 'regenjas', facts: ['Hij weegt 310 gram en past opgevouwen in zijn eigen borstzak.', 'De naden zijn getapet en de capuchon {stel je|stelt u} met één hand bij.']},
        {name: 'merino onderlaag', facts: ['De wol komt van een spinnerij in Tasmanië die haar dierenwelzijnsrapporten openbaar maakt.', 'Hij blijft warm als hij vochtig is en gaat na drie dagen lopen niet ruiken.']},
        {name: 'tweepersoonstent', facts: ['{Je zet|U zet} hem in ongeveer zes minuten op en hij houdt stand bij harde wind.', 'De binnentent klik je los, zodat {je|u} op warme nachten alleen het buitendoek gebruikt.']},
        {name: 'wandelschoenen', facts: ['Ons reparatieteam kan de zolen twee keer vervangen.', 'Ze zijn er in halve maten en in een brede pasvorm.']},
        {name: 'hoofdlamp', facts: ['Hij laadt op via USB-C en brandt elf uur op de laagste stand.', 'Met het rode licht blijven {je|uw} ogen aan het donker gewend.']}
      ]
    },
    {
      brand: 'Linnenhuis Vlas',
      story: [
        'We naaien onze hoezen in een kleine werkplaats in {city}, waar {staff} elke naad met de hand controleert.',
        'Veel klanten vertellen ons dat ze in linnen koeler slapen, vooral in juli en augustus.',
        'Op het label in elke hoes staat waar de stof vandaan komt.'
      ],
      products: [
        {name: 'linnen dekbedovertrek', article: 'het', facts: ['Het is geweven van Vlaams vlas en wordt zachter bij elke wasbeurt.', 'Het is er in vijf kleuren, van havermout tot leisteenblauw.']},
        {name: 'boekweitkussen', article: 'het', facts: ['De doppen vormen zich naar {je|uw} nek en {je kunt|u kunt} ze bijvullen of eruit halen.', 'De hoes ritst eraf en kan op veertig graden in de was.']},
        {name: 'wollen topmatras', article: 'het', facts: ['Het is gevuld met wol van schapen uit Drenthe.', 'Het geeft een stevig matras ongeveer vier centimeter meer veerkracht.']},
        {name: 'katoenen wafeldeken', facts: ['Hij weegt net geen kilo en doet ook dienst als plaid op de bank.', 'We verven hem in een fabriek die haar eigen water zuivert.']}
      ]
    },
    {
      brand: 'Fietsenmakerij Het Wiel',
      story: [
        'Onze werkplaats in {city} onderhoudt elke week meer dan {n}0 fietsen, van racefiets tot bakfiets.',
        '{staff} spaakt elk wiel met de hand en richt het twee keer voordat het de standaard verlaat.',
        'Breng {je|uw} fiets voor de winter langs, dan controleren we gratis de remmen en de verlichting.'
      ],
      products: [
        {name: 'stadsfiets', facts: ['Hij heeft een naaf met zeven versnellingen, dus schakelen blijft werken in regen en gruis.', 'Het frame is van staal en heeft twaalf jaar garantie.']},
        {name: 'bakfiets', facts: ['In de bak passen twee kinderen of drie kratten boodschappen.', '{Je kunt|U kunt} er een weekend op proefrijden voordat {je|u} beslist.']},
        {name: 'lekbestendige banden', facts: ['Ze hebben een beschermlaag van vijf millimeter onder het loopvlak.', 'We leggen ze terwijl {je|u} wacht, meestal in een minuut of twintig.']},
        {name: 'set naafdynamoverlichting', facts: ['De koplamp blijft nog vier minuten branden als {je|u} stilstaat.', 'Nooit meer batterijen opladen.']}
      ]
    },
    {
      brand: 'Kwekerij De Tuinrij',
      story: [
        'Onze kwekerij bij {city} kweekt alles in turfvrije potgrond.',
        '{staff} beantwoordt elke ochtend tuinvragen per mail, dus stuur gerust een foto als een plant er treurig bij staat.',
        'We verpakken planten in papier en wol, en de dozen komen bij ons terug voor hergebruik.'
      ],
      products: [
        {name: 'tomatenplanten', facts: ['We kweken acht rassen, waaronder een gele peertomaat die het goed doet in potten.', 'Ze kunnen naar buiten zodra het \'s nachts boven de tien graden blijft.']},
        {name: 'bouwpakket voor een moestuinbak', article: 'het', facts: ['Het is gemaakt van onbehandeld lariks en {je zet|u zet} het in elkaar met één schroevendraaier.', 'Eén bak is 120 bij 80 centimeter, genoeg voor de sla van een heel gezin.']},
        {name: 'compostbak', facts: ['Er past 330 liter in en onderaan zit een luikje voor de rijpe compost.', 'Het plastic is gerecycled uit oude tuinstoelen.']},
        {name: 'pakket lavendelhaag', article: 'het', facts: ['Met twaalf planten {vul je|vult u} ongeveer drie meter border.', 'Bijen vinden ze binnen een paar dagen.']}
      ]
    }
  ],
  intros: [
    'De lente is aangekomen in de winkel, en we hebben een paar dingen waarvan we denken dat {je|u} ze mooi vindt.',
    'Dank {je|u} voor {je|uw} bestelling van vorige maand; we hopen dat alles heel is aangekomen.',
    'Hier is ons nieuws van deze maand voor klanten van {brand}, kort zoals altijd.',
    'Een korte brief van ons allemaal bij {brand}, met wat er nieuw is en wat er weer is.',
    'De dagen worden korter, dus we zetten een paar dingen voor de koude maanden op een rij.',
    'We lezen elk antwoord op deze brieven, en veel lezers stelden dezelfde vragen, dus hier zijn de antwoorden.'
  ],
  glue: [
    'Na onze vorige brief kregen we veel vragen over {theProduct}.',
    'Sinds {day} is {theProduct} weer op voorraad.',
    '{TheProduct} kost {price} en wordt binnen {n} werkdagen verzonden.',
    'Twijfel {je|u} of {theProduct} bij {je|u} past? Beantwoord deze mail en {staff} helpt {je|u} kiezen.',
    'We verkopen {theProduct} nu {n} jaar, en retouren zijn zeldzaam.',
    'Vanaf {day} {kun je|kunt u} {theProduct} bekijken en proberen in onze winkel in {city}.',
    'Een klant uit {city} schreef ons dat {theProduct} haar beste aankoop van het jaar was.',
    '{TheProduct} is er ook als cadeau, in bruin papier met een handgeschreven kaartje.'
  ],
  extras: [
    'Op {day}avond houden we in de winkel in {city} een gratis uur voor reparaties en vragen; aanmelden hoeft niet.',
    '{staff} schreef een korte handleiding over het onderhoud van wat {je|u} bij ons kocht, en die staat op onze website.',
    'Vorige maand plantten we met een school uit de buurt {n}0 bomen, één voor elke honderd bestellingen.',
    'Onze pakketten zijn veranderd: geen plastic tape meer, en de dozen zijn een maat kleiner.',
    'Een paar lezers vroegen hoe we onze leveranciers kiezen, dus de hele lijst staat nu op onze website.',
    'Onze nieuwe collega {staff} is deze week begonnen in {city}; zeg gerust hallo als {je|u} langskomt.',
    'Op {day} zijn we dicht voor de inventaris, de webwinkel blijft gewoon open.',
    'De prijs van {theProduct} blijft dit jaar gelijk, ook al zijn onze kosten iets gestegen.'
  ],
  offers: [
    'Tot het eind van de maand krijgen leden {percent} procent korting met de code {code}.',
    'Deze week verzenden we bestellingen boven {price} gratis.',
    'Bestel {je|u} voor {day}, dan stoppen we een proefje van iets nieuws in {je|uw} pakket.',
    'Deze maand {kun je|kunt u} zonder extra kosten in drie termijnen betalen.',
    'Neem een vriend mee naar de winkel, dan krijgen jullie allebei gratis koffie en {percent} procent korting.'
  ],
  service: [
    'Terugsturen kan binnen 30 dagen, en wij betalen de verzendkosten.',
    'Vragen? Beantwoord deze mail en een echt mens antwoordt, meestal binnen een dag.',
    '{Je|U} {kunt je|kunt uw} abonnement altijd pauzeren of stoppen in {je|uw} account.',
    'Onze winkel in {city} is open van dinsdag tot en met zaterdag, van negen tot zes.',
    'In het centrum bezorgen fietskoeriers, daarbuiten gaat alles met de gewone post.',
    'Gaat er binnen twee jaar iets stuk, dan repareren of vervangen we het.'
  ],
  signoffs: [
    'Hartelijke groet,\n{staff} en het team van {brand}',
    'Tot ziens,\n{staff} van {brand}',
    'Groeten uit de winkel,\nDe mensen van {brand}',
    'Bedankt voor het lezen,\n{staff}, {brand}'
  ],
  pressure: [
    'Snel zijn, om middernacht is deze aanbieding verdwenen!',
    'Nog maar {n} op voorraad, dus bestel voordat ze op zijn.',
    '{Je|Uw} lidmaatschap wordt automatisch verlengd met nog eens 24 maanden.',
    'Stop {je|u} voor het einde van het contract, dan rekenen we {price} afkoopkosten.',
    'Verleng {je|u} vandaag niet, dan vervallen al {je|uw} gespaarde punten.',
    'Nee hoor, ik betaal graag te veel voor hetzelfde.',
    'Na alles wat wij voor {je|u} gedaan hebben, hopen we echt dat {je|u} blijft.',
    'Laatste kans: over {hours} uur is het voorbij.',
    'Mis het niet, zo\'n prijs komt er nooit meer.',
    'De workshop zit bijna vol, dus schrijf {je|u} nu meteen in.'
  ],
  gush: [
    'We zijn echt ontzettend, waanzinnig, ongelofelijk blij voor {je|u}!!!',
    '{TheProduct} laat {je|u} de rest van {je|uw} leven elke dag glimlachen.',
    'Ons hele team springt een gat in de lucht elke keer dat {je|u} een mail van ons opent.',
    'Verwacht vanaf nu niets minder dan totaal, volmaakt geluk.',
    'GEWELDIG NIEUWS!!! DIT GA {JE|U} GEWELDIG VINDEN!!!',
    'Eerlijk, {theProduct} is het meest magische, levensveranderende dat we ooit gemaakt hebben.',
    'Elke ochtend bij het openen van de winkel denken we aan {je|uw} blije gezicht.',
    'De beste kwaliteit voor de beste prijs, met uitstekende service.'
  ]
}
