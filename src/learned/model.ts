/**
 * The learned recall layer's model: per language and coercion subtype a
 * logistic regression over the sentence features of `./features.ts`, trained
 * by `scripts/train-learned.js` on the project's own labelled dev sets and
 * shipped as data: `npm run build` trains it into `dist/learned/model.<lang>.json`
 * (a few seconds, deterministic), so it always matches the features and word classes it is read with.
 *
 * A score is the probability that the sentence holds that kind of pressure;
 * the layer reports it only at or above the subtype's threshold (picked on
 * cross-validation for precision), and names the features that weighed most.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import type {Language} from '../types.js'
import {packageRoot} from '../package-root.js'

/**
 * The file the training script writes and the layer reads (format 2): per
 * subtype its bias and threshold, and the weights as one table, a row per
 * feature (`features`) and a column per subtype (`columns`), row after row
 * in `weights`. Format 1 (weights by feature name per subtype) says the
 * same and is read too (a model written by hand); the table loads in a
 * fraction of the time (2,700 keys per subtype made a slow object to parse
 * and to walk at every cold start).
 */
export type ModelFile = ModelFileByName | ModelFileTable

export interface ModelFileByName {
  format: 1
  lang: Language
  /** Per subtype: bias, threshold, weights by feature name, and what cross-validation measured. */
  subtypes: Record<string, SubtypeModel & {weights: Record<string, number>}>
  /** What it was trained on: set names and line counts (for the reader; not used). */
  trainedOn?: unknown
}

export interface ModelFileTable {
  format: 2
  lang: Language
  subtypes: Record<string, SubtypeModel>
  /** The subtypes in the table's column order (sorted). */
  columns: string[]
  /** The table's rows: one feature each. */
  features: string[]
  /** `features.length × columns.length` weights, row by row. */
  weights: number[]
  trainedOn?: unknown
}

export interface SubtypeModel {
  bias: number
  /** The lowest probability that raises a finding. */
  threshold: number
  /** Cross-validation by author at `threshold`: precision and recall of the layer alone (for the reader). */
  validation?: unknown
}

export interface Model {
  lang: Language
  subtypes: readonly string[]
  /** The probability of every subtype (by `subtypes` position) for a sentence's features. */
  probabilities(features: readonly string[]): Float64Array
  /** The threshold of the subtype at `column`. */
  threshold(column: number): number
  /** The weights of one feature, by subtype position (undefined: the model does not know it). */
  row(feature: string): Float64Array | undefined
  /** The probability of every subtype for a set of feature rows (see `row`), each counted once. */
  probabilitiesOfRows(rows: Iterable<Float64Array>): Float64Array
  /** The features that pushed the subtype at `column` up, largest weight first. */
  weighed(features: readonly string[], column: number): Array<{feature: string; weight: number}>
}

/** Where the model of a language is: `npm run build` trains it (`scripts/train-learned.js`). */
export function modelFile(lang: Language): string {
  return path.join(packageRoot, 'dist', 'learned', `model.${lang}.json`)
}

const cache = new Map<Language, Model | null>()

/** The trained model of `lang` (read once), or null when there is none (a build that has not trained it yet). */
export function loadModel(lang: Language): Model | null {
  if (cache.has(lang)) return cache.get(lang)!
  let model: Model | null = null
  try {
    model = modelFrom(JSON.parse(readFileSync(modelFile(lang), 'utf8')) as ModelFile)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${modelFile(lang)}: not a learned model (${(error as Error).message}); run npm run build`)
  }
  cache.set(lang, model)
  return model
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z))

/** A model from its file's contents. */
export function modelFrom(file: ModelFile): Model {
  const {subtypes, rows} = file.format === 2 ? tableRows(file) : file.format === 1 ? namedRows(file) : unknownFormat()
  const count = subtypes.length
  const biases = new Float64Array(count)
  const thresholds = new Float64Array(count)
  subtypes.forEach((subtype, column) => {
    biases[column] = file.subtypes[subtype].bias
    thresholds[column] = file.subtypes[subtype].threshold
  })
  return {
    lang: file.lang,
    subtypes,
    probabilities(features) {
      const sums = Float64Array.from(biases)
      for (const feature of features) {
        const row = rows.get(feature)
        if (row) for (let column = 0; column < count; column++) sums[column] += row[column]
      }
      for (let column = 0; column < count; column++) sums[column] = sigmoid(sums[column])
      return sums
    },
    threshold: (column) => thresholds[column],
    row: (feature) => rows.get(feature),
    probabilitiesOfRows(found) {
      const sums = Float64Array.from(biases)
      for (const row of found) for (let column = 0; column < count; column++) sums[column] += row[column]
      for (let column = 0; column < count; column++) sums[column] = sigmoid(sums[column])
      return sums
    },
    weighed(features, column) {
      const found: Array<{feature: string; weight: number}> = []
      for (const feature of features) {
        const weight = rows.get(feature)?.[column] ?? 0
        if (weight > 0) found.push({feature, weight})
      }
      return found.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1))
    }
  }
}

function unknownFormat(): never {
  throw new Error('unknown model format')
}

/** Rows of a format 1 file: one row of weights per feature, one column per subtype (sorted), 0 where a subtype has none. */
function namedRows(file: ModelFileByName): {subtypes: string[]; rows: Map<string, Float64Array>} {
  if (!file.subtypes || typeof file.subtypes !== 'object') unknownFormat()
  const subtypes = Object.keys(file.subtypes).sort()
  const rows = new Map<string, Float64Array>()
  subtypes.forEach((subtype, column) => {
    for (const [feature, weight] of Object.entries(file.subtypes[subtype].weights)) {
      let row = rows.get(feature)
      if (!row) rows.set(feature, (row = new Float64Array(subtypes.length)))
      row[column] = weight
    }
  })
  return {subtypes, rows}
}

/** Rows of a format 2 file: views into one array of its table. */
function tableRows(file: ModelFileTable): {subtypes: string[]; rows: Map<string, Float64Array>} {
  const {columns, features, weights} = file
  const count = columns?.length
  if (!file.subtypes || !Array.isArray(features) || !Array.isArray(weights) || !count || weights.length !== features.length * count) unknownFormat()
  if (columns.some((subtype, column) => !file.subtypes[subtype] || (column > 0 && columns[column - 1] >= subtype))) unknownFormat()
  const table = Float64Array.from(weights)
  const rows = new Map<string, Float64Array>()
  for (let index = 0; index < features.length; index++) rows.set(features[index], table.subarray(index * count, index * count + count))
  return {subtypes: columns, rows}
}
