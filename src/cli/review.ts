/**
 * `trouw review FILE`: walk the findings of one file in an interactive ink
 * screen and apply suggestions, skip, ignore a rule inline, undo, and save
 * (atomically). The file is checked with the same settings `trouw check`
 * would use for it (flags over the nearest config over defaults).
 *
 * ink and React are imported here only, when the command runs.
 */
import {stat} from 'node:fs/promises'
import {InputError} from '../types.js'
import type {TrouwConfig} from '../config.js'
import type {CheckOptions} from '../engine.js'
import {runFiles} from './files.js'
import type {Io} from './run.js'
import {UsageError, parseCommandArgs} from './args.js'
import {ReviewSession, type ReviewOptions} from '../ui/review-session.js'
import {preferProductionReact} from '../ui/production.js'

export const reviewHelp = `Usage: trouw review FILE [options]

Walk the findings of FILE (text, Markdown, HTML or MJML) one by one and fix them:
  a, enter   apply the suggestion (1-3 choose among several first)
  s, →       skip to the next finding          ←  back to the previous one
  i          ignore the rule here: adds <!--trouw ignore RULE--> before the block
             (Markdown, HTML, MJML)
  u          undo the last change
  w          save (a temporary file, then renamed over FILE: never half-written)
  q          quit (asks to save when there are changes)

Options:
  --lang en|nl|auto       language of the copy (default: auto)
  --spell, --no-spell     check spelling (default: off, or the config's)
  --config FILE           use this configuration file (default: the nearest)
  --no-config             use no configuration file
  -h, --help              show this help
`

/** What `review` needs from the command line. */
export interface ReviewCommand {
  file: string
  flags: TrouwConfig
  configPath: string | undefined
  detectConfig: boolean
}

export function parseReviewArgs(argv: string[]): ReviewCommand | 'help' {
  const parsed = parseCommandArgs(
    {
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        lang: {type: 'string'},
        spell: {type: 'boolean'},
        'no-spell': {type: 'boolean'},
        config: {type: 'string'},
        'no-config': {type: 'boolean'},
        help: {type: 'boolean', short: 'h'}
      }
    },
    'review'
  )
  const {values, positionals} = parsed
  if (values.help) return 'help'
  if (positionals.length === 0 || positionals[0] === '-') {
    throw new UsageError('`trouw review` needs a FILE to edit (it cannot review stdin; pipe copy to `trouw check` instead)')
  }
  if (positionals.length > 1) throw new UsageError('`trouw review` takes one FILE at a time')
  if (values.config !== undefined && values['no-config']) throw new UsageError('pass `--config FILE` or `--no-config`, not both')
  const flags: TrouwConfig = {}
  if (values.lang !== undefined) {
    if (values.lang !== 'en' && values.lang !== 'nl' && values.lang !== 'auto') {
      throw new UsageError(`\`--lang\` must be one of en, nl, auto (got \`${values.lang}\`)`)
    }
    flags.lang = values.lang
  }
  if (values['no-spell']) flags.spell = false
  else if (values.spell) flags.spell = true
  return {file: positionals[0], flags, configPath: values.config, detectConfig: !values['no-config']}
}

/** The engine options for a file: its settings from flags and config, as `trouw check` resolves them. */
export async function reviewCheckOptions(command: Readonly<ReviewCommand>, onWarning?: (line: string) => void): Promise<CheckOptions> {
  const result = await runFiles({
    files: [command.file],
    flags: command.flags,
    configPath: command.configPath,
    detectConfig: command.detectConfig,
    detectIgnore: false,
    onWarning
  })
  if (result.errors.length > 0) {
    // `path: message`, where the path may be a configuration file.
    const line = result.errors[0]
    const colon = line.indexOf(': ')
    throw colon > 0 ? new InputError(line.slice(0, colon), line.slice(colon + 2)) : new InputError(command.file, line)
  }
  const settings = result.files[0]?.data.trouwSettings
  if (!settings) return {}
  return {lang: settings.lang, rules: settings.rules, allow: settings.allow, spell: settings.spell, words: settings.words}
}

/** Open a file for review with the settings `trouw check` would use. */
export async function openReview(command: Readonly<ReviewCommand>, options?: Readonly<Omit<ReviewOptions, 'check'>> & {onWarning?: (line: string) => void}): Promise<ReviewSession> {
  const check = await reviewCheckOptions(command, options?.onWarning)
  return ReviewSession.open(command.file, {...options, check})
}

export async function review(argv: string[], io: Io): Promise<number> {
  const command = parseReviewArgs(argv)
  if (command === 'help') {
    io.stdout.write(reviewHelp)
    return 0
  }
  try {
    const info = await stat(command.file)
    if (info.isDirectory()) throw new InputError(command.file, 'is a folder: `trouw review` takes one file')
  } catch (error) {
    if (error instanceof InputError) throw error
    throw new InputError(command.file, 'no such file: check the path')
  }
  if (!io.stdin.isTTY || !(io.stdout as {isTTY?: boolean}).isTTY) {
    throw new UsageError('`trouw review` is interactive and needs a terminal; in scripts and pipelines use `trouw check`')
  }
  const session = await openReview(command, {onWarning: (line) => io.stderr.write(`trouw: ${line}\n`)})

  preferProductionReact()
  // ink draws only the last frame when it thinks it runs in CI (a CI, CI_* or
  // CONTINUOUS_INTEGRATION variable). Review has just checked that it has a
  // terminal on both ends, so a person is at the keys: let ink draw every frame.
  process.env.CI = 'false'
  const [{render}, {createElement}, {ReviewApp}, {inkHasColor}] = await Promise.all([
    import('ink'),
    import('react'),
    import('../ui/ReviewApp.js'),
    import('../report/pretty.js')
  ])
  const width = Math.max(40, (io.stdout.columns ?? 80) - 1)
  const instance = render(createElement(ReviewApp, {session, width, colored: await inkHasColor()}), {
    stdin: io.stdin as NodeJS.ReadStream,
    stdout: io.stdout as NodeJS.WriteStream,
    stderr: io.stderr as NodeJS.WriteStream,
    exitOnCtrlC: false,
    patchConsole: false
  })
  await instance.waitUntilExit()
  const snapshot = session.snapshot()
  io.stdout.write(`trouw: ${exitLine(session)}\n`)
  return 0
}

/** What happened to the file, in one line after the screen closes. */
function exitLine(session: ReviewSession): string {
  const {saved, dirty} = session.snapshot()
  if (!dirty) return saved ? `saved ${session.path}` : `${session.path} unchanged`
  return saved ? `kept the last save of ${session.path}; later changes discarded` : `${session.path} unchanged; changes discarded`
}
