/**
 * `retextTrouw`: the detectors as one retext plugin. Use it in any unified
 * pipeline after retext-english or retext-dutch:
 *
 *     unified().use(retextDutch).use(retextTrouw, {lang: 'nl'})
 *
 * It reports messages on the file and leaves per-sentence figures (over-the-top
 * intensity, positive signals) on `file.data.trouw.sentences` for the scorer.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {categories, type BlockRole, type Language, Phase, SentenceFigures, Severity, SeverityOrOff} from './types.js'
import {backedAtOnce, inTitleCaseName, othersOpen, othersVoice, roleBit, roleMask, signalRoles} from './scope.js'
import {floorIndex} from './line-index.js'
import {loadRules, type Rule, type RuleSet} from './rule-loader.js'
import {PatternIndex, type CompiledPattern, type Match} from './patterns.js'
import {sentenceTokens, splitSentence, TokenPool, type Masks, type Token} from './tokens.js'
import {collectWords} from './interest.js'
import {quotedRanges} from './context.js'
import type {Detector, Finding, PatternHit, SentenceView} from './kinds/kind.js'
import {createMessage} from './messages.js'
import {runFix} from './rewrite/operations.js'
import {unmask} from './rewrite/unmask.js'
import {loadSignals, sentenceSignals, type SignalGroup, type SignalMatches} from './signals.js'
import {cuesOf, loadPhases} from './score/phase.js'
import {sortSmall} from './small-sort.js'

export interface Options {
  /** Language of the text (default: `file.data.trouw.language`, else `'en'`). */
  lang?: Language | null
  /** Rules to run (default: the rules shipped in `rules/`). */
  rules?: RuleSet | null
  /** Severity per rule id or category; `off` turns a rule off (default: each rule's own). */
  severities?: Readonly<Record<string, SeverityOrOff>> | null
}

declare module 'vfile' {
  interface DataMap {
    /** Ranges of the text that are syntax (merge tags, URLs): never prose. */
    trouwMasks: Masks
    /** The text with its syntax as written (same length as the masked text): rewrites and `actual` read it. */
    trouwPlain: string
    /** Where each block starts in the text, and its role (default: every sentence is a `paragraph`). */
    trouwBlocks: {starts: readonly number[]; roles: readonly BlockRole[]}
  }
}

interface Active {
  rule: Rule
  detector: Detector
  severity: Severity
  /** The roles the rule judges, as bits (see `src/scope.ts`). */
  scope: number
}

/**
 * What a pattern in the plugin's one index is for: a rule (its position in
 * `active`, and the pattern's role), a signal phrase (its group) or a phase
 * cue. One index for all three scans each sentence once.
 */
interface Target {
  /** Position of the rule in `active`; `signal`, `numericSignal` or `cue` otherwise. */
  position: number
  role: string
  group: SignalGroup | undefined
  phase: Phase | undefined
}

const signal = -1
const cue = -2
const numericSignal = -3

interface Compiled {
  active: Active[]
  /**
   * Every primary pattern (and every pattern of a detector without a primary
   * role), then the signal phrases and the phase cues, in one index.
   */
  index: PatternIndex<Target>
  /** Per active detector with a primary role: its other patterns, matched only after a primary hit. */
  secondary: Array<PatternIndex<[number, string]> | undefined>
  always: number[]
}

const compiledCache = new WeakMap<RuleSet, Map<string, Compiled>>()

/** Severity of a rule after the user's settings: by id first, then category. */
export function severityOf(rule: Pick<Rule, 'id' | 'category' | 'subtype' | 'severity'>, severities: Readonly<Record<string, SeverityOrOff>> | null | undefined): SeverityOrOff {
  if (!severities) return rule.severity
  return severities[rule.id] ?? (rule.subtype ? severities[`${rule.category}/${rule.subtype}`] : undefined) ?? severities[rule.category] ?? rule.severity
}

function compile(set: RuleSet, lang: Language, severities: Options['severities']): Compiled {
  let perSet = compiledCache.get(set)
  if (!perSet) compiledCache.set(set, (perSet = new Map()))
  const key = lang + JSON.stringify(severities ?? {})
  let compiled = perSet.get(key)
  if (compiled) return compiled
  // The signal lists register their interest bit when they load: before any sentence's bits are worked out.
  loadSignals(lang)
  const active: Active[] = []
  // A user who turned a rule off has said how they read that kind of pressure: the learned rule of its
  // subtype is off too, unless they set the learned rule itself (see docs/learned.md).
  const silenced = new Set<string>()
  for (const {rule} of set.detectors(lang)) {
    if (rule.kind !== 'learned' && rule.subtype !== undefined && severities?.[rule.id] === 'off') silenced.add(rule.category + '/' + rule.subtype)
  }
  for (const {rule, detector} of set.detectors(lang)) {
    const severity = severityOf(rule, severities)
    if (rule.kind === 'learned' && severities?.[rule.id] === undefined && silenced.has(rule.category + '/' + rule.subtype)) continue
    if (severity !== 'off') active.push({rule, detector, severity, scope: roleMask(rule.scope)})
  }
  const index = new PatternIndex<Target>()
  const secondary: Compiled['secondary'] = []
  const always: number[] = []
  active.forEach(({detector}, position) => {
    for (const {role, pattern} of detector.patterns) {
      if (detector.primary === undefined || role === detector.primary) index.add(pattern, {position, role, group: undefined, phase: undefined})
      else (secondary[position] ??= new PatternIndex(false)).add(pattern, [position, role])
    }
    if (detector.always) always.push(position)
  })
  const signals = loadSignals(lang)
  for (const [pattern, {group}] of signals.patterns) index.add(pattern, {position: signal, role: '', group, phase: undefined})
  for (const [pattern, {group}] of signals.numericPatterns) index.add(pattern, {position: numericSignal, role: '', group, phase: undefined})
  for (const [pattern, {phase}] of loadPhases(lang).patterns) index.add(pattern, {position: cue, role: '', group: undefined, phase})
  compiled = {active, index, secondary, always}
  perSet.set(key, compiled)
  return compiled
}

const quoteMark = /['"“‘„«‚]/
const noRanges: ReadonlyArray<readonly [number, number]> = Object.freeze([])

/** Quotation marks whose quotations may run over a sentence break (an apostrophe may not: "it's … 'n"). */
const doubleQuotes: ReadonlySet<string> = new Set(['"', '“', '„', '«', '「'])
/** A quotation over a sentence break is a few sentences at most: a longer range is a stray mark. */
const maxSpanningQuote = 400

/** A price ("$ 39.95", "€12", "19 dollars") in the text right after `end`, before the next sentence ends. */
function priceFollows(text: string, end: number): boolean {
  const after = text.slice(end, end + 120)
  const price = /[$€£¥]\s*\d|\d[\d.,]*\s*(?:[$€£]|euros?|dollars?)/i.exec(after)
  if (price === null) return false
  // At most one sentence end in between: the claim's own.
  const between = after.slice(0, price.index).replace(/^[\s!.?]+/, '')
  return !/[.!?]\s/.test(between)
}
const noHits: PatternHit[] = Object.freeze([]) as unknown as PatternHit[]
const noSignalMatches: SignalMatches = Object.freeze([])

const byNumber = (a: number, b: number) => a - b
/** A superlative in a claim ("lowest", "cheapest", "best", "laagste", "scherpste"): it compares with others. */
const superlative = /\b(?:best|beste|\p{L}+est|\p{L}{3,}ste)\b/iu

function hasQuoteMark(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index)
    // ' " and the curly and low quotation marks.
    if (code === 39 || code === 34 || code === 0x201c || code === 0x2018 || code === 0x201e || code === 0xab || code === 0x201a) return true
  }
  return false
}

export function retextTrouw(options?: Readonly<Options> | null) {
  const settings = options ?? {}
  let last: {set: RuleSet; lang: Language; compiled: Compiled} | undefined
  // Two token pools taken in turn: a sentence's tokens stay valid while the next one is checked (its `previous`).
  const pools = [new TokenPool(), new TokenPool()]
  let turn = 0
  return function (tree: Root, file: VFile): void {
    const lang: Language = settings.lang ?? file.data.trouw?.language ?? 'en'
    const set = settings.rules ?? loadRules()
    // The plugin runs once per block: keep the last compiled rules at hand.
    if (last === undefined || last.set !== set || last.lang !== lang) last = {set, lang, compiled: compile(set, lang, settings.severities)}
    const compiled = last.compiled
    const text = String(file.value)
    const masks = file.data.trouwMasks ?? []
    const blocks = file.data.trouwBlocks
    const plain = file.data.trouwPlain ?? text
    const data = (file.data.trouw ??= {language: lang, format: 'text', sentences: []})
    let place: ReturnType<typeof location> | undefined
    // The block's double-quoted ranges, for quotations over a sentence break (see `withSpanningQuotes`).
    let spanning: Array<[number, number]> | undefined
    // Where the block has a quotation mark at all: most sentences have none.
    const firstQuote = text.search(quoteMark)
    // Hits per active detector, reused across sentences (cleared after each).
    const hitsByRule: Array<PatternHit[] | undefined> = []
    const positions: number[] = []

    // nlcst is Root > Paragraph > Sentence: walk it directly (a generic
    // visitor costs more than the detectors on small blocks).
    // The previous sentence of the paragraph (see `SentenceView.earlier`), and whether it is a question (`previous`).
    let earlier: SentenceView | undefined
    let question = false
    /**
     * Coercion and dismissive findings wait for the next sentence of their
     * paragraph: a term stated with its exit just after it ("The plan renews
     * each year. You can turn that off in your account."), a refusal followed
     * by its remedy, is fair, so the rule's `unless` patterns there drop it.
     */
    let pending: Array<{position: number; input: Parameters<typeof createMessage>[1]}> = []
    const flushPending = (words?: readonly Token[]): void => {
      if (pending.length === 0) return
      const waiting = pending
      pending = []
      for (const {position, input} of waiting) {
        if (words && hasUnless(compiled.secondary[position], words)) continue
        createMessage(file, input)
      }
    }
    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      flushPending()
      earlier = undefined
      question = false
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue
        const sentenceStart = sentence.position?.start.offset ?? 0
        const sentenceEnd = sentence.position?.end.offset ?? sentenceStart
        const parts = splitSentence(sentenceTokens(sentence, text, masks, pools[turn++ & 1]))
        const role: BlockRole = blocks ? blocks.roles[floorIndex(blocks.starts, sentenceStart)] ?? 'paragraph' : 'paragraph'
        for (let index = 0; index < parts.length; index++) {
          const tokens = parts[index]
          const start = index === 0 ? sentenceStart : tokens[0].start
          const end = index === parts.length - 1 ? sentenceEnd : tokens[tokens.length - 1].end
          checkSentence(tokens, start, end, role)
        }
      }
    }

    flushPending()

    /**
     * A quotation that runs over a sentence break ('the text said: "Last
     * chance! Renew now."'): each sentence sees only half of it, so the
     * block's double-quoted ranges that cross the sentence's edges are added
     * (worked out once per block, only when a sentence has a quotation mark).
     */
    function withSpanningQuotes(ranges: Array<[number, number]>, start: number, end: number): ReadonlyArray<readonly [number, number]> {
      spanning ??= quotedRanges(text, 0, text.length).filter(([from, to]) => doubleQuotes.has(text[from]) && to - from <= maxSpanningQuote)
      for (const range of spanning) if (range[0] < end && range[1] > start && (range[0] < start || range[1] > end)) ranges.push(range)
      return ranges
    }

    /**
     * The quoted ranges of a sentence: its own and those running over its
     * edges; a sentence without a quotation mark may still sit wholly inside
     * one that opened before it ('"I was not sure at first. After two weeks my
     * garden was AMAZING!!! Thank you!"': the middle sentence is the
     * customer's too).
     */
    function quotesOf(start: number, end: number): ReadonlyArray<readonly [number, number]> {
      if (hasQuoteMark(text, start, end)) return withSpanningQuotes(quotedRanges(text, start, end), start, end)
      spanning ??= quotedRanges(text, 0, text.length).filter(([from, to]) => doubleQuotes.has(text[from]) && to - from <= maxSpanningQuote)
      let ranges: Array<[number, number]> | undefined
      for (const range of spanning) if (range[0] < start && range[1] > end) (ranges ??= []).push(range)
      return ranges ?? noRanges
    }

    function checkSentence(tokens: Token[], start: number, end: number, role: BlockRole): void {
      // One walk for the words and the sentence's interest bits.
      const words: Token[] = []
      const interest = collectWords(tokens, text, lang, words)
      flushPending(words)
      const view: SentenceView = {
        lang,
        text,
        start,
        end,
        tokens,
        words,
        interest,
        quoted: firstQuote !== -1 && firstQuote < end ? quotesOf(start, end) : noRanges,
        previous: question ? earlier : undefined,
        earlier,
        role
      }
      const bit = roleBit(role)
      // One sentence back, never more: the links of the sentence before are cut (its tokens' pool is reused next).
      if (earlier !== undefined) {
        earlier.previous = undefined
        earlier.earlier = undefined
      }
      earlier = view
      const last = tokens[tokens.length - 1]
      question = last !== undefined && last.kind === 'punct' && last.raw.includes('?')

      // The active detectors to run, by position; counted, not cleared (`length = 0` is a slow call in V8).
      let count = 0
      // The signal and cue matches go to their consumers as they are.
      let signalMatches: Array<[Match, CompiledPattern, Target]> | undefined
      let numericMatches: Array<[Match, CompiledPattern, Target]> | undefined
      let cueMatches: Array<[Match, CompiledPattern, Target]> | undefined
      const matches = compiled.index.matches(view.words)
      for (let index = 0; index < matches.length; index++) {
        const found = matches[index]
        const {position, role} = found[2]
        if (position === signal) {
          ;(signalMatches ??= []).push(found)
          continue
        }
        if (position === cue) {
          ;(cueMatches ??= []).push(found)
          continue
        }
        if (position === numericSignal) {
          ;(numericMatches ??= []).push(found)
          continue
        }
        const list = hitsByRule[position]
        const hit = {role, pattern: found[1], match: found[0]}
        if (list) list.push(hit)
        else {
          hitsByRule[position] = [hit]
          positions[count++] = position
        }
      }
      for (let index = 0; index < count; index++) {
        const position = positions[index]
        const conditions = compiled.secondary[position]
        if (!conditions) continue
        const list = hitsByRule[position]!
        for (const [match, pattern, [, role]] of conditions.matches(view.words)) list.push({role, pattern, match})
      }
      for (const position of compiled.always) {
        if (hitsByRule[position]) continue
        hitsByRule[position] = noHits
        positions[count++] = position
      }
      // Detectors run in rule order, so messages come out the same way every time.
      if (count > 1) sortSmall(positions, byNumber, count)

      let intensity = 0
      // Whether the sentence is someone else's voice, asked once per category (see `othersVoice`): a bit per category.
      let voiceAsked = 0
      let voiceOthers = 0
      // The learned layer (`src/kinds/learned.ts`) speaks after the rules, and only where no rule of its subtype did.
      let learned: Array<{position: number; finding: Finding}> | undefined
      let caught: string[] | undefined
      let othersFirst: boolean | undefined
      for (let index = 0; index < count; index++) {
        const position = positions[index]
        const {rule, detector, scope} = compiled.active[position]
        const hits = hitsByRule[position]!
        hitsByRule[position] = undefined
        // The rule does not judge this kind of block (a heading, a quote, a footer).
        if ((scope & bit) === 0) continue
        if (rule.kind === 'learned') {
          for (const finding of detector.detect(view, hits)) (learned ??= []).push({position, finding})
          continue
        }
        // News, reviews and reports: someone else's claim or deadline, not the sender's.
        if (rule.kind === 'phrase' && voiceJudged(rule)) {
          const voice = 1 << categories.indexOf(rule.category)
          if ((voiceAsked & voice) === 0) {
            voiceAsked |= voice
            if (othersVoice(view.tokens, view.words, rule.category)) voiceOthers |= voice
          }
          if ((voiceOthers & voice) !== 0) continue
        } else if (rule.kind === 'phrase' && rule.category === 'coercion') {
          // Other firms as the subject ("Most gyms tie you into a 12-month contract"): a lock-in or a fee of theirs,
          // described, is no pressure from the sender.
          if (othersFirst === undefined) othersFirst = othersOpen(view.words)
          if (othersFirst) continue
        }
        for (const finding of detector.detect(view, hits)) {
          if (rule.subtype !== undefined) (caught ??= []).push(rule.category + '/' + rule.subtype)
          report(position, finding)
        }
      }
      if (learned !== undefined) {
        // One learned finding per sentence at most: the surest, unless a rule already caught its subtype here.
        let best: {position: number; finding: Finding} | undefined
        for (const candidate of learned) if (best === undefined || (candidate.finding.confidence ?? 0) > (best.finding.confidence ?? 0)) best = candidate
        const {rule} = compiled.active[best!.position]
        if (caught === undefined || !caught.includes(rule.category + '/' + rule.subtype)) report(best!.position, best!.finding)
      }

      function report(position: number, finding: Finding): void {
        const {rule, severity} = compiled.active[position]
        // A claim or rave inside a name ("Star Trek: The Next Generation") is the name.
        if (rule.kind === 'phrase' && (rule.category === 'generic-claim' || rule.category === 'over-the-top') && inTitleCaseName(view.words, finding.start, finding.end)) return
        // A claim that names what it stands for at once ("a wide range: A, B and C") is not hollow.
        // A price claim given with its price ("excellent value, from £7") is checkable too; a superlative ("the lowest
        // prices, from £7") compares with others, and its price alone does not show that.
        if (rule.kind === 'phrase' && rule.category === 'generic-claim' && backedAtOnce(view.tokens, finding.end, rule.id === 'generic-claim/stock-price' && !superlative.test(plain.slice(finding.start, finding.end)))) return
        // "Very Low Price! Now the full kit costs $39.95": a price claim that is a sentence of its own, the price right after.
        if (rule.id === 'generic-claim/stock-price' && view.words.length <= 4 && !superlative.test(plain.slice(finding.start, finding.end)) && priceFollows(text, end)) return
        place ??= location(file)
        // A finding may reach into the sentence before (a condition asked as a question).
        const from = Math.min(start, finding.start)
        const to = Math.max(end, finding.end)
        const sentence = plain.slice(from, to)
        let spanStart = finding.start - from
        let spanEnd = finding.end - from
        const masked = (rewrite: string) => (from === start ? unmask(rewrite, text, plain, masks, start, end) : rewrite)
        let expected: string[]
        if (finding.expected) expected = finding.expected.map((fix) => unmask(fix, text, plain, masks, finding.start, finding.end))
        else {
          // A rule's fix operation may widen the span to what it replaces (a whole opt-out clause).
          const result = runFix(rule.fix, {lang, sentence, spanStart, spanEnd})
          ;({fixes: expected, spanStart, spanEnd} = result)
        }
        const actual = sentence.slice(spanStart, spanEnd)
        const input: Parameters<typeof createMessage>[1] = {
          ruleId: rule.id,
          category: rule.category,
          subtype: rule.subtype,
          severity,
          explanation: rule.message[lang] ?? rule.message.en ?? '',
          detail: finding.detail,
          actual,
          expected,
          suggestions: finding.suggestions?.map((suggestion) => ({title: suggestion.title, text: masked(suggestion.text)})),
          sentence: {lang, text: sentence, spanStart, spanEnd, place: {start: place.toPoint(from)!, end: place.toPoint(to)!}},
          note: rule.advice[lang],
          url: rule.url,
          place: {start: place.toPoint(from + spanStart)!, end: place.toPoint(from + spanEnd)!}
        }
        if ((rule.category === 'coercion' || rule.category === 'dismissive') && compiled.secondary[position] !== undefined) pending.push({position, input})
        else createMessage(file, input)
        if (rule.category === 'over-the-top') intensity += finding.intensity ?? 1
      }

      const aside: {aside?: string} = {}
      const figures: SentenceFigures = {
        text: text.slice(start, end),
        start,
        end,
        intensity,
        signals: (signalBits & bit) === 0 ? [] : sentenceSignals(view, signalMatches ?? noSignalMatches, numericMatches ?? noSignalMatches, aside),
        words: view.words.length
      }
      if (aside.aside !== undefined) figures.aside = aside.aside
      if (cueMatches !== undefined) {
        const cues = cuesOf(cueMatches)
        if (cues.length > 0) figures.cues = cues as Phase[]
      }
      data.sentences.push(figures)
    }

  }
}

const signalBits = roleMask(signalRoles)

/**
 * Rules that judge only the sender's own voice: generic claims, raves and
 * the time and stock pressure of coercion. A fee, a lock-in or a refusal
 * binds the reader whoever words it.
 */
function voiceJudged(rule: Rule): boolean {
  if (rule.category === 'generic-claim' || rule.category === 'over-the-top') return true
  return rule.category === 'coercion' && (rule.subtype === 'urgency' || rule.subtype === 'scarcity')
}

/** Does one of a rule's `unless` patterns match these words? */
function hasUnless(conditions: PatternIndex<[number, string]> | undefined, words: readonly Token[]): boolean {
  if (!conditions) return false
  for (const [, , [, role]] of conditions.matches(words)) if (role === 'unless') return true
  return false
}
