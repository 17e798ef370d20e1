/**
 * `gush`: a stack of intensified positive words on one thing ("absolutely
 * amazing, truly life-changing", "superduper mega blij", "magisch, betoverend
 * en onvergetelijk"), measured with the graded lexicons rather than a flat
 * list.
 *
 * Every prose word gets a gush weight: its lexicon intensity when its
 * valence is at least `minValence` and its intensity at least `minIntensity`
 * (rule data `words` overrides either way: `life-changing: 0.8`,
 * `reliable: 0`). Intensifiers ("so", "zóóó", "mega") right before a
 * weighted word count as its boosts. Weighted words with at most `window`
 * words between them, all of them `glue` words ("and", "so", "the"), form
 * one stack; each stack is measured by
 * the rule's `metric` over these figures:
 *
 * | figure      | meaning |
 * | ---         | --- |
 * | `positives` | weighted words in the stack |
 * | `intensity` | the sum of their weights |
 * | `boosts`    | the sum of the weights of their intensifiers |
 * | `elongated` | stretched words ("sooo", "amaaazing") among them |
 * | `superlatives` | superlative forms among them ("dreamiest", "mooiste", "most magical") |
 * | `scope`     | 1 when a `scope` word follows the stack closely ("ever", "on earth", "ooit", "ter wereld"), else 0 |
 *
 * A superlative of a milder positive word ("finest", "zuiverste") weighs
 * `superlativeWeight` (default 0: it only glues a stack), so a run of
 * superlatives on one thing stacks up without any intensifier. Hyphenated
 * compounds the rule lists may have up to five parts ("once-in-a-lifetime",
 * "out-of-this-world").
 *
 * A stack that meets the condition is reported from its first intensifier to
 * its last positive word, with a computed rewrite: one positive word, no
 * intensifiers ("absolutely amazing, truly life-changing" → "amazing").
 * Negated words ("not very exciting") and quoted words (a customer's praise)
 * do not count; a sentence marked as ironic (an `irony` pattern such as
 * "yeah right", or an eye-roll emoji) is left alone.
 */
import type {Language} from '../types.js'
import {memoGet, memoSet, memoSlot, type Token} from '../tokens.js'
import {hasInterest, hyphenInterest, interestBit} from '../interest.js'
import {intensifiers, lookupSentiment} from '../lexicon.js'
import {intensifierWeight} from '../predicates.js'
import {compileMetric, type Metric} from './metric.js'
import {RuleFieldError, type Detector, type Finding, type Kind, type RuleData, type SentenceView} from './kind.js'
import {isIronic, isNegatedAt, isQuoted, rolePatterns, tidy, unelongated, weightTable, type WeightTable} from './words.js'

export const gushFigures = ['positives', 'intensity', 'boosts', 'elongated', 'superlatives', 'scope'] as const

interface Settings {
  lang: Language
  metric: Metric
  minValence: number
  minIntensity: number
  window: number
  words: WeightTable
  quoted: boolean
  negation: boolean
  /** Intensifiers that can open a compound, longest first: [word, weight]. */
  prefixes: ReadonlyArray<readonly [string, number]>
  /** Words that may stand between the words of one stack; when absent, any word can. */
  glue?: ReadonlySet<string>
  /** Weight of a superlative of a milder positive word ("finest"). */
  superlativeWeight: number
  /** Words that widen a stack's claim to everything ("ever", "earth", "ooit"). */
  scope?: ReadonlySet<string>
  /**
   * Join a comma list of praised nouns ("unparalleled comfort, breathtaking
   * design") into one stack when one of two neighbouring praise words weighs
   * at least this much or carries an intensifier; 0 never joins (default: 0).
   */
  lists: number
  /** Weight of a mild positive word under an intensifier ("insanely comfortable"); 0 leaves it glue (default: 0). */
  boostedMild: number
  /**
   * Praise cut into short sentences ("Bold. Beautiful. Brilliant.") is one
   * stack: a sentence of at most this many words that is nothing but praise
   * joins the run of such sentences before it; 0 never joins (default: 0).
   */
  staccato: number
  memo: Map<string, WordWeight>
  /** This rule's slot in each lexeme's memo (see `Lexeme`), when one was free. */
  slot: number | undefined
}

/** One weighted word (or hyphenated compound) and the intensifiers before it. */
interface Weighted {
  /** Indices into `words`: first and last token of the word. */
  from: number
  to: number
  weight: number
  boosts: number[]
  /** Boost from intensifier prefixes inside the word. */
  inner: number
  plain?: string
}

export interface Stack {
  items: Weighted[]
  figures: Record<(typeof gushFigures)[number], number>
}

function numberField(rule: RuleData, key: string, fallback: number): number {
  const value = rule.fields[key]
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new RuleFieldError([key], `\`${key}\` must be a number`)
  return value
}

function wordSetOf(rule: RuleData, key: string, lang: Language): ReadonlySet<string> | undefined {
  const value = (rule.fields[key] as Partial<Record<Language, unknown>> | undefined)?.[lang]
  if (value === undefined) return undefined
  if (!Array.isArray(value) || !value.every((word) => typeof word === 'string')) {
    throw new RuleFieldError([key, lang], `\`${key}.${lang}\` must be a list of words ("and", "so", "the")`)
  }
  return new Set(value.map((word: string) => word.toLowerCase()))
}

export const gushKind: Kind = {
  name: 'gush',
  keys: ['metric', 'minValence', 'minIntensity', 'window', 'glue', 'words', 'irony', 'languages', 'superlativeWeight', 'scope', 'lists', 'boostedMild', 'staccato'],

  languages(rule) {
    const value = rule.fields.languages ?? ['en', 'nl']
    if (!Array.isArray(value) || !value.every((lang) => lang === 'en' || lang === 'nl')) {
      throw new RuleFieldError(['languages'], '`languages` must be a list of `en` and `nl`')
    }
    return value as Language[]
  },

  compile(rule, lang, context) {
    const settings: Settings = {
      lang,
      metric: compileMetric(rule.fields.metric, gushFigures),
      minValence: numberField(rule, 'minValence', 2),
      minIntensity: numberField(rule, 'minIntensity', 0.45),
      window: numberField(rule, 'window', 4),
      words: weightTable(rule.fields, 'words', lang),
      quoted: rule.quoted,
      negation: rule.negation,
      prefixes: [...intensifiers(lang)].filter(([word]) => word.length >= 3).sort((a, b) => b[0].length - a[0].length),
      memo: new Map(),
      slot: memoSlot(),
      glue: wordSetOf(rule, 'glue', lang),
      superlativeWeight: numberField(rule, 'superlativeWeight', 0),
      scope: wordSetOf(rule, 'scope', lang),
      lists: numberField(rule, 'lists', 0),
      boostedMild: numberField(rule, 'boostedMild', 0),
      staccato: numberField(rule, 'staccato', 0)
    }
    // The sentences worth a look: a gushing word, a hyphen (a listed
    // compound), or a mild word together with an intensifier (which may
    // boost it). An intensifier or a mild word alone weighs nothing.
    const interest: Interest = {
      strong: interestBit(lang, (token) => token.kind === 'word' && weightOf(token, settings).weight > 0),
      mild: settings.boostedMild > 0 ? interestBit(lang, (token) => token.kind === 'word' && weightOf(token, settings).mild === true) : 0,
      boost: settings.boostedMild > 0 ? interestBit(lang, (token) => token.kind === 'word' && weightOf(token, settings).boost > 0) : 0
    }
    // The run of short praise sentences so far (see `staccato`); the plugin checks a block's sentences in order.
    let run: Run | undefined
    const detector: Detector = {
      patterns: rolePatterns(rule, 'irony', lang, context, 'irony'),
      always: true,
      detect(sentence, hits) {
        if (!mayGush(sentence, interest) || isIronic(sentence, hits)) {
          run = undefined
          return noFindings
        }
        const stacks = gushStacks(sentence, settings)
        const findings = findingsOf(sentence, stacks, settings)
        if (settings.staccato === 0) return findings
        const fragment = findings.length === 0 ? fragmentOf(sentence, stacks, settings) : undefined
        if (!fragment) {
          run = undefined
          return findings
        }
        run = run !== undefined && follows(run, sentence) ? join(run, fragment) : fragment
        if (run.sentences < 2 || run.reported || !settings.metric.holds(settings.metric.value(run.figures))) return noFindings
        run.reported = true
        return [staccatoFinding(run, settings.lang)]
      }
    }
    return detector
  }
}

/** What a single word brings to a stack. */
interface WordWeight {
  weight: number
  /** Boost from intensifiers inside a compound ("superblij", "megacool"). */
  inner: number
  /** The compound without its intensifier prefixes ("blij"), when it had some. */
  plain?: string
  /** The word's own weight as an intensifier ("so", "mega"), else 0. */
  boost: number
  /** Positive but too mild to count ("fijn", "nice"): it may stand inside a stack. */
  mild?: boolean
}

/** Superlative endings: "finest", "dreamiest", "mooiste". */
const superlativeEnding: Record<Language, RegExp> = {en: /(?:est|iest)$/, nl: /ste$/}

/**
 * Every `WordWeight` made the same way, all fields present: one object shape,
 * so the per-word reads in `gushStacks` stay monomorphic (and fast) in V8.
 */
function wordWeight(weight: number, inner = 0, boost = 0, mild = false, plain: string | undefined = undefined): WordWeight {
  return {weight, inner, plain, boost, mild}
}

const none: WordWeight = Object.freeze(wordWeight(0))
const mild: WordWeight = Object.freeze(wordWeight(0, 0, 0, true))

/** The gush weight of one word (0 when it is not a gushing word), cached per rule and word. */
function weightOf(word: Token, settings: Settings): WordWeight {
  const lexeme = word.lexeme
  if (lexeme !== undefined && settings.slot !== undefined) {
    let known = memoGet(lexeme, settings.slot) as WordWeight | undefined
    if (known === undefined) memoSet(lexeme, settings.slot, (known = weighed(word, settings)))
    return known
  }
  return weighed(word, settings)
}

function weighed(word: Token, settings: Settings): WordWeight {
  let result = settings.memo.get(word.norm)
  if (result === undefined) {
    const boost = intensifierWeight(word.norm, settings.lang)
    const weighed = weighWord(word.norm, settings, 0)
    result = boost === 0 ? weighed : wordWeight(weighed.weight, weighed.inner, boost, weighed.mild, weighed.plain)
    if (settings.memo.size > 20000) settings.memo.clear()
    settings.memo.set(word.norm, result)
  }
  return result
}

function weighWord(norm: string, settings: Settings, depth: number): WordWeight {
  const override = settings.words.get(norm)
  if (override !== undefined) return override > 0 ? wordWeight(override) : none
  const entry = lookupSentiment(norm, settings.lang)
  if (entry) {
    // A superlative of a milder word: "smoothest", "fijnste" (positive) weigh
    // `superlativeWeight`; "purest", "zuiverste" (faintly positive) may
    // stand inside a stack. Plain physical ones ("softest") are neither.
    if (settings.superlativeWeight > 0 && entry.valence > 0 && entry.intensity < settings.minIntensity &&
      norm.length >= 6 && superlativeEnding[settings.lang].test(norm)) {
      return entry.valence >= settings.minValence ? wordWeight(settings.superlativeWeight) : mild
    }
    if (entry.valence < settings.minValence) return none
    if (entry.intensity < settings.minIntensity) return mild
    return wordWeight(entry.intensity)
  }
  // A compound with an intensifier in front: "superblij", "megatof", "supermegablij".
  if (depth < 2 && norm.length >= 7) {
    for (const [prefix, boost] of settings.prefixes) {
      if (!norm.startsWith(prefix) || norm.length - prefix.length < 3) continue
      const rest = weighWord(norm.slice(prefix.length), settings, depth + 1)
      if (rest.weight > 0) return wordWeight(rest.weight, rest.inner + boost, 0, false, rest.plain ?? norm.slice(prefix.length))
    }
  }
  return none
}

/** A gush rule's interest bits (see `src/interest.ts`). */
interface Interest {
  /** A word that weighs on its own. */
  strong: number
  /** A mild positive word ("comfortable"), when an intensifier may boost it (0: never). */
  mild: number
  /** An intensifier, when it may boost a mild word (0: never). */
  boost: number
}

/** Can the sentence hold a stack at all? */
function mayGush(sentence: SentenceView, interest: Interest): boolean {
  const bits = sentence.interest
  if (hasInterest(bits, interest.strong) || hasInterest(bits, hyphenInterest)) return true
  return interest.mild !== 0 && hasInterest(bits, interest.mild) && hasInterest(bits, interest.boost)
}

const noFindings: Finding[] = Object.freeze([]) as unknown as Finding[]
const noStacks: Stack[] = Object.freeze([]) as unknown as Stack[]

/** Find the stacks of a sentence with their figures (whether or not they meet the metric). */
export function gushStacks(sentence: SentenceView, settings: Settings): Stack[] {
  const words = sentence.words
  const weighted: Weighted[] = []
  for (let index = 0; index < words.length; index++) {
    const word = words[index]
    if (word.kind !== 'word') continue
    const facts = weightOf(word, settings)
    const hyphenated = sentence.text.charCodeAt(word.end) === 45 /* - */
    // Fast path: most words neither praise nor intensify.
    if (facts.weight === 0 && facts.boost === 0 && !hyphenated && !(facts.mild && settings.boostedMild > 0)) continue
    if (!settings.quoted && isQuoted(sentence, word)) continue
    let to = index
    let weight = 0
    let inner = 0
    let plain: string | undefined
    // A hyphenated compound the rule lists ("life-changing", "once-in-a-lifetime"), longest first.
    if (hyphenated) {
      let compound = word.norm
      let last = index
      let found: [number, number] | undefined
      while (last - index < 4 && sentence.text.charCodeAt(words[last].end) === 45 /* - */) {
        const next = words[last + 1]
        if (!next || next.start !== words[last].end + 1) break
        compound += '-' + next.norm
        last++
        const listed = settings.words.get(compound)
        if (listed !== undefined) found = [listed, last]
      }
      if (found) [weight, to] = found
    }
    if (to === index) {
      // "super blij", "mega happy": an intensifier before a gushing word boosts it.
      const after = words[index + 1]
      const boosting = facts.boost > 0 && after !== undefined && after.clause === word.clause &&
        (after.kind === 'word' && (weightOf(after, settings).boost > 0 || weightOf(after, settings).weight > 0))
      if (!boosting) ({weight, inner, plain} = facts)
      // "insanely comfortable": a mild word under an intensifier weighs a little.
      if (weight === 0 && facts.mild && settings.boostedMild > 0 && index > 0) {
        const before = words[index - 1]
        if (before.kind === 'word' && before.clause === word.clause && weightOf(before, settings).boost > 0) weight = settings.boostedMild
      }
    }
    if (weight <= 0) {
      index = to
      continue
    }
    if (settings.negation && isNegatedAt(words, index, settings.lang)) {
      index = to
      continue
    }
    // The run of intensifiers right before the word ("SO incredibly", "superduper mega").
    const boosts: number[] = []
    const previous = weighted[weighted.length - 1]
    for (let back = index - 1; back >= 0 && back >= index - 3; back--) {
      const before = words[back]
      // A comma may separate intensifiers of one word ("incredibly, deeply grateful").
      const apart = before.clause !== words[back + 1].clause &&
        (back + 1 === index || sentence.text.slice(before.end, words[back + 1].start).trim() !== ',')
      if (apart || (previous && previous.to >= back)) break
      if (before.kind !== 'word' || weightOf(before, settings).boost <= 0) break
      boosts.unshift(back)
    }
    weighted.push({from: index, to, weight, boosts, inner, plain})
    index = to
  }

  // Most sentences have no gushing word at all: nothing more to allocate.
  if (weighted.length === 0) return noStacks
  const stacks: Stack[] = []
  let current: Weighted[] = []
  for (const item of weighted) {
    const last = current[current.length - 1]
    if (last && !joined(words, sentence.text, last, item, settings)) {
      stacks.push(measure(current, words, settings, sentence))
      current = []
    }
    current.push(item)
  }
  stacks.push(measure(current, words, settings, sentence))
  return stacks
}

/**
 * Do two weighted words belong to one stack? At most `window` words between,
 * and (when the rule lists `glue`) only glue words, such as "and", "so",
 * "the", or milder praise ("fijnste") between them: "amazing, incredible and life-changing" is one
 * stack; "heerlijke koffie, vriendelijke mensen" praises two things.
 */
function joined(words: readonly Token[], text: string, last: Weighted, item: Weighted, settings: Settings): boolean {
  const first = item.boosts.length > 0 ? item.boosts[0] : item.from
  if (first - last.to - 1 > settings.window) return false
  if (!settings.glue) return true
  if (settings.lists > 0 && (strongInList(last, settings.lists) || strongInList(item, settings.lists)) && isPraiseList(words, text, last, first)) return true
  for (let index = last.to + 1; index < first; index++) {
    const word = words[index]
    if (!settings.glue.has(word.norm) && !(word.kind === 'word' && weightOf(word, settings).mild)) return false
  }
  return true
}

/**
 * Praise spread over a comma list of nouns: "unparalleled comfort, breathtaking
 * design", "ongekend comfort, adembenemend design". One noun after the first
 * praise word, then only a comma before the next one.
 */
/** Strong enough praise to join a list: a heavy word or an intensified one ("pure perfection"). */
function strongInList(item: Weighted, minimum: number): boolean {
  return item.weight >= minimum || item.boosts.length > 0 || item.inner > 0
}

function isPraiseList(words: readonly Token[], text: string, last: Weighted, first: number): boolean {
  if (first - last.to !== 2) return false
  const noun = words[last.to + 1]
  if (noun.kind !== 'word' || noun.clause !== words[last.to].clause) return false
  return text.slice(noun.end, words[first].start).trim() === ','
}

const superlativeMarkers = new Set(['most', 'meest', 'aller'])

/** How many words after a stack a `scope` word may follow ("the finest oil on earth"). */
const scopeReach = 4

/** Does a scope word ("ever", "earth", "ooit") follow the stack within reach, same clause? */
function scoped(items: Weighted[], words: readonly Token[], settings: Settings, sentence: SentenceView): number {
  if (!settings.scope) return 0
  const last = items[items.length - 1].to
  for (let index = last + 1; index < words.length && index <= last + scopeReach; index++) {
    if (words[index].clause !== words[last].clause) break
    if (settings.scope.has(words[index].norm) && (settings.quoted || !isQuoted(sentence, words[index]))) return 1
  }
  return 0
}

function measure(items: Weighted[], words: readonly Token[], settings: Settings, sentence: SentenceView): Stack {
  const lang = settings.lang
  let intensity = 0
  let boosts = 0
  let elongated = 0
  let superlatives = 0
  for (const item of items) {
    intensity += item.weight
    boosts += item.inner
    for (const index of item.boosts) {
      boosts += intensifierWeight(words[index].norm, lang)
      if (/(\p{L})\1{2,}/u.test(words[index].raw)) elongated++
    }
    const word = words[item.from]
    if (/(\p{L})\1{2,}/u.test(word.raw)) elongated++
    const before = words[item.from - 1]
    if (item.from === item.to && (superlativeEnding[lang].test(word.norm) || (before !== undefined && superlativeMarkers.has(before.norm)))) superlatives++
  }
  return {items, figures: {positives: items.length, intensity, boosts, elongated, superlatives, scope: scoped(items, words, settings, sentence)}}
}

function findingsOf(sentence: SentenceView, stacks: readonly Stack[], settings: Settings): Finding[] {
  if (stacks.length === 0) return noFindings
  const findings: Finding[] = []
  for (const stack of stacks) {
    const value = settings.metric.value(stack.figures)
    if (!settings.metric.holds(value)) continue
    findings.push(toFinding(sentence, stack, settings.lang))
  }
  return findings
}

function toFinding(sentence: SentenceView, stack: Stack, lang: Language): Finding {
  const words = sentence.words
  const first = stack.items[0]
  const last = stack.items[stack.items.length - 1]
  const startIndex = first.boosts.length > 0 ? first.boosts[0] : first.from
  const start = words[startIndex].start
  const end = words[last.to].end
  const boostWords = stack.items.flatMap((item) => item.boosts.map((index) => words[index].raw))
  const positiveWords = stack.items.map((item) => sentence.text.slice(words[item.from].start, words[item.to].end))
  const nl = lang === 'nl'
  const detail = [
    nl
      ? `lofstapel: ${positiveWords.length} positieve ${positiveWords.length === 1 ? 'woord' : 'woorden'} (${positiveWords.join(', ')})`
      : `gush: ${positiveWords.length} positive ${positiveWords.length === 1 ? 'word' : 'words'} (${positiveWords.join(', ')})`,
    boostWords.length > 0
      ? nl
        ? `${boostWords.length} ${boostWords.length === 1 ? 'versterker' : 'versterkers'} (${boostWords.join(', ')})`
        : `${boostWords.length} ${boostWords.length === 1 ? 'intensifier' : 'intensifiers'} (${boostWords.join(', ')})`
      : ''
  ].filter(Boolean).join(', ')
  // A stack of words side by side ("soft, cosy and warm") can be cut to one of them; a stack
  // spread over nouns ("stunning views, heavenly beds") cannot: cutting it drops what it praises.
  const adjacent = stack.items.every((item, index) => {
    if (index === 0) return true
    const next = item.boosts.length > 0 ? item.boosts[0] : item.from
    return /^[\s,&]*(?:and|or|en|of|&)?[\s,]*$/iu.test(sentence.text.slice(words[stack.items[index - 1].to].end, words[next].start))
  })
  // Adverbs ("incredibly") are no word to keep.
  const candidates = stack.items.map((_, index) => index).filter((index) => {
    const item = stack.items[index]
    if (item.from !== item.to) return true
    // Nor are intensifiers that count as praise ("SUPER MEGA gaaf" keeps "gaaf").
    return !(lang === 'en' && /ly$/i.test(words[item.from].norm)) && intensifierWeight(words[item.from].norm, lang) <= 0
  })
  // The writer's first word stays (the others are suggestions).
  const keep = candidates[0]
  const before = sentence.text.slice(sentence.start, start)
  const article = /\b(an?)\s+$/i.exec(before)?.[1]?.toLowerCase()
  const fits = (word: string) => article === undefined || lang !== 'en' || (article === 'an') === /^[aeiou]/i.test(word)
  const fixes: string[] = []
  const suggestions: Array<{title: string; text: string}> = []
  if (adjacent && keep !== undefined) {
    const fix = rewrite(sentence, stack, lang, keep)
    if (fits(fix)) fixes.push(fix)
    for (const index of candidates) {
      if (index === keep || suggestions.length >= 2) continue
      const word = rewrite(sentence, stack, lang, index)
      if (!fits(word)) continue
      suggestions.push({
        title: lang === 'nl' ? `Houd “${word}”` : `Keep “${word}”`,
        text: before + word + sentence.text.slice(end, sentence.end)
      })
    }
  }
  return {
    start,
    end,
    expected: fixes,
    suggestions,
    detail,
    intensity: stack.items.length + 0.5 * (boostWords.length + stack.items.filter((item) => item.inner > 0).length)
  }
}

/**
 * The toned-down span: one positive word of the stack (`keep`, by index),
 * without its intensifiers, caps lowered.
 */
function rewrite(sentence: SentenceView, stack: Stack, lang: Language, keep: number): string {
  const words = sentence.words
  const first = stack.items[0]
  const kept = stack.items[keep]
  let text = sentence.text.slice(words[kept.from].start, words[kept.to].end)
  if (kept.from === kept.to) text = kept.plain ?? unelongated(words[kept.from].raw, lang)
  if (/^\p{Lu}{2,}$/u.test(text)) text = text.toLowerCase()
  // A word that starts the stack mid-sentence keeps its case; one moved to the front is lowered first.
  if (keep !== 0 && /^\p{Lu}\p{Ll}/u.test(text)) text = text.charAt(0).toLowerCase() + text.slice(1)
  // "most" and "meest" build the superlative: they stay ("the most incredible", not "the incredible").
  const superlative = kept.boosts.map((index) => words[index]).find((word) => /^(?:most|meest)$/i.test(word.norm))
  if (superlative) text = `${superlative.raw.toLowerCase()} ${text}`
  const startIndex = first.boosts.length > 0 ? first.boosts[0] : first.from
  // Keep the writer's capital at the start of a sentence.
  if (words[startIndex].start === sentence.tokens[0]?.start) text = text.charAt(0).toUpperCase() + text.slice(1)
  return tidy(text)
}

/** Short praise sentences in a row, measured as one stack (see `Settings.staccato`). */
interface Run {
  /** The block text the sentences are in, and where the run starts and ends in it. */
  text: string
  start: number
  end: number
  sentences: number
  figures: Record<(typeof gushFigures)[number], number>
  /** The praise words, as written, for the reason. */
  positives: string[]
  reported: boolean
}

/**
 * The sentence as the start of a run, when it is short (at most `staccato`
 * words) and nothing but praise: one stack, and every other word an
 * intensifier of it or glue ("Simply stunning.", "Pure magic.").
 */
function fragmentOf(sentence: SentenceView, stacks: readonly Stack[], settings: Settings): Run | undefined {
  const words = sentence.words
  if (stacks.length !== 1 || words.length > settings.staccato) return undefined
  // A quotation mark: perhaps a customer's words cut into sentences, which the per-sentence quote check cannot see.
  if (quotation.test(sentence.text.slice(sentence.start, sentence.end))) return undefined
  const stack = stacks[0]
  const covered = new Set<number>()
  for (const item of stack.items) {
    for (let index = item.from; index <= item.to; index++) covered.add(index)
    for (const index of item.boosts) covered.add(index)
  }
  for (let index = 0; index < words.length; index++) {
    if (!covered.has(index) && !(settings.glue?.has(words[index].norm) ?? false)) return undefined
  }
  const first = stack.items[0]
  const last = stack.items[stack.items.length - 1]
  return {
    text: sentence.text,
    start: words[first.boosts.length > 0 ? first.boosts[0] : first.from].start,
    end: words[last.to].end,
    sentences: 1,
    figures: {...stack.figures},
    positives: stack.items.map((item) => sentence.text.slice(words[item.from].start, words[item.to].end)),
    reported: false
  }
}

const quotation = /["“”„«»‘]/

/** Does the sentence come right after the run, in the same paragraph (only spaces and one line break between)? */
function follows(run: Run, sentence: SentenceView): boolean {
  if (run.text !== sentence.text || sentence.start < run.end) return false
  const between = run.text.slice(run.end, sentence.start)
  return /^[^\p{L}\p{N}]*$/u.test(between) && !/\n[ \t]*\n/.test(between)
}

function join(run: Run, fragment: Run): Run {
  const figures = {...run.figures}
  for (const key of gushFigures) figures[key] = key === 'scope' ? Math.max(figures[key], fragment.figures[key]) : figures[key] + fragment.figures[key]
  return {...run, end: fragment.end, sentences: run.sentences + 1, figures, positives: [...run.positives, ...fragment.positives]}
}

function staccatoFinding(run: Run, lang: Language): Finding {
  return {
    start: run.start,
    end: run.end,
    detail: lang === 'nl'
      ? `lofstapel in ${run.sentences} korte zinnen: ${run.positives.length} positieve woorden (${run.positives.join(', ')})`
      : `gush in ${run.sentences} short sentences: ${run.positives.length} positive words (${run.positives.join(', ')})`,
    intensity: run.positives.length
  }
}
