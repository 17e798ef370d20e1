/**
 * Positive evidence in a sentence for the ESP score: warmth aimed at the
 * reader, voluntary signals, the sender giving or helping, concrete detail.
 * Filled in by the scoring work (issue 5); until then no sentence carries
 * positive evidence.
 */
import type {SentenceFigures} from './types.js'
import type {SentenceView} from './kinds/kind.js'

export function sentenceSignals(_sentence: SentenceView): SentenceFigures['signals'] {
  return []
}
