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
}

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

  // Split at hyphens and slashes, but keep numbers such as 02:14:00 or 3.5 whole.
  const pieces = /[-/‐‑]/.test(raw) ? raw.split(/([-/‐‑])/) : [raw]
  let offset = start
  for (const piece of pieces) {
    const pieceStart = offset
    offset += piece.length
    if (piece === '' || /^[-/‐‑]$/.test(piece)) continue
    const norm = fold(piece)
    let kind: TokenKind = 'word'
    if (numberLike.test(piece)) kind = 'number'
    else if (!letters.test(piece) && emojiLike.test(piece)) kind = 'emoji'
    const caps = piece.length > 1 && upper.test(piece) && !lower.test(piece)
    tokens.push({norm, raw: piece, kind, start: pieceStart, end: offset, clause, caps})
  }
}

/** The words (and numbers) only, as the phrase matcher sees them. */
export function wordTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((token) => token.kind === 'word' || token.kind === 'number' || token.kind === 'masked')
}

export type {SentenceContent}
