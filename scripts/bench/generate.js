/**
 * Seeded generator of realistic plain-text marketing emails in English and
 * Dutch for trouw's benchmark: a greeting, an intro, product and news
 * paragraphs, an offer, service information and a sign-off, 150 to 600 words.
 * Most copy is clean; some emails carry pressure (coercion) or gush
 * (over-the-top) phrasing, as real campaigns do.
 *
 * Usage as a script (writes one `.txt` file per email):
 *   node scripts/bench/generate.js --lang en --count 5 --seed 7 --out /tmp/emails
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath} from 'node:url'
import {createRandom} from './prng.js'
import {en} from './vocabulary-en.js'
import {nl} from './vocabulary-nl.js'

/**
 * @typedef {{name: string, article?: string, facts: string[]}} Product
 * @typedef {{brand: string, story: string[], products: Product[]}} Shop
 * @typedef {{
 *   greetings: string[], names: string[], staff: string[], cities: string[], days: string[],
 *   shops: Shop[], intros: string[], glue: string[], extras: string[], offers: string[],
 *   service: string[], signoffs: string[], pressure: string[], gush: string[]
 * }} Vocabulary
 * @typedef {{id: string, lang: 'en' | 'nl', text: string, words: number, pressure: number, gush: number}} Email
 */

/** Fewest and most words in one email. */
export const minWords = 150
export const maxWords = 600

/** @type {Record<'en' | 'nl', Vocabulary>} */
const vocabularies = {en, nl}

const slotPattern = /\{([^{}]+)\}/g

/**
 * Count words the way a reader would: runs of non-space characters.
 *
 * @param {string} text
 * @returns {number}
 */
export function countWords(text) {
  const matches = text.match(/\S+/g)
  return matches ? matches.length : 0
}

/**
 * Fill the slots of a template. `{slot}` takes a value from `slots` (missing
 * slots throw, so a typo in a template is caught by the tests); `{a|b}` takes
 * `a` for informal address and `b` for formal address.
 *
 * @param {string} template
 * @param {Readonly<Record<string, string>>} slots
 * @param {boolean} formal
 * @returns {string}
 */
export function fillTemplate(template, slots, formal) {
  return template.replace(slotPattern, (_, /** @type {string} */ inner) => {
    const bar = inner.indexOf('|')
    if (bar !== -1) return formal ? inner.slice(bar + 1) : inner.slice(0, bar)
    const value = slots[inner]
    if (value === undefined) throw new Error('Unknown slot `{' + inner + '}` in template: ' + template)
    return value
  })
}

/**
 * Generate `count` emails in one language, the same for the same seed.
 *
 * @param {Readonly<{lang: 'en' | 'nl', count: number, seed?: number}>} options
 *   `seed` (default: 1).
 * @returns {Email[]}
 */
export function generateEmails(options) {
  const seed = options.seed ?? 1
  // A different stream per language, so adding English emails does not change the Dutch ones.
  const random = createRandom(seed * 2 + (options.lang === 'nl' ? 1 : 0))
  /** @type {Email[]} */
  const emails = []
  for (let index = 0; index < options.count; index++) {
    emails.push(generateEmail(random, options.lang, index))
  }
  return emails
}

/**
 * @param {ReturnType<typeof createRandom>} random
 * @param {'en' | 'nl'} lang
 * @param {number} index
 * @returns {Email}
 */
function generateEmail(random, lang, index) {
  const words = vocabularies[lang]
  const shop = random.pick(words.shops)
  const formal = lang === 'nl' && random.chance(0.4)
  const target = random.int(minWords, maxWords)
  const pressureCount = random.chance(0.4) ? random.int(1, 2) : 0
  const gushCount = random.chance(0.35) ? random.int(1, 2) : 0
  const pressure = takeDistinct(random, words.pressure, pressureCount)
  const gush = takeDistinct(random, words.gush, gushCount)

  const base = {
    name: random.pick(words.names),
    brand: shop.brand,
    staff: random.pick(words.staff),
    city: random.pick(words.cities),
    day: random.pick(words.days),
    code: randomCode(random)
  }
  const products = shuffle(random, shop.products.slice())

  /**
   * @param {string} template
   * @param {Product} [product]
   */
  function fill(template, product) {
    const item = product ?? random.pick(shop.products)
    const article = item.article ?? (lang === 'nl' ? 'de' : 'the')
    return fillTemplate(
      template,
      {
        ...base,
        product: item.name,
        theProduct: article + ' ' + item.name,
        TheProduct: capitalize(article) + ' ' + item.name,
        price: price(random, lang),
        n: String(random.int(2, 9)),
        percent: String(random.pick([10, 15, 20, 25])),
        hours: String(random.int(2, 12))
      },
      formal
    )
  }

  const greeting = fill(random.pick(words.greetings))
  const intro = [fill(random.pick(words.intros))]
  if (gush.length > 0) intro.push(fill(gush[0], products[0]))
  const offer = [fill(random.pick(words.offers))]
  const service = takeDistinct(random, words.service, 2).map((template) => fill(template))
  if (pressure.length > 0) offer.push(fill(pressure[0]))
  if (pressure.length > 1) service.splice(1, 0, fill(pressure[1]))
  const signoff = fill(random.pick(words.signoffs))

  /** @type {string[][]} */
  const body = products.map((product, position) => {
    const glue = takeDistinct(random, words.glue, random.int(1, 3))
    const sentences = [fill(glue[0], product), ...product.facts.map((fact) => fill(fact, product))]
    for (const template of glue.slice(1)) sentences.push(fill(template, product))
    if (gush.length > 1 && position === 0) sentences.push(fill(gush[1], product))
    return sentences
  })
  body.splice(random.int(1, body.length), 0, shop.story.map((template) => fill(template)))
  const news = takeDistinct(random, words.extras, 6).map((template) => fill(template))
  body.push(news.slice(0, 3), news.slice(3))

  const fixed = [greeting, intro.join(' '), offer.join(' '), service.join(' '), signoff]
  let total = fixed.reduce((sum, part) => sum + countWords(part), 0)
  /** @type {string[]} */
  const chosen = []
  for (const sentences of body) {
    const paragraph = sentences.join(' ')
    const size = countWords(paragraph)
    if (chosen.length > 0 && (total >= target || total + size > maxWords)) break
    chosen.push(paragraph)
    total += size
  }

  const text = [greeting, intro.join(' '), ...chosen, offer.join(' '), service.join(' '), signoff].join('\n\n') + '\n'
  return {
    id: lang + '-' + String(index + 1).padStart(3, '0'),
    lang,
    text,
    words: countWords(text),
    pressure: pressure.length,
    gush: gush.length
  }
}

/**
 * @template T
 * @param {ReturnType<typeof createRandom>} random
 * @param {ReadonlyArray<T>} list
 * @param {number} count
 * @returns {T[]}
 */
function takeDistinct(random, list, count) {
  return shuffle(random, list.slice()).slice(0, count)
}

/**
 * Fisher–Yates, in place.
 *
 * @template T
 * @param {ReturnType<typeof createRandom>} random
 * @param {T[]} list
 * @returns {T[]}
 */
function shuffle(random, list) {
  for (let index = list.length - 1; index > 0; index--) {
    const other = random.int(0, index)
    const swap = list[index]
    list[index] = list[other]
    list[other] = swap
  }
  return list
}

/**
 * @param {ReturnType<typeof createRandom>} random
 * @param {'en' | 'nl'} lang
 */
function price(random, lang) {
  const whole = random.pick([9, 14, 19, 24, 29, 39, 49, 79, 129, 149])
  const cents = random.pick(['00', '95', '50'])
  return lang === 'en' ? '£' + whole + '.' + cents : '€' + whole + ',' + cents
}

/** @param {ReturnType<typeof createRandom>} random */
function randomCode(random) {
  const letters = 'ABCDEFGHJKLMNPRSTUVWXYZ'
  let code = ''
  for (let index = 0; index < 5; index++) code += letters[random.int(0, letters.length - 1)]
  return code + random.int(10, 99)
}

/** @param {string} value */
function capitalize(value) {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

/**
 * Read `--name value` pairs from argv.
 *
 * @param {string[]} argv
 * @returns {Record<string, string>}
 */
function readFlags(argv) {
  /** @type {Record<string, string>} */
  const flags = {}
  for (let index = 0; index < argv.length; index += 2) {
    const name = argv[index]
    const value = argv[index + 1]
    if (!name.startsWith('--') || value === undefined) {
      throw new Error('Expected `--name value` pairs, got `' + name + '`')
    }
    flags[name.slice(2)] = value
  }
  return flags
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const flags = readFlags(process.argv.slice(2))
    const lang = flags.lang === 'nl' ? 'nl' : 'en'
    const emails = generateEmails({lang, count: Number(flags.count ?? 5), seed: Number(flags.seed ?? 1)})
    if (flags.out) {
      fs.mkdirSync(flags.out, {recursive: true})
      for (const email of emails) fs.writeFileSync(path.join(flags.out, email.id + '.txt'), email.text)
      console.log('Wrote ' + emails.length + ' emails to ' + flags.out)
    } else {
      console.log(emails.map((email) => email.text).join('\n-----\n\n'))
    }
  } catch (error) {
    console.error('generate: ' + (error instanceof Error ? error.message : String(error)))
    process.exitCode = 2
  }
}

/** Write the emails one after another (a blank line between) into one file of at most `bytes`, cycling through them: a big file made of mail. */
export function writeJoined(file, emails, bytes) {
  const fd = fs.openSync(file, 'w')
  let written = 0
  for (let index = 0; ; index = (index + 1) % emails.length) {
    const chunk = Buffer.from(emails[index].text + '\n\n')
    if (written + chunk.length > bytes) break
    fs.writeSync(fd, chunk)
    written += chunk.length
  }
  fs.closeSync(fd)
}
