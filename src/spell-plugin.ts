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
 *
 * Per file (all the batches of one check share `file.data.trouwSpelling`):
 * suggestions get `suggestWork` dictionary look-ups and at most `suggestMs`
 * of time (after that, unknown words are still flagged, without
 * corrections), and after `maxFindings` unknown words
 * spelling stops with one note: a file that long in unknown words is in
 * another language or no prose, and 48,000 findings made a 50 MB report
 * (750 MB to build) of a 600 KB text.
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
  /**
   * Dictionary look-ups of suggestion work per file (default: 400,000; a typo
   * one edit from a word costs 200–2,500, a word with nothing that close up
   * to 20,000).
   */
  suggestWork?: number | null
  /** Severity of spelling messages (default: `warning`). */
  severity?: Severity | null
  /** Unknown words reported per file before spelling stops (default: 1000). */
  maxFindings?: number | null
}

/** What spelling has spent of a file so far, shared by the runs over its batches. */
export interface SpellingRun {
  budget?: SuggestionBudget
  found: number
}

declare module 'vfile' {
  interface DataMap {
    /** Spelling's state for the whole file when a check runs the plugin once per batch (see `SpellingRun`). */
    trouwSpelling: SpellingRun
  }
}

export {spellingRuleId, spellingDocs}

const capital = /^\p{Lu}/u

export function retextTrouwSpell(options: Readonly<SpellOptions>) {
  const {speller} = options
  return function (tree: Root, file: VFile): void {
    const masks = file.data.trouwMasks ?? []
    const run: SpellingRun = file.data.trouwSpelling ?? {found: 0}
    const budget = (run.budget ??= new SuggestionBudget(options.suggestMs ?? 300, Number.POSITIVE_INFINITY, options.suggestWork ?? 400_000))
    const maxFindings = options.maxFindings ?? 1000
    if (run.found > maxFindings) return
    let place: ReturnType<typeof location> | undefined
    visit(tree, 'SentenceNode', (sentence: Sentence) => {
      if (run.found > maxFindings) return false
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
          if (++run.found > maxFindings) {
            createMessage(file, {
              ruleId: spellingRuleId,
              category: 'spelling',
              severity: 'info',
              explanation:
                speller.lang === 'nl'
                  ? `meer dan ${maxFindings} woorden staan niet in het woordenboek: de spellingcontrole stopt hier. Is de taal goed?`
                  : `more than ${maxFindings} words are not in the dictionary: spelling stops here. Is the language right?`,
              actual: piece,
              expected: [],
              url: spellingDocs,
              place: {start: place.toPoint(offset)!, end: place.toPoint(offset + piece.length)!}
            })
            return false
          }
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
