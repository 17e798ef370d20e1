/** Check a file on disk. Read errors become one-line `InputError`s. */
import {readFile} from 'node:fs/promises'
import type {VFile} from 'vfile'
import {check, type CheckOptions} from './engine.js'
import {InputError} from './types.js'

export async function checkFile(path: string, options?: Readonly<CheckOptions> | null): Promise<VFile> {
  return check(await readInput(path), {...options, path})
}

/** Read a file's bytes; a missing, unreadable file or a folder becomes a one-line `InputError`. */
export async function readInput(path: string, folderHint = 'pass files (or a glob) to check'): Promise<Uint8Array> {
  try {
    return await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') throw new InputError(path, 'no such file: check the path')
    if (code === 'EISDIR') throw new InputError(path, `is a folder: ${folderHint}`)
    if (code === 'EACCES') throw new InputError(path, 'cannot be read: check its permissions')
    throw new InputError(path, `cannot be read (${code ?? 'unknown error'})`)
  }
}
