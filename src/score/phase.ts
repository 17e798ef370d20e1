/**
 * Which of the ten customer phases the copy addresses: cue phrases per phase
 * (`dictionaries/phases.<lang>.yml`, the rule pattern language) are counted
 * over the sentences; the phase with the most hits wins.
 *
 *     confidence = hits(best) / (hits(all phases) + phasePrior)
 *
 * so one lone cue gives 0.5, three cues that agree 0.75, and cues spread
 * over several phases give less. No cue at all: no phase. Only the first
 * `phaseSentences` sentences are read.
 */
import path from 'node:path'
import {readYamlValue} from '../data-cache.js'
import {InputError, phases, type Language, type Phase, type PhaseGuess} from '../types.js'
import {compilePattern, PatternError, PatternIndex, type CompiledPattern, type Match} from '../patterns.js'
import {compileContext, packageRoot} from '../rule-loader.js'
import {fold, type Token} from '../tokens.js'

/** Added to the total number of hits in the confidence: a lone cue is not certainty. */
export const phasePrior = 1
/** Only the first sentences are read for cues: a mail says early what it is about, and long documents stay cheap. */
export const phaseSentences = 40

interface CompiledPhases {
  /** The cue patterns, in order: the plugin files them in its own index, so one scan serves rules, signals and cues. */
  patterns: ReadonlyArray<readonly [CompiledPattern, PhaseTarget]>
  /** The same patterns in an index of their own, for `phaseCues` without the plugin's matches. */
  index: PatternIndex<PhaseTarget>
}

/** What a cue pattern is filed with: its phase (a wrapper, so a shared index can hand its matches over as they are). */
export interface PhaseTarget {
  readonly phase?: Phase
}

const cache = new Map<Language, CompiledPhases>()

/** Compile (once per process and language) the phase cues. Throws `InputError` on a bad file. */
export function loadPhases(lang: Language): CompiledPhases {
  const cached = cache.get(lang)
  if (cached) return cached
  const file = path.join(packageRoot, 'dictionaries', `phases.${lang}.yml`)
  let data: Record<string, unknown>
  try {
    data = (readYamlValue(file) ?? {}) as Record<string, unknown>
  } catch (error) {
    throw new InputError(file, `cannot read the phase cues: ${(error as Error).message.split('\n')[0]}`)
  }
  const context = compileContext(lang)
  const index = new PatternIndex<PhaseTarget>()
  const cues: Array<[CompiledPattern, PhaseTarget]> = []
  for (const [name, patterns] of Object.entries(data)) {
    if (!phases.includes(name as Phase)) throw new InputError(file, `unknown phase \`${name}\`; use one of ${phases.join(', ')}`)
    if (!Array.isArray(patterns)) throw new InputError(file, `\`${name}\` must be a list of patterns`)
    const target: PhaseTarget = {phase: name as Phase}
    for (const source of patterns) {
      try {
        for (const pattern of compilePattern(String(source), context)) {
          cues.push([pattern, target])
          index.add(pattern, target)
        }
      } catch (error) {
        if (error instanceof PatternError) throw new InputError(file, `${name}: ${error.message}`)
        throw error
      }
    }
  }
  const compiled: CompiledPhases = {patterns: cues, index}
  cache.set(lang, compiled)
  return compiled
}

const separator = /[^\p{L}\p{N}'’]+/u

/** A light word split for cue matching (the sentences are already cut): the sentence folded once, then split. */
function words(text: string): Token[] {
  const tokens: Token[] = []
  for (const norm of fold(text).split(separator)) {
    if (norm === '') continue
    const code = norm.charCodeAt(0)
    tokens.push({norm, raw: norm, kind: code >= 48 && code <= 57 ? 'number' : 'word', start: 0, end: 0, clause: 0, caps: false})
  }
  return tokens
}

export interface PhaseResult {
  guess: PhaseGuess | undefined
  /** Hits per phase. */
  hits: Readonly<Partial<Record<Phase, number>>>
}

/**
 * The phase cues in one sentence's words, in order (one token counts for one
 * cue only). The engine calls this in its one pass over the tokens and keeps
 * the cues on the sentence's figures.
 */
export function phaseCues(words: readonly Token[], lang: Language): readonly Phase[] {
  return cuesOf(loadPhases(lang).index.matches(words))
}

/** The cues of a sentence from the matches of the cue patterns (`loadPhases(lang).patterns`) in its words. */
export function cuesOf(matches: ReadonlyArray<readonly [Match, CompiledPattern, PhaseTarget]>): readonly Phase[] {
  if (matches.length === 0) return noCues
  const cues: Phase[] = []
  let lastEnd = -1
  for (const [match, , {phase}] of matches) {
    if (match.from < lastEnd) continue
    lastEnd = match.to
    cues.push(phase!)
  }
  return cues
}

const noCues: readonly Phase[] = Object.freeze([])

/** Count phase cues in the sentences and pick the phase with the most hits (ties: the later phase in the journey). */
export function detectPhase(sentences: readonly string[], lang: Language): PhaseResult {
  return guessPhase(sentences.slice(0, phaseSentences).map((sentence) => phaseCues(words(sentence), lang)))
}

/** Pick the phase from the cues of each sentence (only the first `phaseSentences` count). */
export function guessPhase(cuesPerSentence: ReadonlyArray<readonly Phase[] | undefined>): PhaseResult {
  const hits: Partial<Record<Phase, number>> = {}
  let total = 0
  const count = Math.min(cuesPerSentence.length, phaseSentences)
  for (let index = 0; index < count; index++) {
    for (const phase of cuesPerSentence[index] ?? []) {
      hits[phase] = (hits[phase] ?? 0) + 1
      total++
    }
  }
  let best: Phase | undefined
  for (const phase of phases) {
    const count = hits[phase] ?? 0
    if (count > 0 && count >= (best ? hits[best] ?? 0 : 0)) best = phase
  }
  if (!best) return {guess: undefined, hits}
  const confidence = Math.round(((hits[best] ?? 0) / (total + phasePrior)) * 100) / 100
  return {guess: {name: best, confidence}, hits}
}
