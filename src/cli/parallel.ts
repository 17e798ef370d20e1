/**
 * `trouw check` over many files uses every core: files go to checking
 * threads (the service's pool, `src/server/pool.ts`, running
 * `./check-worker.js`), and each thread sends back what the reporters need:
 * the text, `file.data.trouw` and the messages as plain objects. The report
 * keeps the order of the file list (unified-engine's), whatever order the
 * threads finish in.
 *
 * Few files are checked in-process: a thread loads the engine again, which
 * costs more than it saves until there are a few dozen files per thread.
 */
import {distUrl} from '../package-root.js'
import {existsSync} from 'node:fs'
import {availableParallelism, loadavg} from 'node:os'
import {fileURLToPath} from 'node:url'
import type {VFile} from 'vfile'
import {VFileMessage} from 'vfile-message'
import {CheckPool} from '../server/pool.js'
import type {CheckOptions} from '../engine.js'
import {InputError, type TrouwData} from '../types.js'

/** What a thread is asked: check this file with these settings. */
export interface FileJob {
  path: string
  options: CheckOptions
}

/** A checked file as it crosses to the main thread (structured clone keeps no classes). */
export interface PlainFile {
  value: string
  trouw: TrouwData | undefined
  messages: Array<Record<string, unknown>>
}

export type FileOutcome =
  | {ok: true; file: PlainFile}
  | {ok: false; input: {path: string; message: string; line: number | undefined}}
  | {ok: false; message: string; input?: undefined}

/** The few fields of a checked file a report uses. */
export interface CheckedFile {
  value: VFile['value']
  data: {trouw?: TrouwData | undefined}
  messages: VFileMessage[]
}

/** Files per thread below which a thread does not pay for its start-up. */
const filesPerThread = 24

const workerUrl = distUrl('cli/check-worker.js')

/**
 * How many threads to use for `count` files: none (in-process) when that is
 * cheaper. A thread pays only on a core that would otherwise idle: it loads
 * the engine again and warms up its own compiled code, about a third more
 * CPU time over 400 emails, so on a machine whose cores are busy already
 * (load average at or above the core count) threads only add work. Measured
 * on 2 cores at load 13 to 15: 400 emails in-process 2.4 to 3.1 s CPU, with
 * two threads 3.5 to 4.1 s, in the same wall time. `TROUW_THREADS=N` sets
 * the number (0: never), for any count above one.
 */
export function threadsFor(count: number, env: NodeJS.ProcessEnv = process.env, load: number = loadavg()[0]): number {
  // Not built yet (tests run from the sources): no compiled worker to start.
  if (!existsSync(fileURLToPath(workerUrl))) return 0
  const wanted = env.TROUW_THREADS === undefined || env.TROUW_THREADS === '' ? undefined : Number(env.TROUW_THREADS)
  if (wanted !== undefined && Number.isInteger(wanted) && wanted >= 0) return count > 1 ? wanted : 0
  const cores = Math.max(1, availableParallelism())
  // Cores without work (all of them where the system reports no load average, as on Windows).
  const idle = cores - Math.max(0, load)
  // Two threads at least, or the main thread could as well check the files itself.
  if (idle < 1.5 || count < 2 * filesPerThread) return 0
  return Math.min(Math.round(idle), Math.floor(count / filesPerThread))
}

/**
 * What crosses back from a thread. The per-sentence figures stay behind: the
 * score was made from them already and no report shows them, and over a
 * folder of thousands of emails they were most of the memory.
 */
export function toPlainFile(file: VFile): PlainFile {
  const trouw = file.data.trouw
  return {
    value: String(file.value ?? ''),
    trouw: trouw && {...trouw, sentences: []},
    messages: file.messages.map((message) => {
      const {cause: _cause, ancestors: _ancestors, ...plain} = message as VFileMessage & {ancestors?: unknown}
      return plain as Record<string, unknown>
    })
  }
}

function fromPlainFile(plain: PlainFile): CheckedFile {
  return {
    value: plain.value,
    data: {trouw: plain.trouw},
    messages: plain.messages.map((fields) => Object.assign(Object.create(VFileMessage.prototype) as VFileMessage, fields, {stack: ''}))
  }
}

/** Checking threads for one run; `close` when the run is done. */
export class ParallelChecker {
  private readonly pool: CheckPool<FileJob, FileOutcome>

  constructor(threads: number) {
    this.pool = new CheckPool<FileJob, FileOutcome>({
      size: threads,
      worker: workerUrl,
      maxQueue: Infinity,
      jobTimeoutMs: 0,
      keepAlive: true
    })
  }

  async check(path: string, options: CheckOptions): Promise<CheckedFile> {
    const outcome = await this.pool.run({path, options})
    if (outcome.ok) return fromPlainFile(outcome.file)
    if (outcome.input) throw new InputError(outcome.input.path, outcome.input.message, outcome.input.line)
    throw new Error(outcome.message)
  }

  close(): Promise<void> {
    return this.pool.close()
  }
}
