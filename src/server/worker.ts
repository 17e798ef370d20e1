/**
 * A checking thread of the service: jobs in, serialised reports out, one at
 * a time, so a long check holds one thread and never the HTTP loop.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {runCheckJob} from './check-job.js'
import type {CheckJob} from './protocol.js'

const testHooks = Boolean((workerData as {testHooks?: boolean} | undefined)?.testHooks)

parentPort?.on('message', (message: {id: number; job: CheckJob}) => {
  if (message.job.crash && testHooks) {
    // Test hook: an uncaught exception ends the thread, as a bug in a check would.
    setImmediate(() => {
      throw new Error('test hook: checking thread crashed on purpose')
    })
    return
  }
  if (message.job.hangMs && testHooks) {
    // Test hook: a check that takes too long, whatever the machine's speed.
    const until = Date.now() + message.job.hangMs
    while (Date.now() < until) {
      // Busy on purpose: the pool's check timeout must end this thread.
    }
  }
  const held: number[][] = []
  if (message.job.holdMb && testHooks) {
    // Test hook: a check that needs more memory than a thread may have. Small
    // arrays, kept until the check ends: they are promoted to the old
    // generation, which the pool caps (`maxHeapMb`).
    for (let mb = 0; mb < message.job.holdMb; mb++) {
      for (let index = 0; index < 1024; index++) held.push(new Array<number>(120).fill(mb + index / 1e6))
    }
  }
  void runCheckJob(message.job).then((outcome) => {
    held.length = 0
    parentPort!.postMessage({id: message.id, outcome})
  })
})

// Warm up: load the rules and build both languages' processors before the first request.
void Promise.all([
  runCheckJob({bytes: new TextEncoder().encode('Warm up.'), format: 'text', lang: 'en', rules: {}, allow: [], spell: false, words: [], parts: false, path: null, failOn: 'warning', minEsp: null}),
  runCheckJob({bytes: new TextEncoder().encode('Opwarmen.'), format: 'text', lang: 'nl', rules: {}, allow: [], spell: false, words: [], parts: false, path: null, failOn: 'warning', minEsp: null})
]).then(
  (outcomes) => {
    const failed = outcomes.find((outcome) => !outcome.ok)
    parentPort?.postMessage(failed && !failed.ok ? {ready: false, error: failed.message} : {ready: true})
  },
  (error: unknown) => parentPort?.postMessage({ready: false, error: String((error as Error)?.message ?? error)})
)
