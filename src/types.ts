/**
 * Shared types of trouw. Every module (engine, formats, rules, scores,
 * reporters, CLI, server, language server) speaks in these.
 */

export type Language = 'en' | 'nl'
export type Severity = 'error' | 'warning' | 'info'
export type SeverityOrOff = Severity | 'off'

export const categories = [
  'over-the-top',
  'coercion',
  'dismissive',
  'generic-claim',
  'spelling'
] as const
export type Category = (typeof categories)[number]
/** Engine notices (an unsure language guess) are messages too, outside the categories. */
export type MessageCategory = Category | 'notice'

export const coercionSubtypes = [
  'lock-in',
  'penalty',
  'threat',
  'urgency',
  'scarcity',
  'confirmshaming',
  'guilt'
] as const

export const formats = ['text', 'markdown', 'html', 'mjml', 'eml'] as const
export type FormatName = (typeof formats)[number]

/** Where in an `.eml` a block of copy comes from. */
export type PartName = 'subject' | 'preheader' | 'html' | 'text'

/**
 * What a block is in the mail's structure, as the format layer reads it from
 * tags, classes, Markdown nodes or plain-text layout. Rules and the score
 * judge the sender's own prose (`paragraph`, `list-item`, `subject`,
 * `preheader`, `button`) and read the others with care: capitals in a
 * heading are not hype, a quote is someone else's voice, a footer is
 * neither pressure nor warmth.
 */
export const blockRoles = [
  'subject',
  'preheader',
  'heading',
  'paragraph',
  'list-item',
  'button',
  'navigation',
  'table-cell',
  'quote',
  'footer',
  'signature',
  'code'
] as const
export type BlockRole = (typeof blockRoles)[number]

/**
 * One piece of the offset map: `length` characters of block text starting at
 * `text` come from `sourceLength` characters of the source starting at
 * `source`. When the lengths differ (an HTML entity, a decoded escape), offsets
 * inside the piece map to its start.
 */
export interface OffsetPiece {
  text: number
  source: number
  length: number
  sourceLength: number
}

/**
 * A run of copy as the pipeline reads it: a paragraph, a heading, a button
 * label, a subject line. Blocks are bounded (the retext parser is superlinear
 * on one big tree), never cross a block-level boundary in the source, and
 * carry a map back to the text the writer sees.
 */
export interface Block {
  /** The prose to check. */
  text: string
  /** Pieces sorted by `text`, covering the characters that came from the source. */
  map: OffsetPiece[]
  /** Key into `Extracted.sources`: the text that positions point into. */
  source: string
  /** For `.eml`: the part this block belongs to. */
  part?: PartName
  /** Its role in the mail's structure (default: `paragraph`). */
  role?: BlockRole
}

export interface Extracted {
  format: FormatName
  /**
   * The texts positions point into, by key. For every format but `.eml` one
   * entry, `file`, the whole file as an editor shows it. For `.eml`: `subject`,
   * `text` and `html`, the decoded parts (a preheader block points into `html`).
   */
  sources: Record<string, string>
  /** For `.eml`: the raw message as an editor shows it (UTF-8), where reported positions point (see `src/formats/eml-raw.ts`). */
  raw?: string
  blocks: Block[]
  /**
   * Inline controls found in comments (`<!--trouw ignore coercion/x-->` in
   * Markdown, HTML and MJML), in source order.
   */
  controls?: Control[]
}

/** An inline control comment: its inner text trimmed and where the whole comment is. */
export interface Control {
  /** The comment's inner text, trimmed, e.g. `trouw ignore coercion/x`. */
  text: string
  /** Key into `Extracted.sources`. */
  source: string
  /** 0-based offsets of the whole comment in that source, end exclusive. */
  offset: number
  endOffset: number
}

/** A finding's place in the source, 1-based lines and columns, end exclusive. */
export interface Place {
  line: number
  column: number
  endLine: number
  endColumn: number
  /** 0-based offsets into the source text. */
  offset: number
  endOffset: number
}

export interface Scores {
  esp: number
  warmth: number
  restraint: number
  freedom: number
  reciprocity: number
  distinctiveness: number
}

export type ScoreComponent = Exclude<keyof Scores, 'esp'>

/** A span that moved a score component, and by how much. */
export interface ScoreEvidence {
  component: ScoreComponent
  /** Signed change in points on the component's 0–100 scale. */
  delta: number
  /** What the span is, in a few words. */
  why: string
  text: string
  line: number
  column: number
  endLine: number
  endColumn: number
  part?: PartName
}

export const phases = [
  'discover',
  'explore',
  'compare',
  'consider',
  'prefer',
  'choose',
  'repeat',
  'stick',
  'ambassador',
  'defender'
] as const
export type Phase = (typeof phases)[number]

export interface PhaseGuess {
  name: Phase
  confidence: number
}

/** Per sentence figures the detectors leave behind for the scorer. */
export interface SentenceFigures {
  text: string
  /** Offsets in the block text. */
  start: number
  end: number
  /** Over-the-top intensity, 0 (plain) and up; about 1 per intensified positive word. */
  intensity: number
  /** Positive evidence found in the sentence, by component. */
  signals: Array<{
    component: ScoreComponent
    weight: number
    why: string
    start: number
    end: number
    place?: Place
    /** A spec (a number, a material, a date): counts for distinctiveness, but a list of them saturates. */
    spec?: boolean
  }>
  words: number
  /** Customer-phase cues in the sentence (`dictionaries/phases.<lang>.yml`), when it has any. */
  cues?: Phase[]
  /** Set by the engine: where the sentence is in the source, and its `.eml` part. */
  place?: Place
  part?: PartName
  /** Set by the engine: the role of the block the sentence is in (absent: `paragraph`). */
  role?: BlockRole
  /**
   * Set by the signal finder when the sentence is about the mail itself, not
   * the sender's offer (unsubscribing, removal from a list, why you received
   * it, legal lines): the score leaves it out, like a footer.
   */
  aside?: string
}

/** What trouw leaves on `file.data.trouw`. */
export interface TrouwData {
  language: Language
  format: FormatName
  /** The sentences that were read, with their figures (after positions were mapped). */
  sentences: SentenceFigures[]
  scores?: Scores
  evidence?: ScoreEvidence[]
  /**
   * How sure the score is, 0–1: grows with the length of the sender's own
   * prose (a two-line mail gets an unsure score). See docs/esp.md.
   */
  scoreConfidence?: number
  phase?: PhaseGuess
  suggestions?: string[]
  /**
   * For `.eml`, when asked (`CheckOptions.parts`): the decoded texts that
   * positions point into, by name: `subject`, `html` (a `preheader` finding
   * points into it too) and `text`.
   */
  parts?: Readonly<Record<string, string>>
}

declare module 'vfile' {
  interface DataMap {
    trouw: TrouwData
  }
}

/** The fields trouw sets on every message, on top of VFileMessage's own. */
export interface TrouwMessageFields {
  ruleId: string
  source: 'trouw'
  category: MessageCategory
  subtype?: string
  severity: Severity
  actual: string
  expected: string[]
  url: string
  part?: PartName
}

/** One message in the JSON report (DESIGN.md contract). */
export interface JsonMessage {
  ruleId: string
  category: MessageCategory
  subtype: string | null
  severity: Severity
  reason: string
  actual: string
  /** Fixes: replacements of exactly `actual` that keep every fact (`['']`: remove it). */
  expected: string[]
  /** Sentence rewrites, offered one by one, never preferred (added field). */
  suggestions: JsonSuggestion[]
  line: number
  column: number
  endLine: number
  endColumn: number
  url: string
  part?: PartName
  /**
   * For `.eml`: how the raw range (`line`…`endColumn`) holds the finding's
   * words: `words` (as written), `encoded` (their quoted-printable or base64
   * encoding, an encoded-word Subject) or `part` (not found word for word:
   * the whole raw part or Subject header). Added field.
   */
  located?: 'words' | 'encoded' | 'part'
  /** For `.eml`: where the finding is in its decoded part (`parts[part]`; a preheader in `html`). Added field. */
  inPart?: {line: number; column: number; endLine: number; endColumn: number}
  /**
   * For `.eml`: the other body parts that hold the same finding. A
   * multipart/alternative mail says the same in its HTML and text parts; the
   * finding is reported once, in `part` (added field).
   */
  alsoIn?: PartName[]
  /**
   * Other rules of the same category and subtype that caught this span or a part of it:
   * one finding is reported per span (added field).
   */
  also?: string[]
  /** Advice: what to do and why, an example marked as one with [placeholders] (added field). */
  note?: string
  /**
   * Each fix, then each suggestion, as an edit of the file's source (0-based
   * UTF-16 offsets, end exclusive): what the playground applies (added field;
   * absent for `.eml` parts and findings without a rewrite).
   */
  edits?: Array<{kind: 'fix' | 'suggestion'; title: string; start: number; end: number; insert: string}>
}

/** A rewrite of the sentence a finding is in, and the range it replaces. */
export interface JsonSuggestion {
  title: string
  text: string
  line: number
  column: number
  endLine: number
  endColumn: number
}

export interface JsonFile {
  path: string
  language: Language
  format: FormatName
  scores: Scores
  phase: PhaseGuess | null
  messages: JsonMessage[]
}

export interface JsonReport {
  files: JsonFile[]
  summary: {
    files: number
    errors: number
    warnings: number
    infos: number
    esp: number | null
  }
}

/** An input problem: the CLI prints `path: message` and exits 2. */
export class InputError extends Error {
  readonly path: string
  readonly line: number | undefined
  constructor(path: string, message: string, line?: number) {
    super(message)
    this.name = 'InputError'
    this.path = path
    this.line = line
  }

  /** `path:line: message`, the one line the CLI prints. */
  override toString(): string {
    return `${this.path}${this.line ? ':' + this.line : ''}: ${this.message}`
  }
}
