/**
 * The ESP formula: every constant that turns evidence into points, named
 * here and explained in docs/esp.md.
 *
 * A component starts at its base and moves by saturating rates:
 *
 *     component = base + (100 − base) · rise(P / units) − base · fall(N / units)
 *     rise(x) = 1 − e^(−x / riseScale),  fall(x) = 1 − e^(−x / fallScale)
 *
 * P and N are the summed weights of positive and negative evidence, and
 * `units` is the length of the copy in sentence units. Because only rates
 * enter, the same email twice scores exactly the same as once.
 */
import type {ScoreComponent, Scores} from '../types.js'

export const scoreComponents: readonly ScoreComponent[] = ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']

/** Where each component stands with no evidence at all. */
export const baseScore: Readonly<Record<ScoreComponent, number>> = {
  warmth: 50,
  restraint: 100,
  freedom: 70,
  reciprocity: 50,
  distinctiveness: 40
}

/** Rate of positive weight per sentence unit at which a component has made 63 % of its possible rise. */
export const riseScale: Readonly<Record<ScoreComponent, number>> = {
  warmth: 0.5,
  restraint: 1,
  freedom: 0.4,
  reciprocity: 0.5,
  distinctiveness: 0.8
}

/**
 * Rate of negative weight per sentence unit at which a component has made 63 % of its possible fall.
 * For restraint the negative weight of a hyped sentence is its length in units, so the rate is
 * the share of the prose that is hype (0–1).
 */
export const fallScale: Readonly<Record<ScoreComponent, number>> = {
  warmth: 0.5,
  restraint: 0.5,
  freedom: 0.25,
  reciprocity: 0.3,
  distinctiveness: 0.3
}

/** How much each component counts in `esp` (they add up to 1). */
export const espWeight: Readonly<Record<ScoreComponent, number>> = {
  warmth: 0.2,
  restraint: 0.2,
  freedom: 0.25,
  reciprocity: 0.2,
  distinctiveness: 0.15
}

/**
 * Specs (numbers that measure, materials, dates) count for distinctiveness
 * up to this rate per sentence unit and saturate there: a spec list counts,
 * but what only this sender could say (a scene, a person, a place) counts more.
 * The effective rate of specs is `specRate · (1 − e^(−rate / specRate))`.
 */
export const specRate = 0.4

/** The prose length in sentence units at which the score is 63 % sure: `confidence = 1 − e^(−units / confidenceUnits)`. */
export const confidenceUnits = 3

/** How sure a score is over prose of `units` sentence units, 0–1 with two decimals. */
export function scoreConfidence(units: number): number {
  return Math.round(saturate(units, confidenceUnits) * 100) / 100
}

/** Below this confidence a report calls the score unsure. */
export const unsureBelow = 0.5

/** How a report words a score's confidence: `confidence 0.92`, or `unsure: little prose (confidence 0.18)`. */
export function confidenceNote(confidence: number): string {
  const figure = confidence.toFixed(2)
  return confidence < unsureBelow ? `unsure: little prose (confidence ${figure})` : `confidence ${figure}`
}

/** Words that make one sentence unit. */
export const wordsPerUnit = 10
/** A sentence counts at least this many units (a two-word greeting is not nothing)… */
export const minSentenceUnits = 0.3
/** …and at most this many (one long sentence is not a paragraph). */
export const maxSentenceUnits = 2

/** Length of one sentence in units. */
export function sentenceUnits(words: number): number {
  return Math.min(maxSentenceUnits, Math.max(minSentenceUnits, words / wordsPerUnit))
}

/** 1 − e^(−rate / scale): 0 for no evidence, approaching 1 as the rate grows. */
export function saturate(rate: number, scale: number): number {
  return rate <= 0 ? 0 : 1 - Math.exp(-rate / scale)
}

export interface ComponentMove {
  /** Points gained from positive evidence. */
  rise: number
  /** Points lost to negative evidence (positive number). */
  fall: number
  /** base + rise − fall, not rounded. */
  value: number
}

/**
 * One component from its summed positive and negative weights (both ≥ 0)
 * and the length of the copy in units.
 */
export function componentValue(component: ScoreComponent, positive: number, negative: number, units: number): ComponentMove {
  const base = baseScore[component]
  if (units <= 0) return {rise: 0, fall: 0, value: base}
  const rise = (100 - base) * saturate(positive / units, riseScale[component])
  const fall = base * saturate(negative / units, fallScale[component])
  return {rise, fall, value: base + rise - fall}
}

/** `esp`: the weighted mean of the five rounded components, rounded. */
export function espOf(components: Readonly<Omit<Scores, 'esp'>>): number {
  let sum = 0
  for (const component of scoreComponents) sum += espWeight[component] * components[component]
  return Math.round(sum)
}
