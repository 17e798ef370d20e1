/**
 * One check of one editor document, as plain data the language server can
 * keep, send between threads and turn into diagnostics, quick fixes, hovers
 * and a code lens. Runs the same engine as the CLI (`src/engine.ts`); this
 * module only maps its messages onto the editor's text: 0-based lines and
 * UTF-16 characters, with a fix for each `expected` and an insertion point
 * for an inline `<!--trouw ignore rule-id-->`.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {checkExtracted, type CheckOptions} from '../engine.js'
import {extract, toSourceOffset} from '../formats/index.js'
import {loadRules} from '../rule-loader.js'
import {InputError, type Block, type FormatName, type Language, type PartName, type PhaseGuess, type ScoreEvidence, type Scores, type Severity} from '../types.js'
import {LineIndex} from '../line-index.js'
import {planFix, planRewrite} from '../fix.js'
import {emailBodyLocator, type RawRange} from '../formats/eml-raw.js'

/** A 0-based position: line and UTF-16 character, as LSP has it. */
export interface Pos {
  line: number
  character: number
}

export interface Span {
  start: Pos
  end: Pos
}

/** One text edit that fixes a finding. */
export interface Fix {
  title: string
  range: Span
  newText: string
  /** A fix (`expected`: keeps every fact, may be preferred) or a suggestion (a sentence rewrite, never preferred). */
  kind: 'fix' | 'suggestion'
}

export interface Finding {
  ruleId: string
  category: string
  subtype?: string
  severity: Severity
  reason: string
  actual: string
  expected: string[]
  /** Sentence rewrites, offered as their own, non-preferred code actions. */
  suggestions: Array<{title: string; text: string}>
  note?: string
  url: string
  part?: PartName
  range: Span
  /** Whether `range` is where the text is (false: an `.eml` part that could not be found in the raw message). */
  located: boolean
  fixes: Fix[]
  /** Where to insert an inline control that ignores this rule here (Markdown, HTML, MJML only). */
  ignore?: {position: Pos; newText: string}
}

/** What the hover shows for a rule. */
export interface RuleInfo {
  docs: string
  message: string
  /** The rule's advice in the file's language (placeholders for the copy's facts). */
  advice: string
}

export interface Analysis {
  uri: string
  version: number
  format?: FormatName
  language?: Language
  findings: Finding[]
  scores?: Scores
  phase?: PhaseGuess
  evidence?: ScoreEvidence[]
  suggestions?: string[]
  rules: Record<string, RuleInfo>
  /** The input could not be checked: one line saying why (binary, too large, invalid rules…). */
  problem?: string
  /** Milliseconds the engine took. */
  took: number
}

export interface AnalysisRequest {
  uri: string
  version: number
  text: string
  /** File system path of the document, when it has one (names it in messages). */
  path?: string
  options: CheckOptions
}

/** Check a document. Never throws: problems end up in `analysis.problem`. */
export async function analyse(request: Readonly<AnalysisRequest>): Promise<Analysis> {
  const started = performance.now()
  const base: Analysis = {uri: request.uri, version: request.version, findings: [], rules: {}, took: 0}
  try {
    const options: CheckOptions = {...request.options, path: request.path ?? request.options.path ?? null}
    const extracted = await extract(request.text, {
      path: options.path ?? undefined,
      format: options.format ?? undefined,
      maxBytes: options.maxBytes ?? undefined
    })
    const file = await checkExtracted(extracted, options)
    const result = toAnalysis(base, file, request.text, extracted.blocks, extracted.format, extracted.sources)
    result.took = performance.now() - started
    return result
  } catch (error) {
    base.problem = describeProblem(error)
    base.took = performance.now() - started
    return base
  }
}

/** One line for an error: an `InputError`'s message without the path, else the error's first line. */
export function describeProblem(error: unknown): string {
  if (error instanceof InputError) return error.line ? `${error.path}:${error.line}: ${error.message}` : error.message
  const message = error instanceof Error ? error.message : String(error)
  return `internal error: ${message.split('\n')[0]} (please report this)`
}

/** A finder of 0-based positions in a text by offset (LSP positions; offsets outside the text are clamped). */
export function lineIndex(text: string): {toPos: (offset: number) => Pos; lineStart: (line: number) => number} {
  const lines = new LineIndex(text)
  return {
    toPos(offset) {
      const at = Math.max(0, Math.min(offset, text.length))
      const line = lines.lineOf(at)
      return {line, character: at - lines.lineStart(line)}
    },
    lineStart(line) {
      return lines.lineStart(Math.max(0, Math.min(line, lines.lineCount - 1)))
    }
  }
}

function toAnalysis(
  base: Analysis,
  file: VFile,
  text: string,
  blocks: readonly Block[],
  format: FormatName,
  sources: Readonly<Record<string, string>>
): Analysis {
  const data = file.data.trouw
  const analysis: Analysis = {
    ...base,
    format,
    language: data?.language,
    scores: data?.scores,
    phase: data?.phase,
    evidence: data?.evidence,
    suggestions: data?.suggestions
  }
  // The engine drops a byte order mark; the editor's text may keep it.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const lines = lineIndex(text)
  const sentences = (data?.sentences ?? []).filter((sentence) => sentence.place && !sentence.part).sort((a, b) => a.place!.offset - b.place!.offset)
  const blockSpans = format === 'eml' ? [] : spansOf(blocks)
  const email = format === 'eml' ? emailLocator(text, sources) : undefined
  let rules: ReturnType<typeof loadRules> | undefined
  try {
    rules = loadRules()
  } catch {
    rules = undefined
  }

  for (const message of file.messages) {
    const finding = toFinding(message)
    const place = message.place && 'start' in message.place ? message.place : undefined
    let start = (place?.start.offset ?? 0) + shift
    let end = (place?.end.offset ?? place?.start.offset ?? 0) + shift
    let writable: ((newText: string) => boolean) | undefined
    if (email) {
      const found = email(message, start - shift, end - shift)
      if (found) ({start, end, writable} = found)
      else {
        finding.located = false
        start = end = 0
        finding.reason = `${message.part ?? 'body'}: ${finding.reason}`
      }
    }
    finding.range = {start: lines.toPos(start), end: lines.toPos(end)}

    if (finding.located) {
      finding.fixes = fixesFor(message, finding, start, end, text, lines, shift, format)
      // An .eml fix is offered only where the raw text is the words themselves (not encoded).
      if (writable) finding.fixes = finding.fixes.filter((fix) => writable!(fix.newText))
      if (format !== 'text' && format !== 'eml' && !finding.ruleId.startsWith('trouw/')) {
        finding.ignore = ignoreInsertion(finding.ruleId, start - shift, blockSpans, text, lines, shift)
      }
    }
    analysis.findings.push(finding)

    const rule = rules?.byId.get(finding.ruleId)
    if (rule && !analysis.rules[rule.id]) {
      const lang = data?.language ?? 'en'
      analysis.rules[rule.id] = {
        docs: rule.docs,
        message: rule.message[lang] ?? rule.message.en ?? rule.message.nl ?? '',
        advice: rule.advice[lang] ?? ''

      }
    }
  }
  return analysis
}

function toFinding(message: VFileMessage): Finding {
  const finding: Finding = {
    ruleId: String(message.ruleId ?? 'trouw'),
    category: message.category ?? 'notice',
    severity: message.severity ?? (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info'),
    reason: message.reason,
    actual: message.actual ?? '',
    expected: message.expected ?? [],
    suggestions: (message.suggestions ?? []).map((suggestion) => ({title: suggestion.title, text: suggestion.text})),
    url: message.url ?? '',
    range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
    located: true,
    fixes: []
  }
  if (message.subtype) finding.subtype = message.subtype
  if (message.part) finding.part = message.part
  if (message.note) finding.note = message.note
  return finding
}

/**
 * The code actions of a finding, planned by `src/fix.ts` (the one applier):
 * its fixes first (replacements of the span: the first is the preferred quick
 * fix), then its suggestions (rewrites of the sentence, never preferred).
 */
function fixesFor(
  message: VFileMessage,
  finding: Finding,
  start: number,
  end: number,
  text: string,
  lines: ReturnType<typeof lineIndex>,
  shift: number,
  format: FormatName
): Fix[] {
  const fixes: Fix[] = []
  const current = text.slice(start, end)
  const options = {format: format === 'eml' ? 'text' as const : format}
  for (const expected of finding.expected) {
    if (expected === current) continue
    const edit = planFix(text, {offset: start, endOffset: end}, expected, options)
    const title = expected === '' ? `Remove “${short(current)}”` : `Replace with “${short(expected)}”`
    fixes.push({title, kind: 'fix', range: {start: lines.toPos(edit.start), end: lines.toPos(edit.end)}, newText: edit.insert})
  }
  const sentence = message.sentencePlace
  if (sentence && !message.part && sentence.start.offset !== undefined && sentence.end.offset !== undefined) {
    for (const suggestion of finding.suggestions) {
      const edit = planRewrite(text, {offset: sentence.start.offset + shift, endOffset: sentence.end.offset + shift}, suggestion.text, options)
      fixes.push({title: `${suggestion.title}: “${short(suggestion.text)}”`, kind: 'suggestion', range: {start: lines.toPos(edit.start), end: lines.toPos(edit.end)}, newText: edit.insert})
    }
  }
  return fixes
}

function short(value: string): string {
  const flat = value.replace(/\s+/g, ' ').trim()
  return flat.length > 60 ? flat.slice(0, 57) + '…' : flat
}

/** Source spans of the blocks of the `file` source, in order. */
function spansOf(blocks: readonly Block[]): Array<[number, number]> {
  const spans: Array<[number, number]> = []
  for (const block of blocks) {
    if (block.source !== 'file' || block.map.length === 0) continue
    spans.push([toSourceOffset(block, 0), toSourceOffset(block, block.text.length, 'end')])
  }
  return spans.sort((a, b) => a[0] - b[0])
}

/**
 * Where `<!--trouw ignore id-->` goes so it covers the block at `offset`:
 * on its own line before the line the block starts on (indented like it),
 * or just before the block when another block ends earlier on that line.
 */
function ignoreInsertion(
  ruleId: string,
  offset: number,
  spans: ReadonlyArray<[number, number]>,
  text: string,
  lines: ReturnType<typeof lineIndex>,
  shift: number
): Finding['ignore'] {
  // The last block starting at or before `offset` (binary search: findings × blocks stays linear-ish).
  let low = 0
  let high = spans.length - 1
  let index = -1
  while (low <= high) {
    const middle = (low + high) >> 1
    if (spans[middle][0] <= offset) {
      index = middle
      low = middle + 1
    } else high = middle - 1
  }
  if (index === -1) return undefined
  const blockStart = spans[index][0] + shift
  const previousEnd = index > 0 ? spans[index - 1][1] + shift : -1
  const line = lines.toPos(blockStart).line
  const lineStart = lines.lineStart(line)
  const comment = `<!--trouw ignore ${ruleId}-->`
  if (previousEnd > lineStart) {
    return {position: lines.toPos(blockStart), newText: comment}
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, blockStart))![0]
  const newline = text.includes('\r\n') ? '\r\n' : '\n'
  return {position: {line, character: 0}, newText: `${indent}${comment}${newline}`}
}

/**
 * For `.eml` documents, whose positions are in decoded parts: the raw range
 * of a message (the Subject header line; a body part's words where they are
 * in the raw MIME part, through its transfer encoding and charset), else none.
 */
function emailLocator(
  text: string,
  sources: Readonly<Record<string, string>>
): (message: VFileMessage, start: number, end: number) => RawRange | undefined {
  const headerEnd = /\r?\n\r?\n/.exec(text)?.index ?? text.length
  const subjectLine = /^subject:[ \t]*(.*)$/im.exec(text.slice(0, headerEnd))
  const subjectStart = subjectLine ? subjectLine.index + subjectLine[0].length - subjectLine[1].length : -1
  const body = emailBodyLocator(text, sources)
  const readOnly = () => false
  return (message, start, end) => {
    if (message.part === 'subject') {
      if (subjectStart === -1) return undefined
      const raw = subjectLine![1]
      if (sources.subject && raw.startsWith(sources.subject.slice(0, end))) return {start: subjectStart + start, end: subjectStart + end, writable: () => true, located: 'words'}
      return {start: subjectStart, end: subjectStart + raw.replace(/\s+$/, '').length, writable: readOnly, located: 'encoded'}
    }
    const source = message.part === 'text' ? 'text' : message.part === 'html' || message.part === 'preheader' ? 'html' : undefined
    const mapped = source ? body(source, start, end) : undefined
    if (mapped) return mapped
    // A part this reader could not map: the first place its words are in the body, if any.
    const actual = message.actual ?? ''
    if (actual === '') return undefined
    const at = text.indexOf(actual, headerEnd)
    return at === -1 ? undefined : {start: at, end: at + actual.length, writable: readOnly, located: 'words'}
  }
}
