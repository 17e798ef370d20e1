/**
 * Load rule instances from `rules/`: one YAML file per rule, id from the path
 * (`rules/coercion/minimum-term.yml` → `coercion/minimum-term`), every file
 * validated, errors naming the file, the line and the fix.
 */
import {readdirSync, readFileSync, renameSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {packageRoot} from './package-root.js'
import type {Document, LineCounter} from 'yaml'
import {cachedValue, yaml} from './data-cache.js'
import {blockRoles, categories, InputError, type BlockRole, type Category, type Language, type Severity} from './types.js'
import {defaultScope} from './scope.js'
import {kinds} from './kinds/index.js'
import {RuleFieldError, type Detector, type RuleData} from './kinds/kind.js'
import {alternationTraps} from './pattern-lint.js'
import {storedPatterns, type Classes, type CompileContext, type StoredPatterns} from './patterns.js'
import {predicates} from './predicates.js'
import {fixActions, type FixOperation} from './rewrite/operations.js'

export {packageRoot}
export const defaultRulesDir = path.join(packageRoot, 'rules')
export const docsBase = 'https://github.com/trouw-dev/trouw/blob/main/rules/'

const languages: readonly Language[] = ['en', 'nl']
const severities: readonly Severity[] = ['error', 'warning', 'info']
const commonKeys = [
  'category', 'subtype', 'severity', 'kind', 'message', 'fix', 'advice',
  'examples', 'docs', 'negation', 'quoted', 'roles'
]

export interface RuleExamples {
  incorrect: string[]
  correct: string[]
}

export interface Rule {
  id: string
  file: string
  category: Category
  subtype?: string
  severity: Severity
  kind: string
  message: Partial<Record<Language, string>>
  /** The fix operation (see `src/rewrite/operations.ts`), when the rule has a safe one. */
  fix?: FixOperation
  /** Advice for the message's note: what to do, with an example marked as one and `[placeholders]`. */
  advice: Partial<Record<Language, string>>
  examples: Partial<Record<Language, RuleExamples>>
  docs: string
  url: string
  languages: Language[]
  /**
   * The block roles the rule judges (`roles:` in the rule file; default: the
   * sender's own prose, see `src/scope.ts`). A heading, a menu, a quote or a
   * footer outside it raises nothing.
   */
  scope: readonly BlockRole[]
  data: RuleData
}

export interface RuleSet {
  rules: Rule[]
  byId: ReadonlyMap<string, Rule>
  /** Compiled detectors for one language (compiled on first use, cached). */
  detectors(lang: Language): ReadonlyArray<{rule: Rule; detector: Detector}>
}

const cache = new Map<string, RuleSet>()

export interface LoadOptions {
  /**
   * Compile every rule for every language now (default: true for a folder of
   * your own, false for the shipped rules, which compile per language on
   * first use: a one-file check in English does not pay for Dutch).
   */
  eager?: boolean | null
  /**
   * Called once per likely `a|b c` trap in a rule's patterns (see
   * `src/pattern-lint.ts`), with the file and the hint; the build prints
   * them for the shipped rules. Default: not checked.
   */
  onWarning?: ((message: string) => void) | null
}

/**
 * Load (once per process) every rule under `dir`. Throws `InputError` on the
 * first invalid file: YAML and fields at once, patterns when the rules of a
 * language are compiled (at once, unless `options.eager` is false). The
 * shipped rules are compiled in full by `npm run build`, so their patterns are
 * known to be valid before anyone runs them.
 */
export function loadRules(dir: string = defaultRulesDir, options?: Readonly<LoadOptions> | null): RuleSet {
  const cached = cache.get(dir)
  if (cached) return cached
  const rules = listRuleFiles(dir).map((file) => readRule(dir, file, cachedValue(file)))
  const byId = new Map(rules.map((rule) => [rule.id, rule]))
  const compiled = new Map<Language, Array<{rule: Rule; detector: Detector}>>()
  const detectors = (lang: Language) => {
    let list = compiled.get(lang)
    if (!list) {
      list = rules.filter((rule) => rule.languages.includes(lang)).map((rule) => ({rule, detector: compileRule(rule, lang)}))
      compiled.set(lang, list)
    }
    return list
  }
  if (options?.eager ?? dir !== defaultRulesDir) for (const lang of languages) detectors(lang)
  if (options?.onWarning) for (const rule of rules) for (const hint of ruleTraps(rule)) options.onWarning(`${rule.file}: ${hint}`)
  const set: RuleSet = {rules, byId, detectors}
  cache.set(dir, set)
  return set
}

const patternFields = ['patterns', 'also', 'unless', 'before'] as const

/** The likely `a|b c` traps in a rule's pattern fields, one hint each. */
function ruleTraps(rule: Rule): string[] {
  const hints: string[] = []
  for (const field of patternFields) {
    const perLanguage = rule.data.fields[field]
    if (!perLanguage || typeof perLanguage !== 'object') continue
    for (const [lang, list] of Object.entries(perLanguage as Record<string, unknown>)) {
      if (!Array.isArray(list)) continue
      for (const source of list) {
        if (typeof source !== 'string') continue
        for (const hint of alternationTraps(source)) hints.push(`\`${field}.${lang}\` pattern \`${source}\`: ${hint}`)
      }
    }
  }
  return hints
}

/** Compile one rule for one language; a pattern error names the file and the line of the field. */
function compileRule(rule: Rule, lang: Language): Detector {
  try {
    return kinds[rule.kind].compile(rule.data, lang, compileContext(lang))
  } catch (error) {
    if (!(error instanceof RuleFieldError)) throw error
    let doc: Document | undefined
    try {
      doc = parseYaml(rule.file).doc
    } catch {
      // The file changed or vanished since it was loaded: report without a line.
    }
    throw fieldError(rule.file, doc, error)
  }
}

function listRuleFiles(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir, {recursive: true}) as string[]
  } catch {
    throw new InputError(dir, 'cannot read the rules folder: check that it exists')
  }
  return entries
    .filter((entry) => /\.ya?ml$/.test(entry))
    .map((entry) => path.join(dir, entry))
    .sort()
}

const classCache = new Map<Language, Classes>()

/** Word classes for patterns (`<you>`, `<cancel>`), from `dictionaries/classes.<lang>.yml`. */
export function loadClasses(lang: Language): Classes {
  let classes = classCache.get(lang)
  if (classes) return classes
  const file = classesFile(lang)
  let value = cachedValue(file)
  let doc: Document | undefined
  if (value === undefined) {
    doc = parseYaml(file).doc
    value = doc.toJS() as unknown
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InputError(file, 'must be a map from class name to a list of patterns')
  }
  for (const [name, members] of Object.entries(value)) {
    if (!Array.isArray(members) || !members.every((member) => typeof member === 'string')) {
      throw new InputError(file, `class \`${name}\` must be a list of patterns (strings)`, doc ? lineOf(doc, [name]) : undefined)
    }
  }
  classes = value as Classes
  classCache.set(lang, classes)
  return classes
}

const contexts = new Map<Language, CompileContext>()

/** The compile context of a language: one object per language, so that what it compiled is shared (see `compilePattern`). */
export function compileContext(lang: Language): CompileContext {
  let context = contexts.get(lang)
  if (!context) contexts.set(lang, (context = {classes: loadClasses(lang), predicates: predicates(lang), stored: readStoredPatterns(lang)}))
  return context
}

/** The build's compiled patterns of a language (see `StoredPatterns`), with the classes file they were compiled with. */
export function storedPatternsFile(lang: Language): string {
  return path.join(packageRoot, 'dist', `patterns.${lang}.json`)
}

function classesFile(lang: Language): string {
  return path.join(packageRoot, 'dictionaries', `classes.${lang}.yml`)
}

/** The size and time of the classes file, which the stored patterns must match. */
function classesStamp(lang: Language): string {
  const stats = statSync(classesFile(lang))
  return `${stats.size} ${stats.mtimeMs}`
}

/** The stored patterns of a language when they match its classes file; else none (every pattern compiles, which only costs time). */
function readStoredPatterns(lang: Language): StoredPatterns | null {
  try {
    const stored = JSON.parse(readFileSync(storedPatternsFile(lang), 'utf8')) as {classes: string} & StoredPatterns
    return stored.classes === classesStamp(lang) ? stored : null
  } catch {
    return null
  }
}

/**
 * Write `dist/patterns.<lang>.json` (run by the build): every pattern the
 * context compiled, so `compileContext` hands it to a cold check. Compile
 * everything a check uses first (rules, signals, phases).
 */
export function writeStoredPatterns(lang: Language): number {
  const stored = storedPatterns(compileContext(lang))
  const file = storedPatternsFile(lang)
  writeFileSync(file + '.tmp', JSON.stringify({classes: classesStamp(lang), ...stored}))
  renameSync(file + '.tmp', file)
  return Object.keys(stored.patterns).length
}

function parseYaml(file: string): {doc: Document; counter: LineCounter} {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new InputError(file, 'cannot read this file')
  }
  const {LineCounter, parseDocument} = yaml()
  const counter = new LineCounter()
  const doc = parseDocument(text, {lineCounter: counter, prettyErrors: false})
  if (doc.errors.length > 0) {
    const error = doc.errors[0]
    const line = counter.linePos(error.pos[0]).line
    throw new InputError(file, `invalid YAML: ${error.message.split('\n')[0]}`, line)
  }
  ;(doc as Document & {lineCounter?: LineCounter}).lineCounter = counter
  return {doc, counter}
}

function lineOf(doc: Document, key: ReadonlyArray<string | number>): number | undefined {
  const counter = (doc as Document & {lineCounter?: LineCounter}).lineCounter
  if (!counter) return undefined
  for (let length = key.length; length > 0; length--) {
    const node = doc.getIn(key.slice(0, length), true) as {range?: [number, number, number]} | undefined
    if (node && node.range) return counter.linePos(node.range[0]).line
  }
  return undefined
}

function fieldError(file: string, doc: Document | undefined, error: unknown): InputError {
  if (error instanceof InputError) return error
  if (error instanceof RuleFieldError) {
    return new InputError(file, `\`${error.key.join('.')}\`: ${error.message}`, doc ? lineOf(doc, error.key) : undefined)
  }
  throw error
}

/** Read and validate one rule file (from the cache when given; YAML for errors with lines). */
function readRule(dir: string, file: string, cached?: unknown): Rule {
  if (cached !== undefined) {
    try {
      return buildRule(dir, file, cached, undefined)
    } catch {
      // Fall through: parse the YAML so that the error names its line.
    }
  }
  const {doc} = parseYaml(file)
  if (!yaml().isMap(doc.contents)) throw new InputError(file, 'a rule file must be a YAML map (category, severity, message, …)', 1)
  return buildRule(dir, file, doc.toJS(), doc)
}

function buildRule(dir: string, file: string, parsed: unknown, doc: Document | undefined): Rule {
  const id = path.relative(dir, file).replace(/\\/g, '/').replace(/\.ya?ml$/, '')
  const fail = (key: ReadonlyArray<string | number>, message: string): never => {
    throw new InputError(file, message, doc ? lineOf(doc, key) ?? 1 : undefined)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) fail([], 'a rule file must be a YAML map (category, severity, message, …)')
  const value = parsed as Record<string, unknown>

  const kindName = value.kind === undefined ? 'phrase' : value.kind
  if (typeof kindName !== 'string' || !(kindName in kinds)) {
    fail(['kind'], `\`kind\` must be one of ${Object.keys(kinds).join(', ')} (got \`${String(kindName)}\`)`)
  }
  const kind = kinds[kindName as string]
  if (value.suggestions !== undefined) {
    fail(['suggestions'], '`suggestions` (canned replacement sentences) is gone: a rule gives a computed `fix` (see docs/writing-rules.md) and `advice` with [placeholders]')
  }
  const allowed = new Set([...commonKeys, ...kind.keys])
  for (const key of Object.keys(value)) {
    if (!allowed.has(key)) fail([key], `unknown key \`${key}\`; a ${kind.name} rule takes ${[...allowed].join(', ')}`)
  }

  const category = value.category as Category
  if (!categories.includes(category)) {
    fail(['category'], `\`category\` must be one of ${categories.join(', ')} (got \`${String(category)}\`)`)
  }
  const folder = id.split('/')[0]
  if (folder !== category) fail(['category'], `\`category\` is \`${category}\` but the file is in \`rules/${folder}/\`: move the file or fix the category`)
  const severity = value.severity as Severity
  if (!severities.includes(severity)) fail(['severity'], `\`severity\` must be one of ${severities.join(', ')} (got \`${String(severity)}\`)`)
  if (value.subtype !== undefined && typeof value.subtype !== 'string') fail(['subtype'], '`subtype` must be a string')
  if (typeof value.docs !== 'string' || value.docs.trim().length < 20) {
    fail(['docs'], '`docs` must explain the rule in a few sentences (why it matters, what to write instead)')
  }

  const message = perLanguageStrings(value.message, ['message'], fail)
  const advice = value.advice === undefined ? {} : perLanguageStrings(value.advice, ['advice'], fail)
  const fix = value.fix === undefined ? undefined : readFix(value.fix, fail)
  const examples = readExamples(value.examples, fail)

  const data: RuleData = {
    id,
    kind: kind.name,
    fields: value,
    negation: value.negation === undefined ? true : value.negation === true,
    quoted: value.quoted === true
  }
  let ruleLanguages: Language[]
  try {
    ruleLanguages = kind.languages(data)
  } catch (error) {
    throw fieldError(file, doc, error)
  }
  if (ruleLanguages.length === 0) fail([], 'the rule has no patterns for `en` or `nl`')
  for (const lang of ruleLanguages) {
    if (!message[lang]) fail(['message'], `\`message\` needs a \`${lang}\` text: the rule has ${lang} patterns`)
    const own = examples[lang]
    if (!own || own.incorrect.length === 0 || own.correct.length === 0) {
      fail(['examples'], `\`examples.${lang}\` needs at least one \`incorrect\` and one \`correct\` sentence`)
    }
  }
  let scope: readonly BlockRole[] = defaultScope(category, typeof value.subtype === 'string' ? value.subtype : undefined)
  if (value.roles !== undefined) {
    const list = value.roles
    if (!Array.isArray(list) || list.length === 0 || !list.every((role) => blockRoles.includes(role as BlockRole))) {
      fail(['roles'], `\`roles\` must be a list of block roles: ${blockRoles.join(', ')}`)
    }
    scope = list as BlockRole[]
  }
  const rule: Rule = {
    id,
    file,
    category,
    subtype: value.subtype as string | undefined,
    severity,
    kind: kind.name,
    message,
    fix,
    advice,
    examples,
    docs: (value.docs as string).trim(),
    url: docsBase + id + '.yml',
    languages: ruleLanguages,
    scope,
    data
  }
  return rule
}

type Fail = (key: ReadonlyArray<string | number>, message: string) => never

function perLanguageStrings(value: unknown, key: string[], fail: Fail): Partial<Record<Language, string>> {
  if (typeof value === 'string') return {en: value, nl: value}
  if (!value || typeof value !== 'object') return fail(key, `\`${key[0]}\` must be a map of \`en\`/\`nl\` to text`)
  const out: Partial<Record<Language, string>> = {}
  for (const [lang, text] of Object.entries(value)) {
    if (!languages.includes(lang as Language)) fail([...key, lang], `unknown language \`${lang}\`; use \`en\` or \`nl\``)
    if (typeof text !== 'string' || text.trim() === '') fail([...key, lang], `\`${key[0]}.${lang}\` must be a text`)
    out[lang as Language] = (text as string).trim()
  }
  return out
}

function perLanguageLists(value: unknown, key: string[], fail: Fail): Partial<Record<Language, string[]>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return fail(key, `\`${key[0]}\` must be a map of \`en\`/\`nl\` to a list of texts`)
  const out: Partial<Record<Language, string[]>> = {}
  for (const [lang, list] of Object.entries(value)) {
    if (!languages.includes(lang as Language)) fail([...key, lang], `unknown language \`${lang}\`; use \`en\` or \`nl\``)
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      fail([...key, lang], `\`${key[0]}.${lang}\` must be a list of texts`)
    }
    out[lang as Language] = list as string[]
  }
  return out
}

function readExamples(value: unknown, fail: Fail): Partial<Record<Language, RuleExamples>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(['examples'], '`examples` must map `en`/`nl` to `{incorrect: [...], correct: [...]}`')
  }
  const out: Partial<Record<Language, RuleExamples>> = {}
  for (const [lang, entry] of Object.entries(value)) {
    if (!languages.includes(lang as Language)) fail(['examples', lang], `unknown language \`${lang}\`; use \`en\` or \`nl\``)
    const {incorrect = [], correct = []} = (entry ?? {}) as Record<string, unknown>
    for (const [name, list] of [['incorrect', incorrect], ['correct', correct]] as const) {
      if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
        fail(['examples', lang, name], `\`examples.${lang}.${name}\` must be a list of sentences`)
      }
    }
    out[lang as Language] = {incorrect: incorrect as string[], correct: correct as string[]}
  }
  return out
}

/** Read `fix`: `{action: remove}` or `{action: opt-out, en: "No thanks", nl: "Nee, bedankt"}`. */
function readFix(value: unknown, fail: Fail): FixOperation {
  const actions = Object.keys(fixActions)
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return fail(['fix'], `\`fix\` must be a map with an \`action\` (${actions.join(', ')})`)
  }
  const {action, ...texts} = value as Record<string, unknown>
  if (typeof action !== 'string' || !actions.includes(action)) fail(['fix', 'action'], `\`fix.action\` must be one of ${actions.join(', ')} (got \`${String(action)}\`)`)
  const needs = fixActions[action as keyof typeof fixActions].texts
  const text: Partial<Record<Language, string>> = {}
  for (const [lang, item] of Object.entries(texts)) {
    if (!languages.includes(lang as Language)) fail(['fix', lang], `unknown key \`${lang}\`; \`fix\` takes \`action\` and per language \`en\`/\`nl\` text`)
    if (!needs) fail(['fix', lang], `\`fix.action\` \`${String(action)}\` takes no text`)
    if (typeof item !== 'string' || item.trim() === '') fail(['fix', lang], `\`fix.${lang}\` must be a text`)
    text[lang as Language] = (item as string).trim()
  }
  if (needs && Object.keys(text).length === 0) fail(['fix'], `\`fix.action\` \`${String(action)}\` needs the text per language (\`en\`, \`nl\`)`)
  return {action: action as FixOperation['action'], text}
}
