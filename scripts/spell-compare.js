#!/usr/bin/env node
/**
 * Suggestions for the own misspellings in test/fixtures/spelling/typos.tsv,
 * through the built speller (`dist/`): per typo the suggestions, the
 * dictionary work and the CPU time, then how often the intended word is
 * first and in the three. `--json FILE` also writes the suggestions, to
 * compare two builds: `node scripts/spell-compare.js --json before.json`,
 * change, build, `node scripts/spell-compare.js --against before.json`.
 */
import {readFileSync, writeFileSync} from 'node:fs'
import {createSpeller, SuggestionBudget} from '../dist/spell/index.js'

const args = process.argv.slice(2)
const option = (name) => {
  const at = args.indexOf('--' + name)
  return at === -1 ? undefined : args[at + 1]
}
const rows = readFileSync(new URL('../test/fixtures/spelling/typos.tsv', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => line.split('\t'))
const against = option('against') ? JSON.parse(readFileSync(option('against'), 'utf8')) : undefined
const results = {}
const tally = {en: {typos: 0, first: 0, three: 0, ms: 0}, nl: {typos: 0, first: 0, three: 0, ms: 0}}
for (const lang of ['en', 'nl']) await createSpeller(lang)
for (const [lang, typo, intended] of rows) {
  // A fresh speller per typo would share the process's suggestion cache: a new budget and an uncached word each time.
  const speller = await createSpeller(lang)
  if (speller.correct(typo)) {
    console.log(`${lang} ${typo}: accepted as correct`)
    continue
  }
  const before = speller.candidates
  const cpu = process.cpuUsage()
  const suggestions = speller.suggest(typo, {budget: new SuggestionBudget(Number.POSITIVE_INFINITY)})
  const used = process.cpuUsage(cpu)
  const ms = (used.user + used.system) / 1000
  const work = speller.candidates - before
  results[lang + ' ' + typo] = suggestions
  const t = tally[lang]
  t.typos++
  t.ms += ms
  if (suggestions[0] === intended) t.first++
  if (suggestions.includes(intended)) t.three++
  const old = against?.[lang + ' ' + typo]
  const change = old && old.join(',') !== suggestions.join(',') ? `  (was ${old.join(', ') || '-'})` : ''
  console.log(`${lang} ${typo} -> ${suggestions.join(', ') || '-'}${suggestions[0] === intended ? '' : suggestions.includes(intended) ? '  [intended not first]' : '  [intended missing: ' + intended + ']'}; ${work} look-ups, ${ms.toFixed(1)} ms${change}`)
}
for (const [lang, t] of Object.entries(tally)) {
  console.log(`${lang}: ${t.typos} typos, intended word first ${t.first}, in the three ${t.three}, ${t.ms.toFixed(0)} ms CPU in all`)
}
if (option('json')) writeFileSync(option('json'), JSON.stringify(results, null, 1) + '\n')
