/**
 * Block roles (`Block.role`): what each block is in a mail's structure, read
 * from tags, classes, MJML components, Markdown nodes and plain-text layout;
 * and rules judging only the roles in their `roles` (by default the sender's
 * own prose). All texts here are written for these tests.
 */
import {describe, expect, it} from 'vitest'
import {extract} from '../src/formats/index.js'
import {check} from '../src/index.js'
import type {BlockRole, Extracted, FormatName} from '../src/types.js'

async function roles(text: string, format: FormatName): Promise<Extracted> {
  return extract(text, {format})
}

/** The role of the block holding `needle`. */
function roleOf(extracted: Extracted, needle: string): BlockRole | undefined {
  const block = extracted.blocks.find((candidate) => candidate.text.includes(needle))
  if (!block) throw new Error(`no block holds ${JSON.stringify(needle)}`)
  return block.role ?? 'paragraph'
}

async function ruleIds(text: string, format: FormatName = 'text', lang: 'en' | 'nl' = 'en'): Promise<string[]> {
  const file = await check(text, {lang, format})
  return file.messages.map((message) => String(message.ruleId))
}

const plainMail = [
  'Hello Sam,',
  '',
  'GARDEN NEWS',
  'Our tomato seedlings are ready for collection at the nursery on Bell Lane.',
  'Opening hours this week',
  'We are open from nine to five, and on Saturday until noon.',
  '- Cherry tomatoes in trays of six',
  '- Basil in clay pots',
  '',
  '> Can I bring my own pots?',
  'Yes, bring them along and we will fill them for you.',
  'Home | Shop | Courses | Contact',
  '',
  'Best regards,',
  'Ines',
  'Head gardener',
  '',
  'To unsubscribe from these updates, reply with the word stop.',
  '© 2026 Bell Lane Nursery, all rights reserved.'
].join('\n')

describe('plain text roles by layout', () => {
  it('reads headings, list items, quotes, menus, signatures and footers from the lines', async () => {
    const extracted = await roles(plainMail, 'text')
    expect(roleOf(extracted, 'GARDEN NEWS')).toBe('heading')
    expect(roleOf(extracted, 'Opening hours this week')).toBe('heading')
    expect(roleOf(extracted, 'seedlings are ready')).toBe('paragraph')
    expect(roleOf(extracted, 'Cherry tomatoes')).toBe('list-item')
    expect(roleOf(extracted, 'Can I bring')).toBe('quote')
    expect(roleOf(extracted, 'Yes, bring them')).toBe('paragraph')
    expect(roleOf(extracted, 'Home | Shop')).toBe('navigation')
    expect(roleOf(extracted, 'Best regards')).toBe('signature')
    expect(roleOf(extracted, 'Head gardener')).toBe('signature')
    expect(roleOf(extracted, 'To unsubscribe')).toBe('footer')
    expect(roleOf(extracted, '© 2026')).toBe('footer')
  })

  it('ends a sentence at the line break after a heading or a list item', async () => {
    const extracted = await roles(plainMail, 'text')
    const heading = extracted.blocks.find((block) => block.text.includes('GARDEN NEWS'))!
    expect(heading.text).toBe('GARDEN NEWS')
    const item = extracted.blocks.find((block) => block.text.includes('Cherry'))!
    expect(item.text).toBe('- Cherry tomatoes in trays of six')
  })

  it('reads a run of short lines as a menu, even where one item exclaims, but not a stack of slogans', async () => {
    const menu = await roles('Seeds\nTools\nWorkshops\nAsk a gardener NOW!\nGift cards\n\nOur tomato seedlings are ready at the nursery on Bell Lane.', 'text')
    expect(roleOf(menu, 'Ask a gardener')).toBe('navigation')
    expect(roleOf(menu, 'Workshops')).toBe('navigation')
    expect(roleOf(menu, 'tomato seedlings')).toBe('paragraph')
    expect(await ruleIds('Seeds\nTools\nWorkshops\nAsk a gardener NOW!\nGift cards\n\nOur seedlings are ready on Friday.')).not.toContain('over-the-top/shouting')
    const slogans = await roles('BIG SAVINGS NOW!\nFREE SHIPPING TODAY!\nORDER RIGHT AWAY!\nDON\'T WAIT!\n\nSee the range.', 'text')
    expect(roleOf(slogans, 'FREE SHIPPING')).not.toBe('navigation')
  })

  it('ends a menu at a greeting, and reads a label after a bare link as a heading', async () => {
    const menu = ['Popular this week', 'Garden tools', 'Seed boxes', 'Help from a gardener NOW!', 'Spring catalogue', 'Dear reader,', 'Our tomato seedlings are ready for collection.'].join('\n')
    const extracted = await roles(menu, 'text')
    expect(roleOf(extracted, 'Help from a gardener')).toBe('navigation')
    expect(roleOf(extracted, 'seedlings are ready')).toBe('paragraph')
    expect(await ruleIds(menu)).toEqual([])
    const label = ['Read the full answer here:', 'https://example.com/answers/soil/how-deep-should-seed-potatoes-go-in-a-clay-garden', 'EXPERT ADVICE: ANNA DE VRIES | soil specialist', 'Dear Anna,', 'How deep should seed potatoes go in clay?'].join('\n')
    expect(roleOf(await roles(label, 'text'), 'EXPERT ADVICE')).toBe('heading')
    expect(await ruleIds(label)).toEqual([])
  })

  it('ends a menu before its second sentence, and never reads wrapped shouting as a menu', async () => {
    const menu = ['Shop', 'Garden tools', 'Also from us', 'Ask a gardener NOW!', 'Seed boxes', 'Planting calendar', 'Where did the frost go?', 'The frost came late this year, and our seedlings waited in the greenhouse for two more weeks.'].join('\n')
    expect(roleOf(await roles(menu, 'text'), 'Ask a gardener')).toBe('navigation')
    expect(await ruleIds(menu)).toEqual([])
    const wrapped = ['Our seed club', 'is growing', 'and you will', 'be amazed how easy it is!!!!', 'Join today.'].join('\n')
    expect(await ruleIds(wrapped)).toContain('over-the-top/shouting')
  })

  it('reads a line in capitals that ends on "a", "for" or "your" as a sentence wrapped onto the next line', async () => {
    const text = ['THIS GUIDE SHOWS YOU HOW TO APPLY AND WHAT TO SAY, SO THAT YOU GET A', 'GARDEN GRANT !!!', 'The guide is new.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'SO THAT YOU GET A')).toBe('paragraph')
    expect(extracted.blocks.find((block) => block.text.includes('GARDEN GRANT'))!.text).toContain('SO THAT YOU GET A')
  })

  it('reads a numbered title in capitals as a heading, even when it exclaims', async () => {
    const text = ['Contents', '1. NEW SEEDS.', '2. JOIN THE CLUB!', 'Our club meets on Tuesdays in the greenhouse behind the shop.'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'JOIN THE CLUB')).toBe('heading')
    expect(await ruleIds(text)).toEqual([])
    // Not numbered: a line of its own in capitals that exclaims is the sender shouting.
    expect(await ruleIds(['Contents', 'JOIN THE CLUB AND SAVE TODAY!', 'Our club meets on Tuesdays.'].join('\n'))).toContain('over-the-top/shouting')
  })

  it('reads a label and a run-in head in capitals as typesetting', async () => {
    expect(await ruleIds('Our news this week.\nTIP 2: BETTER PROFIT MARGINS By May, the bakery had doubled its bread sales.')).toEqual([])
  })

  it('reads a label with a figure as a table cell (a price or spec list)', async () => {
    const extracted = await roles('Kettle K2\n- Lowest price: $24\n- Weight: 1.2 kg\nIt boils a litre in three minutes.', 'text')
    expect(roleOf(extracted, 'Lowest price')).toBe('table-cell')
    expect(roleOf(extracted, 'Weight')).toBe('table-cell')
    expect(roleOf(extracted, 'It boils')).toBe('paragraph')
  })

  it('reads why the mail came as a footer, wrapped over lines', async () => {
    const text = ['Our new seed catalogue is out now.', '', 'You have', 'received this message because you signed up to receive', 'offers from one of our carefully selected garden', 'partners.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'carefully selected')).toBe('footer')
    expect(await ruleIds(text)).toEqual([])
  })

  it('reads an age limit as a legal line, even in capitals', async () => {
    const text = ['Our cider tasting opens on Friday at six.', 'YOU MUST BE AT LEAST 18 TO JOIN THE TASTING!', 'Tickets are at the door.'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'AT LEAST 18')).toBe('footer')
    expect(await ruleIds(text)).toEqual([])
    expect(roleOf(await roles(['Proeverij op vrijdag.', 'Alleen voor 18 jaar of ouder.', 'Kaartjes aan de deur.'].join('\n'), 'text'), '18 jaar')).toBe('footer')
    const under = ['The cider list follows below.', 'If you are under the age of 18, you must LEAVE this page NOW!', 'Tickets are at the door.'].join('\n')
    expect(roleOf(await roles(under, 'text'), 'under the age')).toBe('footer')
    expect(await ruleIds(under)).toEqual([])
  })

  it('reads a statement of legal compliance as a legal line, even in capitals', async () => {
    const text = ['Our seeds are in.', 'THIS NOTE IS SENT IN FULL COMPLIANCE WITH THE GARDEN MAIL ACT, SECTION 12. THIS IS A FREE OFFER!', 'Order today.'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'COMPLIANCE')).toBe('footer')
    expect(await ruleIds(text)).toEqual([])
  })

  it('reads "you will never receive another email" as how to leave the list', async () => {
    const text = ['Seeds for every bed.', 'CLICK', 'HERE TO CLOSE YOUR ACCOUNT and you will *never* receive another', 'email from us!'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'CLOSE YOUR ACCOUNT')).toBe('footer')
    expect(await ruleIds(text)).toEqual([])
    expect(roleOf(await roles(['Thanks.', 'follow this link and we will make sure', 'that you never receive email from our club again.', 'Sorry.'].join('\n'), 'text'), 'never receive')).toBe('footer')
    // Another loss stays the sender's line.
    expect(roleOf(await roles(['Thanks.', 'If you cancel, you will never receive another discount from us!', 'Bye.'].join('\n'), 'text'), 'If you cancel')).toBe('paragraph')
  })

  it('keeps a wrapped footer line a footer', async () => {
    const extracted = await roles('Our seeds ship on Monday.\nPlease note that prices fluctuate and may have changed since we sent this\nmail. Lowest prices shown are after any rebate.', 'text')
    expect(roleOf(extracted, 'Lowest prices shown')).toBe('footer')
    expect(roleOf(extracted, 'Our seeds ship')).toBe('paragraph')
  })

  it('starts a signature at "-- " and keeps it to the end', async () => {
    const extracted = await roles('Your parcel left our depot today.\n-- \nPiet\nDepot manager', 'text')
    expect(roleOf(extracted, 'parcel left')).toBe('paragraph')
    expect(roleOf(extracted, 'Depot manager')).toBe('signature')
  })

  it('reads a footnote with the offer’s terms as small print, but not a starred selling line', async () => {
    const text = ['Our compost bins are back in stock.', '© 2026 Bell Lane Nursery.', '*FREE DELIVERY: bins ship free on qualifying orders for a limited', 'time only. Qualifying orders are marked in the shop.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'FREE DELIVERY')).toBe('footer')
    expect(roleOf(extracted, 'time only')).toBe('footer')
    expect(await ruleIds(text)).not.toContain('coercion/pressure-deadline')
    const selling = await roles(['Our compost bins are back in stock.', '*BONUS: a free trowel with every bin!', 'Order today.'].join('\n'), 'text')
    expect(roleOf(selling, 'BONUS')).not.toBe('footer')
  })

  it('reads a numbered contents entry in title case as a heading, but not a bullet of claims', async () => {
    const text = ['In this issue', '1. Spring Bulbs Are Here', '2. Why the Tulip Mix Is Selling Out Fast', '3. Meet the Gardeners', 'Spring bulbs arrived at the nursery on Monday.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'Tulip Mix')).toBe('heading')
    expect(await ruleIds(text)).not.toContain('coercion/low-stock')
    const bullets = await roles(['Why our compost?', '· Very Affordable Price', '· Made in Brabant', 'Order it on the site.'].join('\n'), 'text')
    expect(roleOf(bullets, 'Affordable')).toBe('list-item')
  })

  it('reads a teaser cut off with an ellipsis under a section label as a headline', async () => {
    const text = ['COMMENTARY', 'Old greenhouse owners: act now or...', 'Whether or not you like the new glass rules, Piet Kramer says owners have choices to make.'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'act now or')).toBe('heading')
    expect(await ruleIds(text)).not.toContain('coercion/pressure-deadline')
    // Without the section label it is the sender's line.
    expect(roleOf(await roles(['Our bulbs are in.', 'Act now or...', 'The tulips go fast.'].join('\n'), 'text'), 'Act now')).toBe('paragraph')
  })

  it('reads a contest’s call on a line of its own as its title, unless it sells', async () => {
    const text = ['https://example.com/films', 'ENTER FOR YOUR CHANCE TO WIN!', 'The Garden Film', 'A new film about allotments opens on Friday.'].join('\n')
    expect(roleOf(await roles(text, 'text'), 'CHANCE TO WIN')).toBe('heading')
    expect(await ruleIds(text)).toEqual([])
    expect(await ruleIds(['Our bulbs are in.', 'WIN A FREE CRUISE TODAY, ENTER NOW!', 'The cruise leaves in May.'].join('\n'))).toContain('over-the-top/shouting')
  })

  it('reads the teaser of a review above its link as the editors’ report, not the sender’s claim', async () => {
    const text = ['Editors’ picks', 'Kestrel K2 kettle', 'This little kettle won us over with its quiet boil, a 1.7-litre jug and low price.', 'Read the review | Check prices', 'Our own garden hoses are back in stock.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'quiet boil')).toBe('quote')
    expect(roleOf(extracted, 'garden hoses')).toBe('paragraph')
    expect(await ruleIds(text)).not.toContain('generic-claim/stock-price')
    // Without the link to the review, the same line is the sender's.
    expect(await ruleIds(['Kestrel K2 kettle', 'This little kettle won us over with its quiet boil, a 1.7-litre jug and low price.', 'Order it today.'].join('\n'))).toContain('generic-claim/stock-price')
  })

  it('reads a testimonial next to its name and place as the customer’s words', async () => {
    const text = ['Our seed club opens again in May.', 'Marta Jansen, Salem, OR', 'Your FREE seed swap gave my kids and me the best summer ever!', 'Join the club on our site.'].join('\n')
    const extracted = await roles(text, 'text')
    expect(roleOf(extracted, 'FREE seed swap')).toBe('quote')
    expect(roleOf(extracted, 'Our seed club')).toBe('paragraph')
    expect(await ruleIds(text)).not.toContain('over-the-top/shouting')
    // Below the name, a line that speaks to the sender is the customer's too.
    expect(await ruleIds(['Our seed club opens again in May.', 'Marta Jansen, Salem, OR', 'Your seed swaps are the BEST deal of the summer!'].join('\n'))).not.toContain('over-the-top/shouting')
    // A quotation of several sentences over several lines: the middle one, without a quotation mark, is the customer's too.
    expect(await ruleIds(['"I was not sure about the seed club.', 'After one summer our beds were AMAZING!!!', 'Thank you all!"', '- Marta J., Salem'].join('\n'))).not.toContain('over-the-top/shouting')
    expect(await ruleIds('We LOVE our new seeds!!! They are "organic" and grown here.')).toContain('over-the-top/shouting')
    // The sender's own line next to a name stays the sender's.
    expect(await ruleIds(['Marta Jansen, Salem, OR', 'Our FREE seed swap is the BEST deal of the summer!'].join('\n'))).toContain('over-the-top/shouting')
  })

  it('ends a sentence at a line end after its final punctuation, before a fragment, a box border or a link in markup', async () => {
    const fragment = await roles(['WIN a year of seeds with Bell Lane!', 'garden centres, and enter our draw.'].join('\n'), 'text')
    expect(fragment.blocks.map((block) => block.text)).toEqual(['WIN a year of seeds with Bell Lane!', 'garden centres, and enter our draw.'])
    const boxed = await roles(['# THE BEST SEEDS!!! #', '# 3 packets ABSOLUTELY FREE!!! #'].join('\n'), 'text')
    expect(boxed.blocks).toHaveLength(2)
    const link = await roles(['To join for FREE, click on the link below.', '<a href="https://example.com/join">Join the club for FREE</a>'].join('\n'), 'text')
    expect(roleOf(link, 'Join the club')).toBe('button')
    expect(roleOf(link, 'To join')).toBe('paragraph')
    // Wrapped prose, and a sentence end before a capital, stay one block (the parser ends the sentence).
    expect((await roles('Order by Friday.\nThe van comes on Monday.', 'text')).blocks).toHaveLength(1)
    expect((await roles('We planted the hedge along the north fence in May, as Mr.\nJansen asked.', 'text')).blocks).toHaveLength(1)
  })

  it('keeps spans within one sentence: a missing space after a full stop, capitals wrapped over a line, a contact line', async () => {
    // "word.Next": the parser would read one word and run two sentences together.
    const runOn = 'Most growers never ask for the seed grant because they think it\nis not for them.Yet every allotment in town may apply, and it is FREE for ALL of YOU!'
    const file = await check(runOn, {lang: 'en', format: 'text', spell: false})
    const shout = file.messages.find((message) => message.ruleId === 'over-the-top/shouting')
    expect(shout).toBeDefined()
    expect(runOn.slice(shout!.place!.start.offset, shout!.place!.end.offset)).toBe('Yet every allotment in town may apply, and it is FREE for ALL of YOU!')
    // A link keeps its dots.
    expect((await roles('Visit www.Example.com/Seeds today.', 'text')).blocks[0].text).toBe('Visit www.Example.com/Seeds today.')
    // Capitals that run on over the line end stay one sentence with the prose before them.
    const wrapped = await roles('Plus, the starter box also holds YOUR VERY\nOWN copy of the planting calendar!\nIt lists every sowing date.', 'text')
    expect(wrapped.blocks[0].text).toBe('Plus, the starter box also holds YOUR VERY\nOWN copy of the planting calendar!\nIt lists every sowing date.')
    // A line that ends on "every" or "CLICK", or capitals that run on into a line in capitals, wrap the sentence.
    expect((await roles('You get A FULL $2 FOR EACH AND EVERY\nSEED PACKET THAT YOU SELL!\nHere is how.', 'text')).blocks).toHaveLength(1)
    expect((await roles('For the sowing calendar...CLICK\nHERE!!!\nIt is free.', 'text')).blocks).toHaveLength(1)
    expect((await roles('ALL TOGETHER the starter box holds EVERYTHING\nYOU WILL EVER NEED for a herb bed!\nIt ships in May.', 'text')).blocks).toHaveLength(1)
    const makes = 'Seed Planner 2026 - MAKES\nSOWING ON TIME EASY!\nSeed Keeper 2026 - KEEPS'
    const easy = (await check(makes, {lang: 'en', format: 'text', spell: false})).messages.find((message) => message.ruleId === 'over-the-top/shouting')
    expect(makes.slice(easy!.place!.start.offset, easy!.place!.end.offset)).toBe('Seed Planner 2026 - MAKES\nSOWING ON TIME EASY!')
    expect((await roles('KEEP YOUR SEEDLINGS WARM AS\nTHEY SETTLE IN THE NEW BED!\nWater them daily.', 'text')).blocks).toHaveLength(1)
    expect((await roles('The demand for our seed guide is so\nOVERWHELMING, you may sell as many\nas your garden club can take!', 'text')).blocks).toHaveLength(1)
    expect((await roles('SOW THE WHOLE BED AGAIN. There is NO\nLIMIT to the crops you can grow!!!\nNEXT STEP', 'text')).blocks[0].text).toBe('SOW THE WHOLE BED AGAIN. There is NO\nLIMIT to the crops you can grow!!!')
    // A bare link inside a sentence is part of it.
    const inside = await roles('Sow more this year! See the planner at:\nhttps://example.com/planner\nto collect your FREE seed list!\nHappy sowing.', 'text')
    expect(roleOf(inside, 'https://example.com/planner')).toBe('paragraph')
    expect(roleOf(inside, 'to collect')).toBe('paragraph')
    // A call to action opens a line of its own.
    const call = await roles('Find the plot you need! Over 1,300 allotments in our garden list\nClick Here to join the list for FREE Today!', 'text')
    expect(call.blocks.map((block) => block.text)).toEqual(['Find the plot you need! Over 1,300 allotments in our garden list', 'Click Here to join the list for FREE Today!'])
    // A line that ends on a phone number or a link is a contact line; the next line starts a sentence.
    const phone = await roles('CALL THE SEED LINE ON YOUR DAY OFF! 1-800-555-0142\nWith our seed cards you get ALL the rare kinds!!', 'text')
    expect(phone.blocks.map((block) => block.text)).toEqual(['CALL THE SEED LINE ON YOUR DAY OFF! 1-800-555-0142', 'With our seed cards you get ALL the rare kinds!!'])
    const link = await roles('If you like, come and see our garden at: https://example.com/garden\n=> With one seed card, a whole bed of herbs\n=> like this one can be sown in a DAY!', 'text')
    expect(link.blocks.map((block) => block.text)).toEqual(['If you like, come and see our garden at: https://example.com/garden', '=> With one seed card, a whole bed of herbs\n=> like this one can be sown in a DAY!'])
    const tilde = await roles('Sow it all for FREE!! https://example.com/sow\n~Cut your seed bill by half...', 'text')
    expect(tilde.blocks).toHaveLength(2)
  })

  it('keeps wrapped prose together and a single line as prose', async () => {
    const wrapped = await roles('We planted the new hedge along the north fence last\nweek, and it is already green.', 'text')
    expect(wrapped.blocks).toHaveLength(1)
    expect(wrapped.blocks[0].role).toBe('paragraph')
    const single = await roles('Sale ends tonight', 'text')
    expect(single.blocks[0].role).toBe('paragraph')
  })
})

describe('HTML roles', () => {
  const html = `<html><body>
<h1>Spring at the mill</h1>
<p>The new flour is milled and bagged.</p>
<table><tr><th>Flour</th><th>Price</th></tr><tr><td>Spelt, 1 kg</td><td>€ 3,50</td></tr></table>
<blockquote>The bread rose like never before.</blockquote>
<nav><a href="/a">Shop</a> <a href="/b">Recipes</a> <a href="/c">Visit</a></nav>
<ul><li>Rye, stone-ground</li></ul>
<p><a href="/order" class="btn">Order your flour</a></p>
<pre>SELECT name FROM flour;</pre>
<div class="signature">Marta, miller</div>
<footer>You are receiving this because you signed up at the mill.</footer>
</body></html>`

  it('reads roles from tags, links and classes', async () => {
    const extracted = await roles(html, 'html')
    expect(roleOf(extracted, 'Spring at the mill')).toBe('heading')
    expect(roleOf(extracted, 'new flour is milled')).toBe('paragraph')
    expect(roleOf(extracted, 'Spelt, 1 kg')).toBe('table-cell')
    expect(roleOf(extracted, 'Price')).toBe('table-cell')
    expect(roleOf(extracted, 'The bread rose')).toBe('quote')
    expect(roleOf(extracted, 'Recipes')).toBe('navigation')
    expect(roleOf(extracted, 'Rye, stone-ground')).toBe('list-item')
    expect(roleOf(extracted, 'Order your flour')).toBe('button')
    expect(roleOf(extracted, 'SELECT name')).toBe('code')
    expect(roleOf(extracted, 'Marta, miller')).toBe('signature')
    expect(roleOf(extracted, 'You are receiving this')).toBe('footer')
  })

  it('reads a layout cell holding prose as a paragraph', async () => {
    const extracted = await roles('<table><tr><td>Thanks for your order. Your flour leaves the mill on Monday.</td></tr></table>', 'html')
    expect(extracted.blocks[0].role).toBe('paragraph')
  })
})

describe('Markdown roles', () => {
  const markdown = [
    '# Courses this autumn',
    '',
    'We teach bread baking on Tuesday evenings.',
    '',
    '- Sourdough for beginners',
    '',
    '> My first loaf was the best I ever ate.',
    '',
    '[Book a place](https://example.com/book)',
    '',
    '| Course | Price |',
    '| --- | --- |',
    '| Sourdough | €40 |',
    '',
    'You can unsubscribe from these mails at any time.'
  ].join('\n')

  it('reads roles from the Markdown nodes', async () => {
    const extracted = await roles(markdown, 'markdown')
    expect(roleOf(extracted, 'Courses this autumn')).toBe('heading')
    expect(roleOf(extracted, 'We teach bread')).toBe('paragraph')
    expect(roleOf(extracted, 'Sourdough for beginners')).toBe('list-item')
    expect(roleOf(extracted, 'My first loaf')).toBe('quote')
    expect(roleOf(extracted, 'Book a place')).toBe('button')
    expect(roleOf(extracted, '€40')).toBe('table-cell')
    expect(roleOf(extracted, 'You can unsubscribe')).toBe('footer')
  })
})

describe('MJML roles', () => {
  const mjml = `<mjml><mj-head><mj-preview>Fresh loaves on Friday</mj-preview></mj-head><mj-body>
<mj-section><mj-column>
<mj-text><h2>Friday bake</h2><p>We bake rye and spelt this Friday.</p></mj-text>
<mj-button href="https://example.com">Reserve a loaf</mj-button>
<mj-navbar><mj-navbar-link href="/a">Breads</mj-navbar-link></mj-navbar>
<mj-table><tr><td>Rye</td><td>€4</td></tr></mj-table>
<mj-text><p class="footer">You receive this newsletter as a member of the bakery club.</p></mj-text>
</mj-column></mj-section></mj-body></mjml>`

  it('reads roles from the components and the HTML inside them', async () => {
    const extracted = await roles(mjml, 'mjml')
    expect(roleOf(extracted, 'Fresh loaves')).toBe('preheader')
    expect(roleOf(extracted, 'Friday bake')).toBe('heading')
    expect(roleOf(extracted, 'We bake rye')).toBe('paragraph')
    expect(roleOf(extracted, 'Reserve a loaf')).toBe('button')
    expect(roleOf(extracted, 'Breads')).toBe('navigation')
    expect(roleOf(extracted, '€4')).toBe('table-cell')
    expect(roleOf(extracted, 'bakery club')).toBe('footer')
  })
})

describe('.eml roles', () => {
  it('gives the subject, the preheader and the text part their roles', async () => {
    const eml = [
      'From: shop@example.com',
      'To: you@example.com',
      'Subject: Your plants are on their way',
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'DELIVERY',
      'Your plants leave the greenhouse on Monday.',
      '',
      'To unsubscribe, reply with stop.',
      '--b',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<div style="display:none">Plants on the move</div><h1>Delivery</h1><p>Your plants leave the greenhouse on Monday.</p>',
      '--b--',
      ''
    ].join('\r\n')
    const extracted = await extract(new TextEncoder().encode(eml), {format: 'eml'})
    expect(roleOf(extracted, 'Your plants are on their way')).toBe('subject')
    expect(roleOf(extracted, 'Plants on the move')).toBe('preheader')
    const text = extracted.blocks.filter((block) => block.part === 'text')
    expect(text.map((block) => block.role)).toEqual(['heading', 'paragraph', 'footer'])
    expect(extracted.blocks.find((block) => block.part === 'html' && block.text === 'Delivery')?.role).toBe('heading')
  })
})

describe('rules judge the sender’s prose', () => {
  it('leaves capitals in a heading alone but reports them in prose', async () => {
    expect(await ruleIds('WE LOVE OUR REGULARS\nThe shop opens at nine on Monday.')).not.toContain('over-the-top/shouting')
    expect(await ruleIds('Thanks for coming in.\nWe LOVE our regulars and their dogs!')).toContain('over-the-top/shouting')
  })

  it('does not read a quoted reply or a footer as the sender’s pressure', async () => {
    expect(await ruleIds('Thanks for writing.\n> If I cancel now, will I lose my points?\nNo, your points stay.')).not.toContain('coercion/threat-if-leave')
    expect(await ruleIds('Your order is on its way.\n\nIf you no longer wish to receive these mails, you can unsubscribe here.')).toEqual([])
  })

  it('does not read a menu or a price table as a claim', async () => {
    expect(await ruleIds('<nav><a href="/a">Lowest Prices</a> <a href="/b">Expert Advice</a> <a href="/c">Stores</a></nav>', 'html')).toEqual([])
    expect(await ruleIds('<table><tr><th>Model</th><th>Lowest price</th></tr><tr><td>Kettle K2</td><td>$24</td></tr></table>', 'html')).toEqual([])
    expect(await ruleIds('<p>We offer the lowest prices in town.</p>', 'html')).toContain('generic-claim/stock-price')
    // A price claim as a sentence of its own with the price right after it is checkable; one sentence further on it is not.
    expect(await ruleIds('Very Low Price! Now the full seed planner costs only $ 39.95.')).not.toContain('generic-claim/stock-price')
    expect(await ruleIds('Low prices! Visit the shop. The planner is $40.')).toContain('generic-claim/stock-price')
  })

  it('does not read a customer’s quoted rave as the sender’s gush', async () => {
    expect(await ruleIds('<blockquote>Absolutely amazing, incredible, life-changing bread!!!</blockquote>', 'html')).toEqual([])
  })

  it('does not read a claim inside a name in title case as the sender’s claim', async () => {
    expect(await ruleIds('We watched Space Patrol: The Next Generation on Sunday.')).toEqual([])
    expect(await ruleIds('Our next-generation kettle boils faster.')).toContain('generic-claim/stock-innovation')
  })

  it('does not read news or a review about someone else as the sender’s claim', async () => {
    // A reporting frame, a name in the possessive, "its" or "his": someone else's claim.
    expect(await ruleIds('Analyst Mira Jansen says the firm builds a more efficient and reliable pump than its rivals.')).toEqual([])
    expect(await ruleIds('The Kestrel 300’s low price and bright screen make it a fine first tablet.')).toEqual([])
    expect(await ruleIds('They are the leader in garden tools, reporters wrote.')).toEqual([])
    expect(await ruleIds('Within two days he would be gone.')).toEqual([])
    expect(await ruleIds('Volgens de analist biedt het bedrijf de scherpste prijzen.', 'text', 'nl')).toEqual([])
    // A question that asks makes no claim.
    expect(await ruleIds('But how do you know which kettles offer the best value?')).toEqual([])
    // The same claims in the sender's voice: to the reader, by "we", or exclaimed.
    expect(await ruleIds('The firm builds a more efficient and reliable pump.')).toContain('generic-claim/stock-virtues')
    expect(await ruleIds('Our Kestrel 300’s low price is the best value in town!')).toContain('generic-claim/stock-price')
    expect(await ruleIds('Within two days the offer would be gone.')).toContain('coercion/deadline-frame')
    // One finding for the span: stock-price sits inside superlative-any's span and is named in its `also`.
    expect(await ruleIds('Het bedrijf biedt de scherpste prijzen.', 'text', 'nl')).toContain('generic-claim/superlative-any')
    // Dutch "hij" and "hem" are the product as often as a person.
    expect(await ruleIds('De voorraad slinkt: pak hem nu.', 'text', 'nl')).toContain('coercion/rush-low-stock')
  })

  it('reads a term with its exit in the next sentence as fair', async () => {
    expect(await ruleIds('Your seed box renews automatically. You can switch that off in your account.')).toEqual([])
    expect(await ruleIds('Your seed box renews automatically. The next box ships in May.')).toContain('coercion/auto-renewal')
    expect(await ruleIds('I can’t help with refunds in this chat. I’ve passed your question to our billing team.')).not.toContain('dismissive/cannot-help')
  })

  it('reads time or stock terms in a footer as no pressure', async () => {
    const text = [
      'Our new compost bins are in.',
      'Order one this week and the delivery is on us.',
      '',
      '© 2026 Bell Lane Nursery. Free delivery on bins ordered online, for a limited time only.'
    ].join('\n')
    expect(roleOf(await roles(text, 'text'), 'limited time')).toBe('footer')
    expect(await ruleIds(text)).not.toContain('coercion/pressure-deadline')
    // The same terms in the sender's prose push.
    expect(await ruleIds('Free delivery on bins ordered online, for a limited time only.')).toContain('coercion/pressure-deadline')
    // Time pressure is not read in footers; threats and fees still are (see below).
    const {loadRules} = await import('../src/index.js')
    expect(loadRules().byId.get('coercion/pressure-deadline')!.scope).not.toContain('footer')
  })

  it('honours a rule’s own `roles`', async () => {
    const {loadRules} = await import('../src/index.js')
    const rule = loadRules().byId.get('over-the-top/shouting')!
    expect(rule.scope).toEqual(['subject', 'preheader', 'paragraph', 'list-item', 'button'])
    expect(loadRules().byId.get('coercion/minimum-term')!.scope).toContain('footer')
  })
})
