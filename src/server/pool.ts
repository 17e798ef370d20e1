/**
 * A small, bounded pool of checking threads (node:worker_threads).
 *
 * - `size` threads, one job each at a time; jobs wait in a FIFO queue of at
 *   most `maxQueue` entries (beyond that `run` rejects with `PoolBusyError`).
 * - A thread that crashes or exits fails only its own job (`WorkerCrashError`)
 *   and is replaced; the other threads go on.
 * - A job that runs longer than `jobTimeoutMs` has its thread terminated
 *   (`JobTimeoutError`) and replaced, so a pathological input cannot hold a
 *   thread forever.
 *
 * The service runs `./worker.js` (bytes in, a JSON report out); `trouw check`
 * runs `../cli/check-worker.js` (a path in, the file's findings out) on the
 * same pool. A worker script answers `{id, outcome}` per job and posts
 * `{ready: true}` (or `{ready: false, error}`) once it has started.
 */
import {distUrl} from '../package-root.js'
import {Worker} from 'node:worker_threads'
import type {CheckJob, CheckOutcome} from './protocol.js'

export interface PoolOptions {
  /** The worker script (default: the service's, `./worker.js`). */
  worker?: URL | null
  /** Number of threads (default: 2). */
  size?: number | null
  /** Jobs that may wait for a thread (default: 256; `Infinity` for no bound). */
  maxQueue?: number | null
  /** Longest a job may run before its thread is replaced, in ms (default: 30000; 0 for no limit). */
  jobTimeoutMs?: number | null
  /** Honour the crash test hook in jobs (default: false). */
  testHooks?: boolean | null
  /** Keep the process alive while threads are running (default: false: the service's server does that). */
  keepAlive?: boolean | null
  /**
   * Largest old-generation heap of one thread in MB (default: none, V8's
   * own). A thread that needs more is ended by V8 and replaced; its job
   * fails with `WorkerMemoryError`.
   */
  maxHeapMb?: number | null
  /** Called with one line when a thread crashes or is replaced (default: none). */
  onEvent?: ((event: {event: string; detail?: string}) => void) | null
}

export class PoolBusyError extends Error {}
export class WorkerCrashError extends Error {}
/** A thread went past `maxHeapMb` and V8 ended it: the job needed more memory than a thread may have. */
export class WorkerMemoryError extends WorkerCrashError {}
export class JobTimeoutError extends Error {}
export class PoolClosedError extends Error {}

interface Pending<Job, Outcome> {
  id: number
  job: Job
  resolve: (outcome: Outcome) => void
  reject: (error: Error) => void
}

interface Slot<Job, Outcome> {
  worker: Worker
  current: Pending<Job, Outcome> | undefined
  timer: NodeJS.Timeout | undefined
  /** Warmed up: the job timeout starts only then, so a new thread's start-up is not held against a job. */
  ready: boolean
  /** A stand-in for a thread that died starting; takes no jobs. */
  dead?: boolean
}

const workerUrl = distUrl('server/worker.js')

export class CheckPool<Job = CheckJob, Outcome = CheckOutcome> {
  readonly size: number
  private readonly workerUrl: URL
  private readonly maxQueue: number
  private readonly jobTimeoutMs: number
  private readonly testHooks: boolean
  private readonly keepAlive: boolean
  private readonly maxHeapMb: number | undefined
  private readonly onEvent: PoolOptions['onEvent']
  private readonly slots: Array<Slot<Job, Outcome>> = []
  private readonly queue: Array<Pending<Job, Outcome>> = []
  private nextId = 1
  private closed = false
  /** Threads replaced after a crash or timeout since the start. */
  replaced = 0
  /** Resolves once every first thread has loaded the rules and both languages. */
  readonly ready: Promise<void>
  private readyThreads = 0
  private started = false
  private markReady: () => void = () => {}
  private failReady: (error: Error) => void = () => {}

  constructor(options?: Readonly<PoolOptions> | null) {
    this.size = Math.max(1, Math.floor(options?.size ?? 2))
    this.workerUrl = options?.worker ?? workerUrl
    this.maxQueue = Math.max(0, Math.floor(options?.maxQueue ?? 256))
    this.jobTimeoutMs = options?.jobTimeoutMs ?? 30_000
    this.testHooks = Boolean(options?.testHooks)
    this.keepAlive = Boolean(options?.keepAlive)
    this.maxHeapMb = options?.maxHeapMb ?? undefined
    this.onEvent = options?.onEvent
    this.ready = new Promise<void>((resolve, reject) => {
      this.markReady = () => {
        this.started = true
        resolve()
      }
      this.failReady = reject
    })
    this.ready.catch(() => {})
    for (let index = 0; index < this.size; index++) this.slots.push(this.spawn())
  }

  /** Jobs running and waiting. */
  get load(): {running: number; queued: number} {
    return {running: this.slots.filter((slot) => slot.current).length, queued: this.queue.length}
  }

  /** Run a job on the next free thread. */
  run(job: Job): Promise<Outcome> {
    if (this.closed) return Promise.reject(new PoolClosedError('the service is shutting down'))
    return new Promise<Outcome>((resolve, reject) => {
      const pending: Pending<Job, Outcome> = {id: this.nextId++, job, resolve, reject}
      const free = this.slots.find((slot) => !slot.current && !slot.dead)
      if (free) this.start(free, pending)
      else if (this.queue.length >= this.maxQueue) reject(new PoolBusyError('too many checks waiting'))
      else this.queue.push(pending)
    })
  }

  /** Stop every thread; jobs still waiting are rejected. */
  async close(): Promise<void> {
    this.closed = true
    for (const pending of this.queue.splice(0)) pending.reject(new PoolClosedError('the service is shutting down'))
    await Promise.all(this.slots.map((slot) => slot.worker.terminate()))
  }

  private spawn(): Slot<Job, Outcome> {
    const worker = new Worker(this.workerUrl, {
      workerData: {testHooks: this.testHooks},
      ...(this.maxHeapMb ? {resourceLimits: {maxOldGenerationSizeMb: this.maxHeapMb}} : {})
    })
    const slot: Slot<Job, Outcome> = {worker, current: undefined, timer: undefined, ready: false}
    if (!this.keepAlive) worker.unref()
    worker.on('message', (message: {id: number; outcome: Outcome; ready?: boolean; error?: string}) => {
      if (message.ready === true) {
        slot.ready = true
        if (slot.current) this.armTimer(slot)
        if (++this.readyThreads >= this.size) this.markReady()
        return
      }
      if (message.ready === false) {
        this.failReady(new Error(`a checking thread could not start: ${message.error}`))
        return
      }
      const pending = slot.current
      if (!pending || pending.id !== message.id) return
      this.finish(slot)
      pending.resolve(message.outcome)
      this.next(slot)
    })
    worker.on('error', (error: Error & {code?: string}) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.lose(slot, new WorkerMemoryError(`the check needed more than the ${this.maxHeapMb ?? 'V8'} MB heap of a checking thread`))
      } else {
        this.lose(slot, new WorkerCrashError(`checking thread crashed: ${error.message}`))
      }
    })
    worker.on('exit', (code) => this.lose(slot, new WorkerCrashError(`checking thread exited with code ${code}`)))
    return slot
  }

  private start(slot: Slot<Job, Outcome>, pending: Pending<Job, Outcome>): void {
    slot.current = pending
    if (slot.ready) this.armTimer(slot)
    slot.worker.postMessage({id: pending.id, job: pending.job})
  }

  private armTimer(slot: Slot<Job, Outcome>): void {
    if (this.jobTimeoutMs <= 0 || slot.timer) return
    slot.timer = setTimeout(() => {
      this.lose(slot, new JobTimeoutError(`the check took longer than ${this.jobTimeoutMs} ms`))
    }, this.jobTimeoutMs)
  }

  private finish(slot: Slot<Job, Outcome>): void {
    if (slot.timer) clearTimeout(slot.timer)
    slot.timer = undefined
    slot.current = undefined
  }

  private next(slot: Slot<Job, Outcome>): void {
    const pending = this.queue.shift()
    if (pending) this.start(slot, pending)
  }

  /** A thread crashed, exited or timed out: fail its job, replace it, go on with the queue. */
  private lose(slot: Slot<Job, Outcome>, error: Error): void {
    const index = this.slots.indexOf(slot)
    if (index === -1) return
    const pending = slot.current
    this.finish(slot)
    slot.worker.removeAllListeners()
    slot.worker.on('error', () => {})
    void slot.worker.terminate()
    if (this.closed) {
      this.slots.splice(index, 1)
      pending?.reject(error)
      return
    }
    const event = error instanceof JobTimeoutError ? 'thread-timeout' : error instanceof WorkerMemoryError ? 'thread-out-of-memory' : 'thread-crash'
    this.onEvent?.({event, detail: error.message})
    pending?.reject(error)
    if (!slot.ready && !this.started) {
      // A first thread that cannot even start (a broken install): fail the start, do not loop.
      this.slots.splice(index, 1)
      this.failReady(error)
      return
    }
    this.replaced++
    if (slot.ready) {
      this.replace(index)
      return
    }
    // A replacement that died before it was ready: wait a second before the next one.
    const placeholder: Slot<Job, Outcome> = {...slot, current: undefined, timer: undefined, ready: false, dead: true}
    this.slots[index] = placeholder
    setTimeout(() => {
      const at = this.slots.indexOf(placeholder)
      if (at !== -1 && !this.closed) this.replace(at)
    }, 1000).unref()
  }

  private replace(index: number): void {
    const replacement = this.spawn()
    this.slots[index] = replacement
    this.next(replacement)
  }
}
