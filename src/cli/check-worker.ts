/**
 * A checking thread of `trouw check` over many files: a path and settings
 * in, the file's findings out (see `./parallel.ts`), one file at a time.
 */
import {parentPort} from 'node:worker_threads'
import {checkFile} from '../check-file.js'
import {InputError} from '../types.js'
import {toPlainFile, type FileJob, type FileOutcome} from './parallel.js'

async function run(job: FileJob): Promise<FileOutcome> {
  try {
    return {ok: true, file: toPlainFile(await checkFile(job.path, job.options))}
  } catch (error) {
    if (error instanceof InputError) return {ok: false, input: {path: error.path, message: error.message, line: error.line}}
    return {ok: false, message: (error as Error)?.message ?? String(error)}
  }
}

parentPort?.on('message', (message: {id: number; job: FileJob}) => {
  void run(message.job).then((outcome) => parentPort!.postMessage({id: message.id, outcome}))
})
parentPort?.postMessage({ready: true})
