/**
 * Files and configuration for `trouw check`, with unified-engine as alex does:
 * globs, folders (by extension), stdin; `.trouwrc`, `.trouwrc.json`,
 * `.trouwrc.yaml`/`.yml`, `.trouwrc.js`/`.cjs`/`.mjs` or a `"trouw"` field in
 * `package.json`, found upwards from each file; `.trouwignore`.
 *
 * The processor unified-engine runs has a no-op parser and compiler and one
 * plugin that runs trouw's engine on the file and copies its messages and
 * `file.data.trouw` onto the engine's file. The plugin reads the bytes itself
 * (unified-engine reads files and stdin as UTF-8 text, which would hide
 * binary input, invalid UTF-8, and the charsets of `.eml` parts from trouw's
 * format layer); the bytes of stdin are read once, before the run.
 *
 * Each configuration file is checked by `configTransform` (src/config.ts) and
 * combined with the flags there, so a config's plugin options are the final
 * settings for the files under it: flags over the nearest config over defaults.
 */
import path from 'node:path'
import {readdir, realpath, stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import {glob, hasMagic} from 'glob'
import {Readable} from 'node:stream'
import {VFile as EngineFile} from 'vfile'
import {unified, type Processor} from 'unified'
import {engine, type Context, type Options as EngineOptions} from 'unified-engine'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {CheckOptions} from '../engine.js'
import type {CheckedFile, ParallelChecker} from './parallel.js'
import {notAFile, readProblem} from '../read-input.js'
import {loadRules} from '../rule-loader.js'
import {InputError, type FormatName} from '../types.js'
import {defaultMaxBytes, moreThanLimit} from '../formats/decode.js'
import {ConfigError, ignoreName, knownRuleNames, packageField, rcName, resolveSettings, validateConfig, type ResolvedSettings, type TrouwConfig} from '../config.js'
import '../config-jsonc.js'

declare module 'vfile' {
  interface DataMap {
    /** The settings this file was checked with (flags, config, defaults). */
    trouwSettings: ResolvedSettings
    /** The file's findings until unified-engine is done with it (see `trouwCheck`). */
    trouwMessages: VFileMessage[] | undefined
  }
}

/** Extensions looked for in folders. */
export const defaultExtensions = ['.txt', '.md', '.markdown', '.html', '.htm', '.mjml', '.eml'] as const

export interface RunFilesOptions {
  /** Paths, folders and globs; none reads `stdin` (default: none). */
  files?: readonly string[] | null
  /** The bytes of stdin, when no files are given. */
  stdin?: Uint8Array | null
  /** The settings given as flags; they win over config files (default: none). */
  flags?: Readonly<TrouwConfig> | null
  /** Input format for every file (default: by extension, else sniffed). */
  format?: FormatName | null
  /** Folder to resolve paths and find config from (default: `process.cwd()`). */
  cwd?: string | null
  /** One configuration file for every file instead of looking upwards (default: none). */
  configPath?: string | null
  /** Look for configuration files (default: true). */
  detectConfig?: boolean | null
  /** Use `.trouwignore` files (default: true). */
  detectIgnore?: boolean | null
  /** One line for each configuration warning (default: ignore them). */
  onWarning?: ((line: string) => void) | null
  /** Called after each file is checked, with how many are done and found (default: none). */
  onProgress?: ((done: number, total: number) => void) | null
  /** Largest file (or stdin) to check, in bytes (default: 10 MB). */
  maxBytes?: number | null
  /**
   * Check many files in worker threads, one per idle core (default: false;
   * see `./parallel.ts`), and keep only what reports use of each file (no
   * per-sentence figures), in threads or not.
   */
  parallel?: boolean | null
  /**
   * Report each checked file as soon as it and the files before it in the
   * list are checked, in the order of `files` (default: none). A file given
   * here is not kept: `files` in the result leaves it out, so memory does
   * not grow with the number of files.
   */
  onFile?: ((file: VFile) => void) | null
}

export interface FilesResult {
  /** The checked files in the order found (none given to `onFile`); `file.data.trouwSettings` says what they were checked with. */
  files: VFile[]
  /** How many files were checked and given to `onFile`. */
  streamed: number
  /** One-line problems (missing file, bad input, invalid config), each exits 2. */
  errors: string[]
  /** Absolute paths of the files, folders and configuration files that took part (for `--watch`). */
  inputs: string[]
}

/** The plugin's options: the settings for the files under one config (or none). */
interface CheckPluginOptions {
  settings: ResolvedSettings
}

/** Check files with unified-engine. Never throws for user errors: they are in `errors`. */
export async function runFiles(options: Readonly<RunFilesOptions>): Promise<FilesResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const flags = options.flags ?? {}
  const format = options.format ?? null
  const stdinBytes = options.stdin ?? new Uint8Array()
  const ruleSet = loadRules()
  const known = knownRuleNames(ruleSet.rules)
  const configPaths = new Set<string>()
  const warned = new Set<string>()
  let done = 0
  // unified-engine starts every file at once: without a bound, all of a
  // folder's files were read and half-checked together (4,000 emails: 190 MB
  // live in the middle of the run, 830 MB peak), though one file at a time
  // is checked per thread.
  const inFlight = slots(2 * Math.max(2, availableParallelism()))
  // Threads start on the first file of a set big enough for them; the engine loads only where it runs.
  let parallel: Promise<ParallelChecker | undefined> | undefined
  const checkPath = async (filePath: string, checkOptions: CheckOptions, expected: number): Promise<CheckedFile> => {
    parallel ??= (async () => {
      // One file is always checked here: no need to load the thread pool (and worker_threads) to learn that.
      if (!options.parallel || expected < 2) return undefined
      const {ParallelChecker, threadsFor} = await import('./parallel.js')
      const threads = threadsFor(expected)
      return threads > 0 ? new ParallelChecker(threads) : undefined
    })()
    const checker = await parallel
    if (checker) return checker.check(filePath, checkOptions)
    return (await import('../check-file.js')).checkFile(filePath, checkOptions)
  }

  // unified-engine names files relative to `cwd`; name them as the user did
  // when they gave an absolute path (to the file or a folder above it).
  const absolutes = (options.files ?? []).filter((given) => path.isAbsolute(given)).map((given) => path.resolve(given))
  const displayPath = (filePath: string): string => {
    if (absolutes.length === 0) return filePath
    const resolved = path.resolve(cwd, filePath)
    return absolutes.some((given) => resolved === given || resolved.startsWith(given + path.sep)) ? resolved : filePath
  }

  const warn = (line: string) => {
    if (warned.has(line)) return
    warned.add(line)
    options.onWarning?.(line)
  }
  for (const name of Object.keys(flags.rules ?? {})) {
    if (!known.has(name)) warn(`\`--rule ${name}\` is not a known rule, category or subtype, so it does nothing: check the name (\`trouw explain CATEGORY\` lists them)`)
  }

  // With `onFile`: each file's report file once it is checked (null: it failed), until its turn comes.
  const stream = options.onFile ? streamInOrder(options.onFile, cwd) : undefined

  function trouwCheck(this: unknown, pluginOptions?: CheckPluginOptions, fileSet?: {expected: number; valueOf(): VFile[]}) {
    const settings = pluginOptions?.settings ?? resolveSettings(null, flags)
    return async function (_tree: unknown, file: VFile): Promise<void> {
      // The list is complete once files run: unified-engine adds them all before the first one starts.
      if (stream && fileSet) stream.order ??= fileSet.valueOf()
      if (file.path) file.path = displayPath(file.path)
      const checkOptions = {
        format,
        lang: settings.lang,
        rules: settings.rules,
        allow: settings.allow,
        spell: settings.spell,
        words: settings.words,
        maxBytes: options.maxBytes ?? null,
        // An email's decoded parts, so the terminal report can show the line of each finding.
        parts: true
      }
      let checked: CheckedFile
      try {
        checked = file.data.unifiedEngineStreamIn
          ? await (await import('../engine.js')).check(stdinBytes, {...checkOptions, path: file.path || null})
          : await inFlight(() => checkPath(file.path, checkOptions, fileSet?.expected ?? 1))
      } catch (error) {
        stream?.finish(file, null)
        throw error
      }
      if (stream) {
        // Reported now (or when the files before it are done), and not kept.
        const shown = new EngineFile({path: file.path || undefined, cwd: file.cwd, value: checked.value})
        shown.data.trouw = checked.data.trouw && {...checked.data.trouw, sentences: []}
        shown.data.trouwSettings = settings
        for (const message of checked.messages) message.file = file.path ?? ''
        shown.messages = checked.messages
        stream.finish(file, shown)
        options.onProgress?.(++done, fileSet?.expected ?? done)
        return
      }
      file.value = checked.value
      // What a report uses: the per-sentence figures (the score is made of them
      // already) stay behind, as they do in a checking thread, so memory does
      // not grow with them over a folder of thousands of files.
      file.data.trouw = options.parallel && checked.data.trouw ? {...checked.data.trouw, sentences: []} : checked.data.trouw
      file.data.trouwSettings = settings
      // Findings join the file once unified-engine is done with it: an
      // error-level finding is `fatal`, and unified-engine's queue skips a
      // fatal file when it waits for the others, so a file turning fatal
      // after another had flushed left the run hanging (exit 13, no output).
      for (const message of checked.messages) message.file = file.path ?? ''
      file.data.trouwMessages = checked.messages
      options.onProgress?.(++done, fileSet?.expected ?? done)
    }
  }

  const configTransform = (raw: unknown, filePath: string) => {
    const shown = path.relative(cwd, filePath) || filePath
    const config = validateConfig(raw, shown, known, warn)
    configPaths.add(filePath)
    return {plugins: [[trouwCheck, {settings: resolveSettings(config, flags, filePath)}]]}
  }

  const processor = unified().use(function noopSyntax(this: Processor) {
    // The engine parses each format itself (src/formats/); unified-engine only needs a tree.
    this.parser = () => ({type: 'root', children: []})
    this.compiler = () => ''
  }) as unknown as Processor

  const given = options.files ?? []
  const expanded = await expandGiven(given, cwd)
  const engineOptions: EngineOptions = {
    processor,
    cwd,
    files: expanded.files,
    extensions: [...defaultExtensions],
    streamIn: given.length === 0 ? Readable.from([Buffer.from(stdinBytes)]) : undefined,
    out: false,
    output: false,
    color: false,
    silentlyIgnore: true,
    rcName,
    packageField,
    ignoreName,
    rcPath: options.configPath ?? undefined,
    detectConfig: options.detectConfig ?? true,
    detectIgnore: options.detectIgnore ?? true,
    configTransform: configTransform as EngineOptions['configTransform'],
    defaultConfig: {plugins: [[trouwCheck, {settings: resolveSettings(null, flags)}]]} as EngineOptions['defaultConfig'],
    reporter: () => ''
  }

  // Nothing left to check (every given path was refused above): unified-engine would read stdin.
  const nothing = given.length > 0 && expanded.files.length === 0
  const context = nothing
    ? undefined
    : await new Promise<Context | undefined>((resolve, reject) => {
        engine(engineOptions, (error, _code, context) => {
          if (error) reject(error)
          else resolve(context)
        })
      }).finally(async () => (await parallel)?.close())
  stream?.end()

  const files: VFile[] = []
  const errors: string[] = [...expanded.errors]
  const inputs = new Set<string>()
  for (const given of options.files ?? []) {
    if (!/[*?[\]{}]/.test(given)) inputs.add(path.resolve(cwd, given))
  }
  const seen = new Set<string>()
  for (const file of context?.files ?? []) {
    if (file.data.trouwMessages) {
      file.messages.push(...file.data.trouwMessages)
      file.data.trouwMessages = undefined
    }
    if (!file.data.unifiedEngineGiven || file.data.unifiedEngineIgnored) continue
    if (stream?.reported.has(file)) {
      if (file.path) inputs.add(path.resolve(cwd, file.path))
      continue
    }
    if (file.path) {
      // A file reached twice (`copy/` and `copy/a.md`) is reported once.
      const resolved = path.resolve(cwd, file.path)
      if (seen.has(resolved)) continue
      seen.add(resolved)
      inputs.add(resolved)
    }
    const failure = file.messages.find(isEngineFailure)
    if (failure) {
      if (file.path) file.path = displayPath(file.path)
      const line = describeFailure(failure, file, cwd)
      if (!errors.includes(line)) errors.push(line)
      continue
    }
    files.push(file)
  }
  if (files.length === 0 && !stream?.count && errors.length === 0 && given.length > 0) {
    errors.push(`no file to check in ${given.map((entry) => `\`${entry}\``).join(', ')}: check the paths and patterns (folders are searched for ${defaultExtensions.join(' ')}; .trouwignore may skip some)`)
  }
  for (const configPath of configPaths) inputs.add(configPath)
  return {files, errors, inputs: [...inputs], streamed: stream?.count ?? 0}
}

/**
 * Hand checked files on in the order of the list, each as soon as it and the
 * files before it are done. A file that never reaches the check (missing,
 * or its config failed: it is fatal) is passed over when its turn comes; so
 * is one whose check failed. A path reached twice is reported once.
 */
function streamInOrder(onFile: (file: VFile) => void, cwd: string) {
  const done = new Map<VFile, VFile | null>()
  const paths = new Set<string>()
  let next = 0
  const state = {
    /** unified-engine's files, in the order of the report. */
    order: undefined as VFile[] | undefined,
    /** The engine's files whose report file went to `onFile`. */
    reported: new Set<VFile>(),
    count: 0,
    finish(file: VFile, shown: VFile | null) {
      done.set(file, shown)
      flush(false)
    },
    /** The run is over: whatever is left goes out, in order. */
    end() {
      flush(true)
    }
  }
  function flush(atEnd: boolean) {
    const order = state.order
    if (!order) return
    while (next < order.length) {
      const file = order[next]
      const shown = done.get(file)
      if (shown === undefined && !atEnd && !file.messages.some((message) => message.fatal)) return
      done.delete(file)
      next++
      if (!shown) continue
      if (file.path) {
        const resolved = path.resolve(cwd, file.path)
        if (paths.has(resolved)) continue
        paths.add(resolved)
      }
      state.reported.add(file)
      state.count++
      onFile(shown)
    }
  }
  return state
}

/** Run at most `count` of the given tasks at a time, the others in the order they came. */
function slots(count: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: Array<() => void> = []
  return async (task) => {
    if (running >= count) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await task()
    } finally {
      // Hand the slot to the next task, or free it.
      const next = waiting.shift()
      if (next) next()
      else running--
    }
  }
}

/**
 * Read stdin up to `maxBytes` (default: 10 MB) and stop there: more is
 * refused as soon as it arrives (200 MB on stdin was read whole first, 1 GB
 * of memory; `/dev/zero` never ended). A stdin that cannot be read (closed,
 * a broken pipe) is one line too, not an internal error.
 */
export async function readStdin(stream: NodeJS.ReadableStream, maxBytes: number = defaultMaxBytes): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  let length = 0
  try {
    for await (const chunk of stream) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string)
      chunks.push(buffer)
      length += buffer.length
      // Leaving the loop destroys the stream: nothing more is read.
      if (length > maxBytes) throw moreThanLimit(undefined, maxBytes)
    }
  } catch (error) {
    if (error instanceof InputError) throw error
    const code = (error as NodeJS.ErrnoException).code
    throw new InputError('<stdin>', `cannot be read (${code ?? (error as Error)?.message ?? 'closed'}): pipe the copy to trouw, or pass files to check`)
  }
  return Buffer.concat(chunks, length)
}

/**
 * The given paths as unified-engine should see them: folders walked here,
 * files handed over with an empty value, so that unified-engine does not
 * read them (it reads whole files as UTF-8 before any plugin runs: a FIFO
 * hung it, `/dev/zero` grew without limit). trouw's plugin reads each file
 * itself, with limits (`readInput`). The walk follows a link to a folder
 * once (by real path: a folder that links to itself is read once, not 40
 * times), skips `node_modules` and files without a checked extension, as
 * unified-engine does, and turns what it cannot read (a FIFO, a device, a
 * socket with a checked extension; a link loop; no permission) into one
 * line each. Globs are expanded as unified-engine would; missing paths
 * and globs that match nothing go to it as they are, for its messages.
 */
async function expandGiven(given: readonly string[], cwd: string): Promise<{files: Array<string | EngineFile>; errors: string[]}> {
  const files: Array<string | EngineFile> = []
  const errors: string[] = []
  const visited = new Set<string>()

  async function visit(shown: string, nested: boolean): Promise<void> {
    const absolute = path.resolve(cwd, shown)
    let stats
    try {
      stats = await stat(absolute)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ELOOP' || code === 'EACCES' || code === 'EPERM') errors.push(String(new InputError(shown, readProblem(code))))
      else files.push(shown)
      return
    }
    if (stats.isDirectory()) {
      if (nested && path.basename(shown) === 'node_modules') return
      let names: string[]
      try {
        const real = await realpath(absolute)
        if (visited.has(real)) return
        visited.add(real)
        names = await readdir(absolute)
      } catch (error) {
        errors.push(String(new InputError(shown, readProblem((error as NodeJS.ErrnoException).code))))
        return
      }
      for (const name of names) await visit(path.join(shown, name), true)
      return
    }
    if (nested && !(defaultExtensions as readonly string[]).includes(path.extname(shown))) return
    const problem = notAFile(stats)
    if (problem) {
      errors.push(String(new InputError(shown, problem)))
      return
    }
    files.push(new EngineFile({path: shown, cwd, value: ''}))
  }

  for (const entry of given) {
    if (hasMagic(entry)) {
      // As unified-engine expands a glob (the same package and options); one that matches nothing goes to it as is, for its message.
      const matches = (await glob(entry, {cwd})).sort()
      if (matches.length === 0) files.push(entry)
      for (const match of matches) await visit(match, false)
    } else {
      await visit(entry, false)
    }
  }
  return {files, errors}
}

/** A fatal message from unified-engine or a thrown error: trouw's own findings have `source: 'trouw'`. */
function isEngineFailure(message: VFileMessage): boolean {
  return message.fatal === true && message.source !== 'trouw'
}

/** The one line to print for a file that could not be checked. */
function describeFailure(message: VFileMessage, file: VFile, cwd: string): string {
  const chain: unknown[] = []
  let cause: unknown = message
  while (cause && chain.length < 8) {
    chain.push(cause)
    cause = (cause as {cause?: unknown}).cause
  }
  const known = chain.find((item) => item instanceof InputError) as InputError | undefined
  if (known) return String(known)

  const shown = file.path ?? '<stdin>'
  const parse = chain.find((item) => /^Cannot (?:parse|read) file `/.test(String((item as Error)?.message)))
  if (parse) {
    const configPath = /`(.+?)`/.exec((parse as Error).message)![1]
    const innermost = chain[chain.length - 1] as Error
    const detail = firstLine(String(innermost?.message ?? innermost))
    return String(new ConfigError(configPath, `cannot be read as ${configLanguage(configPath)} (${detail}): fix its syntax`))
  }
  const reason = message.reason
  if (/^No such file or folder|^Cannot find file/.test(reason)) {
    return String(new InputError(shown, /[*?[\]{}]/.test(shown) ? 'matches no file: check the pattern' : 'no such file: check the path'))
  }
  if (/^Cannot read folder/.test(reason)) return String(new InputError(shown, 'cannot be read: check its permissions'))
  const innermost = chain[chain.length - 1] as Error
  return String(new InputError(path.relative(cwd, shown) || shown, firstLine(String(innermost?.message ?? reason))))
}

function configLanguage(file: string): string {
  const extension = path.extname(file)
  if (extension === '.yaml' || extension === '.yml') return 'YAML'
  if (extension === '.js' || extension === '.cjs' || extension === '.mjs') return 'a JavaScript module'
  return 'JSON'
}

function firstLine(text: string): string {
  const line = text.split('\n').find((part) => part.trim() !== '') ?? text
  return line.trim().replace(/\.$/, '')
}
