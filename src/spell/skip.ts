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
// A letter of another script than Latin: English and Dutch copy is written
// in Latin script, so an Arabic, Hebrew, Greek, Cyrillic or CJK word is a
// quote, a name or a greeting in another language, never a typo. nspell
// cannot suggest for it either: its edits of a short Hebrew word are about
// 800,000 dictionary look-ups (5 s) in Dutch.
const otherScript = /(?!\p{Script=Latin})\p{L}/u

/**
 * Longest word that is checked, in UTF-16 code units. The longest Dutch
 * compounds in real copy are about 35 letters ("arbeidsongeschiktheids-
 * verzekering" is 33); anything longer is a code, a hash, a run of letters
 * or an attack, and nspell's edits grow with the cube of a word's length.
 */
export const maxWordLength = 40

/**
 * Whether `word` should never be spell-checked: URLs, e-mail addresses,
 * domains, numbers and amounts, merge-tag pieces, words with digits, short
 * all-caps acronyms, inner-capital names, emoji fragments, single letters,
 * anything without letters, words longer than `maxWordLength` and words with
 * letters of another script than Latin.
 *
 * Brand names and the writer's own words are accepted by the speller, not
 * here: this check needs no dictionary.
 */
export function shouldSkipToken(word: string): boolean {
  if (word.length < 2 || word.length > maxWordLength) return true
  return (
    otherScript.test(word) ||
    syntax.test(word) ||
    emoji.test(word) ||
    !letter.test(word) ||
    acronym.test(word) ||
    innerCapital.test(word) ||
    (word.includes('.') && domain.test(word))
  )
}
