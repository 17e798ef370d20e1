/**
 * Runs analyses off the server's thread. Two lanes, each a worker thread
 * started on first use: small documents (the usual email or page) share one,
 * so they stay fast while a large document is checked in the other. A run on
 * the large lane that went stale is stopped by ending its worker (the engine
 * runs synchronously once started, so there is nothing else to interrupt).
 *
 * Without worker threads (or with `inline`), analyses run on the calling
 * thread, one after the other.
 */
import {distUrl} from '../package-root.js'
import {Worker} from 'node:worker_threads'
import {analyse, type Analysis, type AnalysisRequest} from './analysis.js'

/** Thrown (as a rejection) for a run that was stopped because a newer version came in. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled')
    this.name = 'CancelledError'
  }
}

export interface CheckerOptions {
  /** Documents with more characters than this go to the large lane (default: 200 000). */
  largeAt?: number | null
  /** Run on the calling thread instead of in workers (default: false). */
  inline?: boolean | null
  /** Where problems with the worker threads are reported (default: ignore them). */
  log?: ((line: string) => void) | null
}

interface Pending {
  uri: string
  resolve: (analysis: Analysis) => void
  reject: (error: Error) => void
}

const workerUrl = distUrl('lsp/worker.js')

/** One worker thread and the runs sent to it. */
class Lane {
  private worker: Worker | undefined
  private readonly pending = new Map<number, Pending>()
  private nextId = 1

  constructor(
    private readonly name: string,
    private readonly log: (line: string) => void
  ) {}

  run(request: AnalysisRequest): Promise<Analysis> {
    const worker = this.start()
    const id = this.nextId++
    return new Promise<Analysis>((resolve, reject) => {
      this.pending.set(id, {uri: request.uri, resolve, reject})
      worker.postMessage({id, request})
    })
  }

  /** Whether a run for `uri` is waiting on this lane. */
  busyWith(uri: string): boolean {
    for (const pending of this.pending.values()) if (pending.uri === uri) return true
    return false
  }

  /** End the worker: every run on it is rejected with `error`. */
  stop(error: Error = new CancelledError()): void {
    const worker = this.worker
    this.worker = undefined
    const pending = [...this.pending.values()]
    this.pending.clear()
    for (const run of pending) run.reject(error)
    if (worker) void worker.terminate()
  }

  private start(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(workerUrl)
    worker.unref()
    worker.on('message', (reply: {id: number; analysis?: Analysis; error?: string}) => {
      const run = this.pending.get(reply.id)
      if (!run) return
      this.pending.delete(reply.id)
      if (reply.analysis) run.resolve(reply.analysis)
      else run.reject(new Error(reply.error ?? 'the check failed'))
    })
    worker.on('error', (error) => {
      if (this.worker !== worker) return
      this.log(`trouw: the ${this.name} checking thread failed: ${error.message}; it restarts on the next check`)
      this.stop(error)
    })
    worker.on('exit', (code) => {
      if (this.worker !== worker) return
      this.log(`trouw: the ${this.name} checking thread stopped (exit code ${code}); it restarts on the next check`)
      this.stop(new Error(`the checking thread stopped (exit code ${code})`))
    })
    this.worker = worker
    return worker
  }
}

export class Checker {
  private readonly largeAt: number
  private inline: boolean
  private readonly log: (line: string) => void
  private readonly small: Lane
  private readonly large: Lane
  private inlineQueue: Promise<unknown> = Promise.resolve()

  constructor(options?: Readonly<CheckerOptions> | null) {
    this.largeAt = options?.largeAt ?? 200_000
    this.inline = Boolean(options?.inline)
    this.log = options?.log ?? (() => {})
    this.small = new Lane('small-document', this.log)
    this.large = new Lane('large-document', this.log)
  }

  /** Whether `text` counts as large (checked on its own lane, debounced longer). */
  isLarge(text: string): boolean {
    return text.length > this.largeAt
  }

  /** Analyse a document version. Rejects with `CancelledError` when `cancel` stopped it. */
  check(request: AnalysisRequest): Promise<Analysis> {
    if (this.inline) {
      const run = this.inlineQueue.then(() => analyse(request))
      this.inlineQueue = run.catch(() => undefined)
      return run
    }
    try {
      return (this.isLarge(request.text) ? this.large : this.small).run(request)
    } catch (error) {
      // No worker threads here (a sandbox, a bundler): check on this thread from now on.
      this.log(`trouw: cannot start a checking thread (${(error as Error).message}); checking on the server's thread`)
      this.inline = true
      return this.check(request)
    }
  }

  /**
   * Start the small-document thread and have it load the rules and the
   * English and Dutch pipelines, so the first real document is checked warm.
   */
  warm(): void {
    if (this.inline) return
    for (const [lang, text] of [['nl', 'Welkom terug.'], ['en', 'Welcome back.']] as const) {
      this.check({uri: `trouw-warm:${lang}`, version: 0, text, options: {format: 'text', lang}}).catch(() => undefined)
    }
  }

  /** Stop a large document's run for `uri` (small runs finish quickly and are superseded instead). */
  cancel(uri: string): void {
    if (this.large.busyWith(uri)) this.large.stop()
  }

  dispose(): void {
    this.small.stop()
    this.large.stop()
  }
}
