/**
 * Reading a file's bytes with limits, for the CLI, the API and review: a
 * module without the engine, so the CLI can name what it refuses before it
 * loads anything heavy.
 */
import {constants} from 'node:fs'
import {open, type FileHandle} from 'node:fs/promises'
import type {Stats} from 'node:fs'
import {checkSize, defaultMaxBytes, moreThanLimit} from './formats/decode.js'
import {InputError} from './types.js'

/** Why a path that is not a regular file or a folder cannot be checked, or `undefined` for a regular file. */
export function notAFile(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a file: pipe the copy to trouw on stdin, or save it to a file'
  if (stats.isSocket()) return 'is a socket, not a file: save the copy to a file, or pipe it to trouw on stdin'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a file: pass a file, or pipe the copy to trouw on stdin'
  return 'is not a regular file: pass a file, or pipe the copy to trouw on stdin'
}

/** The one-line reason for a failed `open`, `stat` or `read` of `path`. */
export function readProblem(code: string | undefined, folderHint = 'pass files (or a glob) to check'): string {
  if (code === 'ENOENT') return 'no such file: check the path'
  if (code === 'EISDIR') return `is a folder: ${folderHint}`
  if (code === 'EACCES' || code === 'EPERM') return 'cannot be read: check its permissions (chmod u+r)'
  if (code === 'ELOOP') return 'is a loop of symbolic links: fix or remove the link'
  if (code === 'ENAMETOOLONG') return 'is a path too long to open: check the path'
  return `cannot be read (${code ?? 'unknown error'})`
}

/**
 * Read a file's bytes, at most `maxBytes` (default: 10 MB): a missing or
 * unreadable file, a folder, a link loop, or something that is not a regular
 * file (a FIFO, a device such as `/dev/zero`, a socket) becomes a one-line
 * `InputError`. The file is opened without blocking (a FIFO with no writer
 * would wait forever), checked to be a regular file on the open handle (no
 * race with a swap after a `stat`), and read in pieces that stop at the
 * limit, whatever size the file claims.
 */
export async function readInput(path: string, folderHint = 'pass files (or a glob) to check', maxBytes: number = defaultMaxBytes): Promise<Uint8Array> {
  let handle: FileHandle | undefined
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
    const stats = await handle.stat()
    if (stats.isDirectory()) throw new InputError(path, readProblem('EISDIR', folderHint))
    const problem = notAFile(stats)
    if (problem) throw new InputError(path, problem)
    checkSize(stats.size, path, maxBytes)
    return await readAtMost(handle, path, stats.size, maxBytes)
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(path, readProblem((error as NodeJS.ErrnoException).code, folderHint))
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

/** Read up to `maxBytes` (one more to know it is more): a file may grow, or claim a size it does not have. */
async function readAtMost(handle: FileHandle, path: string, claimed: number, maxBytes: number): Promise<Uint8Array> {
  let buffer = new Uint8Array(Math.min(Math.max(claimed, 4096), maxBytes) + 1)
  let length = 0
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) break
      const larger = new Uint8Array(Math.min(buffer.length * 2, maxBytes + 1))
      larger.set(buffer)
      buffer = larger
    }
    const {bytesRead} = await handle.read(buffer, length, buffer.length - length, null)
    if (bytesRead === 0) break
    length += bytesRead
  }
  if (length > maxBytes) throw moreThanLimit(path, maxBytes)
  return buffer.subarray(0, length)
}
