/**
 * The language server's checking thread: requests in, analyses out, so a
 * long check never blocks the server's replies (hovers, code actions).
 */
import {parentPort} from 'node:worker_threads'
import {analyse, type AnalysisRequest} from './analysis.js'

interface Job {
  id: number
  request: AnalysisRequest
}

parentPort?.on('message', (job: Job) => {
  analyse(job.request).then(
    (analysis) => parentPort!.postMessage({id: job.id, analysis}),
    (error: unknown) => parentPort!.postMessage({id: job.id, error: String((error as Error)?.message ?? error)})
  )
})
