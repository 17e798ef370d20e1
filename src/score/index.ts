/**
 * The emotional-selling-proposition score. Issue 5 builds the real scorer;
 * this first version only derives the components from the findings, so the
 * report has its fields.
 */
import type {VFile} from 'vfile'
import type {Scores} from '../types.js'

export function scoreFile(file: VFile): void {
  const data = file.data.trouw
  if (!data) return
  const count = (category: string) => file.messages.filter((message) => message.category === category).length
  const clamp = (value: number) => Math.max(0, Math.min(100, Math.round(value)))
  const scores: Omit<Scores, 'esp'> = {
    warmth: 50,
    restraint: clamp(100 - 25 * count('over-the-top')),
    freedom: clamp(100 - 25 * count('coercion')),
    reciprocity: clamp(70 - 25 * count('dismissive')),
    distinctiveness: clamp(60 - 15 * count('generic-claim'))
  }
  const values = Object.values(scores)
  data.scores = {esp: clamp(values.reduce((a, b) => a + b, 0) / values.length), ...scores}
  data.evidence = []
}
