/**
 * trouw's data (rules, word classes, signals, phases) is YAML a writer can
 * edit. Parsing that YAML is most of a cold start, so the build writes
 * `dist/data-cache.json`: each data file's parsed value with its size and
 * modification time. A file whose size and time still match is read from
 * the cache; any other is parsed, and the YAML library itself loads only
 * then.
 */
import {readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {packageRoot} from './package-root.js'
import {InputError} from './types.js'

type YamlModule = typeof import('yaml')

const require = createRequire(import.meta.url)
let yamlModule: YamlModule | undefined

/** The YAML library, loaded on first use. */
export function yaml(): YamlModule {
  yamlModule ??= require('yaml') as YamlModule
  return yamlModule
}

export const dataCacheFile = path.join(packageRoot, 'dist', 'data-cache.json')

interface Entry {
  size: number
  mtimeMs: number
  value: unknown
}

let entries: Record<string, Entry> | undefined

function cacheEntries(): Record<string, Entry> {
  if (!entries) {
    try {
      entries = JSON.parse(readFileSync(dataCacheFile, 'utf8')) as Record<string, Entry>
    } catch {
      entries = {}
    }
  }
  return entries
}

/** The cached value of a data file, when the cache has it and it is fresh. */
export function cachedValue(file: string): unknown {
  const entry = cacheEntries()[path.relative(packageRoot, file)]
  if (!entry) return undefined
  try {
    const stats = statSync(file)
    return stats.size === entry.size && stats.mtimeMs === entry.mtimeMs ? entry.value : undefined
  } catch {
    return undefined
  }
}

/** A data file's value: from the cache when fresh, else parsed. Throws `InputError` on bad YAML. */
export function readYamlValue(file: string): unknown {
  const cached = cachedValue(file)
  if (cached !== undefined) return cached
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new InputError(file, 'cannot read this file')
  }
  try {
    return yaml().parse(text) as unknown
  } catch (error) {
    throw new InputError(file, `invalid YAML: ${(error as Error).message.split('\n')[0]}`)
  }
}

/** Write the cache for every `.yml` under `rules/` and `dictionaries/` (run by the build). */
export function writeDataCache(): number {
  const out: Record<string, Entry> = {}
  for (const folder of ['rules', 'dictionaries']) {
    const dir = path.join(packageRoot, folder)
    for (const name of readdirSync(dir, {recursive: true}) as string[]) {
      if (!/\.ya?ml$/.test(name)) continue
      const file = path.join(dir, name)
      const stats = statSync(file)
      out[path.relative(packageRoot, file)] = {
        size: stats.size,
        mtimeMs: stats.mtimeMs,
        value: yaml().parse(readFileSync(file, 'utf8')) as unknown
      }
    }
  }
  const temporary = dataCacheFile + '.tmp'
  writeFileSync(temporary, JSON.stringify(out))
  renameSync(temporary, dataCacheFile)
  return Object.keys(out).length
}
