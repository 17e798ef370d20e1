/** The JSON report (`--format json`), exactly the contract in DESIGN.md. */
import type {VFile} from 'vfile'
import type {JsonFile, JsonMessage, JsonReport, ScoreEvidence, Scores} from '../types.js'
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
  return jsonFileOf(file, options, file.messages.map(jsonMessageOf(file)))
}

/** Turns a finding of `file` into its JSON form. */
function jsonMessageOf(file: VFile): (message: VFile['messages'][number]) => JsonMessage {
  const source = {text: String(file.value ?? ''), format: file.data.trouw?.format}
  return (message) => toJsonMessage(message, source)
}

/** A file's JSON with the findings given (`toJsonFile`'s, or none while `JsonReportWriter` writes them one by one). */
function jsonFileOf(file: VFile, options: Readonly<JsonOptions> | undefined, messages: JsonMessage[]): JsonFileWithEvidence {
  const data = file.data.trouw
  const json: JsonFileWithEvidence = {
    path: file.path || '<stdin>',
    language: data?.language ?? 'en',
    format: data?.format ?? 'text',
    scores: data?.scores ?? emptyScores,
    phase: data?.phase ?? null,
    messages,
    evidence: data?.evidence ?? [],
    suggestions: data?.suggestions ?? [],
    scoreConfidence: data?.scoreConfidence ?? 0,
    pass: true,
    reasons: []
  }
  if (options?.parts && data?.parts) json.parts = data.parts
  const verdict = file.data.trouwVerdict ?? verdictOf(file)
  json.pass = verdict.pass
  json.reasons = verdict.reasons
  return json
}

export function toJsonReport(files: readonly VFile[], options?: Readonly<JsonOptions>): JsonReportWithVerdict {
  const jsonFiles = files.map((file) => toJsonFile(file, options))
  return {
    files: jsonFiles,
    summary: summarise(jsonFiles),
    pass: jsonFiles.every((file) => file.pass),
    reasons: jsonFiles.flatMap((file) => file.reasons.map((reason) => ({path: file.path, ...reason})))
  }
}

function summarise(jsonFiles: Iterable<Pick<JsonFile, 'messages' | 'scores'>>): JsonReport['summary'] {
  const tally = new SummaryTally()
  for (const file of jsonFiles) tally.add(file)
  return tally.summary()
}

/** The report's summary, counted a file at a time: files, findings by severity, the mean ESP of the scored files. */
class SummaryTally {
  private readonly counts = {files: 0, errors: 0, warnings: 0, infos: 0}
  private scored = 0
  private espSum = 0

  get files(): number {
    return this.counts.files
  }

  add(file: Pick<JsonFile, 'messages' | 'scores'>): void {
    this.addFile(file.messages, file.scores.esp)
  }

  /** A file's findings (their severities) and its ESP. */
  addFile(messages: ReadonlyArray<Pick<JsonMessage, 'severity'>>, esp: number): void {
    const counts = this.counts
    counts.files++
    for (const message of messages) {
      if (message.severity === 'error') counts.errors++
      else if (message.severity === 'warning') counts.warnings++
      else if (message.severity === 'info') counts.infos++
    }
    if (messages.length > 0 || esp > 0) {
      this.scored++
      this.espSum += esp
    }
  }

  summary(): JsonReport['summary'] {
    return {...this.counts, esp: this.scored > 0 ? Math.round(this.espSum / this.scored) : null}
  }
}

/**
 * Write the report a file at a time, the same text as
 * `stringifyReport(toJsonReport(files))`: over thousands of files the whole
 * report as one string (and its object tree) was most of the peak memory.
 */
export function writeJsonReport(files: readonly VFile[], write: (chunk: string) => void, options?: Readonly<JsonOptions>): void {
  const writer = new JsonReportWriter(write, options)
  for (const file of files) writer.add(file)
  writer.end()
}

/**
 * The JSON report written as files come (`add`), then `end`: the text of
 * `writeJsonReport`. Of each file it keeps what the summary and verdict
 * need (severities, score, reasons), not the file.
 */
export class JsonReportWriter {
  private readonly tally = new SummaryTally()
  private readonly reasons: JsonReportWithVerdict['reasons'] = []
  private pass = true

  constructor(
    private readonly write: (chunk: string) => void,
    private readonly options?: Readonly<JsonOptions>
  ) {}

  add(file: VFile): void {
    // The text of `indent(JSON.stringify(toJsonFile(file), null, 2), '    ')`, written a finding at a time:
    // a big file's findings as one string (twice, indented) and one object tree were most of its peak memory.
    const json = jsonFileOf(file, this.options, [])
    const severities: Array<Pick<JsonMessage, 'severity'>> = []
    let chunk = this.tally.files === 0 ? '{\n  "files": [\n    {' : ',\n    {'
    let first = true
    for (const [key, value] of Object.entries(json)) {
      // As JSON.stringify: a field whose value is undefined is left out.
      if (value === undefined) continue
      chunk += (first ? '' : ',') + '\n      ' + JSON.stringify(key) + ': '
      first = false
      if (key !== 'messages' || file.messages.length === 0) {
        chunk += indent(JSON.stringify(value, null, 2), '      ')
        continue
      }
      const toJson = jsonMessageOf(file)
      chunk += '['
      for (let index = 0; index < file.messages.length; index++) {
        const message = toJson(file.messages[index])
        severities.push({severity: message.severity})
        chunk += (index === 0 ? '\n        ' : ',\n        ') + indent(JSON.stringify(message, null, 2), '        ')
        if (chunk.length > writeChunk) {
          this.write(chunk)
          chunk = ''
        }
      }
      chunk += '\n      ]'
    }
    this.write(chunk + '\n    }')
    this.tally.addFile(severities, json.scores.esp)
    this.pass &&= json.pass
    for (const reason of json.reasons) this.reasons.push({path: json.path, ...reason})
  }

  end(): void {
    if (this.tally.files === 0) {
      this.write(stringifyReport(toJsonReport([], this.options)))
      return
    }
    this.write('\n  ],\n  "summary": ' + indent(JSON.stringify(this.tally.summary(), null, 2), '  '))
    this.write(',\n  "pass": ' + JSON.stringify(this.pass) + ',\n  "reasons": ' + indent(JSON.stringify(this.reasons, null, 2), '  ') + '\n}\n')
  }
}

/** Characters of a report written at once, at most (about): a big file's findings go out in chunks. */
const writeChunk = 1 << 16

/** Indent every line but the first of JSON text (newlines occur only between its tokens: strings escape theirs). */
function indent(json: string, by: string): string {
  return json.replace(/\n/g, '\n' + by)
}

/** Serialised with a trailing newline; the CLI and the HTTP service both print this. */
export function stringifyReport(report: JsonReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}
