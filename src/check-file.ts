/** Check a file on disk. Read errors become one-line `InputError`s. */
import type {VFile} from 'vfile'
import {check, type CheckOptions} from './engine.js'
import {readInput} from './read-input.js'

export {notAFile, readInput, readProblem} from './read-input.js'

export async function checkFile(path: string, options?: Readonly<CheckOptions> | null): Promise<VFile> {
  return check(await readInput(path, undefined, options?.maxBytes ?? undefined), {...options, path})
}
