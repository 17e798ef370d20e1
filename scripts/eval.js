#!/usr/bin/env node
/**
 * Evaluate trouw on the gold corpus (`npm run eval`).
 *
 * Checks every line of `lines.jsonl` as plain text in its own language with
 * spelling off, and reports TP, FP, FN, precision and recall per language and
 * category, per coercion subtype, the share of clean lines that stay clean,
 * and the share of `esp-pairs.jsonl` pairs ranked the right way.
 * It measures; it does not gate: the exit code is 0 unless the corpus or the
 * build is missing (2).
 *
 * Usage: node scripts/eval.js [--corpus DIR] [--json] [--verbose]
 *        node scripts/eval.js --real [DIR] [--source NAME] [--json] [--sample N --seed S --out FILE]
 *   --corpus DIR  a folder with `lines.jsonl` (and optionally `esp-pairs.jsonl`)
 *                 (default: ../shared/corpus/dev next to the package root)
 *   --json        machine-readable output
 *   --verbose     list every miss and false alarm with its line and messages
 *   --real [DIR]  instead, the real-copy report of `npm run real` (scripts/real.js,
 *                 the same code): unlabelled real mail, one JSONL file per source
 *                 (default: ../shared/real)
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fail, firstLine, loadCheck, packageRoot, readJsonl} from './bench/load-trouw.js'
import {formatMistakes, formatReport, scoreLines, scorePairs} from './bench/metrics.js'

const script = 'eval'
const usage = 'Usage: node scripts/eval.js [--corpus DIR] [--json] [--verbose] | --real [DIR] [--source NAME] [--json] [--sample N --seed S --out FILE]'

// The real-copy report (`--real [DIR]`): the same code as `npm run real` (scripts/real.js).
if (process.argv.includes('--real')) {
  const {runReal} = await import('./real.js')
  await runReal(process.argv.slice(2), script)
  await new Promise((resolve) => process.stdout.write('', resolve))
  process.exit(0)
}

const options = readArguments(process.argv.slice(2))
const corpus = path.resolve(options.corpus ?? path.join(packageRoot, '..', 'shared', 'corpus', 'dev'))
const linesPath = path.join(corpus, 'lines.jsonl')
const pairsPath = path.join(corpus, 'esp-pairs.jsonl')

if (!fs.existsSync(linesPath)) {
  fail(script, 'no corpus at ' + linesPath + '; pass --corpus DIR with a lines.jsonl')
}

const lines = readJsonl(script, linesPath).map((record, index) => toGoldLine(record, index))
const pairs = fs.existsSync(pairsPath) ? readJsonl(script, pairsPath).map((record, index) => toPair(record, index)) : []
const check = await loadCheck(script)

/** @type {import('./bench/metrics.js').LineResult[]} */
const lineResults = []
for (const line of lines) {
  try {
    const file = await check(line.text, {lang: line.lang, format: 'text', spell: false})
    lineResults.push({line, messages: file.messages.map((message) => toFound(message))})
  } catch (error) {
    lineResults.push({line, messages: [], error: firstLine(error)})
  }
}

/** @type {import('./bench/metrics.js').PairResult[]} */
const pairResults = []
for (const pair of pairs) {
  pairResults.push({
    id: pair.id,
    lang: pair.lang,
    better: await espOf(pair.better, pair.lang),
    worse: await espOf(pair.worse, pair.lang)
  })
}

const scored = scoreLines(lineResults)
const pairScores = scorePairs(pairResults)

if (options.json) {
  const output = {
    corpus,
    lines: lineResults.length,
    pairs: pairResults.length,
    languages: scored.languages,
    espPairs: pairScores,
    pairResults,
    ...(options.verbose
      ? {
          mistakes: scored.mistakes.map((mistake) => ({
            kind: mistake.kind,
            label: mistake.label,
            id: mistake.line.id,
            text: mistake.line.text,
            messages: mistake.messages
          })),
          errors: lineResults.filter((result) => result.error).map((result) => ({id: result.line.id, error: result.error}))
        }
      : {})
  }
  console.log(JSON.stringify(output, null, 2))
} else {
  console.log(formatReport({corpus, lines: scored, pairs: pairScores, pairCount: pairResults.length}))
  if (options.verbose) {
    console.log('')
    console.log(formatMistakes(scored.mistakes, lineResults))
    if (pairResults.length > 0) console.log('')
    if (pairResults.length > 0) console.log('ESP pairs (better vs worse)')
    for (const result of pairResults) {
      const passed = typeof result.better === 'number' && typeof result.worse === 'number' && result.better > result.worse
      console.log('  ' + (passed ? 'pass' : 'FAIL') + '  ' + result.id + '  ' + result.better + ' vs ' + result.worse)
    }
  }
}

/**
 * The overall ESP score of a text, or null when trouw gives none.
 *
 * @param {string} text
 * @param {string} lang
 * @returns {Promise<number | null>}
 */
async function espOf(text, lang) {
  try {
    const file = await check(text, {lang, format: 'text', spell: false})
    const data = /** @type {any} */ (file.data).trouw
    const esp = data && data.scores ? data.scores.esp : undefined
    return typeof esp === 'number' ? esp : null
  } catch {
    return null
  }
}

/**
 * Keep only the fields the metrics and the verbose list use.
 *
 * @param {any} message
 * @returns {import('./bench/metrics.js').FoundMessage}
 */
function toFound(message) {
  return {
    ruleId: message.ruleId ?? null,
    category: message.category,
    subtype: message.subtype ?? null,
    severity: message.severity,
    actual: message.actual,
    reason: message.reason
  }
}

/**
 * A gold line with only the fields a detector may see (never `why`).
 *
 * @param {any} record
 * @param {number} index
 * @returns {import('./bench/metrics.js').GoldLine}
 */
function toGoldLine(record, index) {
  if (!record || typeof record.text !== 'string' || !Array.isArray(record.labels)) {
    fail(script, linesPath + ':' + (index + 1) + ': expected an object with `text` and `labels`')
  }
  return {id: String(record.id ?? 'line-' + (index + 1)), lang: String(record.lang), text: record.text, labels: record.labels.map(String)}
}

/**
 * @param {any} record
 * @param {number} index
 * @returns {{id: string, lang: string, better: string, worse: string}}
 */
function toPair(record, index) {
  if (!record || typeof record.better !== 'string' || typeof record.worse !== 'string') {
    fail(script, pairsPath + ':' + (index + 1) + ': expected an object with `better` and `worse`')
  }
  return {id: String(record.id ?? 'pair-' + (index + 1)), lang: String(record.lang), better: record.better, worse: record.worse}
}

/**
 * @param {string[]} argv
 * @returns {{corpus?: string, json: boolean, verbose: boolean}}
 */
function readArguments(argv) {
  /** @type {{corpus?: string, json: boolean, verbose: boolean}} */
  const result = {json: false, verbose: false}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--json') result.json = true
    else if (argument === '--verbose' || argument === '-v') result.verbose = true
    else if (argument === '--corpus') {
      const value = argv[++index]
      if (!value) fail(script, '--corpus needs a folder; ' + usage)
      result.corpus = value
    } else if (argument.startsWith('--corpus=')) result.corpus = argument.slice('--corpus='.length)
    else if (argument === '--help' || argument === '-h') {
      console.log(usage)
      process.exit(0)
    } else fail(script, 'unknown argument `' + argument + '`; ' + usage)
  }
  return result
}
