/**
 * Turn an nlcst sentence into the flat token list the rule kinds match on.
 *
 * Words are split further at hyphens and slashes ("24-month" → `24`, `month`;
 * "life-changing" → `life`, `changing`) so that patterns stay simple. Every
 * token keeps its offsets in the block text, so messages can point at it.
 */
import type {Sentence, SentenceContent} from 'nlcst'

export type TokenKind = 'word' | 'number' | 'emoji' | 'punct' | 'masked'

export interface Token {
  /** Lowercased, accents of stress folded, curly apostrophes straightened. */
  norm: string
  /** As written. */
  raw: string
  kind: TokenKind
  /** Offsets in the block text. */
  start: number
  end: number
  /** Clause number in the sentence: grows at `, ; : ( ) –`. */
  clause: number
  /** Written in capitals (two letters or more, no lowercase). */
  caps: boolean
  /** The shared record of this spelling, when the token came from `sentenceTokens` (see `Lexeme`). */
  lexeme?: Lexeme
}

/**
 * What trouw knows about one spelling of a word, shared by every token
 * written that way. Looking a token's spelling up once and hanging every
 * later answer on this record (its folded form, which patterns it can start,
 * its gush weight…) replaces a string-keyed lookup per matcher with an array
 * read: string hashing was the largest cost of matching.
 */
export interface Lexeme {
  norm: string
  kind: TokenKind
  caps: boolean
  /** Starts with a capital letter. */
  capital: boolean
  /** Answers cached per consumer, indexed by the consumer's `memoSlot()`. */
  memo: unknown[]
}

/** Spellings remembered at most; beyond this the table starts over (memory stays bounded). */
const lexemeLimit = 50000
const lexemes = new Map<string, Lexeme>()
let slots = 0

/**
 * A slot of its own in every lexeme's memo, for one consumer (a pattern
 * index, a word set…). Undefined once `maxSlots` are handed out: the
 * consumer then keeps its own map.
 */
export function memoSlot(): number | undefined {
  return slots < maxSlots ? slots++ : undefined
}

const maxSlots = 1024

/** Ranges of the block text that are syntax, not prose (merge tags, URLs). */
export type Masks = ReadonlyArray<readonly [number, number]>

const clauseBreak = /[,;:()–—]/
const numberLike = /^\d+(?:[.,:]\d+)*$/
const letters = /\p{L}/u
const lower = /\p{Ll}/u
const upper = /\p{Lu}/u
// Emoji and pictographs (hearts, party poppers, sparkles), plus the joiners
// and variation selectors that hold them together.
const emojiLike = /\p{Extended_Pictographic}/u

/** Fold the accents writers use for stress (zó, écht, hèél) but keep ë/ï (financiële). */
export function fold(value: string): string {
  let out = value.toLowerCase().replace(/[’‘`´]/g, "'")
  if (/[áéíóúàèìòùâêîôû]/.test(out)) {
    out = out.normalize('NFD').replace(/[\u0300-\u0302]/g, '').normalize('NFC')
  }
  return out
}

function isMasked(start: number, end: number, masks: Masks): boolean {
  for (const [from, to] of masks) {
    if (start < to && end > from) return true
  }
  return false
}

/** Collect tokens of one sentence. `text` is the block text the offsets index. */
export function sentenceTokens(sentence: Sentence, text: string, masks: Masks): Token[] {
  const tokens: Token[] = []
  let clause = 0

  for (const node of sentence.children) {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    if (start === undefined || end === undefined) continue

    if (node.type === 'WordNode') {
      pushWordPieces(tokens, text, start, end, clause, masks)
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      const raw = text.slice(start, end)
      if (emojiLike.test(raw)) {
        // A run of emoji may come as one node: one token per pictograph.
        let offset = start
        for (const char of raw) {
          if (emojiLike.test(char)) {
            tokens.push({norm: char, raw: char, kind: 'emoji', start: offset, end: offset + char.length, clause, caps: false})
          }
          offset += char.length
        }
      } else {
        tokens.push({norm: raw, raw, kind: 'punct', start, end, clause, caps: false})
        if (clauseBreak.test(raw)) clause++
      }
    }
  }

  return tokens
}

function pushWordPieces(
  tokens: Token[],
  text: string,
  start: number,
  end: number,
  clause: number,
  masks: Masks
): void {
  const raw = text.slice(start, end)
  if (masks.length > 0 && isMasked(start, end, masks)) {
    tokens.push({norm: '', raw, kind: 'masked', start, end, clause, caps: false})
    return
  }

  // The parser keeps a sentence-final dot on numbers and on words it takes
  // for abbreviations ("12.", Dutch "vrij." as in vrijdag) and then runs two
  // sentences together. Split the dot off as its own token; `splitSentence`
  // cuts there when a capital follows.
  let word = raw
  let dot = false
  if (raw.length > 1 && raw.endsWith('.') && !raw.slice(0, -1).includes('.') && !abbreviations.has(fold(raw.slice(0, -1)))) {
    word = raw.slice(0, -1)
    dot = true
  }
  pushPieces(tokens, word, start, clause)
  if (dot) tokens.push({norm: '.', raw: '.', kind: 'punct', start: end - 1, end, clause, caps: false})
}

/** Abbreviations that keep their dot and do not end a sentence. */
const abbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'vs', 'etc', 'no', 'nr', 'inc', 'ltd', 'jr', 'sr',
  'mevr', 'dhr', 'ir', 'drs', 'mr', 'bijv', 'ca', 'incl', 'excl', 'max', 'min', 'evt', 'tel', 'blz', 'zgn', 'resp', 'jl', 'a.s'
])

const upperStart = /^\p{Lu}/u

/**
 * Cut a sentence's tokens where the parser ran two sentences together: after
 * a split-off dot (see above) that a capitalised word follows.
 */
export function splitSentence(tokens: Token[]): Token[][] {
  const parts: Token[][] = []
  let current: Token[] = []
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    current.push(token)
    const next = tokens[index + 1]
    if (token.norm === '.' && token.kind === 'punct' && next && next.kind === 'word' && upperStart.test(next.raw) && token.end === tokens[index - 1]?.end + 1) {
      parts.push(current)
      current = []
    }
  }
  if (current.length > 0) parts.push(current)
  return parts
}

const hyphenLike = /[-/‐‑]/

function pushPieces(tokens: Token[], raw: string, start: number, clause: number): void {
  if (!hyphenLike.test(raw)) {
    pushPiece(tokens, lexemeOf(raw), raw, start, clause)
    return
  }
  // Split at hyphens and slashes, but keep numbers such as 02:14:00 or 3.5 whole.
  let offset = start
  for (const piece of raw.split(/([-/‐‑])/)) {
    const pieceStart = offset
    offset += piece.length
    if (piece === '' || /^[-/‐‑]$/.test(piece)) continue
    pushPiece(tokens, lexemeOf(piece), piece, pieceStart, clause)
  }
}

function pushPiece(tokens: Token[], lexeme: Lexeme, raw: string, start: number, clause: number): void {
  tokens.push({norm: lexeme.norm, raw, kind: lexeme.kind, start, end: start + raw.length, clause, caps: lexeme.caps, lexeme})
}

/** The shared record of a spelling (one map lookup; worked out the first time it is seen). */
export function lexemeOf(piece: string): Lexeme {
  let lexeme = lexemes.get(piece)
  if (lexeme === undefined) {
    let kind: TokenKind = 'word'
    if (numberLike.test(piece)) kind = 'number'
    // No letters and no digits: an emoji, or a stray joiner or variation
    // selector (U+FE0F after ❤), which is no word at all.
    else if (!letters.test(piece) && !/\p{N}/u.test(piece)) kind = emojiLike.test(piece) ? 'emoji' : 'punct'
    const caps = piece.length > 1 && upper.test(piece) && !lower.test(piece)
    lexeme = {norm: fold(piece), kind, caps, capital: upperStart.test(piece), memo: []}
    if (lexemes.size >= lexemeLimit) lexemes.clear()
    lexemes.set(piece, lexeme)
  }
  return lexeme
}

/** The words (and numbers) only, as the phrase matcher sees them. */
export function wordTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => token.kind === 'word' || token.kind === 'number' || token.kind === 'masked')
}

export type {SentenceContent}
