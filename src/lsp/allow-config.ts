/**
 * "Allow this phrase": add an entry to `allow` in the configuration that
 * applies to a document (the nearest `.trouwrc*` or `package.json` field),
 * or create `.trouwrc.json` when there is none. JSON keeps its indentation;
 * YAML keeps its comments; a JavaScript config cannot be edited safely, so
 * the user is told what to add.
 */
import {existsSync, readFileSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {parseDocument, isSeq} from 'yaml'
import {stripJsonc} from '../jsonc.js'

export interface AllowResult {
  /** The file that was written. */
  file: string
  /** Whether the file was created. */
  created: boolean
  /** Whether the entry was there already (nothing written). */
  present: boolean
}

/**
 * Add `phrase` to `allow` in `configPath`, or in a new `.trouwrc.json` in
 * `folder` when `configPath` is undefined. Throws an `Error` with a one-line
 * message a user can act on.
 */
export function addToAllow(phrase: string, configPath: string | undefined, folder: string): AllowResult {
  if (!configPath) {
    const file = path.join(folder, '.trouwrc.json')
    if (existsSync(file)) return addToAllow(phrase, file, folder)
    writeFileSync(file, JSON.stringify({allow: [phrase]}, null, 2) + '\n')
    return {file, created: true, present: false}
  }
  const text = readFileSync(configPath, 'utf8')
  const extension = path.extname(configPath)
  if (extension === '.js' || extension === '.cjs' || extension === '.mjs') {
    throw new Error(`${configPath} is JavaScript, which trouw does not edit: add ${JSON.stringify(phrase)} to its \`allow\` list yourself`)
  }
  const next =
    extension === '.yaml' || extension === '.yml' || (extension === '' && !looksLikeJson(text))
      ? addToYaml(text, phrase, configPath)
      : addToJson(text, phrase, configPath, path.basename(configPath) === 'package.json')
  if (next === undefined) return {file: configPath, created: false, present: true}
  writeFileSync(configPath, next)
  return {file: configPath, created: false, present: false}
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text)
}

function addToJson(text: string, phrase: string, file: string, packageJson: boolean): string | undefined {
  let data: Record<string, unknown>
  try {
    data = JSON.parse(stripJsonc(text)) as Record<string, unknown>
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message.split('\n')[0]}): fix it, then try again`)
  }
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? '  '
  const config = (packageJson ? (data.trouw ??= {}) : data) as Record<string, unknown>
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new Error(`${file}: the configuration is not an object: fix it, then try again`)
  }
  const allow = config.allow === undefined ? [] : config.allow
  if (!Array.isArray(allow)) throw new Error(`${file}: \`allow\` is not a list: fix it, then try again`)
  if (allow.includes(phrase)) return undefined
  if (stripJsonc(text) !== text) {
    throw new Error(`${file} has comments, which rewriting it would lose: add ${JSON.stringify(phrase)} to its \`allow\` list yourself`)
  }
  config.allow = [...allow, phrase]
  return JSON.stringify(data, null, indent) + (text.endsWith('\n') || text === '' ? '\n' : '')
}

function addToYaml(text: string, phrase: string, file: string): string | undefined {
  const document = parseDocument(text)
  if (document.errors.length > 0) throw new Error(`${file} is not valid YAML (${document.errors[0].message.split('\n')[0]}): fix it, then try again`)
  const allow = document.get('allow')
  if (allow !== undefined && !isSeq(allow)) throw new Error(`${file}: \`allow\` is not a list: fix it, then try again`)
  if (isSeq(allow)) {
    if (allow.items.some((item) => String((item as {value?: unknown}).value ?? item) === phrase)) return undefined
    allow.add(document.createNode(phrase))
  } else {
    document.set('allow', document.createNode([phrase]))
  }
  return document.toString()
}
