/**
 * Saving a file without ever losing it: write a temporary file in the same
 * folder, flush it to disk, then rename it over the original (a rename within
 * one file system is atomic). A failure at any step removes the temporary file
 * and leaves the original as it was.
 *
 * A symbolic link is followed: the file it points to is written (a rename over
 * the link itself would replace the link with a plain file and leave its
 * target as it was). A temporary file still there when the process is
 * interrupted (SIGINT, SIGTERM, SIGHUP) or exits is removed first.
 */
import {randomBytes} from 'node:crypto'
import {promises as fs, unlinkSync} from 'node:fs'
import path from 'node:path'
import {InputError} from '../types.js'

/** The file system calls `writeFileAtomic` makes; tests pass failing ones to simulate a crash. */
export interface AtomicFs {
  open: typeof fs.open
  rename: typeof fs.rename
  unlink: typeof fs.unlink
  stat: typeof fs.stat
  realpath: typeof fs.realpath
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
export async function writeFileAtomic(given: string, content: string | Uint8Array, options?: Readonly<AtomicWriteOptions> | null): Promise<void> {
  const calls: AtomicFs = {open: fs.open, rename: fs.rename, unlink: fs.unlink, stat: fs.stat, realpath: fs.realpath, ...options?.fs}
  // Through a link, the file it points to (a new file: the path as given).
  const file = await calls.realpath(given).catch(() => given)
  let mode = 0o644
  try {
    mode = (await calls.stat(file)).mode & 0o7777
  } catch {
    // A new file: the default mode.
  }
  const temporary = temporaryPath(file)
  let created = false
  try {
    liveTemporaries.add(temporary)
    watchForInterrupts()
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
    throw new InputError(given, `could not be saved (${code ?? (error as Error).message}); the file on disk is unchanged`)
  } finally {
    liveTemporaries.delete(temporary)
    if (liveTemporaries.size === 0) stopWatching()
  }
  await syncFolder(path.dirname(file))
}

/** Temporary files being written now: removed if the process is interrupted or exits meanwhile. */
const liveTemporaries = new Set<string>()
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const
const exitCodes: Record<(typeof signals)[number], number> = {SIGINT: 130, SIGTERM: 143, SIGHUP: 129}
let watching = false

function removeTemporaries(): void {
  for (const temporary of liveTemporaries) {
    try {
      unlinkSync(temporary)
    } catch {
      // Not created yet, or already renamed.
    }
  }
  liveTemporaries.clear()
}

function onSignal(signal: (typeof signals)[number]): void {
  removeTemporaries()
  // Exit as the signal would have: the listener took its default action away.
  process.exit(exitCodes[signal])
}

/** Listen for interrupts only while a temporary file exists, so the process's own handling is untouched otherwise. */
function watchForInterrupts(): void {
  if (watching) return
  watching = true
  for (const signal of signals) process.on(signal, onSignal)
  process.on('exit', removeTemporaries)
}

function stopWatching(): void {
  if (!watching) return
  watching = false
  for (const signal of signals) process.off(signal, onSignal)
  process.off('exit', removeTemporaries)
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
