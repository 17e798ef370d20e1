/**
 * How findings lower the components: per category (and coercion subtype),
 * the components a finding counts against and with what weight. One finding
 * of weight 1 weighs as much as one positive signal of weight 1.
 */
import type {ScoreComponent} from '../types.js'

export type Impact = ReadonlyArray<readonly [ScoreComponent, number]>

/** By category, or `coercion/<subtype>`; categories not listed (spelling, notice) move nothing. */
export const findingImpact: Readonly<Record<string, Impact>> = {
  'over-the-top': [['restraint', 1]],
  coercion: [['freedom', 1]],
  'coercion/lock-in': [['freedom', 1]],
  'coercion/penalty': [['freedom', 1]],
  'coercion/urgency': [['freedom', 1]],
  'coercion/scarcity': [['freedom', 1]],
  'coercion/threat': [['freedom', 1], ['reciprocity', 0.5]],
  'coercion/confirmshaming': [['freedom', 1], ['warmth', 0.5]],
  'coercion/guilt': [['reciprocity', 1], ['freedom', 0.5]],
  dismissive: [['reciprocity', 1], ['warmth', 0.5]],
  'generic-claim': [['distinctiveness', 1]]
}

/** Categories whose findings void the positive signals of their sentence: pressure taints the whole sentence. */
export const pressureCategories: ReadonlySet<string> = new Set(['coercion', 'dismissive', 'over-the-top'])

export function impactOf(category: string, subtype: string | undefined): Impact {
  return (subtype ? findingImpact[`${category}/${subtype}`] : undefined) ?? findingImpact[category] ?? []
}
