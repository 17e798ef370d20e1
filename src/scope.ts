/**
 * Where rules apply: the block roles (see `BlockRole` in `types.ts`) whose
 * copy a rule judges. The one place the default lives; the plugin enforces
 * a rule's `scope` per sentence.
 *
 * By default every category judges the sender's own prose: the subject, the
 * preheader, paragraphs, list items and button labels. Headings, menus and
 * table cells are labels (capitals there are typesetting, "Lowest price:
 * $199" in a price table is a fact, "Expert Advice" in a menu is a section
 * name); quotes are someone else's voice (a customer's rave is not the
 * sender's gush, a headline about a company in trouble is not a countdown);
 * footers and signatures are service text (an unsubscribe line is not a
 * threat: coercion rules still read footers, see `defaultScope`); code is
 * not copy. A rule can widen or narrow this with `roles:`.
 */
import {blockRoles, type BlockRole, type Category} from './types.js'
import type {Token} from './tokens.js'

export const senderProse: readonly BlockRole[] = ['subject', 'preheader', 'paragraph', 'list-item', 'button']

/**
 * The roles a rule of `category` judges when its file sets no `roles`.
 * Coercion reads footers too: a footer is still the sender's, and "Cancel
 * and you lose every discount" there is pressure (its rules read how to
 * unsubscribe as the fair exit it is).
 */
export function defaultScope(category: Category): readonly BlockRole[] {
  return category === 'coercion' ? senderProseAndFooter : senderProse
}

const senderProseAndFooter: readonly BlockRole[] = [...senderProse, 'footer']

/** Roles whose copy feeds the score's positive signals (warmth, freedom, reciprocity): not footers, menus, quotes, code. */
export const signalRoles: readonly BlockRole[] = [...senderProse, 'heading', 'signature']

/** A bit per role, for a quick test per sentence. */
export function roleBit(role: BlockRole): number {
  return 1 << blockRoles.indexOf(role)
}

/** The bits of a list of roles. */
export function roleMask(roles: readonly BlockRole[]): number {
  let mask = 0
  for (const role of roles) mask |= roleBit(role)
  return mask
}

/** Starts with a capital letter (and is not all capitals: those are the shout kind's). */
const titleWord = /^\p{Lu}[\p{Ll}\d'’&-]/u

/**
 * Is the span `[start, end)` a piece of a name set in title case ("Star Trek:
 * The Next Generation", "Total Network Solutions Ltd", "the Land of Infinite
 * Fun")? Every word of the span starts with a capital and a capitalised word
 * stands right before it (not the sentence's first word) or right after it.
 * A claim or a rave inside a name is the name, not the sender's claim.
 */
export function inTitleCaseName(words: readonly Token[], start: number, end: number): boolean {
  let first = -1
  let last = -1
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    if (word.end <= start || word.start >= end) continue
    if (word.kind !== 'word' || !titleWord.test(word.raw)) return false
    if (first === -1) first = index
    last = index
  }
  if (first === -1) return false
  const before = first > 1 ? words[first - 1] : undefined
  const after = words[last + 1]
  const named = (word: Token | undefined) => word !== undefined && word.kind === 'word' && (titleWord.test(word.raw) || /^\p{Lu}{2,}/u.test(word.raw))
  return named(before) || named(after)
}
