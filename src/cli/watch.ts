/**
 * `trouw check --watch`: check, then check again whenever a checked file, a
 * file that could be checked in a given folder, or a configuration or ignore
 * file is saved (debounced), clearing the terminal and printing the report
 * anew. Folders are watched, not files, so editors that save by writing a
 * temporary file and renaming it are seen too.
 */
import {watch, type FSWatcher} from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {checkCommand, type CheckCommand, type Io} from './run.js'
import {defaultExtensions} from './files.js'
import {ignoreName, rcName} from '../config.js'

export interface WatchOptions {
  /** Stop watching when this aborts (default: run until the process ends). */
  signal?: AbortSignal | null
  /** Quiet time after a save before checking again, in ms (default: 150). */
  debounce?: number | null
  /** Called after each check with its exit code (default: none). */
  onCheck?: ((code: number) => void) | null
}

const clearScreen = '\x1b[2J\x1b[3J\x1b[H'

/** Check `command` now and after every save until `options.signal` aborts; the last exit code. */
export async function watchCheck(command: Readonly<CheckCommand>, io: Io, options?: Readonly<WatchOptions> | null): Promise<number> {
  const signal = options?.signal ?? undefined
  const debounce = options?.debounce ?? 150
  const terminal = Boolean(io.stdout.isTTY)
  let watchers: FSWatcher[] = []
  let inputs = new Set<string>()
  let mtimes = new Map<string, number>()
  let folders = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  let code = 0

  const closeWatchers = () => {
    for (const watcher of watchers) watcher.close()
    watchers = []
  }

  return new Promise<number>((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer)
      closeWatchers()
      resolve(code)
    }
    if (signal?.aborted) return stop()
    signal?.addEventListener('abort', stop, {once: true})

    const run = async () => {
      if (running) {
        again = true
        return
      }
      running = true
      try {
        const result = await checkCommand(command, io, undefined, () => {
          if (terminal) io.stdout.write(clearScreen)
        })
        code = result.code
        inputs = new Set(result.inputs)
        ;({mtimes, folders} = await snapshot(result.inputs))
      } catch (error) {
        // A broken rule or an unreadable folder: say so and keep watching what was given.
        io.stderr.write(`trouw: ${String(error)}\n`)
        code = 2
        if (inputs.size === 0) {
          const given = command.files.filter((entry) => !/[*?[\]{}]/.test(entry)).map((entry) => path.resolve(entry))
          inputs = new Set(given)
          ;({mtimes, folders} = await snapshot(given))
        }
      }
      running = false
      if (signal?.aborted) return
      rewatch()
      options?.onCheck?.(code)
      io.stderr.write(`trouw: watching ${inputs.size} path${inputs.size === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`)
      if (again) {
        again = false
        void run()
      }
    }

    const schedule = (changed: string) => {
      void changedSince(changed, mtimes).then((changedNow) => {
        if (!changedNow || signal?.aborted) return
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => void run(), debounce)
      })
    }

    const rewatch = () => {
      closeWatchers()
      const watched = new Map<string, boolean>()
      for (const input of inputs) {
        const isFolder = folders.has(input)
        const folder = isFolder ? input : path.dirname(input)
        watched.set(folder, (watched.get(folder) ?? false) || isFolder)
      }
      for (const [folder, recursive] of watched) {
        try {
          const watcher = watch(folder, {recursive, persistent: true}, (_event, name) => {
            if (!name) return
            const changed = path.join(folder, name.toString())
            if (relevant(changed, inputs)) schedule(changed)
          })
          watcher.on('error', () => watcher.close())
          watchers.push(watcher)
        } catch {
          // A folder that went away: the next check reports the missing file.
        }
      }
    }

    void run()
  })
}

/** Whether a change at `file` can change the report. */
function relevant(file: string, inputs: ReadonlySet<string>): boolean {
  if (inputs.has(file)) return true
  if (file.split(path.sep).includes('node_modules')) return false
  const base = path.basename(file)
  return (
    base.startsWith(rcName) ||
    base === ignoreName ||
    base === 'package.json' ||
    (defaultExtensions as readonly string[]).includes(path.extname(base).toLowerCase())
  )
}

/** Modification times of the files among `paths`, and which of them are folders. */
async function snapshot(paths: readonly string[]): Promise<{mtimes: Map<string, number>; folders: Set<string>}> {
  const mtimes = new Map<string, number>()
  const folders = new Set<string>()
  await Promise.all(
    paths.map(async (file) => {
      try {
        const info = await stat(file)
        if (info.isFile()) mtimes.set(file, info.mtimeMs)
        else if (info.isDirectory()) folders.add(file)
      } catch {
        // Gone: a later event says so.
      }
    })
  )
  return {mtimes, folders}
}

/** False only when `file` is known and its modification time did not move (a read, not a save). */
async function changedSince(file: string, mtimes: ReadonlyMap<string, number>): Promise<boolean> {
  const before = mtimes.get(file)
  if (before === undefined) return true
  try {
    return (await stat(file)).mtimeMs !== before
  } catch {
    return true
  }
}
