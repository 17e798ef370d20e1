/**
 * From an HTTP request (content type, query, body bytes) to a check job with
 * exactly the settings `trouw check` would use for the same input:
 *
 * - `text/plain`, `text/markdown`, `text/html`, `application/mjml` or
 *   `text/mjml`, `message/rfc822`: the body is the copy, in that format;
 * - `application/json`: `{text, format?, lang?, config?: {rules, allow, spell, words}}`;
 * - `?lang=en|nl|auto` sets the language (a JSON `lang` wins over it);
 * - `?parts=true` (or JSON `parts: true`) adds an email's decoded parts to the report.
 *
 * Problems are `HttpError`s: 415 for a content type or charset trouw does not
 * read, 400 for malformed JSON, 422 for values that are well-formed but wrong.
 */
import {formats, type FormatName, type Language} from '../types.js'
import {ConfigError, knownRuleNames, validateConfig} from '../config.js'
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
const configKeys = new Set(['rules', 'allow', 'spell', 'words'])
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

/** The check job for a request, or an `HttpError`. */
export function parseCheckRequest(contentType: string | undefined, query: URLSearchParams, body: Uint8Array): CheckJob {
  const {type, charset} = parseContentType(contentType)
  const queryLang = languageFrom(query.get('lang') ?? undefined, 'the `lang` query parameter')
  const queryParts = partsFrom(query.get('parts') ?? undefined, 'the `parts` query parameter')
  const format = copyTypes[type]
  if (format) {
    return {
      // A MIME message declares its own charsets, part by part.
      bytes: format === 'eml' ? body : toUtf8(body, charset),
      format,
      lang: queryLang ?? 'auto',
      rules: {},
      allow: [],
      spell: false,
      words: [],
      parts: queryParts ?? false
    }
  }
  if (type === 'application/json') return parseJsonRequest(toUtf8(body, charset), queryLang, queryParts)
  assertAcceptedType(contentType)
  throw new HttpError(415, 'unsupported-media-type', `send one of ${accepted}`)
}

function parseJsonRequest(body: Uint8Array, queryLang: Language | 'auto' | undefined, queryParts: boolean | undefined): CheckJob {
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
    if (!['text', 'format', 'lang', 'config', 'parts'].includes(key)) {
      throw new HttpError(422, 'invalid-body', `unknown field ${JSON.stringify(key).slice(0, 40)}: the body takes text, format, lang, config and parts`)
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
  const lang = languageFrom(request.lang, '`lang`') ?? queryLang ?? 'auto'
  const config = request.config ?? {}
  if (typeof config !== 'object' || config === null || Array.isArray(config)) {
    throw new HttpError(422, 'invalid-config', '`config` must be an object like {"rules": {"coercion/urgency": "off"}}')
  }
  for (const key of Object.keys(config)) {
    if (!configKeys.has(key)) throw new HttpError(422, 'invalid-config', `\`config.${key.slice(0, 40)}\` is not a setting here: config takes rules, allow, spell and words`)
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
    format,
    lang,
    rules: settings.rules ?? {},
    allow: settings.allow ?? [],
    spell: settings.spell ?? false,
    words: settings.words ?? [],
    parts: partsFrom(request.parts, '`parts`') ?? queryParts ?? false
  }
}
