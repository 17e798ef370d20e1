/**
 * The messages between the service and its checking threads. A job carries
 * the bytes and the settings; a result is the serialised JSON report (so the
 * bytes sent are exactly what the CLI prints) or a one-line error.
 */
import type {FormatName, Language, SeverityOrOff} from '../types.js'
import type {FailOn} from '../config.js'

/** What one check needs: the same settings `trouw check` passes to the engine. */
export interface CheckJob {
  bytes: Uint8Array
  format: FormatName | null
  lang: Language | 'auto'
  rules: Record<string, SeverityOrOff>
  allow: string[]
  spell: boolean
  words: string[]
  /** The file name the request gave (`path` field, `X-Trouw-Path` header or `?path=`): names the file in the report, picks the format by extension when none is given (default: none, `<stdin>`). */
  path: string | null
  /** Fail on findings at this level or above, as `trouw check --fail-on` (default: warning). */
  failOn: FailOn
  /** Fail when the ESP score is below this, as `trouw check --min-esp` (default: none). */
  minEsp: number | null
  /** For an `.eml`: put its decoded parts in the report (`files[0].parts`), to show findings in them. */
  parts: boolean
  /** Test hook: crash the thread (honoured only when the service was started with test hooks on). */
  crash?: boolean
  /** Test hook: keep the thread busy this many milliseconds before checking (test hooks only). */
  hangMs?: number
  /** Test hook: hold this many MB of JavaScript objects in the thread before checking (test hooks only). */
  holdMb?: number
}

export type CheckOutcome =
  | {ok: true; report: string}
  /** `input`: an `InputError` (bad copy, 422); `internal`: anything else (500). */
  | {ok: false; kind: 'input' | 'internal'; message: string}
