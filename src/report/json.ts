/** The JSON report (`--format json`), exactly the contract in DESIGN.md. */
import type {VFile} from 'vfile'
import type {JsonFile, JsonReport, ScoreEvidence, Scores} from '../types.js'
import {toJsonMessage} from '../messages.js'
import {verdictOf, type VerdictReason} from '../verdict.js'

const emptyScores: Scores = {esp: 0, warmth: 0, restraint: 0, freedom: 0, reciprocity: 0, distinctiveness: 0}

/** A file in the JSON report, with the fields added to the contract: the score's evidence and suggestions. */
export interface JsonFileWithEvidence extends JsonFile {
  /** Every span that moved a score component, with its signed delta in points. */
  evidence: ScoreEvidence[]
  /** The three suggestions that would raise `esp` most. */
  suggestions: string[]
  /** How sure the score is, 0–1: little prose of the sender's own gives an unsure score (docs/esp.md). */
  scoreConfidence: number
  /** For `.eml`, when asked: the decoded parts positions point into (see `TrouwData.parts`). */
  parts?: Readonly<Record<string, string>>
  /** Whether the file passes its gate (`failOn`, `minEsp`; src/verdict.ts). */
  pass: boolean
  /** Why it does not: findings at the failing level (`trouw/fail-on`), ESP below the minimum (`trouw/min-esp`). */
  reasons: VerdictReason[]
}

/** The report with the verdict over all files. */
export interface JsonReportWithVerdict extends JsonReport {
  files: JsonFileWithEvidence[]
  /** Whether every file passes. */
  pass: boolean
  /** Every file's reasons, each with the file's path. */
  reasons: Array<VerdictReason & {path: string}>
}

/** What a JSON report carries besides the contract's fields. */
export interface JsonOptions {
  /** An `.eml` file's decoded parts, when the check kept them (`CheckOptions.parts`; default: false). */
  parts?: boolean
}

export function toJsonFile(file: VFile, options?: Readonly<JsonOptions>): JsonFileWithEvidence {
  const data = file.data.trouw
  const json: JsonFileWithEvidence = {
    path: file.path || '<stdin>',
    language: data?.language ?? 'en',
    format: data?.format ?? 'text',
    scores: data?.scores ?? emptyScores,
    phase: data?.phase ?? null,
    messages: file.messages.map(toJsonMessage),
    evidence: data?.evidence ?? [],
    suggestions: data?.suggestions ?? [],
    scoreConfidence: data?.scoreConfidence ?? 0,
    pass: true,
    reasons: []
  }
  if (options?.parts && data?.parts) json.parts = data.parts
  const verdict = verdictOf(file)
  json.pass = verdict.pass
  json.reasons = verdict.reasons
  return json
}

export function toJsonReport(files: readonly VFile[], options?: Readonly<JsonOptions>): JsonReportWithVerdict {
  const jsonFiles = files.map((file) => toJsonFile(file, options))
  const all = jsonFiles.flatMap((file) => file.messages)
  const scored = jsonFiles.filter((file) => file.messages.length > 0 || file.scores.esp > 0)
  return {
    files: jsonFiles,
    summary: {
      files: jsonFiles.length,
      errors: all.filter((message) => message.severity === 'error').length,
      warnings: all.filter((message) => message.severity === 'warning').length,
      infos: all.filter((message) => message.severity === 'info').length,
      esp: scored.length > 0 ? Math.round(scored.reduce((sum, file) => sum + file.scores.esp, 0) / scored.length) : null
    },
    pass: jsonFiles.every((file) => file.pass),
    reasons: jsonFiles.flatMap((file) => file.reasons.map((reason) => ({path: file.path, ...reason})))
  }
}

/** Serialised with a trailing newline; the CLI and the HTTP service both print this. */
export function stringifyReport(report: JsonReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}
