/**
 * Spelling as a step of the engine run: every word of every block that is
 * prose (not masked syntax, not a brand, number or URL) goes through the
 * speller; mistakes become `spelling/misspelt` messages with suggestions.
 */
import type {VFile} from 'vfile'
import type {Extracted, Language} from './types.js'
import type {CheckOptions} from './engine.js'

export async function checkSpelling(
  _file: VFile,
  _extracted: Extracted,
  _lang: Language,
  _options: Readonly<CheckOptions>
): Promise<void> {
  throw new Error('spelling is not wired into the engine yet')
}
