/**
 * The terminal report (`--format pretty`, the default on a terminal without
 * `NO_COLOR`), drawn with ink's `renderToString`: per file the path,
 * language, phase and ESP score with its five components as bars; each
 * finding with its place, the source line with the span highlighted, the
 * reason, the suggestion and the rule id; a summary. It fits `columns`.
 *
 * ink and React are loaded on the first call only (and the CLI imports this
 * module lazily), so `trouw check` without a terminal does not pay for them.
 */
import type {VFile} from 'vfile'
import {preferProductionReact} from '../ui/production.js'

export interface PrettyOptions {
  /** Terminal width in columns (default: 80). */
  columns?: number | null
  /** Whether the terminal shows colour; without it, `^` marks spans (default: what ink's colour detection says). */
  colored?: boolean | null
  /** Leave out files without findings that pass (default: false). */
  quiet?: boolean | null
}

/** The narrowest report trouw draws; narrower terminals wrap it. */
const minColumns = 30

type Ink = typeof import('ink')
type React = typeof import('react')
let loaded: Promise<{ink: Ink; react: React; ui: typeof import('../ui/Report.js'); model: typeof import('../ui/model.js')}> | undefined

function load() {
  preferProductionReact()
  loaded ??= Promise.all([import('ink'), import('react'), import('../ui/Report.js'), import('../ui/model.js')]).then(([ink, react, ui, model]) => ({ink, react, ui, model}))
  return loaded
}

let colorSupport: boolean | undefined

/** Whether ink writes colour here (it follows chalk's detection: TTY, `FORCE_COLOR`, `NO_COLOR`). */
export async function inkHasColor(): Promise<boolean> {
  if (colorSupport === undefined) {
    const {ink, react} = await load()
    colorSupport = ink.renderToString(react.createElement(ink.Text, {color: 'red'}, 'x')).includes('\u001B[')
  }
  return colorSupport
}

export async function prettyReport(files: readonly VFile[], options?: Readonly<PrettyOptions> | null): Promise<string> {
  const {ink, react, ui, model} = await load()
  const width = Math.max(minColumns, Math.floor(options?.columns ?? 80) - 1)
  const colored = options?.colored ?? (await inkHasColor())
  const report = model.toReportModel(files)
  if (options?.quiet) report.files = report.files.filter((file) => file.findings.length > 0 || file.belowMinEsp)
  const output = ink.renderToString(react.createElement(ui.Report, {model: report, width, colored}), {columns: width})
  return output.replace(/[ \t]+$/gm, '') + '\n'
}
