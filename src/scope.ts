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
 * threat); code is not copy. A rule can widen or narrow this with `roles:`.
 */
import {blockRoles, type BlockRole, type Category} from './types.js'

export const senderProse: readonly BlockRole[] = ['subject', 'preheader', 'paragraph', 'list-item', 'button']

/** The roles a rule of `category` judges when its file sets no `scope`. */
export function defaultScope(_category: Category): readonly BlockRole[] {
  return senderProse
}

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
