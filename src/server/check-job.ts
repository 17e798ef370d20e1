/**
 * Run one check job: the engine with the job's settings, serialised exactly
 * as `trouw check --format json` prints it, with the verdict (`pass`,
 * `reasons`) by the job's `failOn` and `minEsp`. Used by the checking threads
 * (and in-thread when the pool has no threads).
 */
import {check} from '../engine.js'
import {stringifyReport, toJsonReport} from '../report/json.js'
import {InputError} from '../types.js'
import type {CheckJob, CheckOutcome} from './protocol.js'

export async function runCheckJob(job: Readonly<CheckJob>): Promise<CheckOutcome> {
  try {
    const file = await check(job.bytes, {
      path: job.path,
      format: job.format,
      lang: job.lang,
      rules: job.rules,
      allow: job.allow,
      spell: job.spell,
      words: job.words,
      parts: job.parts,
      // The JSON report shows no per-sentence figures: a big body is scored batch by batch, as the CLI does.
      sentences: false
    })
    file.data.trouwGate = {failOn: job.failOn, minEsp: job.minEsp}
    return {ok: true, report: stringifyReport(toJsonReport([file], {parts: job.parts}))}
  } catch (error) {
    if (error instanceof InputError) return {ok: false, kind: 'input', message: describeInputError(error)}
    return {ok: false, kind: 'internal', message: (error as Error)?.message ?? String(error)}
  }
}

/**
 * An `InputError` as one line about the request body: the CLI puts the path
 * before "is empty…", the service puts "the copy".
 */
function describeInputError(error: InputError): string {
  const message = /^(?:is|has|cannot|contains)\b/.test(error.message) ? `the copy ${error.message}` : error.message
  return error.line ? `line ${error.line}: ${message}` : message
}
