/**
 * The plain data the ink components draw: built from checked `VFile`s by
 * `toReportModel`, so the components are pure functions of plain props and
 * tests can build props by hand.
 */
import type {VFile} from 'vfile'
import type {JsonMessage, PhaseGuess, ScoreEvidence, Scores} from '../types.js'
import {toJsonFile, toJsonReport} from '../report/json.js'
import {minEspReason} from '../verdict.js'

/** A finding with the source line it starts on (none for notices without a place). */
export interface ReportFinding extends JsonMessage {
  /** The source line the finding starts on, without its line ending; `null` when it cannot be shown. */
  sourceLine: string | null
  /** 0-based columns of the span on `sourceLine`, end exclusive (to the line end when the span goes on). */
  spanStart: number
  spanEnd: number
  /** Whether the span goes on past `sourceLine`. */
  continues: boolean
}

export interface ReportFile {
  path: string
  language: string
  format: string
  scores: Scores
  phase: PhaseGuess | null
  findings: ReportFinding[]
  evidence: ScoreEvidence[]
  suggestions: string[]
  /** How sure the score is, 0–1 (`scoreConfidence` in the JSON report). */
  scoreConfidence: number
  /** Why the file fails the score gate (`--min-esp`), if it does (default: it does not). */
  belowMinEsp?: string | null
}

export interface ReportSummary {
  files: number
  errors: number
  warnings: number
  infos: number
  esp: number | null
}

export interface ReportModel {
  files: ReportFile[]
  summary: ReportSummary
}

/** The five ESP components in the order they are drawn, with their labels. */
export const components = ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness'] as const

export function toReportModel(files: readonly VFile[]): ReportModel {
  const report = toJsonReport(files)
  return {files: files.map(toReportFile), summary: report.summary}
}

export function toReportFile(vfile: VFile): ReportFile {
  const file = toJsonFile(vfile)
  const value = typeof vfile.value === 'string' ? vfile.value : ''
  const lines = file.format === 'eml' ? [] : splitLines(value)
  // An email's findings point into its decoded parts (when the check kept them): a preheader into `html`.
  const parts = vfile.data.trouw?.parts
  const partLines = new Map<string, string[]>()
  const linesOf = (message: JsonMessage): readonly string[] => {
    if (!message.part) return lines
    const name = message.part === 'preheader' ? 'html' : message.part
    const text = parts?.[name]
    if (text === undefined) return []
    let split = partLines.get(name)
    if (!split) partLines.set(name, (split = splitLines(text)))
    return split
  }
  return {
    path: file.path,
    language: file.language,
    format: file.format,
    scores: file.scores,
    phase: file.phase,
    evidence: file.evidence,
    suggestions: file.suggestions,
    scoreConfidence: file.scoreConfidence,
    belowMinEsp: minEspReason(file.reasons)?.message ?? null,
    findings: file.messages.map((message) => withSourceLine(message, linesOf(message)))
  }
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n|\r/)
}

/** Attach the line a finding starts on, and where its span is on that line. */
export function withSourceLine(message: JsonMessage, lines: readonly string[]): ReportFinding {
  // An `.eml` finding is shown in its decoded part (readable), placed in the raw file.
  const at = message.inPart ?? message
  const empty = at.line === at.endLine && at.column === at.endColumn
  const line = empty ? undefined : lines[at.line - 1]
  if (line === undefined) return {...message, sourceLine: null, spanStart: 0, spanEnd: 0, continues: false}
  const spanStart = Math.min(at.column - 1, line.length)
  const continues = at.endLine > at.line
  const spanEnd = continues ? line.length : Math.max(spanStart, Math.min(at.endColumn - 1, line.length))
  return {...message, sourceLine: line, spanStart, spanEnd, continues}
}
