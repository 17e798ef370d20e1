/**
 * The CLI as a function: arguments and streams in, exit code out, so tests
 * can run it in-process and the bin stays a thin wrapper.
 */
import {existsSync} from 'node:fs'
import {UsageError, didYouMean, parseCommandArgs} from './args.js'
import type {VFile} from 'vfile'
import {formats, type FormatName, type SeverityOrOff} from '../types.js'
import type {TrouwConfig} from '../config.js'
import {readStdin, runFiles} from './files.js'
import {JsonReportWriter} from '../report/json.js'
import {explain} from './explain.js'
import {verdictOf} from '../verdict.js'
import {version} from './version.js'

export {UsageError}

export interface Io {
  stdin: NodeJS.ReadableStream & {isTTY?: boolean}
  stdout: NodeJS.WritableStream & {isTTY?: boolean; columns?: number}
  stderr: NodeJS.WritableStream
}

export const help = `trouw: check marketing copy for forced loyalty and faked emotion

Usage:
  trouw check [files, folders, globs...] [options]
                                     check copy (stdin when none given, or -)
  trouw explain RULE|CATEGORY        print a rule's docs and examples
  trouw lsp --stdio                  run the language server (docs/editors.md)
  trouw review FILE                  walk a file's findings and fix them (interactive)
  trouw serve [--port N]             run the HTTP check service and playground (docs/service.md)
  trouw --help | --version

Folders are searched for .txt .md .markdown .html .htm .mjml .eml files;
node_modules and the paths in .trouwignore files are skipped. Quote globs
('copy/**/*.md') so trouw expands them, with .trouwignore applied.

Options for check:
  --lang en|nl|auto       language of the copy (default: auto, per file)
  --format FORMAT         report: pretty, text, json, sarif, github
                          (default: pretty on a terminal, text otherwise)
  --format-in FORMAT      input: text, markdown, html, mjml, eml
                          (default: from the extension, else sniffed)
  --fail-on LEVEL         exit 1 on findings at this level or above:
                          error, warning, info, never (default: warning)
  --min-esp N             exit 1 when a file's ESP score is below N (0-100)
  -q, --quiet             report warnings and errors only, and nothing of
                          clean files
  --rule ID=LEVEL         set a rule, category/subtype, category or spelling
                          to off, info, warning or error (repeatable)
  --allow ID|PHRASE       never report this rule, category or phrase (repeatable)
  --spell, --no-spell     check spelling (default: off)
  --word WORD             a word the spell checker accepts (repeatable)
  --config FILE           use this configuration file for every input
                          (default: the nearest .trouwrc* or package.json
                          "trouw" field, looked up from each file)
  --no-config             use no configuration file, only flags and defaults
  --no-ignore             check files even if a .trouwignore lists them
  --max-size MB           check files (and stdin) up to this size in MB
                          (default: 10); a bigger one is refused
  --stdin, -              read the copy from standard input (also when no
                          file is given and stdin is not a terminal)
  --color, --no-color     colour in the pretty report, or none (default: on a
                          terminal, unless NO_COLOR is set; FORCE_COLOR forces
                          it); --color also picks the pretty report on a pipe
  -w, --watch             check again whenever a file (or its config) is saved;
                          stop with Ctrl-C
  -h, --help              show this help

Configuration (.trouwrc, .trouwrc.json, .trouwrc.yaml, .trouwrc.yml,
.trouwrc.js, .trouwrc.cjs, .trouwrc.mjs, or "trouw" in package.json):
  {"lang": "nl", "rules": {"coercion/urgency": "off", "spelling": "info"},
   "allow": ["generic-claim", "best in town"], "words": ["Trouwbox"],
   "spell": true, "minEsp": 60, "failOn": "error"}
Flags win over the nearest config, which wins over the defaults; --rule,
--allow and --word add to the config's rules, allow and words.
Inline, in Markdown, HTML and MJML:
  <!--trouw ignore RULE-->    no findings of RULE in the next block
  <!--trouw disable RULE-->   none until <!--trouw enable RULE-->
  (RULE: a rule id, category/subtype or category; none for all rules)
See docs/configuration.md.

Exit codes: 0 clean, 1 findings at the failing level or ESP below --min-esp,
2 usage, configuration or input error.
`

const reportFormats = ['pretty', 'text', 'json', 'sarif', 'github'] as const
export type ReportFormat = (typeof reportFormats)[number]

/** The commands, for "did you mean". */
const commands = ['check', 'explain', 'lsp', 'review', 'serve', 'help'] as const

/** The usage error for a first argument that is not a command, with the likeliest meaning. */
function unknownCommand(command: string, argv: readonly string[]): UsageError {
  const near = didYouMean(command, commands)
  if (near) return new UsageError(`unknown command \`${command}\`: did you mean \`trouw ${[near, ...argv.slice(1)].join(' ')}\`?`)
  if (command.startsWith('-')) {
    const option = command.split('=')[0]
    if (checkOptionNames().includes(option)) return new UsageError(`\`${option}\` is an option of a command: did you mean \`trouw check ${argv.join(' ')}\`?`)
    const nearOption = didYouMean(option, ['--help', '--version', ...checkOptionNames()])
    return new UsageError(`unknown option \`${option}\`${nearOption ? `: did you mean \`${nearOption}\`?` : ''}`)
  }
  if (existsSync(command) || /[./\\]/.test(command)) {
    return new UsageError(`unknown command \`${command}\`: did you mean \`trouw check ${argv.join(' ')}\`?`)
  }
  return new UsageError(`unknown command \`${command}\`: use ${commands.slice(0, -1).join(', ')}`)
}

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
  if (command === 'lsp') return (await import('./lsp.js')).lsp(rest, io)
  if (command === 'review') return (await import('./review.js')).review(rest, io)
  if (command === 'check') return runCheck(rest, io)
  if (command === 'serve') return (await import('./serve.js')).serve(rest, io)
  throw unknownCommand(command, argv)
}

const checkOptions = {
  lang: {type: 'string'},
  format: {type: 'string'},
  'format-in': {type: 'string'},
  'fail-on': {type: 'string'},
  'min-esp': {type: 'string'},
  quiet: {type: 'boolean', short: 'q'},
  rule: {type: 'string', multiple: true},
  allow: {type: 'string', multiple: true},
  spell: {type: 'boolean'},
  'no-spell': {type: 'boolean'},
  word: {type: 'string', multiple: true},
  config: {type: 'string'},
  'no-config': {type: 'boolean'},
  'no-ignore': {type: 'boolean'},
  'max-size': {type: 'string'},
  stdin: {type: 'boolean'},
  color: {type: 'boolean'},
  'no-color': {type: 'boolean'},
  watch: {type: 'boolean', short: 'w'},
  help: {type: 'boolean', short: 'h'}
} as const

function checkOptionNames(): string[] {
  return Object.keys(checkOptions).map((name) => `--${name}`)
}

function parseCheckArgs(argv: string[]) {
  return parseCommandArgs({args: argv, allowPositionals: true, strict: true, options: checkOptions}, 'check')
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined
  if (!allowed.includes(value as T)) throw new UsageError(`\`--${name}\` must be one of ${allowed.join(', ')} (got \`${value}\`)`)
  return value as T
}


/** The settings given on the command line: they win over config files. */
function flagsFrom(values: ReturnType<typeof parseCheckArgs>['values']): TrouwConfig {
  const flags: TrouwConfig = {}
  const lang = oneOf('lang', values.lang, ['en', 'nl', 'auto'] as const)
  if (lang) flags.lang = lang
  const failOn = oneOf('fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'] as const)
  if (failOn) flags.failOn = failOn
  if (values['min-esp'] !== undefined) {
    const minEsp = Number(values['min-esp'])
    if (values['min-esp'].trim() === '' || !Number.isFinite(minEsp) || minEsp < 0 || minEsp > 100) {
      throw new UsageError(`\`--min-esp\` must be a number from 0 to 100 (got \`${values['min-esp']}\`)`)
    }
    flags.minEsp = minEsp
  }
  if (values.rule?.length) {
    const rules: Record<string, SeverityOrOff> = {}
    for (const entry of values.rule) {
      const [id, level] = entry.split('=')
      if (!id || !level) throw new UsageError(`\`--rule\` takes ID=LEVEL, e.g. \`--rule generic-claim=off\` (got \`${entry}\`)`)
      rules[id] = oneOf('rule', level, ['off', 'info', 'warning', 'error'] as const)!
    }
    flags.rules = rules
  }
  if (values.allow?.length) flags.allow = values.allow
  if (values.word?.length) flags.words = values.word
  if (values['no-spell']) flags.spell = false
  else if (values.spell) flags.spell = true
  return flags
}

/** What one `trouw check` run needs, parsed from the arguments. */
export interface CheckCommand {
  files: string[]
  flags: TrouwConfig
  report: ReportFormat
  formatIn: FormatName | undefined
  configPath: string | undefined
  detectConfig: boolean
  detectIgnore: boolean
  /** Report warnings and errors only, and no score for clean files (default: false). */
  quiet?: boolean
  /** Colour in the pretty report: forced on or off (default: what the terminal and environment say). */
  color?: boolean
  /** Largest file or stdin to check, in bytes (default: 10 MB, `defaultMaxBytes`). */
  maxBytes?: number
}

/** `--max-size MB` in bytes (MB as in the size messages: 1024 × 1024 bytes); undefined when not given. */
function maxBytesFrom(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const megabytes = Number(value)
  if (value.trim() === '' || !Number.isFinite(megabytes) || megabytes <= 0) {
    throw new UsageError(`\`--max-size\` takes a size in MB greater than 0, e.g. \`--max-size 64\` (got \`${value}\`)`, 'check')
  }
  return Math.floor(megabytes * 1024 * 1024)
}

/** What `--color`, `--no-color`, `NO_COLOR` and the terminal say about colour; undefined: let the terminal decide. */
function colorFrom(values: {color?: boolean; 'no-color'?: boolean}): boolean | undefined {
  if (values.color && values['no-color']) throw new UsageError('pass `--color` or `--no-color`, not both')
  if (values.color) return true
  if (values['no-color']) return false
  return undefined
}

async function runCheck(argv: string[], io: Io): Promise<number> {
  const {values, positionals} = parseCheckArgs(argv)
  if (values.help) {
    io.stdout.write(help)
    return 0
  }
  const readsStdin = Boolean(values.stdin) || positionals.includes('-')
  if (readsStdin && positionals.some((entry) => entry !== '-')) {
    throw new UsageError('read standard input (`-` or `--stdin`) or files, not both')
  }
  const color = colorFrom(values)
  const terminal = Boolean(io.stdout.isTTY) && !process.env.NO_COLOR && color !== false
  const command: CheckCommand = {
    files: readsStdin ? [] : positionals,
    flags: flagsFrom(values),
    report: oneOf('format', values.format, reportFormats) ?? (terminal || color === true ? 'pretty' : 'text'),
    formatIn: oneOf('format-in', values['format-in'], formats) as FormatName | undefined,
    configPath: values.config,
    detectConfig: !values['no-config'],
    detectIgnore: !values['no-ignore'],
    quiet: Boolean(values.quiet),
    color,
    maxBytes: maxBytesFrom(values['max-size'])
  }
  if (values.config !== undefined && values['no-config']) throw new UsageError('pass `--config FILE` or `--no-config`, not both')

  if (values.watch) {
    if (readsStdin) throw new UsageError('`--watch` watches files: it cannot read standard input')
    if (positionals.length === 0) throw new UsageError('`--watch` needs files or folders to watch')
    const {watchCheck} = await import('./watch.js')
    return watchCheck(command, io)
  }

  let stdin: Uint8Array | undefined
  if (readsStdin) {
    stdin = await readStdin(io.stdin, command.maxBytes)
  } else if (positionals.length === 0) {
    if (io.stdin.isTTY) throw new UsageError('no input: pass files to check, or pipe copy on stdin')
    stdin = await readStdin(io.stdin, command.maxBytes)
  }
  return checkOnce(command, io, stdin)
}

/** Check, report, and return the exit code. */
export async function checkOnce(command: Readonly<CheckCommand>, io: Io, stdin?: Uint8Array): Promise<number> {
  const result = await checkCommand(command, io, stdin)
  return result.code
}

/** Check and report; the exit code and the paths that took part (for `--watch`). */
export async function checkCommand(
  command: Readonly<CheckCommand>,
  io: Io,
  stdin?: Uint8Array,
  beforeReport?: () => void
): Promise<{code: number; inputs: string[]}> {
  const progress = progressLine(io)
  // Reports that can be written a file at a time are, as files are checked: no file is kept.
  const stream = await streamingReport(command, io)
  let failed = false
  let shown = false
  const onFile = (file: VFile): void => {
    file.data.trouwVerdict = verdictOf(file)
    if (!file.data.trouwVerdict.pass) failed = true
    if (command.quiet) file.messages = file.messages.filter((message) => message.severity !== 'info')
    progress?.clear()
    if (!shown) beforeReport?.()
    shown = true
    stream!.add(file)
  }
  const result = await runFiles({
    files: command.files,
    stdin,
    flags: command.flags,
    format: command.formatIn,
    configPath: command.configPath,
    detectConfig: command.detectConfig,
    detectIgnore: command.detectIgnore,
    maxBytes: command.maxBytes,
    onWarning: (line) => io.stderr.write(`trouw: ${line}\n`),
    onProgress: progress?.update,
    onFile: stream && onFile,
    parallel: true
  })
  progress?.clear()
  if (!shown) beforeReport?.()
  for (const line of result.errors) io.stderr.write(`trouw: ${withSizeHint(line)}\n`)

  // The verdict is taken on every finding, before --quiet leaves infos out of the report.
  for (const file of result.files) file.data.trouwVerdict = verdictOf(file)
  if (result.files.some((file) => !file.data.trouwVerdict!.pass)) failed = true
  if (command.quiet) {
    for (const file of result.files) file.messages = file.messages.filter((message) => message.severity !== 'info')
  }
  if (stream) {
    if (result.streamed > 0) stream.end()
  } else {
    await writeReport(result.files, command, io)
  }

  if (result.errors.length > 0) return {code: 2, inputs: result.inputs}
  return {code: failed ? 1 : 0, inputs: result.inputs}
}

/** A file (or stdin) refused for its size: say how to check it anyway. */
export function withSizeHint(line: string): string {
  return / more than the limit of [\d.]+ (?:MB|KB|bytes): /.test(line) ? `${line}, or raise the limit with \`--max-size MB\`` : line
}

/**
 * A progress line on stderr while many files (more than 20) are checked on
 * a terminal; nothing otherwise.
 */
function progressLine(io: Io): {update: (done: number, total: number) => void; clear: () => void} | undefined {
  const stream = io.stderr as Io['stderr'] & {isTTY?: boolean; columns?: number}
  if (!stream.isTTY) return undefined
  let shown = false
  let last = 0
  return {
    update(done, total) {
      if (total <= 20) return
      const now = Date.now()
      if (done < total && now - last < 50) return
      last = now
      const width = Math.max(10, Math.min(30, (stream.columns ?? 80) - 40))
      const filled = Math.round((done / total) * width)
      stream.write(`\r\x1b[Ktrouw: checking ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} files`)
      shown = true
    },
    clear() {
      if (shown) stream.write('\r\x1b[K')
    }
  }
}

/**
 * The report for files as they come, for the formats that write a file at a
 * time (json, text, github, sarif); none for the pretty report, drawn from
 * the whole set.
 */
async function streamingReport(command: Readonly<CheckCommand>, io: Io): Promise<{add: (file: VFile) => void; end: () => void} | undefined> {
  const write = (chunk: string) => {
    if (chunk) io.stdout.write(chunk)
  }
  switch (command.report) {
    case 'json': {
      const writer = new JsonReportWriter(write)
      return {add: (file) => writer.add(file), end: () => writer.end()}
    }
    case 'github': {
      const {githubReport} = await import('../report/github.js')
      return {add: (file) => write(githubReport([file])), end: () => {}}
    }
    case 'sarif': {
      const {SarifReportWriter} = await import('../report/sarif.js')
      const writer = new SarifReportWriter()
      return {add: (file) => write(writer.add(file)), end: () => write(writer.end())}
    }
    case 'text': {
      // Loaded on use, as the other reports: its display widths (string-width) cost a JSON run about 5 % of its start.
      const {TextReportWriter} = await import('../report/text.js')
      const writer = new TextReportWriter({quiet: command.quiet})
      return {add: (file) => write(writer.add(file)), end: () => write(writer.end())}
    }
    default:
      return undefined
  }
}

/** The report drawn from the whole set of files: pretty. */
async function writeReport(files: VFile[], command: Readonly<CheckCommand>, io: Io): Promise<void> {
  if (files.length === 0) return
  const {prettyReport} = await import('../report/pretty.js')
  if (command.color !== undefined) {
    // ink's colours follow chalk, which reads FORCE_COLOR when ink loads (on this first pretty report).
    process.env.FORCE_COLOR = command.color ? '1' : '0'
  }
  io.stdout.write(await prettyReport(files, {columns: io.stdout.columns ?? 80, quiet: Boolean(command.quiet), colored: command.color}))
}
