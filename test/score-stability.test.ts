/**
 * The ESP score is stable: the same mail twice, or the same mail with its
 * footer changed (unsubscribe text, address, legal lines), moves every score
 * by at most 3 points. Over the project's example emails and two mails of our
 * own, with footers of our own.
 */
import {readFileSync, readdirSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {checkExtracted, extract, type Block, type Extracted, type Language, type Scores} from '../src/index.js'

const examples = new URL('../examples/', import.meta.url)
const tolerance = 3

/** Two mails of our own in plain text. */
const ownMails: Array<{name: string; lang: Language; text: string}> = [
  {
    name: 'own-repair-en.txt',
    lang: 'en',
    text: [
      'Hi Ruth,',
      '',
      'Your grandfather clock is back together. Pieter replaced the worn suspension spring on Tuesday and let it run for three days; it now loses about a minute a week.',
      '',
      'We will bring it round on Saturday morning between nine and eleven, and set it level in your hall. If that time does not suit, reply and we will find another.',
      '',
      'Thank you for trusting us with it.'
    ].join('\n')
  },
  {
    name: 'own-fietsen-nl.txt',
    lang: 'nl',
    text: [
      'Hoi Daan,',
      '',
      'Je bakfiets staat klaar. Femke heeft de remkabels vervangen en de ketting gespannen; de kapotte spaak zat achter, die is nu nieuw.',
      '',
      'Je kunt hem ophalen tot zaterdag vijf uur. Past dat niet, laat het ons weten, dan brengen we hem langs.',
      '',
      'Bedankt dat je bij ons bleef.'
    ].join('\n')
  }
]

/** Footers of our own: two versions per language, each as lines. */
const footers: Record<Language, string[][]> = {
  en: [
    ['You receive this email because you are a customer of ours.', 'Unsubscribe from these emails in one click.', 'Klokkenhuis, Lange Gracht 14, 2312 AB Leiden', 'Copyright 2026 Klokkenhuis. All rights reserved.'],
    ['To stop receiving our mail, use the unsubscribe link below.', 'Read our privacy policy.', 'Fietsenmakerij Noord, Kade 3, 9711 CD Groningen, Netherlands']
  ],
  nl: [
    ['Je ontvangt deze e-mail omdat je klant bij ons bent.', 'Afmelden kan met één klik.', 'Fietsenmakerij Noord, Kade 3, 9711 CD Groningen', 'Copyright 2026. Alle rechten voorbehouden.'],
    ['Geen zin meer in onze mails? Afmelden.', 'Lees onze privacyverklaring.', 'Klokkenhuis, Lange Gracht 14, 2312 AB Leiden']
  ]
}

/** The same mail twice in one file: the body of an HTML file twice, Markdown and text after their front matter twice. */
function doubled(name: string, content: string): string {
  if (name.endsWith('.html')) return content.replace(/<body>([\s\S]*)<\/body>/, (_, inner: string) => `<body>${inner}${inner}</body>`)
  const body = content.replace(/^---\n[\s\S]*?\n---\n/, '')
  return `${content}\n\n${body}`
}

async function extracted(name: string, content: string): Promise<Extracted> {
  return extract(content, {path: name})
}

/** The extracted mail with extra blocks from `text` (source `extra`), in `role` (none: as the format layer reads plain text). */
async function withBlocks(base: Extracted, text: string, role?: Block['role']): Promise<Extracted> {
  const extra = await extract(text, {format: 'text'})
  const blocks = extra.blocks.map((block) => ({...block, source: 'extra', ...(role ? {role} : {})}))
  return {...base, sources: {...base.sources, extra: extra.sources.file}, blocks: [...base.blocks, ...blocks]}
}

async function scores(value: Extracted, lang: Language): Promise<Scores> {
  const file = await checkExtracted(value, {lang, spell: false})
  return file.data.trouw!.scores!
}

function expectClose(a: Scores, b: Scores, label: string): void {
  for (const key of Object.keys(a) as Array<keyof Scores>) {
    expect(Math.abs(a[key] - b[key]), `${label}: ${key} ${a[key]} → ${b[key]}`).toBeLessThanOrEqual(tolerance)
  }
}

const mails: Array<{name: string; lang: Language; content: string}> = [
  ...readdirSync(examples)
    .filter((name) => !name.startsWith('.'))
    .map((name) => ({name, lang: (name.includes('-nl') ? 'nl' : 'en') as Language, content: readFileSync(new URL(name, examples), 'utf8')})),
  ...ownMails.map(({name, lang, text}) => ({name, lang, content: text}))
]

describe('the score is stable', () => {
  it('has example emails to test', () => {
    expect(mails.length).toBeGreaterThanOrEqual(4)
  })

  for (const {name, lang, content} of mails) {
    it(`scores ${name} the same when it is there twice`, async () => {
      const base = await extracted(name, content)
      expectClose(await scores(base, lang), await scores(await extracted(name, doubled(name, content)), lang), 'twice')
    })

    it(`moves ${name} by at most ${tolerance} points when its footer changes (footer blocks)`, async () => {
      const base = await extracted(name, content)
      const plain = await scores(base, lang)
      const [first, second] = footers[lang]
      const one = await scores(await withBlocks(base, first.join('\n\n'), 'footer'), lang)
      const other = await scores(await withBlocks(base, second.join('\n\n'), 'footer'), lang)
      expectClose(plain, one, 'footer added')
      expectClose(one, other, 'footer swapped')
    })

    it(`moves ${name} by at most ${tolerance} points when unsubscribe and legal lines follow as plain paragraphs`, async () => {
      const base = await extracted(name, content)
      const plain = await scores(base, lang)
      // Without a footer role: the sentences about the mail itself are set aside on their own.
      const [first, second] = footers[lang].map((lines) => lines.filter((line) => !/\d{4} [A-Z]{2}/.test(line)))
      expectClose(plain, await scores(await withBlocks(base, first.join('\n\n')), lang), 'legal lines added')
      expectClose(plain, await scores(await withBlocks(base, second.join('\n\n')), lang), 'other legal lines added')
    })
  }
})
