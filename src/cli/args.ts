/**
 * One argument parser for every command: `node:util` parseArgs in strict
 * mode, its error cut to one line and thrown as a `UsageError` that points at
 * the command's own help.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util'

export class UsageError extends Error {
  /** The command whose `--help` the error points at (default: none, `trouw --help`). */
  readonly command: string | undefined
  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }

  override toString(): string {
    return `${this.message} (see \`trouw ${this.command ? this.command + ' ' : ''}--help\`)`
  }
}

export function parseCommandArgs<T extends ParseArgsConfig>(config: T, command?: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\. To specify.*$/, ''), command)
  }
}
