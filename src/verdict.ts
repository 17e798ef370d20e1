/**
 * Whether a checked file passes the gate it was checked with, and why not:
 * findings at `failOn` or above, or an ESP score below `minEsp`. One place
 * decides it, so the CLI's exit code, every report format and the HTTP
 * service's `pass` cannot disagree.
 */
import type {VFile} from 'vfile'
import type {FailOn} from './config.js'
import type {Severity} from './types.js'

/** The settings a verdict depends on (defaults: fail on warnings, no minimum score). */
export interface Gate {
  failOn?: FailOn | null
  minEsp?: number | null
}

/** Why a file fails; `ruleId` is the gate's own id in reports (`trouw/fail-on`, `trouw/min-esp`). */
export type VerdictReason =
  | {ruleId: 'trouw/fail-on'; message: string; failOn: Exclude<FailOn, 'never'>; count: number}
  | {ruleId: 'trouw/min-esp'; message: string; esp: number; minEsp: number}

export interface Verdict {
  pass: boolean
  reasons: VerdictReason[]
}

export const minEspRuleId = 'trouw/min-esp'
export const failOnRuleId = 'trouw/fail-on'

const levels: Record<Severity, number> = {info: 0, warning: 1, error: 2}

/** The gate a file was given (the service's request, or `trouw check`'s flags and config), else the defaults. */
export function gateOf(file: VFile): Gate {
  return file.data.trouwGate ?? file.data.trouwSettings ?? {}
}

/** The verdict on one file. */
export function verdictOf(file: VFile, gate: Readonly<Gate> = gateOf(file)): Verdict {
  const reasons: VerdictReason[] = []
  const failOn = gate.failOn ?? 'warning'
  if (failOn !== 'never') {
    const count = file.messages.filter((message) => message.category !== 'notice' && levels[(message.severity as Severity | undefined) ?? 'info'] >= levels[failOn]).length
    if (count > 0) {
      const what = failOn === 'info' ? 'any level' : `${failOn} level${failOn === 'error' ? '' : ' or above'}`
      reasons.push({ruleId: failOnRuleId, message: `${count} finding${count === 1 ? '' : 's'} at ${what} (fail on ${failOn})`, failOn, count})
    }
  }
  const minEsp = gate.minEsp ?? undefined
  if (minEsp !== undefined) {
    const esp = file.data.trouw?.scores?.esp ?? 0
    if (esp < minEsp) {
      reasons.push({ruleId: minEspRuleId, message: `ESP score ${esp} is below the minimum of ${minEsp}: raise the score (see the suggestions) or lower the minimum`, esp, minEsp})
    }
  }
  return {pass: reasons.length === 0, reasons}
}

declare module 'vfile' {
  interface DataMap {
    /** The gate this file is judged by (`failOn`, `minEsp`), set by the CLI and the service. */
    trouwGate: Gate
    /** The verdict taken before a report left messages out (`--quiet`); reports use it when set. */
    trouwVerdict: Verdict
  }
}

/** The `trouw/min-esp` reason among `reasons`, if the score gate failed. */
export function minEspReason(reasons: readonly VerdictReason[]): Extract<VerdictReason, {ruleId: 'trouw/min-esp'}> | undefined {
  return reasons.find((reason): reason is Extract<VerdictReason, {ruleId: 'trouw/min-esp'}> => reason.ruleId === minEspRuleId)
}
