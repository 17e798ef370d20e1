#!/usr/bin/env node
/**
 * The `trouw` command. Parses arguments, runs a sub-command, turns every
 * user-facing error into one line and exit code 2.
 */
import {InputError} from '../types.js'
import {UsageError, runCli, withSizeHint} from './run.js'

// The reader stopped reading (`trouw check … | head`): stop quietly, as other
// command-line tools do, instead of a stack trace about a broken pipe.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

// No top-level await: the bundler also writes this as a CommonJS script (scripts/bundle.js, ./code-cache.ts).
runCli(process.argv.slice(2), {
  // Made on first use: a check of files never touches stdin (opening it as a stream costs a few ms).
  get stdin() {
    return process.stdin
  },
  stdout: process.stdout,
  stderr: process.stderr
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof InputError || error instanceof UsageError) {
      process.stderr.write(`trouw: ${withSizeHint(String(error))}\n`)
    } else {
      process.stderr.write(`trouw: internal error: ${(error as Error)?.message ?? String(error)} (please report this)\n`)
      if (process.env.TROUW_DEBUG) process.stderr.write(String((error as Error)?.stack) + '\n')
    }
    process.exitCode = 2
  }
)
