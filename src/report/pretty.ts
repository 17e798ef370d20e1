/**
 * The terminal report. The ink interface (issue 6) replaces this; until then
 * a terminal gets the plain text report.
 */
import type {VFile} from 'vfile'
import {textReport} from './text.js'

export async function prettyReport(files: readonly VFile[], _options: {columns: number}): Promise<string> {
  return textReport(files)
}
