/**
 * Files and configuration for `trouw check`, as alex finds them (with
 * unified-engine's conventions): globs, folders (by extension), stdin;
 * `.trouwrc`, `.trouwrc.json`, `.trouwrc.yaml`/`.yml`,
 * `.trouwrc.js`/`.cjs`/`.mjs` or a `"trouw"` field in `package.json`, found
 * upwards from each file (unified-engine's `Configuration`); `.trouwignore`.
 *
 * The files are walked and checked here, not by unified-engine's pipeline:
 * that pipeline (its streams, globbing, reporter and per-file plumbing) was
 * about a tenth of a one-email check and more per file over a folder, and
 * trouw reads each file's bytes itself anyway (unified-engine reads files
 * and stdin as UTF-8 text, which would hide binary input, invalid UTF-8, and
 * the charsets of `.eml` parts from trouw's format layer). The bytes of
 * stdin are read once, before the run.
 *
 * Each configuration file is checked by `configTransform` (src/config.ts) and
 * combined with the flags there, so a config's plugin options are the final
 * settings for the files under it: flags over the nearest config over defaults.
 */
import path from 'node:path'
import {readFileSync} from 'node:fs'
import {readdir, readFile, realpath, stat} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import ignorePackage, {type Ignore} from 'ignore'
import {VFile as EngineFile} from 'vfile'
import {Configuration} from 'unified-engine'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {CheckOptions} from '../engine.js'
import type {CheckedFile, ParallelChecker} from './parallel.js'
import {notAFile, readInput, readProblem} from '../read-input.js'
import {loadRules} from '../rule-loader.js'
import {InputError, type FormatName} from '../types.js'
import {defaultMaxBytes, moreThanLimit} from '../formats/decode.js'
import {ConfigError, ignoreName, knownRuleNames, packageField, rcName, resolveSettings, validateConfig, type ResolvedSettings, type TrouwConfig} from '../config.js'
import '../config-jsonc.js'

// The types of `ignore` describe an ES default export; at run time it is CommonJS.
const ignore = ignorePackage as unknown as typeof ignorePackage.default

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

/** Marks trouw's settings among a configuration's plugins (unified-engine's `Configuration` speaks in plugins). */
function trouwSettings(): void {}

/**
 * Check files: the given paths walked here (`expandGiven`), each file's
 * `.trouwignore` and configuration looked up as unified-engine does
 * (its `Configuration`, the nearest ignore file), then checked in order,
 * in-process or in threads. Never throws for user errors: they are in
 * `errors`.
 */
export async function runFiles(options: Readonly<RunFilesOptions>): Promise<FilesResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd())
  const flags = options.flags ?? {}
  const format = options.format ?? null
  const ruleSet = loadRules()
  const known = knownRuleNames(ruleSet.rules)
  const configPaths = new Set<string>()
  const warned = new Set<string>()

  // unified-engine named files relative to `cwd`; name them as the user did
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

  const configuration = new Configuration({
    cwd,
    rcName,
    packageField,
    rcPath: options.configPath ?? undefined,
    detectConfig: options.detectConfig ?? true,
    configTransform(raw: unknown, filePath: string) {
      const shown = path.relative(cwd, filePath) || filePath
      const config = validateConfig(raw, shown, known, warn)
      configPaths.add(filePath)
      return {plugins: [[trouwSettings, {settings: resolveSettings(config, flags, filePath)}]]}
    },
    defaultConfig: {plugins: [[trouwSettings, {settings: resolveSettings(null, flags)}]]}
  } as ConstructorParameters<typeof Configuration>[0])
  /** The settings for a file (stdin: `undefined`, from `cwd`); throws what unified-engine's configuration throws. */
  const settingsFor = (filePath: string | undefined) =>
    new Promise<ResolvedSettings>((resolve, reject) => {
      configuration.load(filePath ?? path.resolve(cwd, 'stdin.js'), (error, result) => {
        if (error || !result) {
          reject(error ?? new Error('no configuration'))
          return undefined
        }
        const entry = result.plugins.find((plugin) => plugin[0] === trouwSettings) as [unknown, {settings: ResolvedSettings}] | undefined
        resolve(entry?.[1].settings ?? resolveSettings(null, flags))
        return undefined
      })
    })
  const ignored = options.detectIgnore ?? true ? ignoreFinder() : () => false

  const checkOptionsOf = (settings: ResolvedSettings): CheckOptions => ({
    format,
    lang: settings.lang,
    rules: settings.rules,
    allow: settings.allow,
    spell: settings.spell,
    words: settings.words,
    maxBytes: options.maxBytes ?? null,
    // An email's decoded parts, so the terminal report can show the line of each finding.
    parts: true,
    // No report shows the per-sentence figures: without them a big file is scored batch by batch.
    sentences: false
  })
  /** Fill a file from its check: what a report uses (the per-sentence figures stay behind in a folder run, as in a thread). */
  const fill = (file: VFile, checked: CheckedFile, settings: ResolvedSettings) => {
    file.value = checked.value
    file.data.trouw = (options.parallel || options.onFile) && checked.data.trouw ? {...checked.data.trouw, sentences: []} : checked.data.trouw
    file.data.trouwSettings = settings
    for (const message of checked.messages) message.file = file.path ?? ''
    file.messages.push(...checked.messages)
  }
  /** A file that could not be checked: one line, as unified-engine's failure would read. */
  const failureLine = (file: VFile, cause: unknown): string => {
    const message = file.message('Cannot process file', {cause: cause as Error})
    message.fatal = true
    return describeFailure(message, file, cwd)
  }

  const files: VFile[] = []
  let streamed = 0
  /** A checked file: to `onFile` (and not kept) or into `files`. */
  const deliver = (file: VFile) => {
    if (!options.onFile) {
      files.push(file)
      return
    }
    streamed++
    options.onFile(file)
  }
  const given = options.files ?? []
  const expanded = given.length > 0 ? await expandGiven(given, cwd) : {files: [], errors: []}
  const errors: string[] = [...expanded.errors]
  const addError = (line: string) => {
    if (!errors.includes(line)) errors.push(line)
  }
  const inputs = new Set<string>()
  for (const entry of given) {
    if (!/[*?[\]{}]/.test(entry)) inputs.add(path.resolve(cwd, entry))
  }

  if (given.length === 0) {
    // Standard input: checked with the configuration found from `cwd`.
    const file = new EngineFile({cwd})
    try {
      const settings = await settingsFor(undefined)
      const checked = await (await import('../engine.js')).check(options.stdin ?? new Uint8Array(), {...checkOptionsOf(settings), path: null})
      fill(file, checked, settings)
      options.onProgress?.(1, 1)
      deliver(file)
    } catch (error) {
      addError(failureLine(file, error))
    }
  } else {
    // What to check, in the order found: canonical paths relative to `cwd`, as unified-engine named them.
    const seen = new Set<string>()
    const queue: Queued[] = []
    for (const entry of expanded.files) {
      const given = typeof entry === 'string'
      // A glob that matched nothing: unified-engine found no file in it, so it counts towards "no file to check".
      if (given && /[*?[\]{}()]/.test(entry) && (await import('glob')).hasMagic(entry)) continue
      const canonical = path.relative(cwd, path.resolve(cwd, given ? entry : entry.path)) || '.'
      const absolute = path.resolve(cwd, canonical)
      if (ignored(absolute)) continue
      // A file reached twice (`copy/` and `copy/a.md`) is checked and reported once.
      if (seen.has(absolute)) continue
      seen.add(absolute)
      inputs.add(absolute)
      queue.push({file: new EngineFile({path: displayPath(canonical), cwd}), missing: given ? true : undefined})
    }

    let done = 0
    // Threads only for a set big enough for them; the engine loads only where it runs.
    const checker = options.parallel && queue.length >= 2 ? await startThreads(queue.length) : undefined
    const engine = checker ? undefined : await import('../engine.js')
    // In-process, the next files are read while one is checked (reading is waiting, checking is work).
    const readAhead = (index: number) => {
      const entry = queue[index]
      if (!entry || entry.missing || entry.bytes) return
      entry.bytes = readInput(entry.file.path, undefined, options.maxBytes ?? undefined)
      // Awaited when its turn comes (a configuration error may come first): no unhandled rejection meanwhile.
      entry.bytes.catch(() => undefined)
    }
    const checkOne = async (entry: Queued, index: number): Promise<string | undefined> => {
      const {file, missing} = entry
      try {
        if (missing && (await isMissing(file, cwd))) return String(new InputError(file.path, /[*?[\]{}]/.test(file.path) ? 'matches no file: check the pattern' : 'no such file: check the path'))
        if (engine) for (let ahead = 0; ahead <= 2; ahead++) readAhead(index + ahead)
        const settings = await settingsFor(path.resolve(cwd, file.path))
        if (missing) return await unreadableLine(file, cwd)
        const checkOptions = checkOptionsOf(settings)
        // The path as shown: a file that cannot be read is named as the user named it.
        const checked = engine ? await engine.check(await entry.bytes!, {...checkOptions, path: file.path}) : await checker!.check(file.path, checkOptions)
        entry.bytes = undefined
        fill(file, checked, settings)
        options.onProgress?.(++done, queue.length)
        return undefined
      } catch (error) {
        entry.bytes = undefined
        return failureLine(file, error)
      }
    }
    // In threads at most 2 × cores files are in flight (all of them at once
    // kept every answer until the last: with unified-engine's pipeline, 4,000
    // emails had 190 MB live mid-run, 830 MB peak); in-process one at a time.
    // Each answer is taken in the order of the list, handed on and let go.
    const limit = checker ? 2 * Math.max(2, availableParallelism()) : 1
    const pending: Array<Promise<string | undefined> | undefined> = []
    let started = 0
    try {
      for (let index = 0; index < queue.length; index++) {
        while (started < queue.length && started < index + limit) {
          pending[started] = checkOne(queue[started], started)
          started++
        }
        const line = await pending[index]
        pending[index] = undefined
        const {file} = queue[index]
        // Dropped from the queue once handed on: with `onFile`, nothing of it stays.
        queue[index] = released
        if (line === undefined) deliver(file)
        else addError(line)
      }
    } finally {
      await checker?.close()
    }
    if (files.length === 0 && streamed === 0 && errors.length === 0) {
      errors.push(`no file to check in ${given.map((entry) => `\`${entry}\``).join(', ')}: check the paths and patterns (folders are searched for ${defaultExtensions.join(' ')}; .trouwignore may skip some)`)
    }
  }
  for (const configPath of configPaths) inputs.add(configPath)
  return {files, errors, inputs: [...inputs], streamed}
}

/** A file to check: a path `expandGiven` could not stat is `missing`; `bytes` are read ahead of its turn. */
interface Queued {
  file: VFile
  missing?: true
  bytes?: Promise<Uint8Array>
}

/** What stays in the queue where a file was handed on (read ahead never reaches back to it). */
const released: Queued = {file: new EngineFile(), missing: true}

/** Checking threads for `count` files, when threads pay (see `./parallel.ts`); none otherwise. */
async function startThreads(count: number): Promise<ParallelChecker | undefined> {
  const {ParallelChecker, threadsFor} = await import('./parallel.js')
  const threads = threadsFor(count)
  return threads > 0 ? new ParallelChecker(threads) : undefined
}

/** Whether a given path that `expandGiven` could not stat is not there at all. */
async function isMissing(file: VFile, cwd: string): Promise<boolean> {
  try {
    await stat(path.resolve(cwd, file.path))
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT'
  }
}

/** The line for a given path that is there but cannot be read as a file (`file.txt/x`: not a folder), as reading it words it. */
async function unreadableLine(file: VFile, cwd: string): Promise<string> {
  try {
    await readFile(path.resolve(cwd, file.path))
    return String(new InputError(file.path, 'cannot be read: check the path'))
  } catch (error) {
    return String(new InputError(path.relative(cwd, file.path) || file.path, firstLine(String((error as Error)?.message ?? error))))
  }
}

/**
 * Whether the nearest `.trouwignore` above a file (absolute path) lists it,
 * as unified-engine's `Ignore` decides: gitignore syntax, paths relative to
 * the ignore file's folder; a file outside that folder is never ignored. An
 * ignore file that cannot be read (a folder, no permission) ends the search
 * and ignores nothing, as there.
 */
function ignoreFinder(): (filePath: string) => boolean {
  const found = new Map<string, {dir: string; matcher: Ignore} | null>()
  const nearest = (dir: string): {dir: string; matcher: Ignore} | null => {
    let result = found.get(dir)
    if (result !== undefined) return result
    try {
      result = {dir, matcher: ignore().add(readFileSync(path.join(dir, ignoreName), 'utf8'))}
    } catch (error) {
      const parent = path.dirname(dir)
      result = (error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === dir ? null : nearest(parent)
    }
    found.set(dir, result)
    return result
  }
  return (filePath) => {
    const match = nearest(path.dirname(filePath))
    if (!match) return false
    const normal = path.relative(match.dir, filePath)
    if (normal === '' || normal === '..' || normal.charAt(0) === path.sep || normal.slice(0, 3) === '..' + path.sep) return false
    return match.matcher.ignores(normal)
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
    // glob (and its matcher) loads only for a path that may be a pattern: every pattern has one of these characters.
    const globs = /[*?[\]{}()]/.test(entry) ? await import('glob') : undefined
    if (globs?.hasMagic(entry)) {
      // As unified-engine expanded a glob (the same package and options); one that matches nothing is reported as missing.
      const matches = (await globs.glob(entry, {cwd})).sort()
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
