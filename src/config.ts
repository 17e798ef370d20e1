/**
 * trouw's configuration: what a `.trouwrc*` file or the `"trouw"` field of a
 * `package.json` may say, how it is checked, and how it combines with the
 * command-line flags.
 *
 * Precedence, per file: a flag on the command line wins over the nearest
 * configuration file (found upwards from the file), which wins over the
 * defaults. `rules` merge per key (a `--rule` flag changes one rule and keeps
 * the others from the file); `allow` and `words` add up.
 */
import type {Language, SeverityOrOff} from './types.js'
import {InputError} from './types.js'
import type {Rule} from './rule-loader.js'
import {spellingRuleId} from './spelling-rule.js'

/** The configuration file name (`.trouwrc`, `.trouwrc.json`, `.trouwrc.yaml`…), found upwards from each file. */
export const rcName = '.trouwrc'
/** The field of a `package.json` that holds trouw's configuration. */
export const packageField = 'trouw'
/** The ignore file (gitignore syntax, paths relative to its folder). */
export const ignoreName = '.trouwignore'

export type FailOn = 'error' | 'warning' | 'info' | 'never'

/** A configuration as a file states it (every key optional). */
export interface TrouwConfig {
  /** Language of the copy (default: `auto`, detected per file). */
  lang?: Language | 'auto'
  /** Severity per rule id, `category/subtype`, category or `spelling` (default: each rule's own). */
  rules?: Record<string, SeverityOrOff>
  /** Rule ids, categories or phrases that never raise a finding (default: none). */
  allow?: string[]
  /** Words the spell checker accepts (default: none). */
  words?: string[]
  /** Check spelling (default: false). */
  spell?: boolean
  /** Fail (exit 1) when a file's ESP score is below this, 0–100 (default: none). */
  minEsp?: number
  /** Fail on findings at this level or above (default: `warning`). */
  failOn?: FailOn
}

/** What one file is checked with, after flags, config and defaults. */
export interface ResolvedSettings {
  lang: Language | 'auto'
  rules: Record<string, SeverityOrOff>
  allow: string[]
  words: string[]
  spell: boolean
  minEsp: number | undefined
  failOn: FailOn
  /** The configuration file these came from, if any. */
  configPath: string | undefined
}

export const configKeys = ['lang', 'rules', 'allow', 'words', 'spell', 'minEsp', 'failOn'] as const
const levels = ['off', 'info', 'warning', 'error'] as const
const failLevels = ['error', 'warning', 'info', 'never'] as const
const languages = ['en', 'nl', 'auto'] as const

/** A configuration problem: `file: message`, one line, exit 2. */
export class ConfigError extends InputError {
  constructor(path: string, message: string) {
    super(path, message)
    this.name = 'ConfigError'
  }
}

/** Rule ids, `category/subtype` names, categories and `spelling`: the keys `rules` may use. */
export function knownRuleNames(rules: readonly Pick<Rule, 'id' | 'category' | 'subtype'>[]): Set<string> {
  const names = new Set<string>(['spelling', spellingRuleId])
  for (const rule of rules) {
    names.add(rule.id)
    names.add(rule.category)
    if (rule.subtype) names.add(`${rule.category}/${rule.subtype}`)
  }
  return names
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)
  return text.length > 40 ? text.slice(0, 37) + '…' : text
}

function list(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`
}

function stringList(path: string, key: string, value: unknown, what: string): string[] {
  if (!Array.isArray(value)) throw new ConfigError(path, `\`${key}\` must be a list of ${what}, e.g. ["…"] (got \`${show(value)}\`)`)
  value.forEach((entry, index) => {
    if (typeof entry !== 'string' || entry.trim() === '') {
      throw new ConfigError(path, `\`${key}[${index}]\` must be a non-empty string (got \`${show(entry)}\`)`)
    }
  })
  return value as string[]
}

/**
 * Check a configuration as found in `path` and return it typed. Throws a
 * `ConfigError` naming the file, the key and the fix. Rule names that are not
 * known are kept (a newer rule set may know them) and passed to `warn`.
 */
export function validateConfig(
  raw: unknown,
  path: string,
  known: ReadonlySet<string>,
  warn?: ((message: string) => void) | null
): TrouwConfig {
  if (!isPlainObject(raw)) {
    throw new ConfigError(path, `must be an object of settings, e.g. {"lang": "nl"} (got \`${show(raw)}\`)`)
  }
  const config: TrouwConfig = {}
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue
    if (value === undefined) continue
    switch (key) {
      case 'lang':
        if (!languages.includes(value as never)) throw new ConfigError(path, `\`lang\` must be ${list([...languages])} (got \`${show(value)}\`)`)
        config.lang = value as TrouwConfig['lang']
        break
      case 'rules': {
        if (!isPlainObject(value)) throw new ConfigError(path, `\`rules\` must be an object of rule to level, e.g. {"coercion": "error"} (got \`${show(value)}\`)`)
        const rules: Record<string, SeverityOrOff> = {}
        for (const [name, level] of Object.entries(value)) {
          if (!levels.includes(level as never)) throw new ConfigError(path, `\`rules.${name}\` must be ${list([...levels])} (got \`${show(level)}\`)`)
          if (!known.has(name)) warn?.(`${path}: \`rules.${name}\` is not a known rule, category or subtype, so it does nothing: check the name (\`trouw explain CATEGORY\` lists them)`)
          rules[name] = level as SeverityOrOff
        }
        config.rules = rules
        break
      }
      case 'allow':
        config.allow = stringList(path, 'allow', value, 'rule ids, categories or phrases')
        break
      case 'words':
        config.words = stringList(path, 'words', value, 'words')
        break
      case 'spell':
        if (typeof value !== 'boolean') throw new ConfigError(path, `\`spell\` must be true or false (got \`${show(value)}\`)`)
        config.spell = value
        break
      case 'minEsp':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
          throw new ConfigError(path, `\`minEsp\` must be a number from 0 to 100 (got \`${show(value)}\`)`)
        }
        config.minEsp = value
        break
      case 'failOn':
        if (!failLevels.includes(value as never)) throw new ConfigError(path, `\`failOn\` must be ${list([...failLevels])} (got \`${show(value)}\`)`)
        config.failOn = value as FailOn
        break
      default:
        throw new ConfigError(path, `\`${key}\` is not a trouw setting: use ${list([...configKeys])} (see docs/configuration.md)`)
    }
  }
  return config
}

/** Combine: flags over config over defaults. */
export function resolveSettings(
  config: Readonly<TrouwConfig> | null | undefined,
  flags: Readonly<TrouwConfig> | null | undefined,
  configPath?: string | undefined
): ResolvedSettings {
  const file = config ?? {}
  const cli = flags ?? {}
  return {
    lang: cli.lang ?? file.lang ?? 'auto',
    rules: {...file.rules, ...cli.rules},
    allow: [...(file.allow ?? []), ...(cli.allow ?? [])],
    words: [...(file.words ?? []), ...(cli.words ?? [])],
    spell: cli.spell ?? file.spell ?? false,
    minEsp: cli.minEsp ?? file.minEsp,
    failOn: cli.failOn ?? file.failOn ?? 'warning',
    configPath
  }
}
