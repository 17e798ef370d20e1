/**
 * trouw's small pattern language, compiled once and matched on the word
 * tokens of a sentence.
 *
 * Why not regular expressions over the sentence string: patterns must cope
 * with inflection, word order and Dutch separable verbs ("zeg je abonnement
 * op") while staying readable data a copywriter can edit, and one indexed pass
 * over the tokens keeps every rule inside the per-email budget.
 *
 * Syntax, tokens separated by spaces:
 * - `word`            the word (case and stress accents ignored)
 * - `verleng*`        any word starting with `verleng` (verlengd, verlengen…)
 * - `*kosten`         any longer word ending in `kosten`: a compound by its
 *                     head (opzegkosten, administratiekosten)
 * - `urgent!`         the word written in capitals ("URGENT", not "urgent");
 *                     `a|b!` marks the whole step
 * - `a|b|c*`          one of these words (a bar joins single words: `a|b c`
 *                     is "a or b, then c")
 * - `(a b|c d)`       one of these word sequences (a group; `( … )?` optional)
 * - `{num}`           a number (24, 3.5, 02:14) or a number word (three, drie)
 * - `{any}`           any one word
 * - `{name}`          a word for which the predicate `name` holds (lexicons)
 * - `<name>`          one of the token sequences of class `name`
 *                     (`dictionaries/classes.<lang>.yml`)
 * - `...` / `...N`    up to 4 (or N) words in between
 * - `x?`              the token or class `x` is optional
 */
import {fold, memoGet, memoSet, memoSlot, signatureOf, type Token} from './tokens.js'
import {sortSmall} from './small-sort.js'

export type Predicate = (token: Token) => boolean

export interface WordStep {
  type: 'word'
  exact: ReadonlySet<string>
  /**
   * A cheap filter before `exact` is consulted: bit `c & 31` is set for the
   * first char code `c` of every exact word, bit `n & 31` of `lengths` for
   * every length `n`. Most tokens fail it without hashing.
   */
  initials: number
  lengths: number
  prefixes: readonly string[]
  /** `*kosten`: the word is a longer compound with this head. */
  suffixes: readonly string[]
  /** `{num}` */
  number: boolean
  /** `{any}` */
  any: boolean
  predicates: readonly Predicate[]
  /** The names of `predicates` (`{joy}` → `joy`), to store the step (see `StoredPatterns`). */
  predicateNames: readonly string[]
  optional: boolean
  /** `word!`: the token must be written in capitals. */
  shouted: boolean
}

export interface GapStep {
  type: 'gap'
  max: number
}

export type Step = WordStep | GapStep

export interface CompiledPattern {
  /** The pattern as written (before classes were expanded). */
  source: string
  steps: readonly Step[]
  /** How a `PatternIndex` files it (see `planOf`): worked out once, or stored by the build. */
  plan?: Plan
}

/** How an index files a pattern: its anchor step, and what else the pattern cannot do without. */
export interface Plan {
  /** The step the pattern is filed under (-1: none, it is tried at every token). */
  anchor: number
  /** The anchor is a word set (`{joy}`): it holds for word tokens only. */
  wordOnly: boolean
  /** At most this many tokens stand before the anchor in a match. */
  maxBefore: number
  /** Signature masks of (at most) two other required steps (see `Entry.needs`). */
  needs: readonly [number, number, number, number]
}

/**
 * Compiled patterns as the build stores them (`dist/patterns.<lang>.json`,
 * see `storedPatterns`): every distinct step once, each pattern source with
 * its linear patterns as step numbers and their plans. A cold check then
 * rebuilds the steps instead of compiling thousands of patterns again.
 *
 * A gap is its `max`; a word step is `[exact, prefixes, suffixes, word-set
 * names, flags]`, flags 1 `{num}`, 2 `{any}`, 4 optional, 8 shouted.
 */
export interface StoredPatterns {
  steps: Array<number | [string[], string[], string[], string[], number]>
  patterns: Record<string, Array<[number[], number, number, number, number, number, number, number]>>
}

/** Class name → alternative token sequences, each in the same syntax. */
export type Classes = Readonly<Record<string, readonly string[]>>

export interface CompileContext {
  classes: Classes
  predicates: Readonly<Record<string, Predicate>>
  /** Patterns the build compiled with these classes (default: none, every pattern compiles). */
  stored?: StoredPatterns | null
}

export class PatternError extends Error {}

const numberWords = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'eleven', 'twelve', 'fifteen', 'twenty', 'thirty', 'hundred', 'a', 'few',
  'een', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien',
  'elf', 'twaalf', 'vijftien', 'twintig', 'dertig', 'honderd', 'paar'
])

const maxExpansions = 256

/**
 * Compile one pattern into one or more linear patterns (classes expand).
 * Each call returns new pattern objects; their steps are shared.
 */
export function compilePattern(source: string, context: CompileContext): CompiledPattern[] {
  const memo = memoOf(context)
  let known = memo.patterns.get(source)
  if (!known) {
    const stored = context.stored?.patterns[source]
    known = stored ? restorePatterns(source, stored, context, memo) : compileFresh(source, context)
    memo.patterns.set(source, known)
  }
  return known.map((pattern) => ({source, steps: pattern.steps, plan: pattern.plan}))
}

function compileFresh(source: string, context: CompileContext): CompiledPattern[] {
  const sequences = expand(source.trim(), context, new Set())
  if (sequences.length === 0) throw new PatternError(`pattern \`${source}\` is empty`)
  return sequences.map((steps) => {
    const first = steps[0]
    if (!first || first.type !== 'word' || first.optional) {
      throw new PatternError(`pattern \`${source}\` must start with a word that is not optional (not a gap, not \`x?\`)`)
    }
    if (steps[steps.length - 1]?.type === 'gap') {
      throw new PatternError(`pattern \`${source}\` must not end with a gap`)
    }
    const pattern: CompiledPattern = {source, steps}
    pattern.plan = planOf(pattern)
    return pattern
  })
}

/** The stored linear patterns of one source, with steps rebuilt once per context. */
function restorePatterns(source: string, stored: StoredPatterns['patterns'][string], context: CompileContext, memo: CompileMemo): CompiledPattern[] {
  return stored.map(([ids, anchor, wordOnly, maxBefore, a, b, c, d]) => ({
    source,
    steps: ids.map((id) => restoreStep(id, context, memo)),
    plan: {anchor, wordOnly: wordOnly === 1, maxBefore, needs: [a, b, c, d]}
  }))
}

function restoreStep(id: number, context: CompileContext, memo: CompileMemo): Step {
  let step = memo.restored[id]
  if (step) return step
  const stored = context.stored!.steps[id]
  if (typeof stored === 'number') {
    step = {type: 'gap', max: stored}
  } else {
    const [exactWords, prefixes, suffixes, predicateNames, flags] = stored
    const exact = new Set(exactWords)
    const predicates = predicateNames.map((name) => {
      const predicate = context.predicates[name]
      if (!predicate) throw new PatternError(`unknown word set \`{${name}}\` in the stored patterns: run \`npm run build\``)
      return predicate
    })
    step = {type: 'word', exact, ...signatureBits(exact), prefixes, suffixes, number: (flags & 1) !== 0, any: (flags & 2) !== 0, predicates, predicateNames, optional: (flags & 4) !== 0, shouted: (flags & 8) !== 0}
  }
  memo.restored[id] = step
  return step
}

/**
 * What the build stores of a context: every pattern it compiled (see
 * `StoredPatterns`). Call after compiling everything a check uses.
 */
export function storedPatterns(context: CompileContext): StoredPatterns {
  const steps: StoredPatterns['steps'] = []
  const ids = new Map<Step, number>()
  const idOf = (step: Step): number => {
    let id = ids.get(step)
    if (id === undefined) {
      id = steps.length
      ids.set(step, id)
      steps.push(
        step.type === 'gap'
          ? step.max
          : [[...step.exact], [...step.prefixes], [...step.suffixes], [...step.predicateNames], (step.number ? 1 : 0) | (step.any ? 2 : 0) | (step.optional ? 4 : 0) | (step.shouted ? 8 : 0)]
      )
    }
    return id
  }
  const patterns: StoredPatterns['patterns'] = {}
  for (const [source, compiled] of memoOf(context).patterns) {
    patterns[source] = compiled.map((pattern) => {
      const plan = pattern.plan ?? planOf(pattern)
      return [pattern.steps.map(idOf), plan.anchor, plan.wordOnly ? 1 : 0, plan.maxBefore, ...plan.needs]
    })
  }
  return {steps, patterns}
}

/**
 * What a compile context has already compiled: class expansions and word
 * steps, shared by every pattern that uses them (steps are never changed
 * after compiling). Without it, start-up spent a quarter of a one-file check
 * expanding the same classes again and again.
 */
interface CompileMemo {
  classes: Map<string, Step[][]>
  words: Map<string, WordStep>
  /** Every pattern compiled (or restored), by source. */
  patterns: Map<string, CompiledPattern[]>
  /** Stored steps rebuilt so far, by number. */
  restored: Step[]
}

const compileMemos = new WeakMap<CompileContext, CompileMemo>()

function memoOf(context: CompileContext): CompileMemo {
  let memo = compileMemos.get(context)
  if (!memo) compileMemos.set(context, (memo = {classes: new Map(), words: new Map(), patterns: new Map(), restored: []}))
  return memo
}

/**
 * The parts of a pattern: words split on spaces, except a group `( … )`,
 * which stays one part however many words it holds.
 */
function partsOf(source: string, whole: string): string[] {
  const parts: string[] = []
  let index = 0
  while (index < source.length) {
    while (index < source.length && /\s/.test(source[index])) index++
    if (index >= source.length) break
    let end = index
    if (source[index] === '(') {
      let depth = 0
      for (; end < source.length; end++) {
        if (source[end] === '(') depth++
        else if (source[end] === ')' && --depth === 0) break
      }
      if (depth !== 0) throw new PatternError(`pattern \`${whole}\` opens a group \`(\` that is never closed`)
      end++
      if (source[end] === '?') end++
      if (end < source.length && !/\s/.test(source[end])) {
        throw new PatternError(`pattern \`${whole}\`: put a space after the group \`${source.slice(index, end)}\``)
      }
    } else {
      while (end < source.length && !/\s/.test(source[end])) end++
      const word = source.slice(index, end)
      if (word.includes('(') || word.includes(')')) {
        throw new PatternError(`pattern \`${whole}\`: \`${word}\` has a bracket inside a word; a group stands alone: \`(last chance|final call)\``)
      }
    }
    parts.push(source.slice(index, end))
    index = end
  }
  return parts
}

/** The alternatives of a group's body, split on the bars outside inner groups. */
function groupAlternatives(body: string): string[] {
  const alternatives: string[] = []
  let depth = 0
  let from = 0
  for (let index = 0; index < body.length; index++) {
    const char = body[index]
    if (char === '(') depth++
    else if (char === ')') depth--
    else if (char === '|' && depth === 0) {
      alternatives.push(body.slice(from, index))
      from = index + 1
    }
  }
  alternatives.push(body.slice(from))
  return alternatives.map((alternative) => alternative.trim())
}

function expand(source: string, context: CompileContext, seen: Set<string>, whole = source): Step[][] {
  let sequences: Step[][] = [[]]
  for (const part of partsOf(source, whole)) {
    let alternatives: Step[][]
    const gap = /^(?:\.\.\.|…)(\d+)?$/.exec(part)
    const classRef = /^<([\w-]+)>(\?)?$/.exec(part)
    if (part.startsWith('(')) {
      // A group: `(last chance|final call)` is "last chance" or "final call";
      // the bar splits whole word sequences here, not single words.
      const optional = part.endsWith('?')
      const body = part.slice(1, optional ? -2 : -1)
      alternatives = []
      for (const alternative of groupAlternatives(body)) {
        if (alternative === '') throw new PatternError(`pattern \`${whole}\` has an empty alternative in the group \`${part}\``)
        alternatives.push(...expand(alternative, context, seen, whole))
      }
      if (optional) alternatives.push([])
    } else if (gap) {
      alternatives = [[{type: 'gap', max: gap[1] ? Number(gap[1]) : 4}]]
    } else if (classRef) {
      const name = classRef[1]
      const members = context.classes[name]
      if (!members) throw new PatternError(`unknown class \`<${name}>\` in \`${source}\`; define it in dictionaries/classes.<lang>.yml`)
      if (seen.has(name)) throw new PatternError(`class \`<${name}>\` refers to itself`)
      let expanded = memoOf(context).classes.get(name)
      if (!expanded) {
        const inner = new Set(seen).add(name)
        expanded = members.flatMap((member) => expand(member, context, inner))
        memoOf(context).classes.set(name, expanded)
      }
      alternatives = classRef[2] ? [...expanded, []] : expanded
    } else if (/\p{L}-\p{L}/u.test(part)) {
      // Hyphenated words are split into tokens ("e-mail" is `e mail`), so a
      // hyphenated alternative becomes a sequence of its own.
      let body = part
      let optional = false
      if (body.endsWith('?') && body.length > 1) {
        optional = true
        body = body.slice(0, -1)
      }
      const plain = body.split('|').filter((alternative) => !/\p{L}-\p{L}/u.test(alternative))
      const hyphenated = body.split('|').filter((alternative) => /\p{L}-\p{L}/u.test(alternative))
      alternatives = hyphenated.map((alternative) => alternative.split('-').map((piece) => compileWord(piece, context, source)))
      if (plain.length > 0) alternatives.push([compileWord(plain.join('|'), context, source)])
      if (optional) alternatives.push([])
    } else {
      const words = memoOf(context).words
      let step = words.get(part)
      if (!step) words.set(part, (step = compileWord(part, context, source)))
      alternatives = [[step]]
    }
    const next: Step[][] = []
    for (const sequence of sequences) {
      for (const alternative of alternatives) next.push([...sequence, ...alternative])
    }
    if (next.length > maxExpansions) {
      throw new PatternError(`pattern \`${source}\` expands to more than ${maxExpansions} sequences; split it`)
    }
    sequences = next
  }
  return sequences.filter((sequence) => sequence.length > 0)
}

function compileWord(part: string, context: CompileContext, source: string): WordStep {
  let body = part
  let optional = false
  if (body.endsWith('?') && body.length > 1) {
    optional = true
    body = body.slice(0, -1)
  }
  let shouted = false
  if (body.endsWith('!') && body.length > 1) {
    shouted = true
    body = body.slice(0, -1)
  }
  const exact = new Set<string>()
  const prefixes: string[] = []
  const suffixes: string[] = []
  const predicates: Predicate[] = []
  const predicateNames: string[] = []
  let number = false
  let any = false
  for (const alternative of body.split('|')) {
    // Fold pattern words exactly as tokens are folded (case, stress accents).
    const value = /^\{[\w-]+\}$/.test(alternative) ? alternative.toLowerCase() : fold(alternative)
    if (value === '{num}') number = true
    else if (value === '{any}') any = true
    else if (/^\{[\w-]+\}$/.test(value)) {
      const predicate = context.predicates[value.slice(1, -1)]
      if (!predicate) throw new PatternError(`unknown word set \`${value}\` in \`${source}\``)
      predicates.push(predicate)
      predicateNames.push(value.slice(1, -1))
    } else if (/^[\p{L}\p{N}'&€$%+.]+\*$/u.test(value)) prefixes.push(value.slice(0, -1))
    else if (/^\*\p{L}{3,}$/u.test(value)) suffixes.push(value.slice(1))
    else if (/^[\p{L}\p{N}'&€$%+.]+$/u.test(value)) exact.add(value)
    else throw new PatternError(`cannot read \`${alternative}\` in pattern \`${source}\`: use words, \`word*\`, \`*head\`, \`a|b\`, \`{num}\`, \`<class>\` or \`...\``)
  }
  return {type: 'word', exact, ...signatureBits(exact), prefixes, suffixes, number, any, predicates, predicateNames, optional, shouted}
}

/** A word step's cheap filter (see `WordStep.initials`). */
function signatureBits(exact: ReadonlySet<string>): {initials: number; lengths: number} {
  let initials = 0
  let lengths = 0
  for (const word of exact) {
    initials |= 1 << (word.charCodeAt(0) & 31)
    lengths |= 1 << (word.length & 31)
  }
  return {initials, lengths}
}

/** A word that frees rather than binds: boetevrij, kostenloos, fee-free. */
function isFreeingRest(rest: string): boolean {
  return rest.length > 2 && /(?:vrij|loos|free)$/.test(rest)
}

export function stepMatches(step: WordStep, token: Token): boolean {
  if (token.kind === 'masked') return false
  if (step.shouted && !token.caps) return false
  if (step.any) return true
  if (step.number && (token.kind === 'number' || numberWords.has(token.norm))) return true
  const norm = token.norm
  if ((step.initials & (1 << (norm.charCodeAt(0) & 31))) !== 0 && (step.lengths & (1 << (norm.length & 31))) !== 0 && step.exact.has(norm)) return true
  for (const prefix of step.prefixes) {
    if (token.norm.startsWith(prefix) && !isFreeingRest(token.norm.slice(prefix.length))) return true
  }
  for (const suffix of step.suffixes) {
    if (norm.length > suffix.length + 2 && norm.endsWith(suffix) && token.kind === 'word') return true
  }
  for (const predicate of step.predicates) {
    if (predicate(token)) return true
  }
  return false
}

export interface Match {
  /** Index of the first and one past the last matched token. */
  from: number
  to: number
  /** Indices of tokens that gaps skipped over. */
  skipped: number[]
}

/**
 * Token indices that gaps skipped over, as a stack with an explicit size:
 * shrinking an array through its `length` is a slow runtime call, and the
 * matcher backtracks a lot.
 */
interface Skips {
  items: number[]
  size: number
}

/** Match `pattern` starting exactly at token `index`. */
export function matchAt(pattern: CompiledPattern, tokens: readonly Token[], index: number): Match | undefined {
  const skips: Skips = {items: [], size: 0}
  const end = walk(pattern.steps, 0, tokens, index, skips)
  return end === -1 ? undefined : {from: index, to: end, skipped: skips.items.slice(0, skips.size)}
}

/** The `skipped` of every match without gaps used: shared, never written. */
const noSkips: number[] = Object.freeze([]) as unknown as number[]

/** Match the steps after the first, which is known to match token `index`. */
function matchRest(pattern: CompiledPattern, tokens: readonly Token[], index: number, skips: Skips): Match | undefined {
  skips.size = 0
  const end = walk(pattern.steps, 1, tokens, index + 1, skips)
  return end === -1 ? undefined : {from: index, to: end, skipped: skips.size === 0 ? noSkips : skips.items.slice(0, skips.size)}
}

function walk(steps: readonly Step[], stepIndex: number, tokens: readonly Token[], index: number, skips: Skips): number {
  if (stepIndex === steps.length) return index
  const step = steps[stepIndex]
  if (step.type === 'gap') {
    const mark = skips.size
    for (let size = 0; size <= step.max && index + size <= tokens.length; size++) {
      if (size > 0) skips.items[skips.size++] = index + size - 1
      const end = walk(steps, stepIndex + 1, tokens, index + size, skips)
      if (end !== -1) return end
      skips.size = mark + size
    }
    skips.size = mark
    return -1
  }
  if (index < tokens.length && stepMatches(step, tokens[index])) {
    const end = walk(steps, stepIndex + 1, tokens, index + 1, skips)
    if (end !== -1) return end
  }
  if (step.optional) return walk(steps, stepIndex + 1, tokens, index, skips)
  return -1
}

/**
 * The most frequent words of copy in each language (about one token in
 * three): the poorest anchors of all.
 */
const veryCommonWords = new Set([
  'i', 'you', 'your', 'we', 'our', 'the', 'a', 'to', 'of', 'and', 'in', 'for', 'is', 'it', 'this', 'that', 'on', 'with', 'are', 'be',
  'je', 'jij', 'u', 'uw', 'jouw', 'wij', 'ons', 'onze', 'ik', 'de', 'het', 'een', 'en', 'van', 'in', 'op', 'te', 'voor', 'met', 'dat', 'die', 'is', 'niet'
])

/**
 * Words so common that they make a poor anchor: a pattern is indexed by its
 * rarest required word instead ("we … genieten" is looked up by `genieten`).
 */
const commonWords = new Set([
  // English
  'i', "i'm", "i'll", "i'd", "i've", 'me', 'my', 'we', "we're", "we'll", "we'd", "we've", 'us', 'our',
  'you', "you're", "you'll", "you'd", "you've", 'your', 'it', "it's", 'this', 'that', 'the', 'a', 'an',
  'and', 'or', 'but', 'if', 'when', 'to', 'of', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'is', 'are',
  'be', 'was', 'will', 'can', 'not', 'no', 'do', "don't", 'so', 'all', 'just', 'have', 'has', 'should', 'would',
  // Dutch
  'ik', 'je', 'jij', 'jou', 'jouw', 'u', 'uw', 'we', 'wij', 'ons', 'onze', 'het', 'de', 'een', 'en', 'of',
  'maar', 'als', 'wanneer', 'dan', 'dat', 'die', 'dit', 'te', 'van', 'voor', 'met', 'op', 'in', 'aan', 'bij',
  'is', 'zijn', 'wordt', 'worden', 'niet', 'geen', 'nog', 'wil', 'wilt', 'kan', 'kunt', 'mocht', 'mochten',
  'indien', 'zo', 'er', 'ook', 'al', 'echt', 'heel'
])

/**
 * Words that are not function words but come up in most marketing mails
 * (times, prices, thanks, help) and prepositions that Dutch separable verbs
 * leave behind: better anchors than the common words, worse than the rest.
 */
const frequentWords = new Set([
  // English
  'up', 'out', 'after', 'before', 'as', 'now', 'more', 'back', 'one', 'every', 'each', 'any', 'about', 'than', 'then',
  'here', 'there', 'what', 'who', 'how', 'get', 'make', 'see', 'new', 'last', 'first', 'only', 'also', 'like', 'today',
  'day', 'days', 'week', 'year', 'years', 'month', 'months', 'time', 'free', 'best', 'good', 'help', 'need', 'stay', 'pay',
  'email', 'thanks', 'thank', 'love', 'team',
  // Dutch
  'meer', 'over', 'uit', 'tot', 'binnen', 'nu', 'na', 'om', 'mee', 'deze', 'wat', 'wie', 'hoe', 'waar', 'hier', 'daar',
  'elke', 'elk', 'veel', 'alles', 'alleen', 'even', 'graag', 'nieuw', 'nieuwe', 'eerste', 'laatste', 'vandaag',
  'dag', 'dagen', 'week', 'jaar', 'maand', 'uur', 'gratis', 'beste', 'hulp', 'prijs', 'blijft', 'gaat', 'bedankt', 'team'
])

interface Entry<T> {
  /** Position in the index (the order of adding): the entry's row in the per-call arrays. */
  order: number
  pattern: CompiledPattern
  first: WordStep
  /** The step the entry is filed under; for a word-set-first pattern, its first step. */
  anchor: WordStep | undefined
  /** The anchor is the first step: a match can only start where the anchor was seen. */
  anchorFirst: boolean
  /** The anchor is a word set (`{joy}`): it holds for word tokens only. */
  wordOnly: boolean
  /** At most this many tokens stand before the anchor in a match (steps and gaps before it). */
  maxBefore: number
  /**
   * Signature masks of (at most) two other steps the pattern cannot do
   * without, the most selective: a sentence whose signature lacks one of
   * them is skipped (see `signatureOf`). All bits set when there is none.
   */
  needs: readonly [number, number, number, number]
  value: T
}

/** How costly a step is as an anchor: lower is rarer; undefined when it cannot anchor. */
function anchorCost(step: Step): number | undefined {
  if (step.type !== 'word' || step.optional || step.any || step.number || step.predicates.length > 0 || step.suffixes.length > 0) return undefined
  let cost = 0
  for (const word of step.exact) cost += veryCommonWords.has(word) ? 100 : commonWords.has(word) ? 30 : frequentWords.has(word) ? 10 : 1
  for (const prefix of step.prefixes) {
    if (prefix.length < 3) return undefined
    cost += 3
  }
  return cost
}

/**
 * A first step made of word sets (and words with letters) can anchor too:
 * whether it holds depends on the word alone, so it is looked up per word
 * like any other anchor (predicates hold for word tokens only).
 */
function isWordSetStep(step: WordStep): boolean {
  if (step.optional || step.any || step.number || (step.predicates.length === 0 && step.suffixes.length === 0)) return false
  for (const word of step.exact) if (!/\p{L}/u.test(word)) return false
  return true
}

/** A required step with at most this many words can go into an entry's needs. */
const maxNeedWords = 8

/** The signature masks of the (at most two) most selective required plain-word steps of a pattern, other than its anchor. */
function needsOf(pattern: CompiledPattern, anchor: WordStep | undefined): [number, number, number, number] {
  const candidates: Array<[number, number, number]> = []
  for (const step of pattern.steps) {
    if (step === anchor || step.type !== 'word' || step.optional || step.any || step.number) continue
    if (step.predicates.length > 0 || step.prefixes.length > 0 || step.suffixes.length > 0 || step.exact.size === 0 || step.exact.size > maxNeedWords) continue
    let a = 0
    let b = 0
    for (const word of step.exact) {
      const [bitA, bitB] = signatureOf(word)
      a |= bitA
      b |= bitB
    }
    candidates.push([step.exact.size, a, b])
  }
  candidates.sort((x, y) => x[0] - y[0])
  const [first, second] = candidates
  return [first?.[1] ?? -1, first?.[2] ?? -1, second?.[1] ?? -1, second?.[2] ?? -1]
}

/** How an index files a pattern: under its rarest required word, else a word set that starts it, else nowhere. */
export function planOf(pattern: CompiledPattern): Plan {
  let bestIndex = -1
  let bestCost = Infinity
  pattern.steps.forEach((step, index) => {
    const cost = anchorCost(step)
    if (cost !== undefined && cost < bestCost) {
      bestIndex = index
      bestCost = cost
    }
  })
  const wordOnly = bestIndex === -1 && isWordSetStep(pattern.steps[0] as WordStep)
  if (wordOnly) bestIndex = 0
  let maxBefore = 0
  for (let index = 0; index < bestIndex; index++) {
    const step = pattern.steps[index]
    maxBefore += step.type === 'gap' ? step.max : 1
  }
  return {anchor: bestIndex, wordOnly, maxBefore, needs: needsOf(pattern, bestIndex === -1 ? undefined : (pattern.steps[bestIndex] as WordStep))}
}

/** Largest number of distinct words whose candidates an index remembers. */
const memoLimit = 20000

/**
 * An index over many patterns, so a sentence is scanned cheaply: each
 * pattern is filed under the alternatives of its rarest required word; a
 * sentence looks up its own words to find the few patterns that can match,
 * and only those are tried: where the anchor was seen when it is the first
 * step, else at the tokens up to the last place the anchor was seen.
 *
 * The candidates of a word (exact words, prefixes and word sets together)
 * are worked out once per distinct word and remembered, so a token costs one
 * map lookup however many patterns there are.
 */
export class PatternIndex<T> {
  private readonly entries: Array<Entry<T>> = []
  private readonly exact = new Map<string, Array<Entry<T>>>()
  private readonly byPrefix = new Map<string, Array<Entry<T>>>()
  private readonly wordSets: Array<Entry<T>> = []
  private readonly always: Array<Entry<T>> = []
  private readonly memo = new Map<string, Int32Array | null>()
  /**
   * This index's slot in each lexeme's memo (see `Lexeme`), taken on the
   * first match after patterns were added: a new slot leaves stale answers
   * behind without a version check per token.
   */
  private slot: number | undefined
  private slotTaken: boolean

  // What one call knows of each entry, as columns indexed by `order`
  // (struct of arrays): the token loop then reads a few small typed arrays
  // instead of an object per candidate, which kept missing the CPU cache.
  private stamps = new Int32Array(0)
  private firstPlaces = new Int32Array(0)
  private lastPlaces = new Int32Array(0)
  private counts = new Int32Array(0)
  /** Bit 1: the anchor is first; bit 2: word tokens only; bit 4: the anchor must be in capitals (`word!`). */
  private flags = new Uint8Array(0)
  /** Four signature masks per entry (see `Entry.needs`). */
  private needMasks = new Int32Array(0)
  /** Every place of an anchor-first entry seen more than once in this call. */
  private readonly places: number[][] = []
  private seen = new Int32Array(64)
  private readonly skips: Skips = {items: [], size: 0}
  private calls = 0

  /**
   * @param perLexeme Remember candidates on the lexemes (default: true). Pass
   *   false for small indices that run rarely, so they take no memo slot.
   */
  constructor(perLexeme = true) {
    this.slotTaken = !perLexeme
  }

  add(pattern: CompiledPattern, value: T): void {
    const plan = (pattern.plan ??= planOf(pattern))
    const best = plan.anchor === -1 ? undefined : (pattern.steps[plan.anchor] as WordStep)
    const entry: Entry<T> = {
      order: this.entries.length,
      pattern,
      first: pattern.steps[0] as WordStep,
      anchor: best,
      anchorFirst: plan.anchor === 0,
      wordOnly: plan.wordOnly,
      maxBefore: plan.maxBefore,
      needs: plan.needs,
      value
    }
    this.entries.push(entry)
    this.memo.clear()
    if (this.slot !== undefined) this.slotTaken = false
    if (!best) this.always.push(entry)
    else if (plan.wordOnly) this.wordSets.push(entry)
    else {
      for (const word of best.exact) push(this.exact, word, entry)
      for (const prefix of best.prefixes) push(this.byPrefix, prefix.slice(0, 3), entry)
    }
  }

  /** Size the per-call columns to the entries (after patterns were added). */
  private prepare(): void {
    const size = this.entries.length
    this.stamps = new Int32Array(size)
    this.firstPlaces = new Int32Array(size)
    this.lastPlaces = new Int32Array(size)
    this.counts = new Int32Array(size)
    this.flags = new Uint8Array(size)
    this.needMasks = new Int32Array(size * 4)
    this.calls = 0
    for (const entry of this.entries) {
      this.flags[entry.order] = (entry.anchorFirst ? 1 : 0) | (entry.wordOnly ? 2 : 0) | (entry.anchor?.shouted ? 4 : 0)
      this.needMasks.set(entry.needs, entry.order * 4)
    }
  }

  /** The entries whose anchor holds for a token, remembered on its lexeme when it has one. */
  private candidatesOf(token: Token, slot: number | undefined): Int32Array | null {
    const lexeme = token.lexeme
    if (lexeme === undefined || slot === undefined) return this.candidates(token.norm)
    let list = memoGet(lexeme, slot) as Int32Array | null | undefined
    if (list === undefined) memoSet(lexeme, slot, (list = this.candidates(token.norm)))
    return list
  }

  /** The entries (by order) whose anchor holds for a word, in order of adding, or null. */
  private candidates(norm: string): Int32Array | null {
    let list = this.memo.get(norm)
    if (list !== undefined) return list
    const found: Array<Entry<T>> = []
    const probe: Token = {norm, raw: norm, kind: 'word', start: 0, end: 0, clause: 0, caps: true, lexeme: undefined}
    const exact = this.exact.get(norm)
    if (exact) found.push(...exact)
    const prefixed = norm.length >= 3 ? this.byPrefix.get(norm.slice(0, 3)) : undefined
    if (prefixed) for (const entry of prefixed) if (!found.includes(entry) && stepMatches(entry.anchor!, probe)) found.push(entry)
    for (const entry of this.wordSets) if (stepMatches(entry.anchor!, probe)) found.push(entry)
    if (prefixed || this.wordSets.length > 0) found.sort((a, b) => a.order - b.order)
    list = found.length > 0 ? Int32Array.from(found, (entry) => entry.order) : null
    if (this.memo.size >= memoLimit) this.memo.clear()
    this.memo.set(norm, list)
    return list
  }

  /** Every match of every pattern in the tokens, in order of start (then of adding). */
  matches(tokens: readonly Token[]): Array<[Match, CompiledPattern, T]> {
    if (!this.slotTaken) {
      // Taken on the first match (not at construction): patterns added later get a fresh slot.
      this.slot = memoSlot()
      this.slotTaken = true
    }
    if (this.stamps.length !== this.entries.length) this.prepare()
    // A stamp per call marks the entries already seen, without clearing anything.
    if (this.calls === 0x3fffffff) this.prepare()
    const stamp = ++this.calls
    const slot = this.slot
    const {stamps, firstPlaces, lastPlaces, counts, flags, places} = this
    if (this.seen.length < this.entries.length) this.seen = new Int32Array(this.entries.length)
    const seen = this.seen
    let seenCount = 0
    // The sentence's signature; all bits set (no filtering) when a token has no lexeme.
    let signatureA = 0
    let signatureB = 0
    for (let index = 0; index < tokens.length; index++) {
      const token = tokens[index]
      if (token.kind === 'masked') continue
      const lexeme = token.lexeme
      if (lexeme === undefined) {
        signatureA = -1
        signatureB = -1
      } else {
        signatureA |= lexeme.signatureA
        signatureB |= lexeme.signatureB
      }
      const list = this.candidatesOf(token, slot)
      if (list === null) continue
      for (let k = 0; k < list.length; k++) {
        const id = list[k]
        const flag = flags[id]
        if ((flag & 2) !== 0 && token.kind !== 'word') continue
        if ((flag & 4) !== 0 && !token.caps) continue
        if (stamps[id] !== stamp) {
          stamps[id] = stamp
          firstPlaces[id] = index
          lastPlaces[id] = index
          counts[id] = 1
          seen[seenCount++] = id
        } else if (lastPlaces[id] !== index) {
          // Only an anchor-first entry needs every place; the others need the first and the last.
          if ((flag & 1) !== 0) {
            const all = (places[id] ??= [])
            if (counts[id] === 1) all[0] = firstPlaces[id]
            all[counts[id]] = index
          }
          counts[id]++
          lastPlaces[id] = index
        }
      }
    }
    const found: Array<[Match, CompiledPattern, T, number]> = []
    const skips = this.skips
    const needMasks = this.needMasks
    for (let k = 0; k < seenCount; k++) {
      const id = seen[k]
      const at = id * 4
      if ((signatureA & needMasks[at]) === 0 || (signatureB & needMasks[at + 1]) === 0) continue
      if ((signatureA & needMasks[at + 2]) === 0 || (signatureB & needMasks[at + 3]) === 0) continue
      const entry = this.entries[id]
      if (entry.anchorFirst) {
        // The anchor is the first step and held at each place.
        if (counts[id] === 1) {
          const match = matchRest(entry.pattern, tokens, firstPlaces[id], skips)
          if (match) found.push([match, entry.pattern, entry.value, id])
          continue
        }
        const all = places[id]
        for (let p = 0; p < counts[id]; p++) {
          const match = matchRest(entry.pattern, tokens, all[p], skips)
          if (match) found.push([match, entry.pattern, entry.value, id])
        }
      } else {
        // A match starts at most `maxBefore` tokens before an anchor.
        const last = lastPlaces[id]
        for (let index = Math.max(0, firstPlaces[id] - entry.maxBefore); index < last; index++) {
          if (!stepMatches(entry.first, tokens[index])) continue
          const match = matchRest(entry.pattern, tokens, index, skips)
          if (match) found.push([match, entry.pattern, entry.value, id])
        }
      }
    }
    for (const entry of this.always) {
      for (let index = 0; index < tokens.length; index++) {
        if (!stepMatches(entry.first, tokens[index])) continue
        const match = matchRest(entry.pattern, tokens, index, skips)
        if (match) found.push([match, entry.pattern, entry.value, entry.order])
      }
    }
    if (found.length > 1) sortSmall(found, byStartThenOrder)
    return found as unknown as Array<[Match, CompiledPattern, T]>
  }
}

/** Matches by start, then by the order their patterns were added. */
function byStartThenOrder<T>(a: [Match, CompiledPattern, T, number], b: [Match, CompiledPattern, T, number]): number {
  return a[0].from - b[0].from || a[3] - b[3]
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}
