/**
 * From an HTTP request (content type, query, body bytes) to a check job with
 * exactly the settings `trouw check` would use for the same input:
 *
 * - `text/plain`, `text/markdown`, `text/html`, `application/mjml` or
 *   `text/mjml`, `message/rfc822`: the body is the copy, in that format;
 * - `application/json`: `{text, path?, format?, lang?, failOn?, minEsp?, config?: {rules, allow, spell, words, failOn, minEsp}}`;
 * - `?lang=en|nl|auto`, `?failOn=…`, `?minEsp=N` and `?path=…` set those for any body (a JSON field wins);
 * - the `X-Trouw-Path` header names the file as `?path=` does (percent-encode what is not ASCII);
 * - `?parts=true` (or JSON `parts: true`) adds an email's decoded parts to the report.
 *
 * Problems are `HttpError`s: 415 for a content type or charset trouw does not
 * read, 400 for malformed JSON, 422 for values that are well-formed but wrong.
 */
import {formats, type FormatName, type Language} from '../types.js'
import {ConfigError, knownRuleNames, validateConfig, type FailOn} from '../config.js'
import {loadRules} from '../rule-loader.js'
import {HttpError} from './errors.js'
import type {CheckJob} from './protocol.js'

/** Content types of copy, and the format each one means. */
export const copyTypes: Readonly<Record<string, FormatName>> = {
  'text/plain': 'text',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
  'text/html': 'html',
  'application/mjml': 'mjml',
  'text/mjml': 'mjml',
  'message/rfc822': 'eml'
}

const accepted = [...Object.keys(copyTypes), 'application/json'].join(', ')
const languages = ['en', 'nl', 'auto'] as const
const configKeys = new Set(['rules', 'allow', 'spell', 'words', 'failOn', 'minEsp'])
const bodyKeys = ['text', 'path', 'format', 'lang', 'failOn', 'minEsp', 'config', 'parts']
const failLevels = ['error', 'warning', 'info', 'never'] as const
/** The longest file name a request may give. */
const maxPathLength = 1024
let known: Set<string> | undefined

/** A media type and its parameters, lower-cased names. */
export function parseContentType(header: string | undefined): {type: string; charset: string | undefined} {
  const [type = '', ...parameters] = (header ?? '').split(';')
  let charset: string | undefined
  for (const parameter of parameters) {
    const [name, value] = parameter.split('=')
    if (name?.trim().toLowerCase() === 'charset' && value) charset = value.trim().replace(/^"|"$/g, '').toLowerCase()
  }
  return {type: type.trim().toLowerCase(), charset}
}

function partsFrom(value: unknown, where: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (value === true || value === 'true' || value === '1') return true
  if (value === false || value === 'false' || value === '0') return false
  throw new HttpError(422, 'invalid-parts', `${where} must be true or false (got ${JSON.stringify(value).slice(0, 40)})`)
}

function languageFrom(value: unknown, where: string): Language | 'auto' | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (!languages.includes(value as never)) {
    throw new HttpError(422, 'invalid-lang', `${where} must be en, nl or auto (got ${JSON.stringify(value).slice(0, 40)})`)
  }
  return value as Language | 'auto'
}

function failOnFrom(value: unknown, where: string): FailOn | undefined {
  if (value === undefined || value === null || value === '') return undefined
  if (!failLevels.includes(value as never)) {
    throw new HttpError(422, 'invalid-fail-on', `${where} must be error, warning, info or never (got ${JSON.stringify(value).slice(0, 40)})`)
  }
  return value as FailOn
}

/** A JSON number, or (`fromText`, a query parameter) the text of one. */
function minEspFrom(value: unknown, where: string, fromText = false): number | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const number = fromText && typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof number !== 'number' || !Number.isFinite(number) || number < 0 || number > 100) {
    throw new HttpError(422, 'invalid-min-esp', `${where} must be a number from 0 to 100 (got ${JSON.stringify(value).slice(0, 40)})`)
  }
  return number
}

/** A file name for the report: one line of at most 1024 characters; a header's may be percent-encoded. */
function pathFrom(value: unknown, where: string, encoded = false): string | undefined {
  if (value === undefined || value === null || value === '') return undefined
  let text = value
  if (typeof text === 'string' && encoded && text.includes('%')) {
    try {
      text = decodeURIComponent(text)
    } catch {
      throw new HttpError(422, 'invalid-path', `${where} is not valid percent-encoding: encode the file name as UTF-8`)
    }
  }
  // eslint-disable-next-line no-control-regex
  if (typeof text !== 'string' || text.length > maxPathLength || /[\u0000-\u001f\u007f]/.test(text)) {
    throw new HttpError(422, 'invalid-path', `${where} must be a file name of one line and at most ${maxPathLength} characters, e.g. "mails/welcome.html"`)
  }
  return text
}

/** What the query string and headers say, for any body. */
interface RequestDefaults {
  lang: Language | 'auto' | undefined
  parts: boolean | undefined
  failOn: FailOn | undefined
  minEsp: number | undefined
  path: string | undefined
}

/** Bytes in a declared charset to UTF-8 bytes; UTF-8 (or no charset) passes through untouched. */
function toUtf8(bytes: Uint8Array, charset: string | undefined): Uint8Array {
  if (!charset || charset === 'utf-8' || charset === 'utf8' || charset === 'us-ascii') return bytes
  let decoder: InstanceType<typeof TextDecoder>
  try {
    decoder = new TextDecoder(charset, {fatal: true})
  } catch {
    throw new HttpError(415, 'unsupported-charset', `charset ${JSON.stringify(charset).slice(0, 40)} is not supported: send UTF-8`)
  }
  try {
    return new TextEncoder().encode(decoder.decode(bytes))
  } catch {
    throw new HttpError(422, 'invalid-encoding', `the body is not valid ${charset}: send UTF-8`)
  }
}

/** Throw the 415 for a content type trouw does not read (before the body is read). */
export function assertAcceptedType(contentType: string | undefined): void {
  const {type} = parseContentType(contentType)
  if (copyTypes[type] || type === 'application/json') return
  throw new HttpError(
    415,
    'unsupported-media-type',
    type ? `content type ${JSON.stringify(type).slice(0, 60)} is not accepted: send one of ${accepted}` : `no content type: send one of ${accepted}`
  )
}

/**
 * The check job for a request, or an `HttpError`. `pathHeader` is the
 * `X-Trouw-Path` header, if any.
 */
export function parseCheckRequest(contentType: string | undefined, query: URLSearchParams, body: Uint8Array, pathHeader?: string | string[]): CheckJob {
  const {type, charset} = parseContentType(contentType)
  const defaults: RequestDefaults = {
    lang: languageFrom(query.get('lang') ?? undefined, 'the `lang` query parameter'),
    parts: partsFrom(query.get('parts') ?? undefined, 'the `parts` query parameter'),
    failOn: failOnFrom(query.get('failOn') ?? query.get('fail-on') ?? undefined, 'the `failOn` query parameter'),
    minEsp: minEspFrom(query.get('minEsp') ?? query.get('min-esp') ?? undefined, 'the `minEsp` query parameter', true),
    path: pathFrom(query.get('path') ?? undefined, 'the `path` query parameter') ?? pathFrom(Array.isArray(pathHeader) ? pathHeader[0] : pathHeader, 'the X-Trouw-Path header', true)
  }
  const format = copyTypes[type]
  if (format) {
    return {
      // A MIME message declares its own charsets, part by part.
      bytes: format === 'eml' ? body : toUtf8(body, charset),
      path: defaults.path ?? null,
      format,
      lang: defaults.lang ?? 'auto',
      rules: {},
      allow: [],
      spell: false,
      words: [],
      failOn: defaults.failOn ?? 'warning',
      minEsp: defaults.minEsp ?? null,
      parts: defaults.parts ?? false
    }
  }
  if (type === 'application/json') return parseJsonRequest(toUtf8(body, charset), defaults)
  assertAcceptedType(contentType)
  throw new HttpError(415, 'unsupported-media-type', `send one of ${accepted}`)
}

function parseJsonRequest(body: Uint8Array, defaults: Readonly<RequestDefaults>): CheckJob {
  let source: string
  try {
    source = new TextDecoder('utf-8', {fatal: true}).decode(body)
  } catch {
    throw new HttpError(422, 'invalid-encoding', 'the JSON body is not valid UTF-8: send JSON as UTF-8')
  }
  let raw: unknown
  try {
    raw = JSON.parse(source)
  } catch (error) {
    throw new HttpError(400, 'malformed-json', `the body is not valid JSON (${(error as Error).message.split('\n')[0]}): send {"text": "..."}`)
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new HttpError(422, 'invalid-body', 'the JSON body must be an object like {"text": "...", "lang": "nl"}')
  }
  const request = raw as Record<string, unknown>
  for (const key of Object.keys(request)) {
    if (!bodyKeys.includes(key)) {
      throw new HttpError(422, 'invalid-body', `unknown field ${JSON.stringify(key).slice(0, 40)}: the body takes ${bodyKeys.join(', ')}`)
    }
  }
  if (typeof request.text !== 'string') throw new HttpError(422, 'invalid-text', '`text` must be a string with the copy to check')
  let format: FormatName | null = null
  if (request.format !== undefined && request.format !== null && request.format !== 'auto') {
    if (!formats.includes(request.format as never)) {
      throw new HttpError(422, 'invalid-format', `\`format\` must be one of ${formats.join(', ')} or auto (got ${JSON.stringify(request.format).slice(0, 40)})`)
    }
    format = request.format as FormatName
  }
  const lang = languageFrom(request.lang, '`lang`') ?? defaults.lang ?? 'auto'
  const config = request.config ?? {}
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new HttpError(422, 'invalid-config', '`config` must be an object like {"rules": {"coercion/urgency": "off"}}')
  }
  for (const key of Object.keys(config)) {
    if (!configKeys.has(key)) throw new HttpError(422, 'invalid-config', `\`config.${key.slice(0, 40)}\` is not a setting here: config takes rules, allow, spell, words, failOn and minEsp`)
  }
  known ??= knownRuleNames(loadRules().rules)
  let settings
  try {
    settings = validateConfig(config, 'config', known)
  } catch (error) {
    if (error instanceof ConfigError) throw new HttpError(422, 'invalid-config', error.message.replace(/^`/, '`config.'))
    throw error
  }
  return {
    bytes: new TextEncoder().encode(request.text),
    path: pathFrom(request.path, '`path`') ?? defaults.path ?? null,
    format,
    lang,
    rules: settings.rules ?? {},
    allow: settings.allow ?? [],
    spell: settings.spell ?? false,
    words: settings.words ?? [],
    failOn: failOnFrom(request.failOn, '`failOn`') ?? settings.failOn ?? defaults.failOn ?? 'warning',
    minEsp: minEspFrom(request.minEsp, '`minEsp`') ?? settings.minEsp ?? defaults.minEsp ?? null,
    parts: partsFrom(request.parts, '`parts`') ?? defaults.parts ?? false
  }
}
