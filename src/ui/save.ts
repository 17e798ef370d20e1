/**
 * Saving a file without ever losing it: write a temporary file in the same
 * folder, flush it to disk, then rename it over the original (a rename within
 * one file system is atomic). A failure at any step removes the temporary file
 * and leaves the original as it was.
 */
import {randomBytes} from 'node:crypto'
import {promises as fs} from 'node:fs'
import path from 'node:path'
import {InputError} from '../types.js'

/** The file system calls `writeFileAtomic` makes; tests pass failing ones to simulate a crash. */
export interface AtomicFs {
  open: typeof fs.open
  rename: typeof fs.rename
  unlink: typeof fs.unlink
  stat: typeof fs.stat
}

export interface AtomicWriteOptions {
  /** File system calls (default: `node:fs/promises`). */
  fs?: Partial<AtomicFs> | null
}

/** The temporary file's name: hidden, next to the original, unique. */
export function temporaryPath(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.trouw-${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
}

/**
 * Write `content` to `file` atomically, keeping the original's permissions.
 * Throws an `InputError` naming the file when it cannot be saved; the
 * original is then untouched and no temporary file remains.
 */
export async function writeFileAtomic(file: string, content: string | Uint8Array, options?: Readonly<AtomicWriteOptions> | null): Promise<void> {
  const calls: AtomicFs = {open: fs.open, rename: fs.rename, unlink: fs.unlink, stat: fs.stat, ...options?.fs}
  let mode = 0o644
  try {
    mode = (await calls.stat(file)).mode & 0o7777
  } catch {
    // A new file: the default mode.
  }
  const temporary = temporaryPath(file)
  let created = false
  try {
    const handle = await calls.open(temporary, 'wx', mode)
    created = true
    try {
      await handle.writeFile(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
    await calls.rename(temporary, file)
    created = false
  } catch (error) {
    if (created) await calls.unlink(temporary).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError(file, `could not be saved (${code ?? (error as Error).message}); the file on disk is unchanged`)
  }
  await syncFolder(path.dirname(file))
}

/** Flush the folder entry of the rename (best effort: not every platform allows it). */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open folders; the rename itself is still atomic.
  }
}
