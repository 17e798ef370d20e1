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
  /** The spelling. */
  raw: string
  norm: string
  kind: TokenKind
  caps: boolean
  /** Starts with a capital letter. */
  capital: boolean
  /** Holds a hyphen or slash: the word is cut into pieces. */
  split: boolean
  /** Holds an emoji or pictograph. */
  emoji: boolean
  /** Punctuation that starts a new clause: `, ; : ( ) – —`. */
  clauseBreak: boolean
  /** The word's two bits in a sentence signature (see `signatureOf`). */
  signatureA: number
  signatureB: number
  /**
   * Answers cached per consumer, by the consumer's `memoSlot()`: the first
   * twelve slots are fields of the lexeme (one load, no array to fetch), the
   * rest go to `memo`. One language takes about six (pattern index, signal
   * flags, gush weights, negation classes, language cues); twelve keep a
   * server that checks English and Dutch on fields too. Read and write them
   * with `memoGet` and `memoSet`.
   */
  m0: unknown
  m1: unknown
  m2: unknown
  m3: unknown
  m4: unknown
  m5: unknown
  m6: unknown
  m7: unknown
  m8: unknown
  m9: unknown
  m10: unknown
  m11: unknown
  memo: unknown[]
  /** Interest bits (see `src/interest.ts`), valid while `interestKey` is the current key: a field, not a memo slot, because every token reads it. */
  interest: number
  interestKey: number
}

/**
 * A folded word's bits in a sentence signature: two 32-bit masks with one
 * bit each, from a hash of the word. OR-ing them over a sentence's words
 * gives a small Bloom filter: when a word's bits are missing, the word is
 * not in the sentence, and a pattern that needs it need not be tried.
 */
export function signatureOf(norm: string): [number, number] {
  let hash = 0x811c9dc5 | 0
  for (let index = 0; index < norm.length; index++) hash = Math.imul(hash ^ norm.charCodeAt(index), 16777619)
  return [1 << (hash & 31), 1 << ((hash >>> 5) & 31)]
}

/**
 * The lexemes by spelling: an open-addressing table keyed by a hash of the
 * characters, so that a token is looked up straight from the block text
 * without cutting a string out of it first (a `Map` needs the string, and
 * hashing a new string goes through the runtime: that lookup was the largest
 * cost of tokenising).
 */
class SpellingTable {
  private size = 0
  private mask = 4095
  /**
   * Two numbers per slot, side by side: the hash, and the lexeme's place in
   * `lexemes` plus one (0: empty). One cache line answers most probes; the
   * lexeme itself is fetched only when the hash matches.
   */
  private slots = new Int32Array(4096 * 2)
  private lexemes: Lexeme[] = []

  /** The lexeme of `text.slice(start, end)`. */
  get(text: string, start: number, end: number): Lexeme {
    let hash = 0x811c9dc5 | 0
    for (let index = start; index < end; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
    const length = end - start
    const slots = this.slots
    let slot = hash & this.mask
    for (;;) {
      const entry = slots[slot * 2 + 1]
      if (entry === 0) break
      if (slots[slot * 2] === hash) {
        const lexeme = this.lexemes[entry - 1]
        // `startsWith` at a position compares natively: faster than a loop of `charCodeAt`.
        if (lexeme.raw.length === length && text.startsWith(lexeme.raw, start)) return lexeme
      }
      slot = (slot + 1) & this.mask
    }
    const lexeme = createLexeme(text.slice(start, end))
    if (this.size * 2 >= this.mask) {
      // Grow up to the limit, then start over: memory stays bounded.
      this.reset(this.mask + 1 >= lexemeLimit ? this.mask + 1 : (this.mask + 1) * 2)
      return this.get(text, start, end)
    }
    this.lexemes.push(lexeme)
    slots[slot * 2] = hash
    slots[slot * 2 + 1] = this.lexemes.length
    this.size++
    return lexeme
  }

  private reset(capacity: number): void {
    const old = this.slots
    const keep = capacity * 2 > old.length
    this.slots = new Int32Array(capacity * 2)
    this.mask = capacity - 1
    this.size = 0
    if (!keep) {
      this.lexemes = []
      return
    }
    for (let index = 0; index < old.length; index += 2) {
      if (old[index + 1] === 0) continue
      let slot = old[index] & this.mask
      while (this.slots[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask
      this.slots[slot * 2] = old[index]
      this.slots[slot * 2 + 1] = old[index + 1]
      this.size++
    }
  }
}

/** Spellings remembered at most (a power of two); beyond this the table starts over. */
const lexemeLimit = 65536
const lexemes = new SpellingTable()
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

/** Memo slots that are fields of the lexeme (`m0`…`m11`); later ones are array items. */
export const fieldSlots = 12

/** How many memo slots consumers have taken so far. */
export function memoSlotsTaken(): number {
  return slots
}

/** A consumer's cached answer for a lexeme (undefined: not worked out yet). */
export function memoGet(lexeme: Lexeme, slot: number): unknown {
  switch (slot) {
    case 0: return lexeme.m0
    case 1: return lexeme.m1
    case 2: return lexeme.m2
    case 3: return lexeme.m3
    case 4: return lexeme.m4
    case 5: return lexeme.m5
    case 6: return lexeme.m6
    case 7: return lexeme.m7
    case 8: return lexeme.m8
    case 9: return lexeme.m9
    case 10: return lexeme.m10
    case 11: return lexeme.m11
    default: return lexeme.memo[slot]
  }
}

/** Cache a consumer's answer for a lexeme. */
export function memoSet(lexeme: Lexeme, slot: number, value: unknown): void {
  switch (slot) {
    case 0: lexeme.m0 = value; return
    case 1: lexeme.m1 = value; return
    case 2: lexeme.m2 = value; return
    case 3: lexeme.m3 = value; return
    case 4: lexeme.m4 = value; return
    case 5: lexeme.m5 = value; return
    case 6: lexeme.m6 = value; return
    case 7: lexeme.m7 = value; return
    case 8: lexeme.m8 = value; return
    case 9: lexeme.m9 = value; return
    case 10: lexeme.m10 = value; return
    case 11: lexeme.m11 = value; return
    default: lexeme.memo[slot] = value
  }
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

/**
 * Every token of a sentence made the same way, with the same fields in the
 * same order: one object shape, so the code that reads tokens stays
 * monomorphic (and fast) in V8.
 */
function makeToken(norm: string, raw: string, kind: TokenKind, start: number, end: number, clause: number, caps: boolean, lexeme: Lexeme | undefined): Token {
  const pool = activePool
  if (pool === undefined) return {norm, raw, kind, start, end, clause, caps, lexeme}
  let token = pool.items[pool.used]
  if (token === undefined) pool.items[pool.used] = token = {norm, raw, kind, start, end, clause, caps, lexeme}
  else {
    token.norm = norm
    token.raw = raw
    token.kind = kind
    token.start = start
    token.end = end
    token.clause = clause
    token.caps = caps
    token.lexeme = lexeme
  }
  pool.used++
  return token
}

/**
 * Token objects to reuse: the plugin checks one sentence at a time and keeps
 * no token once the next-but-one sentence starts, so two pools taken in turn
 * spare an object per token per sentence (the largest allocation of a check
 * after the parse itself).
 */
export class TokenPool {
  items: Token[] = []
  used = 0
}

let activePool: TokenPool | undefined

/**
 * Collect tokens of one sentence. `text` is the block text the offsets index.
 * With a `pool`, the token objects are the pool's, reused from earlier
 * sentences: they are valid until the pool is used again.
 */
export function sentenceTokens(sentence: Sentence, text: string, masks: Masks, pool?: TokenPool): Token[] {
  if (pool === undefined) return collectTokens(sentence, text, masks)
  pool.used = 0
  activePool = pool
  try {
    return collectTokens(sentence, text, masks)
  } finally {
    activePool = undefined
  }
}

function collectTokens(sentence: Sentence, text: string, masks: Masks): Token[] {
  const tokens: Token[] = []
  let clause = 0

  for (const node of sentence.children) {
    const position = node.position
    if (position === undefined) continue
    const start = position.start.offset
    const end = position.end.offset
    if (start === undefined || end === undefined) continue

    if (node.type === 'WordNode') {
      pushWordPieces(tokens, text, start, end, clause, masks)
    } else if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      const lexeme = lexemes.get(text, start, end)
      if (lexeme.emoji) {
        // A run of emoji may come as one node: one token per pictograph.
        let offset = start
        for (const char of lexeme.raw) {
          if (emojiLike.test(char)) {
            tokens.push(makeToken(char, char, 'emoji', offset, offset + char.length, clause, false, undefined))
          }
          offset += char.length
        }
      } else {
        tokens.push(makeToken(lexeme.raw, lexeme.raw, 'punct', start, end, clause, false, lexeme))
        if (lexeme.clauseBreak) clause++
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
  if (masks.length > 0 && isMasked(start, end, masks)) {
    tokens.push(makeToken('', text.slice(start, end), 'masked', start, end, clause, false, undefined))
    return
  }
  if (end - start > 1 && text.charCodeAt(end - 1) === 46 /* . */) {
    pushDottedWord(tokens, text.slice(start, end), start, end, clause)
    return
  }
  const lexeme = lexemes.get(text, start, end)
  if (lexeme.split) pushPieces(tokens, lexeme.raw, start, clause)
  else pushPiece(tokens, lexeme, start, clause)
}

function pushDottedWord(tokens: Token[], raw: string, start: number, end: number, clause: number): void {
  // The parser keeps a sentence-final dot on numbers and on words it takes
  // for abbreviations ("12.", Dutch "vrij." as in vrijdag) and then runs two
  // sentences together. Split the dot off as its own token; `splitSentence`
  // cuts there when a capital follows.
  let word = raw
  let dot = false
  if (!raw.slice(0, -1).includes('.') && !abbreviations.has(fold(raw.slice(0, -1)))) {
    word = raw.slice(0, -1)
    dot = true
  }
  pushPieces(tokens, word, start, clause)
  if (dot) tokens.push(makeToken('.', '.', 'punct', end - 1, end, clause, false, undefined))
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
  let from = 0
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    const next = tokens[index + 1]
    if (token.norm === '.' && token.kind === 'punct' && next && next.kind === 'word' && upperStart.test(next.raw) && token.end === tokens[index - 1]?.end + 1) {
      parts.push(tokens.slice(from, index + 1))
      from = index + 1
    }
  }
  // Most sentences need no cut: hand the tokens on as they are.
  if (from === 0) parts.push(tokens)
  else if (from < tokens.length) parts.push(tokens.slice(from))
  return parts
}

const hyphenLike = /[-/‐‑]/

function pushPieces(tokens: Token[], raw: string, start: number, clause: number): void {
  if (!hyphenLike.test(raw)) {
    pushPiece(tokens, lexemeOf(raw), start, clause)
    return
  }
  // Split at hyphens and slashes, but keep numbers such as 02:14:00 or 3.5 whole.
  let offset = start
  for (const piece of raw.split(/([-/‐‑])/)) {
    const pieceStart = offset
    offset += piece.length
    if (piece === '' || /^[-/‐‑]$/.test(piece)) continue
    pushPiece(tokens, lexemeOf(piece), pieceStart, clause)
  }
}

function pushPiece(tokens: Token[], lexeme: Lexeme, start: number, clause: number): void {
  const raw = lexeme.raw
  tokens.push(makeToken(lexeme.norm, raw, lexeme.kind, start, start + raw.length, clause, lexeme.caps, lexeme))
}

/** The shared record of a spelling (worked out the first time it is seen). */
export function lexemeOf(piece: string): Lexeme {
  return lexemes.get(piece, 0, piece.length)
}

/** The shared record of the spelling `text.slice(start, end)`, without cutting it out first. */
export function lexemeAt(text: string, start: number, end: number): Lexeme {
  return lexemes.get(text, start, end)
}

function createLexeme(raw: string): Lexeme {
  // A copy, not a slice: a slice would keep the whole block text alive.
  const piece = raw.length >= 13 ? (raw + ' ').slice(0, -1) : raw
  let kind: TokenKind = 'word'
  if (numberLike.test(piece)) kind = 'number'
  // No letters and no digits: an emoji, or a stray joiner or variation
  // selector (U+FE0F after ❤), which is no word at all.
  else if (!letters.test(piece) && !/\p{N}/u.test(piece)) kind = emojiLike.test(piece) ? 'emoji' : 'punct'
  const norm = fold(piece)
  const [signatureA, signatureB] = signatureOf(norm)
  return {
    raw: piece,
    norm,
    signatureA,
    signatureB,
    kind,
    caps: piece.length > 1 && upper.test(piece) && !lower.test(piece),
    capital: upperStart.test(piece),
    split: hyphenLike.test(piece),
    emoji: emojiLike.test(piece),
    clauseBreak: clauseBreak.test(piece),
    m0: undefined,
    m1: undefined,
    m2: undefined,
    m3: undefined,
    m4: undefined,
    m5: undefined,
    m6: undefined,
    m7: undefined,
    m8: undefined,
    m9: undefined,
    m10: undefined,
    m11: undefined,
    memo: [],
    interest: 0,
    interestKey: 0
  }
}

/** Is the token a word, a number or masked syntax: what the phrase matcher sees? */
export function isWordToken(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'number' || token.kind === 'masked'
}

/** The words (and numbers) only, as the phrase matcher sees them. */
export function wordTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter(isWordToken)
}

export type {SentenceContent}
