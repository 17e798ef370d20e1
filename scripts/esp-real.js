#!/usr/bin/env node
/**
 * Does the ESP score track real quality? (`npm run esp:real`)
 *
 * Reads the real mail in `../shared/real` (JSONL, one mail a row, plain text
 * with one paragraph a line), checks each row as plain text in its own `lang`
 * with spelling off, and reports:
 *
 * - the pairwise probability (AUC) that an opted-in newsletter
 *   (`newsletters-en.jsonl`) outscores an unsolicited bulk mail
 *   (`unsolicited-en.jsonl`), for `esp` and per component: over all
 *   newsletter × bulk pairs, a win counts 1 and a tie ½ (0.5 is a coin);
 * - the mean `esp`, components and score confidence per source file.
 *
 * It measures; it does not gate: the exit code is 0 unless the build is
 * missing or a row is not JSON (2). Without `../shared` it says so in one line
 * and exits 0.
 *
 * Usage: node scripts/esp-real.js [--dir DIR] [--limit N] [--json]
 *   --dir DIR    the folder with the JSONL files (default: ../shared/real)
 *   --limit N    read at most N rows per file (a quick look; not the figure)
 *   --json       machine-readable output
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fail, firstLine, loadCheck, packageRoot, readJsonl} from './bench/load-trouw.js'

const script = 'esp-real'
const usage = 'Usage: node scripts/esp-real.js [--dir DIR] [--limit N] [--json]'
const components = ['esp', 'warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']
/** The two sides of the pairwise figure. */
const better = 'newsletters-en.jsonl'
const worse = 'unsolicited-en.jsonl'

const options = readArguments(process.argv.slice(2))
const dir = path.resolve(options.dir ?? path.join(packageRoot, '..', 'shared', 'real'))

if (!fs.existsSync(dir)) {
  console.log(`${script}: skipped, no real mail at ${dir} (pass --dir DIR)`)
  process.exit(0)
}

const files = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.jsonl'))
  .sort()
if (!files.includes(better) || !files.includes(worse)) {
  console.log(`${script}: skipped, ${dir} has no ${better} and ${worse}`)
  process.exit(0)
}

const check = await loadCheck(script)

/** @type {Record<string, Array<Record<string, number>>>} */
const results = {}
let errors = 0
for (const name of files) {
  const rows = readJsonl(script, path.join(dir, name)).slice(0, options.limit ?? Infinity)
  const list = (results[name] = [])
  for (const row of rows) {
    try {
      const file = await check(String(row.text ?? ''), {lang: row.lang === 'nl' ? 'nl' : 'en', format: 'text', spell: false})
      const data = file.data.trouw
      list.push({...data.scores, confidence: data.scoreConfidence ?? data.scores?.confidence ?? NaN})
    } catch (error) {
      errors++
      if (errors <= 3) console.error(`${script}: ${name}: ${firstLine(error)}`)
    }
  }
}

const auc = {}
for (const component of components) auc[component] = pairwise(results[better], results[worse], component)
const means = {}
for (const name of files) {
  means[name] = {rows: results[name].length}
  for (const key of [...components, 'confidence']) means[name][key] = mean(results[name].map((row) => row[key]))
}

if (options.json) {
  console.log(JSON.stringify({dir, auc, means, errors}, null, 2))
} else {
  console.log(`ESP on real mail (${dir})`)
  console.log(`AUC: P(newsletter outscores bulk mail), ${results[better].length} × ${results[worse].length} pairs (0.5 = a coin)`)
  for (const component of components) console.log(`  ${component.padEnd(16)} ${auc[component].toFixed(2)}`)
  console.log('Mean per source')
  const header = ['source'.padEnd(26), 'rows', ...components.map((c) => c.slice(0, 5).padStart(5)), 'conf']
  console.log('  ' + header.join(' '))
  for (const name of files) {
    const m = means[name]
    const cells = components.map((c) => m[c].toFixed(0).padStart(5))
    const confidence = Number.isNaN(m.confidence) ? '   -' : m.confidence.toFixed(2)
    console.log('  ' + [name.padEnd(26), String(m.rows).padStart(4), ...cells, confidence].join(' '))
  }
  if (errors > 0) console.log(`${errors} rows failed to check`)
}

/** P(a row of `high` outscores a row of `low` on `key`), ties ½: the Mann–Whitney U over all pairs. */
function pairwise(high, low, key) {
  // Sort once, then count for each high score the lows below and equal to it.
  const lows = low.map((row) => row[key]).sort((a, b) => a - b)
  let wins = 0
  for (const row of high) {
    const value = row[key]
    const below = lowerBound(lows, value)
    const equal = lowerBound(lows, value + 1e-9) - below
    wins += below + equal / 2
  }
  return high.length * lows.length === 0 ? NaN : wins / (high.length * lows.length)
}

/** First index in the sorted `list` whose value is ≥ `value`. */
function lowerBound(list, value) {
  let low = 0
  let high = list.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (list[middle] < value) low = middle + 1
    else high = middle
  }
  return low
}

function mean(values) {
  const real = values.filter((value) => typeof value === 'number' && !Number.isNaN(value))
  return real.length === 0 ? NaN : real.reduce((sum, value) => sum + value, 0) / real.length
}

function readArguments(argv) {
  /** @type {{dir?: string, limit?: number, json?: boolean}} */
  const parsed = {}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--json') parsed.json = true
    else if (argument === '--dir' && argv[index + 1]) parsed.dir = argv[++index]
    else if (argument === '--limit' && /^\d+$/.test(argv[index + 1] ?? '')) parsed.limit = Number(argv[++index])
    else fail(script, `unknown argument ${argument}; ${usage}`)
  }
  return parsed
}
