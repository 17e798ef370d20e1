/**
 * Tokens the spell checker never flags: they are not words a writer can
 * misspell, or a dictionary cannot know them.
 */

// Digits (numbers, amounts, "4K", "mp3"), e-mail and social handles,
// merge-tag and template syntax (`*|FNAME|*`, `{{ x }}`, `%%name%%`,
// `first_name`), currency signs, paths and URLs.
const syntax = /[\d@#*|{}%<>[\]_$€£¥\\/=+~^&:]/
// Bare domains: "bol.com", "example.co.uk". The last label has 2+ letters.
const domain = /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.\p{L}{2,}$/u
// Short acronyms in capitals, with an optional plural "s": "FAQ", "BTW", "CTAs".
const acronym = /^\p{Lu}{2,5}s?$/u
// Names in camel case or with inner capitals: "MyBrand", "PostNL", "eBook".
const innerCapital = /\p{Ll}\p{Lu}/u
// Emoji, their joiners and selectors, regional indicators.
const emoji = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u200d\ufe0f]/u
const letter = /\p{L}/u

/**
 * Whether `word` should never be spell-checked: URLs, e-mail addresses,
 * domains, numbers and amounts, merge-tag pieces, words with digits, short
 * all-caps acronyms, inner-capital names, emoji fragments, single letters
 * and anything without letters.
 *
 * Brand names and the writer's own words are accepted by the speller, not
 * here: this check needs no dictionary.
 */
export function shouldSkipToken(word: string): boolean {
  if (word.length < 2) return true
  return (
    syntax.test(word) ||
    emoji.test(word) ||
    !letter.test(word) ||
    acronym.test(word) ||
    innerCapital.test(word) ||
    (word.includes('.') && domain.test(word))
  )
}
