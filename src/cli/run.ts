/**
 * The CLI as a function: arguments and streams in, exit code out, so tests
 * can run it in-process and the bin stays a thin wrapper.
 */
import {parseArgs} from 'node:util'
import type {VFile} from 'vfile'
import {check, type CheckOptions} from '../engine.js'
import {checkFile} from '../check-file.js'
import {formats, InputError, type FormatName, type Severity, type SeverityOrOff} from '../types.js'
import {stringifyReport, toJsonReport} from '../report/json.js'
import {textReport} from '../report/text.js'
import {explain} from './explain.js'
import {version} from './version.js'

export class UsageError extends Error {
  override toString(): string {
    return `${this.message} (see \`trouw --help\`)`
  }
}

export interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}
  stderr: NodeJS.WritableStream
}

export const help = `trouw: check marketing copy for forced loyalty and faked emotion

Usage:
  trouw check [files...] [options]   check files (stdin when none)
  trouw explain RULE|CATEGORY        print a rule's docs and examples
  trouw --help | --version

Options for check:
  --lang en|nl|auto       language of the copy (default: auto, per file)
  --format FORMAT         report: pretty, text, json, sarif, github
                          (default: pretty on a terminal, text otherwise)
  --format-in FORMAT      input: text, markdown, html, mjml, eml
                          (default: from the extension, else sniffed)
  --fail-on LEVEL         exit 1 on findings at this level or above:
                          error, warning, info, never (default: warning)
  --min-esp N             exit 1 when a file's ESP score is below N (0-100)
  --rule ID=LEVEL         set a rule, category/subtype or category to
                          off, info, warning or error (repeatable)
  --allow ID|PHRASE       never report this rule, category or phrase (repeatable)
  --spell, --no-spell     check spelling (default: off)
  --word WORD             a word the spell checker accepts (repeatable)

Exit codes: 0 clean, 1 findings at the failing level or ESP below --min-esp,
2 usage, configuration or input error.
`

const severityLevels: Record<Severity, number> = {info: 0, warning: 1, error: 2}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(help)
    return command === undefined ? 2 : 0
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(version() + '\n')
    return 0
  }
  if (command === 'explain') return explain(rest, io)
  if (command === 'check') return runCheck(rest, io)
  throw new UsageError(`unknown command \`${command}\``)
}

function parseCheckArgs(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        lang: {type: 'string'},
        format: {type: 'string'},
        'format-in': {type: 'string'},
        'fail-on': {type: 'string'},
        'min-esp': {type: 'string'},
        rule: {type: 'string', multiple: true},
        allow: {type: 'string', multiple: true},
        spell: {type: 'boolean'},
        'no-spell': {type: 'boolean'},
        word: {type: 'string', multiple: true},
        help: {type: 'boolean', short: 'h'}
      }
    })
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0].replace(/\. To specify.*$/, ''))
  }
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`\`--${name}\` must be one of ${allowed.join(', ')} (got \`${value}\`)`)
  return value as T
}

async function readStdin(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string))
  return Buffer.concat(chunks)
}

async function runCheck(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parseCheckArgs(argv)
  if (values.help) {
    io.stdout.write(help)
    return 0
  }
  const lang = oneOf('lang', values.lang, ['en', 'nl', 'auto'] as const)
  const format = oneOf('format', values.format, ['pretty', 'text', 'json', 'sarif', 'github'] as const) ?? (io.stdout.isTTY && !process.env.NO_COLOR ? 'pretty' : 'text')
  const formatIn = oneOf('format-in', values['format-in'], formats) as FormatName | undefined
  const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'] as const) ?? 'warning'
  let minEsp: number | undefined
  if (values['min-esp'] !== undefined) {
    minEsp = Number(values['min-esp'])
    if (!Number.isFinite(minEsp) || minEsp < 0 || minEsp > 100) throw new UsageError(`\`--min-esp\` must be a number from 0 to 100 (got \`${values['min-esp']}\`)`)
  }
  const rules: Record<string, SeverityOrOff> = {}
  for (const entry of values.rule ?? []) {
    const [id, level] = entry.split('=')
    if (!id || !level) throw new UsageError(`\`--rule\` takes ID=LEVEL, e.g. \`--rule generic-claim=off\` (got \`${entry}\`)`)
    rules[id] = oneOf('rule', level, ['off', 'info', 'warning', 'error'] as const)!
  }
  const options: CheckOptions = {
    lang: lang ?? 'auto',
    format: formatIn,
    rules,
    allow: values.allow ?? [],
    spell: values['no-spell'] ? false : values.spell ?? false,
    words: values.word ?? []
  }

  const files: VFile[] = []
  let inputErrors = 0
  if (positionals.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no input: pass files to check, or pipe copy on stdin')
    files.push(await check(await readStdin(io.stdin), options))
  } else {
    for (const path of positionals) {
      try {
        files.push(await checkFile(path, options))
      } catch (error) {
        if (!(error instanceof InputError)) throw error
        io.stderr.write(`trouw: ${String(error)}\n`)
        inputErrors++
      }
    }
  }

  await writeReport(files, format, io)

  if (inputErrors > 0) return 2
  const failing = failOn === 'never' ? Infinity : severityLevels[failOn]
  const found = files.some((file) =>
    file.messages.some((message) => message.category !== 'notice' && severityLevels[message.severity ?? 'info'] >= failing)
  )
  const belowEsp = minEsp !== undefined && files.some((file) => (file.data.trouw?.scores?.esp ?? 0) < minEsp!)
  return found || belowEsp ? 1 : 0
}

async function writeReport(files: VFile[], format: string, io: Io): Promise<void> {
  if (files.length === 0) return
  switch (format) {
    case 'json':
      io.stdout.write(stringifyReport(toJsonReport(files)))
      return
    case 'sarif': {
      const {sarifReport} = await import('../report/sarif.js')
      io.stdout.write(JSON.stringify(sarifReport(files), null, 2) + '\n')
      return
    }
    case 'github': {
      const {githubReport} = await import('../report/github.js')
      io.stdout.write(githubReport(files))
      return
    }
    case 'pretty': {
      const {prettyReport} = await import('../report/pretty.js')
      io.stdout.write(await prettyReport(files, {columns: io.stdout.columns ?? 80}))
      return
    }
    default:
      io.stdout.write(textReport(files))
  }
}
