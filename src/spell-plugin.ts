/**
 * `retextTrouwSpell`: spelling as a retext plugin, backed by trouw's speller
 * (nspell plus Dutch compounds, marketing vocabulary, brands and the writer's
 * words). Why not retext-spell: it turns `max: 0` into 30 suggestions for the
 * processor's whole life, so a long-running server stops suggesting, and it
 * knows nothing of Dutch compounds or merge tags. Suggestions here are cached
 * and bounded per file.
 *
 * Names are not misspellings: a capitalised word that does not start its
 * sentence is taken as a name (Priya, Tomás, Woodshed) and left alone.
 */
import type {Root, Sentence} from 'nlcst'
import type {VFile} from 'vfile'
import {visit} from 'unist-util-visit'
import {toString} from 'nlcst-to-string'
import {location} from 'vfile-location'
import {SuggestionBudget, shouldSkipToken, type Speller} from './spell/index.js'
import {createMessage} from './messages.js'
import {spellingDocs, spellingRuleId} from './spelling-rule.js'
import type {Severity} from './types.js'

export interface SpellOptions {
  speller: Speller
  /** Milliseconds of suggestion work per file (default: 300). */
  suggestMs?: number | null
  /** Severity of spelling messages (default: `warning`). */
  severity?: Severity | null
}

export {spellingRuleId, spellingDocs}

const capital = /^\p{Lu}/u

export function retextTrouwSpell(options: Readonly<SpellOptions>) {
  const {speller} = options
  return function (tree: Root, file: VFile): void {
    const masks = file.data.trouwMasks ?? []
    const budget = new SuggestionBudget(options.suggestMs ?? 300)
    let place: ReturnType<typeof location> | undefined
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      let first = true
      for (const node of sentence.children) {
        if (node.type !== 'WordNode') continue
        const sentenceStart = first
        first = false
        const start = node.position?.start.offset ?? 0
        const end = node.position?.end.offset ?? start
        if (masks.some(([from, to]) => start < to && end > from)) continue
        const word = toString(node)
        if (shouldSkipToken(word)) continue
        for (const piece of word.split(/(?<=\p{L})[-‐‑](?=\p{L})/u)) {
          if (shouldSkipToken(piece)) continue
          if (!sentenceStart && capital.test(piece)) continue
          if (speller.correct(piece) || speller.correct(piece.toLowerCase())) continue
          const offset = start + word.indexOf(piece)
          place ??= location(file)
          createMessage(file, {
            ruleId: spellingRuleId,
            category: 'spelling',
            severity: options.severity ?? 'warning',
            explanation: speller.lang === 'nl' ? 'staat niet in het woordenboek; is het een tikfout?' : 'is not in the dictionary; is it a typo?',
            actual: piece,
            expected: speller.suggest(piece, {budget}),
            url: spellingDocs,
            place: {start: place.toPoint(offset)!, end: place.toPoint(offset + piece.length)!}
          })
        }
      }
    })
  }
}
