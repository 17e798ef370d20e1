/**
 * The state of `trouw review`, outside React so it can be tested without a
 * screen: the file's text, its findings (from the engine, checked again after
 * every edit so later positions are right), where the writer is, the history
 * for undo, and what is saved. Every method returns when the new state is
 * ready; `snapshot()` is the plain data the screen draws.
 */
import {readFile} from 'node:fs/promises'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {check, type CheckOptions} from '../engine.js'
import {extract} from '../formats/index.js'
import {applyEdit, canIgnoreInline, planIgnore, planFix, planRewrite, type Edit, type Span} from '../fix.js'
import {InputError, type FormatName, type Language, type Place, type Severity} from '../types.js'
import {writeFileAtomic, type AtomicWriteOptions} from './save.js'
import {readInput} from '../check-file.js'

/** A finding the writer can act on: a place in the file and what to write instead. */
export interface ReviewFinding extends Place {
  ruleId: string
  category: string
  severity: Severity
  reason: string
  actual: string
  /**
   * What can be applied: the fixes first (`expected`, no duplicates; `''`
   * removes the span), then the sentence suggestions; at most three in all.
   * `a` applies a fix at once; a suggestion only after it is chosen by its
   * number (it is never applied with one key).
   */
  suggestions: string[]
  /** For each of `suggestions`: a fix of the span or a rewrite of the sentence. */
  kinds: Array<'fix' | 'suggestion'>
  /** The sentence a suggestion replaces (source offsets). */
  rewrites: Span | null
  /** The rule's advice (the message's note). */
  note: string | null
  /** The sentence the finding is in, when the engine read one there. */
  sentence: Span | null
}

/** What the writer sees after applying the chosen suggestion: the changed line. */
export interface Preview {
  before: string
  inserted: string
  after: string
  /** The text the edit takes out when it is more than the flagged span (a sentence rewrite); else `null`. */
  replaced: string | null
}

export type ReviewMode = 'review' | 'confirm-quit' | 'closed'

/** Everything the review screen draws. */
export interface ReviewSnapshot {
  path: string
  format: FormatName
  language: Language
  esp: number
  findings: readonly ReviewFinding[]
  /** The finding shown; `findings.length` when the walk is done. */
  index: number
  /** The chosen suggestion of the current finding (0-based). */
  choice: number
  current: ReviewFinding | null
  /** Source lines around the current finding: `[number, text]`, the finding's line included. */
  context: Array<[number, string]>
  preview: Preview | null
  /** Whether `i` can add an inline ignore comment (Markdown, HTML, MJML). */
  canIgnore: boolean
  canUndo: boolean
  /** Whether the text differs from the file on disk. */
  dirty: boolean
  mode: ReviewMode
  /** One line about the last action (`applied`, `saved`, a problem). */
  notice: string | null
  /** Edits applied so far (undos subtract). */
  applied: number
  /** Whether the file was saved at least once. */
  saved: boolean
}

export interface ReviewOptions {
  /** Options for the engine: language, rules, allow, spelling (default: trouw's defaults). */
  check?: Readonly<CheckOptions> | null
  /** File system calls for saving, for tests (default: `node:fs/promises`). */
  save?: Readonly<AtomicWriteOptions> | null
}

interface State {
  text: string
  file: VFile
  findings: ReviewFinding[]
  index: number
}

const contextLines = 1
const byteOrderMark = '\uFEFF'

export class ReviewSession {
  /** Open a file for review: read it, check it. Throws `InputError` for a missing, unreadable or `.eml` file. */
  static async open(path: string, options?: Readonly<ReviewOptions> | null): Promise<ReviewSession> {
    const bytes = await readInput(path, '`trouw review` takes one file')
    const checkOptions: CheckOptions = {...options?.check, path}
    const file = await check(bytes, checkOptions)
    const format = file.data.trouw?.format ?? 'text'
    if (format === 'eml') {
      throw new InputError(path, 'is an e-mail (.eml): its parts are encoded, so review cannot edit them; review the HTML, MJML or text it was made from')
    }
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
    const session = new ReviewSession(path, String(file.value), file, checkOptions, bom, options?.save ?? null)
    session.onDisk = Buffer.from(bytes)
    return session
  }

  readonly path: string
  private state: State
  private readonly history: State[] = []
  private savedText: string
  private mode: ReviewMode = 'review'
  private notice: string | null = null
  private choice = 0
  /** Whether the writer chose an option by its number (a suggestion needs that). */
  private chosen = false
  private wasSaved = false
  /** The bytes the file had when it was read or last saved, to notice edits made elsewhere. */
  private onDisk: Buffer = Buffer.alloc(0)
  /** Set after a warning that the file changed on disk: the next save overwrites it. */
  private overwrite = false
  private readonly checkOptions: CheckOptions
  private readonly bom: boolean
  private readonly saveOptions: Readonly<AtomicWriteOptions> | null

  private constructor(path: string, text: string, file: VFile, checkOptions: CheckOptions, bom: boolean, saveOptions: Readonly<AtomicWriteOptions> | null) {
    this.path = path
    this.checkOptions = checkOptions
    this.bom = bom
    this.saveOptions = saveOptions
    this.savedText = text
    this.state = {text, file, findings: findingsOf(file), index: 0}
  }

  /** The current text (with edits not yet saved). */
  get text(): string {
    return this.state.text
  }

  get current(): ReviewFinding | null {
    return this.state.findings[this.state.index] ?? null
  }

  /** Choose among the current finding's suggestions (0-based); out of range is ignored. */
  choose(choice: number): void {
    const current = this.current
    if (!current || choice < 0 || choice >= current.suggestions.length) return
    this.choice = choice
    this.chosen = true
    this.notice = null
  }

  /** Apply the chosen (or given) suggestion, check again, and go to the next finding after the edit. */
  async apply(choice?: number): Promise<void> {
    const current = this.current
    if (!current) return
    if (choice !== undefined) this.choose(choice)
    const edit = this.planCurrent()
    if (!edit) {
      const current = this.current
      this.notice = current && current.suggestions.length > 0
        ? 'a suggestion rewrites the sentence: choose it by its number (1-3) first'
        : 'no fix for this one: edit it by hand, skip it (s) or ignore it (i)'
      return
    }
    await this.edit(edit, edit.start + edit.insert.length)
    this.notice = `applied: ${current.ruleId}`
  }

  /** Go to the next finding. */
  skip(): void {
    if (this.state.index >= this.state.findings.length) return
    this.state = {...this.state, index: this.state.index + 1}
    this.choice = 0
    this.chosen = false
    this.notice = null
  }

  /** Go back to the previous finding. */
  back(): void {
    if (this.state.index === 0) return
    this.state = {...this.state, index: this.state.index - 1}
    this.choice = 0
    this.chosen = false
    this.notice = null
  }

  /** Insert `<!--trouw ignore rule-id-->` before the current finding's block (Markdown, HTML, MJML). */
  async ignore(): Promise<void> {
    const current = this.current
    if (!current) return
    const format = this.format
    if (!canIgnoreInline(format)) {
      this.notice = `${format === 'text' ? 'plain text' : format} has no inline comments: skip it (s), or allow the rule in .trouwrc`
      return
    }
    const extracted = await extract(this.state.text, {path: this.path, format})
    const edit = planIgnore(this.state.text, format, extracted.blocks, current.offset, current.ruleId)
    if (!edit) {
      this.notice = `no safe place for an inline comment here: add <!--trouw ignore ${current.ruleId}--> by hand`
      return
    }
    await this.edit(edit, current.offset + edit.insert.length)
    const still = this.state.findings.some((finding) => finding.ruleId === current.ruleId && finding.offset === current.offset + edit.insert.length)
    this.notice = still ? `added the comment, but ${current.ruleId} is still reported here: check the comment` : `ignored ${current.ruleId} in this block`
  }

  /** Restore the text (and place) before the last edit. */
  undo(): void {
    const previous = this.history.pop()
    if (!previous) {
      this.notice = 'nothing to undo'
      return
    }
    this.state = previous
    this.choice = 0
    this.chosen = false
    this.notice = 'undone'
  }

  /** Save the text atomically. Problems become the notice; the file on disk stays as it was. */
  async save(): Promise<boolean> {
    if (!this.dirty) {
      this.notice = 'no changes to save'
      return true
    }
    const current = await readFile(this.path).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? null : undefined))
    if (current === null && !this.overwrite) {
      // Deleted or moved away meanwhile: say so rather than make it again unasked.
      this.overwrite = true
      this.notice = `${this.path} was deleted or moved since review read it: w again saves it there anyway, q then n leaves it gone`
      return false
    }
    if (current && !current.equals(this.onDisk) && !this.overwrite) {
      this.overwrite = true
      this.notice = `${this.path} was changed by another program since review read it: w again overwrites those changes, q then n keeps them`
      return false
    }
    const content = (this.bom ? byteOrderMark : '') + this.state.text
    try {
      await writeFileAtomic(this.path, content, this.saveOptions)
    } catch (error) {
      this.notice = error instanceof InputError ? String(error) : `could not save: ${(error as Error).message}`
      return false
    }
    this.onDisk = Buffer.from(content, 'utf8')
    this.overwrite = false
    this.savedText = this.state.text
    this.wasSaved = true
    this.notice = `saved ${this.path}`
    return true
  }

  /** Quit: at once when everything is saved, else ask first. */
  quit(): void {
    this.mode = this.dirty ? 'confirm-quit' : 'closed'
  }

  /** Answer the save-before-quit question: save and quit, quit without saving, or go back. */
  async answerQuit(answer: 'save' | 'discard' | 'cancel'): Promise<void> {
    if (this.mode !== 'confirm-quit') return
    if (answer === 'cancel') {
      this.mode = 'review'
      this.notice = null
      return
    }
    if (answer === 'save' && !(await this.save())) {
      this.mode = 'review'
      return
    }
    this.mode = 'closed'
  }

  get dirty(): boolean {
    return this.state.text !== this.savedText
  }

  get closed(): boolean {
    return this.mode === 'closed'
  }

  /** Reviewing, asking whether to save before quitting, or closed. */
  get screen(): ReviewMode {
    return this.mode
  }

  get format(): FormatName {
    return this.state.file.data.trouw?.format ?? 'text'
  }

  snapshot(): ReviewSnapshot {
    const {findings, index, text, file} = this.state
    const current = findings[index] ?? null
    const edit = current ? this.planCurrent() : undefined
    return {
      path: this.path,
      format: this.format,
      language: file.data.trouw?.language ?? 'en',
      esp: file.data.trouw?.scores?.esp ?? 0,
      findings,
      index,
      choice: this.choice,
      current,
      context: current ? contextOf(text, current.line, contextLines) : [],
      preview: edit && current ? previewOf(text, edit, current) : null,
      canIgnore: canIgnoreInline(this.format),
      canUndo: this.history.length > 0,
      dirty: this.dirty,
      mode: this.mode,
      notice: this.notice,
      applied: this.history.length,
      saved: this.wasSaved
    }
  }

  private planCurrent(): Edit | undefined {
    const current = this.current
    if (!current || current.suggestions.length === 0) return undefined
    const choice = Math.min(this.choice, current.suggestions.length - 1)
    const suggestion = current.suggestions[choice]
    if (current.kinds[choice] === 'suggestion') {
      if (!this.chosen || !current.rewrites) return undefined
      return planRewrite(this.state.text, current.rewrites, suggestion, {format: this.format})
    }
    return planFix(this.state.text, current, suggestion, {format: this.format})
  }

  /** Apply an edit, check the new text with the same options, and go to the first finding at or after `cursor`. */
  private async edit(edit: Edit, cursor: number): Promise<void> {
    const text = applyEdit(this.state.text, edit)
    const file = await check(text, this.checkOptions)
    const findings = findingsOf(file)
    let index = findings.findIndex((finding) => finding.offset >= cursor)
    if (index === -1) index = findings.length
    this.history.push(this.state)
    this.state = {text, file, findings, index}
    this.choice = 0
    this.chosen = false
  }
}

/** The fixes, then the suggestions, of a message (at most three), with what each is. */
function optionsOf(message: VFileMessage): Pick<ReviewFinding, 'suggestions' | 'kinds' | 'rewrites' | 'note'> {
  const fixes = [...new Set(message.expected ?? [])]
  const place = message.sentencePlace
  const rewrites = place?.start.offset !== undefined && place.end.offset !== undefined ? {offset: place.start.offset, endOffset: place.end.offset} : null
  const suggestions = rewrites ? (message.suggestions ?? []).map((suggestion) => suggestion.text) : []
  const all = [...fixes, ...suggestions].slice(0, 3)
  return {
    suggestions: all,
    kinds: all.map((_, index) => (index < fixes.length ? 'fix' : 'suggestion')),
    rewrites,
    note: message.note ?? null
  }
}

/** The findings of a checked file that point into its text (not notices, not `.eml` parts). */
export function findingsOf(file: VFile): ReviewFinding[] {
  const sentences = file.data.trouw?.sentences ?? []
  const findings: ReviewFinding[] = []
  for (const message of file.messages) {
    if (message.category === 'notice' || message.part) continue
    const place = message.place && 'start' in message.place ? message.place : undefined
    if (!place || place.start.offset === undefined) continue
    const offset = place.start.offset
    const endOffset = place.end.offset ?? offset
    const sentence = sentences.find((item) => !item.part && item.place && item.place.offset <= offset && item.place.endOffset >= endOffset)
    findings.push({
      ruleId: String(message.ruleId),
      category: String(message.category ?? ''),
      severity: severityOf(message),
      reason: message.reason,
      actual: message.actual ?? '',
      ...optionsOf(message),
      line: place.start.line,
      column: place.start.column,
      endLine: place.end.line,
      endColumn: place.end.column,
      offset,
      endOffset,
      sentence: sentence?.place ? {offset: sentence.place.offset, endOffset: sentence.place.endOffset} : null
    })
  }
  return findings
}

function severityOf(message: VFileMessage): Severity {
  return message.severity ?? (message.fatal ? 'error' : message.fatal === false ? 'warning' : 'info')
}

/** Lines `line - around` to `line + around` (1-based), as `[number, text]`. */
function contextOf(text: string, line: number, around: number): Array<[number, string]> {
  const lines = text.split(/\r?\n|\r/)
  const result: Array<[number, string]> = []
  for (let number = Math.max(1, line - around); number <= Math.min(lines.length, line + around); number++) {
    result.push([number, lines[number - 1]])
  }
  return result
}

/** The line(s) an edit touches, as they would read after it. */
function previewOf(text: string, edit: Edit, span: Span): Preview {
  const lineStart = Math.max(text.lastIndexOf('\n', edit.start - 1) + 1, 0)
  let lineEnd = text.indexOf('\n', edit.end)
  if (lineEnd === -1) lineEnd = text.length
  return {
    before: text.slice(lineStart, edit.start).replace(/\r$/, ''),
    inserted: edit.insert,
    after: text.slice(edit.end, lineEnd).replace(/\r$/, ''),
    replaced: edit.start < span.offset || edit.end > span.endOffset ? text.slice(edit.start, edit.end) : null
  }
}
