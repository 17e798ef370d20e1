/**
 * The contract between rule kinds (code, `src/kinds/`) and rule instances
 * (data, `rules/`). A kind compiles a rule's data for one language into a
 * detector; the detector looks at one sentence at a time.
 */
import type {BlockRole, Language} from '../types.js'
import type {Token} from '../tokens.js'
import type {CompileContext, CompiledPattern, Match} from '../patterns.js'

/** A rule file after YAML parsing and validation of the common fields. */
export interface RuleData {
  id: string
  kind: string
  /** The kind-specific fields, per language where they are per language. */
  fields: Readonly<Record<string, unknown>>
  negation: boolean
  quoted: boolean
}

/** One sentence, as every detector sees it. */
export interface SentenceView {
  lang: Language
  /** The block text; token offsets index it. */
  text: string
  start: number
  end: number
  /** All tokens (words, numbers, emoji, punctuation). */
  tokens: readonly Token[]
  /** Words, numbers and masked syntax only: what patterns match on. */
  words: readonly Token[]
  /** Quoted ranges in the block text. */
  quoted: ReadonlyArray<readonly [number, number]>
  /**
   * Interest bits of the sentence (see `src/interest.ts`): a detector whose
   * bit is not set has nothing to find here (default: all set, look).
   */
  interest?: number
  /**
   * The sentence before, in the same paragraph, when it is a question
   * ("Thinking of leaving?"): a condition a rule may read across the
   * sentence break (see the phrase kind's `before`).
   */
  previous?: SentenceView
  /**
   * The sentence before, in the same paragraph, whatever it ends with: the
   * window of a rule whose act spans two sentences (`window: paragraph` in
   * the phrase kind: shared history, then "Are you really leaving now?").
   */
  earlier?: SentenceView
  /** The role of the block the sentence is in (default: `paragraph`). */
  role?: BlockRole
}

/** A pattern hit handed to the detector that registered the pattern. */
export interface PatternHit {
  role: string
  pattern: CompiledPattern
  match: Match
}

export interface Finding {
  /** Offsets in the block text. */
  start: number
  end: number
  /** Fixes: replacements of exactly the span; when absent the rule's `fix` operation computes them. */
  expected?: string[]
  /** Rewrites of the whole sentence (from `SentenceView.start` to `end`), each with a title. */
  suggestions?: Array<{title: string; text: string}>
  /** Extra words for the reason, after the rule's message (which signal fired). */
  detail?: string
  /** Over-the-top intensity this finding adds to its sentence (default 1). */
  intensity?: number
  /** How sure a learned finding is (a probability); the plugin keeps the surest learned finding of a sentence. */
  confidence?: number
}

export interface Detector {
  /** Patterns to put in the shared index, with a role the detector understands. */
  patterns: ReadonlyArray<{role: string; pattern: CompiledPattern}>
  /** Run on every sentence, not only on those with pattern hits (default false). */
  always?: boolean
  /**
   * The role without whose hit `detect` finds nothing (default: none). When
   * set, patterns of other roles (conditions, exceptions) are matched only in
   * sentences where this role hit: most sentences never pay for them.
   */
  primary?: string
  /**
   * The findings in one sentence. The plugin calls it for the sentences of a
   * block in reading order, so a detector may carry what it saw in the
   * sentence before (gush joins short praise sentences in a row).
   */
  detect(sentence: SentenceView, hits: readonly PatternHit[]): Finding[]
}

export interface Kind {
  name: string
  /** Kind-specific keys a rule file may use (besides the common ones). */
  keys: readonly string[]
  /** Which languages the rule has data for. */
  languages(rule: RuleData): Language[]
  /** Throws `RuleFieldError` for invalid data. */
  compile(rule: RuleData, lang: Language, context: CompileContext): Detector
}

/** A rule field is wrong: the loader adds file and line. */
export class RuleFieldError extends Error {
  readonly key: readonly (string | number)[]
  constructor(key: readonly (string | number)[], message: string) {
    super(message)
    this.key = key
  }
}
