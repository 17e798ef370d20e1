/**
 * Fix operations a rule file may name (`fix: {action: …}`): rewrites
 * computed from the flagged span and its sentence, never fixed sentences.
 * Each returns the fixes for the span (`['']` removes it), or none when the
 * sentence does not allow a safe one; the fact guard checks them after.
 *
 * - `remove`: drop a pressure wrapper ("Only today:", "Hurry!", "– act
 *   now") at the start or the end of a sentence, when what is left still
 *   reads as a sentence of its own (three words or more, not a dangling
 *   fragment).
 * - `opt-out`: put the plain no (`en: No thanks`, `nl: Nee, bedankt`) in
 *   place of a shaming opt-out. After "No," or "Nee," only the thanks is
 *   added ("No, thanks."); after "No thanks," the shaming part goes.
 */
import type {Language} from '../types.js'
import {fixedSentence} from '../fix.js'

export type FixAction = 'remove' | 'opt-out'

export interface FixOperation {
  action: FixAction
  /** The operation's text per language (`opt-out`: the plain no). */
  text: Partial<Record<Language, string>>
}

/** The sentence a fix is computed on: its text as written and the span in it. */
export interface FixContext {
  lang: Language
  sentence: string
  spanStart: number
  spanEnd: number
}

/** The fixes for a span; an operation may widen the span to what it replaces (offsets in the sentence). */
export interface FixResult {
  fixes: string[]
  spanStart: number
  spanEnd: number
}

export const fixActions: Record<FixAction, {texts: boolean; run: (context: FixContext, text: string | undefined) => FixResult}> = {
  remove: {texts: false, run: (context) => ({fixes: removeWrapper(context), spanStart: context.spanStart, spanEnd: context.spanEnd})},
  'opt-out': {texts: true, run: (context, text) => (text ? optOut(context, text) : {fixes: [], spanStart: context.spanStart, spanEnd: context.spanEnd})}
}

/** The fixes a rule's operation gives for one finding. */
export function runFix(operation: FixOperation | undefined, context: FixContext): FixResult {
  if (!operation) return {fixes: [], spanStart: context.spanStart, spanEnd: context.spanEnd}
  return fixActions[operation.action].run(context, operation.text[context.lang])
}

const word = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const countWords = (text: string): number => text.match(word)?.length ?? 0
/** Only punctuation, emoji, symbols and space. */
const noWords = /^[^\p{L}\p{N}]*$/u
/** A sentence that ends on a word that needs another after it ("… and", "… the", "… voor"). */
const dangling: Record<Language, RegExp> = {
  en: /\b(?:and|or|but|the|a|an|to|of|for|in|on|at|with|by|from|your|our|this|that|is|are|ends?|until|till|only|just)\W*$/i,
  nl: /\b(?:en|of|maar|de|het|een|te|van|voor|in|op|aan|met|door|je|jouw|uw|onze|ons|deze|dit|is|zijn|tot|alleen|nog)\W*$/i
}
const dependentStart: Record<Language, RegExp> = {
  en: /^\W*(?:and|or|but|so|because|until|till|before|while|if|which|that|then|after|it|this|they|as|since|unless)\b/i,
  nl: /^\W*(?:en|of|maar|dus|want|omdat|tot|totdat|voordat|terwijl|als|die|dat|dan|daarna|daarmee|het|dit|ze|zodat|aangezien|tenzij)\b/i
}

function removeWrapper(context: FixContext): string[] {
  const {sentence, spanStart, spanEnd, lang} = context
  const before = sentence.slice(0, spanStart)
  const after = sentence.slice(spanEnd)
  const atStart = noWords.test(before)
  const atEnd = noWords.test(after)
  if (!atStart && !atEnd) return []
  // The wrapper must be set off by punctuation: "Only today: …", "… – hurry!", "Hurry! …".
  if (atStart && !atEnd && !/^\s*(?:[:!,;]|\s[–—-]\s)/.test(after) && !/^\s*[–—-]\s/.test(after)) return []
  if (atEnd && !atStart && !/(?:[,;:]|\s[–—-])\s*$/.test(before) && !/[.!?]\s*$/.test(before)) return []
  const rest = fixedSentence(sentence, spanStart, spanEnd, '')
  if (countWords(rest) < 3) return []
  if (dangling[lang].test(rest.replace(/[.!?…]+\W*$/, '')) || dependentStart[lang].test(rest)) return []
  return ['']
}

const refusal: Record<Language, {thanked: RegExp; bare: RegExp}> = {
  en: {thanked: /^\W*(?:no|nah|nope)?\W*(?:thanks|thank you)\W*$/i, bare: /^\W*(?:no|nah|nope)\W*$/i},
  nl: {thanked: /^\W*(?:nee|neen)?\W*(?:hoor\W*)?(?:bedankt|dank je|dank u|dankjewel|dankuwel)\W*$/i, bare: /^\W*(?:nee|neen)(?:\W+hoor)?\W*$/i}
}

/**
 * The opt-out is the whole clause the span is in: the span widens to the end
 * of the sentence (before its final punctuation) when no clause break comes
 * first ("I don't like saving| money." → "I don't like saving money").
 */
function optOut(context: FixContext, plainNo: string): FixResult {
  const {sentence, spanStart, lang} = context
  let spanEnd = context.spanEnd
  const none = {fixes: [], spanStart, spanEnd}
  let after = sentence.slice(spanEnd)
  if (!noWords.test(after)) {
    // The opt-out runs to the end of its sentence, or to a colon before its link ("…: https://…").
    const tail = /^([^,;:!?.…—–()]*?)\s*(?:[.!?…]*["'’”)]*|:\s*(?:https?:\/\/|www\.)\S*)\s*$/u.exec(after)
    if (!tail) return none
    spanEnd += tail[1].length
    after = sentence.slice(spanEnd)
  }
  const before = sentence.slice(0, spanStart)
  const result = (fix: string): FixResult => ({fixes: [fix], spanStart, spanEnd})
  if (noWords.test(before)) return result(plainNo)
  if (refusal[lang].thanked.test(before)) return result('')
  // "No, I hate saving." → "No, thanks."
  if (refusal[lang].bare.test(before)) return result(plainNo.replace(/^\P{L}*\p{L}+\P{L}*/u, ''))
  return none
}
