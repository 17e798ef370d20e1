/**
 * The settings a document is checked with: the same discovery as `trouw
 * check` (unified-engine's `Configuration` with trouw's names and
 * `validateConfig`: the nearest `.trouwrc*` or `"trouw"` field in a
 * `package.json`, upwards from the file), and `.trouwignore` (the nearest
 * one, paths relative to its folder, gitignore syntax).
 *
 * `loadDocumentSettings` is the one function the server calls; everything
 * is cached per folder until `invalidate` (a config or ignore file changed).
 * It never throws: an invalid config is reported in `problem` and the
 * document is checked with the defaults.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import ignorePackage, {type Ignore} from 'ignore'
import {Configuration} from 'unified-engine'
import {ConfigError, ignoreName, knownRuleNames, packageField, rcName, resolveSettings, validateConfig, type ResolvedSettings} from '../config.js'
import '../config-jsonc.js'
import {loadRules} from '../rule-loader.js'
import {InputError} from '../types.js'

export interface DocumentSettings {
  settings: ResolvedSettings
  /** The configuration file the settings came from, if any. */
  configPath?: string
  /** Why the configuration could not be used (the document is checked with the defaults). */
  problem?: string
  /** Warnings about the configuration (unknown rule names). */
  warnings: string[]
  /** Whether a `.trouwignore` skips the document. */
  ignored: boolean
}

// The types of `ignore` describe an ES default export; at run time it is CommonJS.
const ignore = ignorePackage as unknown as typeof ignorePackage.default


/** Marks the settings among a configuration's plugins. */
function trouwSettings(): void {}

let configuration: Configuration | undefined
let warnings: string[] = []
const ignores = new Map<string, {dir: string; matcher: Ignore} | null>()

/** Forget every cached configuration and ignore file. */
export function invalidate(): void {
  configuration = undefined
  ignores.clear()
}

/**
 * The rule names a config may use, loaded on the first `has` (only a config
 * with `rules` asks), so the server does not load the rules at start-up.
 */
function knownNames(): ReadonlySet<string> {
  let names: Set<string> | undefined
  const load = (): Set<string> => {
    if (!names) {
      try {
        names = knownRuleNames(loadRules().rules)
      } catch {
        names = new Set()
      }
    }
    return names
  }
  return {has: (name: string) => load().has(name)} as ReadonlySet<string>
}

function configurationFor(cwd: string): Configuration {
  if (configuration) return configuration
  const known = knownNames()
  configuration = new Configuration({
    cwd,
    rcName,
    packageField,
    detectConfig: true,
    configTransform(raw: unknown, filePath: string) {
      const config = validateConfig(raw, filePath, known, (line) => warnings.push(line))
      return {plugins: [[trouwSettings, {settings: resolveSettings(config, null, filePath)}]]}
    },
    defaultConfig: {plugins: [[trouwSettings, {settings: resolveSettings(null, null)}]]}
  } as ConstructorParameters<typeof Configuration>[0])
  return configuration
}

/** Settings for the file at `filePath` (absolute), or the defaults for a document without one. */
export async function loadDocumentSettings(filePath: string | undefined, cwd: string = process.cwd()): Promise<DocumentSettings> {
  const defaults: DocumentSettings = {settings: resolveSettings(null, null), warnings: [], ignored: false}
  if (!filePath) return defaults
  const ignored = isIgnored(filePath)
  warnings = []
  try {
    const result = await new Promise<{filePath?: string; plugins: unknown[]}>((resolve, reject) => {
      configurationFor(cwd).load(filePath, (error, result) => {
        if (error || !result) reject(error ?? new Error('no configuration'))
        else resolve(result as {filePath?: string; plugins: unknown[]})
        return undefined
      })
    })
    const entry = result.plugins.find((plugin) => Array.isArray(plugin) && plugin[0] === trouwSettings) as
      | [unknown, {settings: ResolvedSettings}]
      | undefined
    return {
      settings: entry?.[1].settings ?? defaults.settings,
      configPath: result.filePath,
      warnings: [...warnings],
      ignored
    }
  } catch (error) {
    // A broken config stays broken until it changes: load afresh next time.
    configuration = undefined
    return {...defaults, ignored, problem: describeConfigError(error)}
  }
}

/** One line for a configuration that could not be loaded. */
function describeConfigError(error: unknown): string {
  const chain: unknown[] = []
  let cause: unknown = error
  while (cause && chain.length < 8) {
    chain.push(cause)
    cause = (cause as {cause?: unknown}).cause
  }
  const known = chain.find((item) => item instanceof ConfigError || item instanceof InputError)
  if (known) return String(known)
  const parse = chain.find((item) => /^Cannot (?:parse|read) file `/.test(String((item as Error)?.message)))
  const innermost = chain[chain.length - 1] as Error | undefined
  const detail = String(innermost?.message ?? innermost).split('\n')[0].trim()
  if (parse) {
    const file = /`(.+?)`/.exec((parse as Error).message)![1]
    return `${file}: cannot be read (${detail}): fix its syntax`
  }
  return `the configuration cannot be loaded: ${detail}`
}

/** Whether the nearest `.trouwignore` above `filePath` lists it. */
function isIgnored(filePath: string): boolean {
  const found = nearestIgnore(path.dirname(filePath))
  if (!found) return false
  const relative = path.relative(found.dir, filePath)
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false
  try {
    return found.matcher.ignores(relative.split(path.sep).join('/'))
  } catch {
    return false
  }
}

function nearestIgnore(dir: string): {dir: string; matcher: Ignore} | null {
  if (ignores.has(dir)) return ignores.get(dir)!
  let found: {dir: string; matcher: Ignore} | null = null
  try {
    const text = readFileSync(path.join(dir, ignoreName), 'utf8')
    found = {dir, matcher: ignore().add(text)}
  } catch {
    const parent = path.dirname(dir)
    found = parent === dir ? null : nearestIgnore(parent)
  }
  ignores.set(dir, found)
  return found
}
