#!/usr/bin/env node
/**
 * Compare the speed of two builds of trouw in one process: is B faster or
 * slower than A, and by how much?
 *
 * Separate runs of `npm run bench` differ by several percent on a shared
 * machine, more than most single speed changes. Here both builds check the
 * same generated emails (scripts/bench/generate.js, seed 1) in ABBA rounds
 * in one process, so drift in the machine's speed falls on both alike. It
 * prints the median and mean of the per-round CPU-time ratio B/A with a 95 %
 * interval of the mean, and each build's ratio to the bare retext parse
 * timed in the same rounds.
 *
 * Usage: node scripts/bench-ab.js A B [--lang en|nl] [--auto] [--rounds N] [--count N]
 *   A, B        package folders, each with a built dist/ (and its rules/,
 *               dictionaries/, package.json and node_modules/ beside it)
 *   --lang      language of the emails (default: en)
 *   --auto      let trouw detect the language (default: pass it)
 *   --rounds    ABBA rounds after the warm-up (default: 30)
 *   --count     emails per round (default: 200)
 *
 * One way to get a second folder: `git worktree add ../trouw-a HEAD~1`,
 * link node_modules into it and run `npm run build` there.
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {pathToFileURL} from 'node:url'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import {generateEmails} from './bench/generate.js'
import {fail, firstLine} from './bench/load-trouw.js'
import {median} from './bench/stats.js'

const script = 'bench-ab'
const usage = 'Usage: node scripts/bench-ab.js A B [--lang en|nl] [--auto] [--rounds N] [--count N]'
const options = readArguments(process.argv.slice(2))
/** Warm-up rounds: V8 goes on optimizing for about ten rounds of 200 emails. */
const warmup = 10

const checkA = await load(options.a)
const checkB = await load(options.b)
const emails = generateEmails({lang: options.lang, count: options.count, seed: 1}).map((email) => email.text)
const processor = unified()
  .use(options.lang === 'nl' ? retextDutch : retextEnglish)
  .freeze()
const settings = {lang: options.auto ? 'auto' : options.lang, format: 'text'}

for (let round = 0; round < warmup; round++) {
  for (const email of emails) {
    processor.parse(email)
    await checkA(email, settings)
    await checkB(email, settings)
  }
}

const ratios = []
const toParseA = []
const toParseB = []
for (let round = 0; round < options.rounds; round++) {
  const parse1 = parseAll()
  const a1 = await checkAll(checkA)
  const b1 = await checkAll(checkB)
  const b2 = await checkAll(checkB)
  const a2 = await checkAll(checkA)
  const parse2 = parseAll()
  ratios.push((b1 + b2) / (a1 + a2))
  toParseA.push((a1 + a2) / (parse1 + parse2))
  toParseB.push((b1 + b2) / (parse1 + parse2))
}

const mean = ratios.reduce((sum, value) => sum + value, 0) / ratios.length
const deviation = Math.sqrt(ratios.reduce((sum, value) => sum + (value - mean) ** 2, 0) / Math.max(1, ratios.length - 1))
const interval = (1.96 * deviation) / Math.sqrt(ratios.length)
console.log(
  `${options.lang}${options.auto ? ' (auto)' : ''}: B/A median ${fixed(median(ratios), 3)}, mean ${fixed(mean, 3)} ± ${fixed(interval, 3)} (95 %); ` +
    `vs bare parse: A ${fixed(median(toParseA), 2)}×, B ${fixed(median(toParseB), 2)}× (${options.rounds} ABBA rounds of ${emails.length} emails)`
)

/** CPU milliseconds of the process so far (user + system). */
function cpu() {
  const usage = process.cpuUsage()
  return (usage.user + usage.system) / 1000
}

function parseAll() {
  const start = cpu()
  for (const email of emails) processor.parse(email)
  return cpu() - start
}

/** @param {(value: string, options: object) => Promise<unknown>} check */
async function checkAll(check) {
  const start = cpu()
  for (const email of emails) await check(email, settings)
  return cpu() - start
}

/** @param {number | null} value @param {number} digits */
function fixed(value, digits) {
  return value === null ? '–' : value.toFixed(digits)
}

/** @param {string} folder */
async function load(folder) {
  const entry = path.resolve(folder, 'dist', 'index.js')
  if (!fs.existsSync(entry)) fail(script, `${path.join(folder, 'dist', 'index.js')} is missing; build that folder first (npm run build)`)
  try {
    const library = await import(pathToFileURL(entry).href)
    if (typeof library.check !== 'function') fail(script, `${entry} does not export check(); is it a build of trouw?`)
    return library.check
  } catch (error) {
    fail(script, `${entry} failed to load (${firstLine(error)}); build that folder again`)
  }
}

/** @param {string[]} argv */
function readArguments(argv) {
  const result = {a: '', b: '', lang: 'en', auto: false, rounds: 30, count: 200}
  const folders = []
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--help' || argument === '-h') {
      console.log(usage)
      process.exit(0)
    }
    if (argument === '--auto') result.auto = true
    else if (argument === '--lang' || argument === '--rounds' || argument === '--count') {
      const value = argv[++index]
      if (value === undefined) fail(script, `${argument} needs a value; ${usage}`)
      if (argument === '--lang') {
        if (value !== 'en' && value !== 'nl') fail(script, `--lang must be en or nl, not ${value}`)
        result.lang = value
      } else {
        const number = Number(value)
        if (!Number.isInteger(number) || number < 1) fail(script, `${argument} must be a whole number of at least 1, not ${value}`)
        result[argument.slice(2) === 'rounds' ? 'rounds' : 'count'] = number
      }
    } else if (argument.startsWith('-')) fail(script, `unknown option ${argument}; ${usage}`)
    else folders.push(argument)
  }
  if (folders.length !== 2) fail(script, `give two package folders to compare; ${usage}`)
  ;[result.a, result.b] = folders
  return result
}
