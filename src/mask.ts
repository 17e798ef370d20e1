/**
 * Merge tags, template syntax, URLs and e-mail addresses are syntax, not
 * prose: they must raise no finding and break no sentence. They are replaced
 * in the block text by a same-length run of `x` (one plain word to the
 * parser, so offsets stay exact) and their ranges are returned, so that rules
 * and the spell checker skip them.
 */
import type {Masks} from './tokens.js'

const syntax = new RegExp(
  [
    String.raw`\*\|[^|\n]{1,80}\|\*`, // Mailchimp *|FNAME|*
    String.raw`\{\{\{?[^{}]{0,200}\}?\}\}`, // Handlebars, Liquid, Jinja {{ x }}
    String.raw`\{%[^%]{0,200}%\}`, // Liquid / Jinja tags {% if %}
    String.raw`%%[\w .:\-\[\]]{1,80}%%`, // %%name%%
    String.raw`\$\{[\w.\- ]{1,80}\}`, // ${name}
    String.raw`\[\[[\w .:\-]{1,80}\]\]`, // [[name]]
    String.raw`\b(?:https?:\/\/|www\.)[^\s<>"'()\[\]]+[^\s<>"'()\[\].,;:!?]`, // URLs
    // The parts of addresses and domains are bounded (local part 64, label 63,
    // 6 labels, as the standards allow or near enough): unbounded, every
    // word start in a long dotted or hyphenated run scanned to the run's end,
    // and 100 KB of them with an address now and then took 3-4 s.
    String.raw`\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,6}\b`, // e-mail addresses
    String.raw`\b[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){0,5}\.(?:com|nl|be|org|net|io|eu|de|fr|co\.uk|shop|app|example)\b(?:\/[^\s<>"']*)?` // bare domains
  ].join('|'),
  'gi'
)

const maybeSyntax = /\{\{|\{%|\*\||%%|\$\{|\[\[|https?:|www\.|@|\.(?:com|nl|be|org|net|io|eu|de|fr|uk|shop|app|example)\b/i

export interface Masked {
  text: string
  masks: Masks
}

export function maskSyntax(text: string): Masked {
  // Most blocks hold none of it: a cheap test for the openers first.
  if (!maybeSyntax.test(text)) return {text, masks: []}
  const masks: Array<[number, number]> = []
  const out = text.replace(syntax, (match: string, offset: number) => {
    masks.push([offset, offset + match.length])
    // Keep line breaks inside a tag so lines and columns stay right.
    return match.replace(/[^\n]/g, 'x')
  })
  return {text: out, masks}
}
