/**
 * What the learned layer remembers per spelling, in one memo slot per
 * language on the lexeme (see `Lexeme` in `src/tokens.ts`): the structural
 * cue bits of `./gates.ts` and the model rows of `./score.ts`. One slot per
 * language for both keeps the lexeme's memo within its fields.
 */
import type {Language} from '../types.js'
import {memoGet, memoSet, memoSlot, type Token} from '../tokens.js'

export interface Remembered {
  /** The cue bits of the spelling (gates). */
  bits?: number
  /** The spelling's model rows (score), with the model they are for. */
  entry?: {model: unknown}
}

const slots: Partial<Record<Language, number | undefined>> = {}
const taken: Partial<Record<Language, boolean>> = {}

/** The record of a token's spelling in `lang`, or undefined for a token without a lexeme (masked syntax). */
export function rememberedOf(token: Token, lang: Language): Remembered | undefined {
  const lexeme = token.lexeme
  if (lexeme === undefined) return undefined
  if (!taken[lang]) {
    slots[lang] = memoSlot()
    taken[lang] = true
  }
  const slot = slots[lang]
  if (slot === undefined) return undefined
  let remembered = memoGet(lexeme, slot) as Remembered | undefined
  if (remembered === undefined) memoSet(lexeme, slot, (remembered = {}))
  return remembered
}
