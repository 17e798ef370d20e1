/**
 * The terminal report (`--format pretty`, the default on a terminal without
 * `NO_COLOR`), drawn with ink's `renderToString`: per file the path,
 * language, phase and ESP score with its five components as bars; each
 * finding with its place, the source line with the span highlighted, the
 * reason, the suggestion and the rule id; a summary. It fits `columns`.
 *
 * ink and React are loaded here only (the CLI imports this module lazily),
 * so `trouw check` without a terminal does not pay for them.
 */
import type {VFile} from 'vfile'
import {createElement} from 'react'
import {Text, renderToString} from 'ink'
import {Report} from '../ui/Report.js'
import {toReportModel} from '../ui/model.js'

export interface PrettyOptions {
  /** Terminal width in columns (default: 80). */
  columns?: number | null
  /** Whether to mark spans for a terminal without colour with `^` (default: whatever ink's colour support says). */
  colored?: boolean | null
}

/** The narrowest report trouw draws; narrower terminals wrap it. */
const minColumns = 30

let colorSupport: boolean | undefined

/** Whether ink writes colour here (it follows chalk's detection: TTY, `FORCE_COLOR`, `NO_COLOR`). */
export function inkHasColor(): boolean {
  colorSupport ??= renderToString(createElement(Text, {color: 'red'}, 'x')).includes('\u001B[')
  return colorSupport
}

export async function prettyReport(files: readonly VFile[], options?: Readonly<PrettyOptions> | null): Promise<string> {
  const width = Math.max(minColumns, Math.floor(options?.columns ?? 80) - 1)
  const colored = options?.colored ?? inkHasColor()
  const output = renderToString(createElement(Report, {model: toReportModel(files), width, colored}), {columns: width})
  return output.replace(/[ \t]+$/gm, '') + '\n'
}
