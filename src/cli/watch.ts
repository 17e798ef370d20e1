/**
 * `trouw check --watch`: check, then check again whenever a file that took
 * part is saved (debounced), clearing the terminal and printing the report
 * anew. What counts, and nothing else:
 *
 * - the files that were checked (given, or found in a given folder or by a
 *   glob) and the configuration files that applied to them;
 * - in a given folder: a new file with an extension trouw looks for
 *   (node_modules aside);
 * - for a given glob: a new file it matches (its folder up to the first
 *   wildcard is watched, all the way down when the glob has `**`);
 * - beside a given file or in a given folder: a configuration or ignore file
 *   created or changed (`.trouwrc*`, `.trouwignore`, `package.json`).
 *
 * Other files in the same folders do not count, so `trouw check a.md --watch
 * > out.txt` does not check again when its own report is written. The
 * watching is chokidar's (it also sees editors that save by writing a
 * temporary file and renaming it).
 */
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {watch, type FSWatcher} from 'chokidar'
import {glob, hasMagic} from 'glob'
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
/** Configuration and ignore files looked for beside each given file and in each given folder. */
const configNames = [rcName, ...['.json', '.yaml', '.yml', '.js', '.cjs', '.mjs'].map((extension) => rcName + extension), ignoreName, 'package.json']
const isGlob = (entry: string) => /[*?[\]{}]/.test(entry)

/** Check `command` now and after every save until `options.signal` aborts; the last exit code. */
export async function watchCheck(command: Readonly<CheckCommand>, io: Io, options?: Readonly<WatchOptions> | null): Promise<number> {
  const signal = options?.signal ?? undefined
  const debounce = options?.debounce ?? 150
  const terminal = Boolean(io.stdout.isTTY)
  const given = command.files.filter((entry) => !isGlob(entry)).map((entry) => path.resolve(entry))
  // Folders among the given paths: new files in them count.
  const folders = new Set<string>()
  await Promise.all(
    given.map(async (entry) => {
      if ((await stat(entry).catch(() => undefined))?.isDirectory()) folders.add(entry)
    })
  )
  const globs = command.files.filter(isGlob).map((pattern) => globWatch(pattern))
  const configCandidates = new Set<string>()
  for (const entry of given) {
    const folder = folders.has(entry) ? entry : path.dirname(entry)
    for (const name of configNames) configCandidates.add(path.join(folder, name))
  }

  let inputs = new Set<string>()
  let mtimes = new Map<string, number>()
  let deep: FSWatcher | undefined
  let shallow: FSWatcher | undefined
  let globWatchers: FSWatcher[] | undefined
  let watched = new Set<string>()
  let timer: NodeJS.Timeout | undefined
  let running = false
  let again = false
  let code = 0

  /** Whether an event at `file` can change the report. */
  const relevant = (event: string, file: string): boolean => {
    if (inputs.has(file) || configCandidates.has(file)) return true
    if (event !== 'add') return false
    if (file.split(path.sep).includes('node_modules')) return false
    const inFolder = [...folders].some((folder) => file.startsWith(folder + path.sep))
    return inFolder && (defaultExtensions as readonly string[]).includes(path.extname(file).toLowerCase())
  }

  /** Whether a new file is one a given glob matches now (expanded as the check expands it). */
  const matchesGlob = async (event: string, file: string): Promise<boolean> => {
    if (event !== 'add' || file.split(path.sep).includes('node_modules')) return false
    for (const {pattern, base} of globs) {
      if (base !== '.' && !file.startsWith(path.resolve(base) + path.sep)) continue
      const matches = await glob(pattern, {absolute: true}).catch(() => [] as string[])
      if (matches.some((match) => path.resolve(match) === file)) return true
    }
    return false
  }

  return new Promise<number>((resolve) => {
    const stop = () => {
      if (timer) clearTimeout(timer)
      const closing = Promise.all([deep?.close(), shallow?.close(), ...(globWatchers ?? []).map((watcher) => watcher.close())])
      deep = shallow = undefined
      globWatchers = undefined
      void closing.then(() => resolve(code))
    }
    if (signal?.aborted) return stop()
    signal?.addEventListener('abort', stop, {once: true})

    const schedule = (event: string, changed: string) => {
      const counts = relevant(event, changed) ? Promise.resolve(true) : globs.length > 0 ? matchesGlob(event, changed) : undefined
      if (!counts) return
      void counts.then(async (yes) => yes && (await changedSince(event, changed, mtimes))).then((changedNow) => {
        if (!changedNow || signal?.aborted) return
        if (timer) clearTimeout(timer)
        timer = setTimeout(() => void run(), debounce)
      })
    }

    const onEvent = (event: string, file: string) => schedule(event, path.resolve(file))
    const onError = (error: unknown) => io.stderr.write(`trouw: watching: ${String((error as Error)?.message ?? error)}\n`)
    /** A watcher, and a promise that it is ready (its first scan done, every watch in place). */
    const create = (paths: string[], depth: number | undefined): FSWatcher => {
      const created = watch(paths, {
        ignoreInitial: true,
        persistent: true,
        ...(depth === undefined ? {} : {depth}),
        ignored: (file: string) => file.split(path.sep).includes('node_modules')
      })
      created.on('all', onEvent)
      created.on('error', onError)
      pending.push(new Promise<void>((resolve) => created.once('ready', () => resolve())))
      return created
    }
    let pending: Array<Promise<void>> = []

    /**
     * Two watchers: the given folders, all the way down; and, one level
     * only, the folders of the given files (where a config may appear) and
     * every other input (configs further up, files a glob matched). Events
     * are then kept only when `relevant`.
     */
    const rewatch = async () => {
      const wanted = new Set<string>()
      for (const entry of given) if (!folders.has(entry)) wanted.add(path.dirname(entry))
      for (const input of inputs) if (![...folders].some((folder) => input === folder || input.startsWith(folder + path.sep))) wanted.add(input)
      if (folders.size > 0 && !deep) deep = create([...folders], undefined)
      globWatchers ??= globs.map(({base, depth}) => create([path.resolve(base)], depth))
      if (!shallow) {
        if (wanted.size > 0) shallow = create([...wanted], 0)
      } else {
        const added = [...wanted].filter((entry) => !watched.has(entry))
        const gone = [...watched].filter((entry) => !wanted.has(entry))
        if (added.length > 0) shallow.add(added)
        if (gone.length > 0) shallow.unwatch(gone)
      }
      watched = wanted
      // Say "watching" only once the watches are in place, so a save right after it is seen.
      const ready = pending
      pending = []
      await Promise.all(ready)
    }

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
      } catch (error) {
        // A broken rule or an unreadable folder: say so and keep watching what was given.
        io.stderr.write(`trouw: ${String(error)}\n`)
        code = 2
        if (inputs.size === 0) inputs = new Set(given)
      }
      mtimes = await modificationTimes(inputs)
      running = false
      if (signal?.aborted) return
      await rewatch()
      if (signal?.aborted) return
      options?.onCheck?.(code)
      io.stderr.write(`trouw: watching ${inputs.size} path${inputs.size === 1 ? '' : 's'} for changes (Ctrl-C to stop)\n`)
      if (again) {
        again = false
        void run()
      }
    }

    void run()
  })
}

/** Modification times of the files among `paths`. */
async function modificationTimes(paths: ReadonlySet<string>): Promise<Map<string, number>> {
  const mtimes = new Map<string, number>()
  await Promise.all(
    [...paths].map(async (file) => {
      const info = await stat(file).catch(() => undefined)
      if (info?.isFile()) mtimes.set(file, info.mtimeMs)
    })
  )
  return mtimes
}

/** False only for a `change` of a known file whose modification time did not move (a read, not a save). */
async function changedSince(event: string, file: string, mtimes: ReadonlyMap<string, number>): Promise<boolean> {
  const before = mtimes.get(file)
  if (event !== 'change' || before === undefined) return true
  try {
    return (await stat(file)).mtimeMs !== before
  } catch {
    return true
  }
}

/**
 * What to watch for a glob: its folder up to the first segment with a
 * wildcard (`copy/*.md` → `copy`; `.` when the first one has), and how deep: all the
 * way down when the glob has `**`, else as many levels as it has segments
 * with wildcards below the folder.
 */
export function globWatch(pattern: string): {pattern: string; base: string; depth: number | undefined} {
  const segments = pattern.split(/[\\/]/)
  const first = segments.findIndex((segment) => hasMagic(segment))
  const base = first <= 0 ? '.' : segments.slice(0, first).join('/')
  const rest = first === -1 ? [] : segments.slice(first)
  return {pattern, base, depth: rest.includes('**') ? undefined : Math.max(0, rest.length - 1)}
}
