/**
 * Metrics for `scripts/eval.js`: turn trouw's messages on the gold corpus into
 * true and false positives per language and category (GUIDE.md: a line "hits"
 * a category when at least one message of that category is reported inside
 * it), the share of clean lines that stay clean, and the share of ESP pairs
 * ranked the right way. Pure functions, so they can be tested on fake results.
 */

/** The four judged categories (spelling is off in the evaluation). */
export const judgedCategories = ['over-the-top', 'coercion', 'dismissive', 'generic-claim']

/** Coercion subtypes, as in GUIDE.md and src/types.ts. */
export const coercionSubtypes = ['lock-in', 'penalty', 'threat', 'urgency', 'scarcity', 'confirmshaming', 'guilt']

/**
 * @typedef {{id: string, lang: string, text: string, labels: string[]}} GoldLine
 * @typedef {{ruleId?: string | null, category?: string, subtype?: string | null, severity?: string, actual?: string, reason?: string, message?: string}} FoundMessage
 * @typedef {{line: GoldLine, messages: FoundMessage[], error?: string}} LineResult
 * @typedef {{tp: number, fp: number, fn: number, precision: number | null, recall: number | null}} Counts
 * @typedef {{lines: number, quiet: number, share: number | null}} CleanCounts
 * @typedef {{categories: Record<string, Counts>, subtypes: Record<string, Counts>, clean: CleanCounts, lines: number, errors: number}} LanguageScores
 * @typedef {{kind: 'miss' | 'false-alarm', label: string, line: GoldLine, messages: FoundMessage[]}} Mistake
 * @typedef {{id: string, lang: string, better: number | null, worse: number | null}} PairResult
 * @typedef {{pairs: number, passed: number, share: number | null}} PairCounts
 */

/**
 * The categories and coercion subtypes that a set of messages hits.
 *
 * @param {ReadonlyArray<FoundMessage>} messages
 * @returns {{categories: Set<string>, subtypes: Set<string>}}
 */
export function hitsOf(messages) {
  const categories = new Set()
  const subtypes = new Set()
  for (const message of messages) {
    if (!message.category || !judgedCategories.includes(message.category)) continue
    categories.add(message.category)
    if (message.category === 'coercion' && message.subtype) subtypes.add(message.subtype)
  }
  return {categories, subtypes}
}

/**
 * @param {number} tp
 * @param {number} fp
 * @param {number} fn
 * @returns {Counts}
 */
export function counts(tp, fp, fn) {
  return {
    tp,
    fp,
    fn,
    precision: tp + fp === 0 ? null : tp / (tp + fp),
    recall: tp + fn === 0 ? null : tp / (tp + fn)
  }
}

/**
 * Score line results per language (plus `all`, every language together).
 *
 * @param {ReadonlyArray<LineResult>} results
 * @returns {{languages: Record<string, LanguageScores>, mistakes: Mistake[]}}
 */
export function scoreLines(results) {
  /** @type {Map<string, {categories: Map<string, number[]>, subtypes: Map<string, number[]>, clean: number[], lines: number, errors: number}>} */
  const tallies = new Map()
  /** @type {Mistake[]} */
  const mistakes = []

  /** @param {string} lang */
  function tallyOf(lang) {
    let tally = tallies.get(lang)
    if (!tally) {
      tally = {
        categories: new Map(judgedCategories.map((name) => [name, [0, 0, 0]])),
        subtypes: new Map(coercionSubtypes.map((name) => [name, [0, 0, 0]])),
        clean: [0, 0],
        lines: 0,
        errors: 0
      }
      tallies.set(lang, tally)
    }
    return tally
  }

  for (const result of results) {
    const {line, messages} = result
    const hits = hitsOf(messages)
    const labels = new Set(line.labels)
    const targets = [tallyOf(line.lang), tallyOf('all')]

    for (const tally of targets) {
      tally.lines++
      if (result.error) tally.errors++
      if (labels.size === 0) {
        tally.clean[0]++
        if (hits.categories.size === 0) tally.clean[1]++
      }
    }

    for (const [names, found, key] of /** @type {const} */ ([
      [judgedCategories, hits.categories, 'categories'],
      [coercionSubtypes, hits.subtypes, 'subtypes']
    ])) {
      for (const name of names) {
        const expected = labels.has(name)
        const hit = found.has(name)
        if (!expected && !hit) continue
        const slot = expected && hit ? 0 : hit ? 1 : 2
        for (const tally of targets) tally[key].get(name)[slot]++
        if (slot !== 0) {
          mistakes.push({
            kind: slot === 2 ? 'miss' : 'false-alarm',
            label: key === 'subtypes' ? 'coercion/' + name : name,
            line,
            messages
          })
        }
      }
    }
  }

  /** @type {Record<string, LanguageScores>} */
  const languages = {}
  for (const lang of [...tallies.keys()].sort(byLanguage)) {
    const tally = tallies.get(lang)
    languages[lang] = {
      categories: Object.fromEntries([...tally.categories].map(([name, [tp, fp, fn]]) => [name, counts(tp, fp, fn)])),
      subtypes: Object.fromEntries([...tally.subtypes].map(([name, [tp, fp, fn]]) => [name, counts(tp, fp, fn)])),
      clean: {lines: tally.clean[0], quiet: tally.clean[1], share: tally.clean[0] === 0 ? null : tally.clean[1] / tally.clean[0]},
      lines: tally.lines,
      errors: tally.errors
    }
  }
  return {languages, mistakes}
}

/**
 * Share of ESP pairs per language (plus `all`) where the better text scores
 * strictly higher. A pair without scores fails.
 *
 * @param {ReadonlyArray<PairResult>} results
 * @returns {Record<string, PairCounts>}
 */
export function scorePairs(results) {
  /** @type {Map<string, number[]>} */
  const tallies = new Map()
  for (const result of results) {
    const passed = typeof result.better === 'number' && typeof result.worse === 'number' && result.better > result.worse
    for (const lang of [result.lang, 'all']) {
      const tally = tallies.get(lang) ?? [0, 0]
      tally[0]++
      if (passed) tally[1]++
      tallies.set(lang, tally)
    }
  }
  /** @type {Record<string, PairCounts>} */
  const languages = {}
  for (const lang of [...tallies.keys()].sort(byLanguage)) {
    const [pairs, passed] = tallies.get(lang)
    languages[lang] = {pairs, passed, share: pairs === 0 ? null : passed / pairs}
  }
  return languages
}

/**
 * Languages in alphabetical order, `all` last.
 *
 * @param {string} a
 * @param {string} b
 */
function byLanguage(a, b) {
  if (a === 'all') return 1
  if (b === 'all') return -1
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * A ratio as a fixed two-decimal number, or `–` when undefined (nothing to divide).
 *
 * @param {number | null} value
 */
export function ratio(value) {
  return value === null ? '–' : value.toFixed(2)
}

/**
 * A share as `passed/total (pct%)`.
 *
 * @param {number} part
 * @param {number} whole
 */
export function share(part, whole) {
  return whole === 0 ? '–' : part + '/' + whole + ' (' + Math.round((part / whole) * 100) + '%)'
}

/**
 * Render rows as an aligned plain-text table (numbers right-aligned).
 *
 * @param {string[]} header
 * @param {Array<Array<string | number>>} rows
 * @param {number} [leftColumns]
 *   How many leading columns hold names and align left (default: 2).
 * @returns {string}
 */
export function textTable(header, rows, leftColumns = 2) {
  const cells = [header, ...rows.map((row) => row.map(String))]
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)))
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column < leftColumns ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  ')
        .trimEnd()
    )
    .join('\n')
}

/**
 * The human-readable evaluation report.
 *
 * @param {{corpus: string, lines: ReturnType<typeof scoreLines>, pairs: Record<string, PairCounts>, pairCount: number}} report
 * @returns {string}
 */
export function formatReport(report) {
  const {languages} = report.lines
  const header = ['lang', 'category', 'TP', 'FP', 'FN', 'precision', 'recall']
  /** @type {Array<Array<string | number>>} */
  const categoryRows = []
  /** @type {Array<Array<string | number>>} */
  const subtypeRows = []
  for (const [lang, scores] of Object.entries(languages)) {
    for (const [name, c] of Object.entries(scores.categories)) {
      categoryRows.push([lang, name, c.tp, c.fp, c.fn, ratio(c.precision), ratio(c.recall)])
    }
    for (const [name, c] of Object.entries(scores.subtypes)) {
      subtypeRows.push([lang, name, c.tp, c.fp, c.fn, ratio(c.precision), ratio(c.recall)])
    }
  }
  const total = languages.all ? languages.all.lines : 0
  const errors = languages.all ? languages.all.errors : 0
  const lines = [
    'trouw eval: ' + report.corpus + ' (' + total + ' lines, ' + report.pairCount + ' ESP pairs)',
    '',
    'Categories (a line hits a category when at least one message of it is reported)',
    textTable(header, categoryRows),
    '',
    'Coercion subtypes (a coercion message with that subtype)',
    textTable(['lang', 'subtype', 'TP', 'FP', 'FN', 'precision', 'recall'], subtypeRows),
    '',
    'Clean lines (no labels) free of all four categories',
    textTable(
      ['lang', 'clean lines', 'quiet'],
      Object.entries(languages).map(([lang, scores]) => [lang, String(scores.clean.lines), share(scores.clean.quiet, scores.clean.lines)]),
      1
    ),
    '',
    'ESP pairs where the better text scores strictly higher',
    report.pairCount === 0
      ? '(no pairs: the corpus has no esp-pairs.jsonl)'
      : textTable(
      ['lang', 'pairs', 'passed'],
      Object.entries(report.pairs).map(([lang, c]) => [lang, String(c.pairs), share(c.passed, c.pairs)]),
      1
    )
  ]
  if (errors > 0) lines.push('', errors + ' line(s) failed to check (counted as reporting nothing); see --verbose')
  return lines.join('\n')
}

/**
 * The `--verbose` list: every miss and false alarm with the line and the messages.
 *
 * @param {ReadonlyArray<Mistake>} mistakes
 * @param {ReadonlyArray<LineResult>} results
 * @returns {string}
 */
export function formatMistakes(mistakes, results) {
  const out = []
  for (const kind of /** @type {const} */ (['miss', 'false-alarm'])) {
    const list = mistakes.filter((mistake) => mistake.kind === kind)
    out.push((kind === 'miss' ? 'Misses' : 'False alarms') + ' (' + list.length + ')')
    for (const mistake of list) {
      out.push('  ' + mistake.line.id + '  ' + mistake.label + '  ' + JSON.stringify(mistake.line.text))
      const relevant = mistake.messages.filter((message) => message.category !== 'spelling')
      if (relevant.length === 0) out.push('      (no messages)')
      for (const message of relevant) out.push('      ' + describeMessage(message))
    }
    out.push('')
  }
  const failed = results.filter((result) => result.error)
  if (failed.length > 0) {
    out.push('Failed to check (' + failed.length + ')')
    for (const result of failed) out.push('  ' + result.line.id + '  ' + result.error)
  }
  return out.join('\n').trimEnd()
}

/**
 * One message as `category/subtype rule-id "actual": reason`.
 *
 * @param {FoundMessage} message
 */
export function describeMessage(message) {
  const kind = (message.category ?? '?') + (message.subtype ? '/' + message.subtype : '')
  const actual = message.actual ? ' ' + JSON.stringify(message.actual) : ''
  const reason = message.reason ?? message.message ?? ''
  return kind + ' ' + (message.ruleId ?? '?') + actual + (reason ? ': ' + reason : '')
}
