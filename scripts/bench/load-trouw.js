/**
 * Find and load the built trouw library for the eval and bench scripts, with
 * a one-line message instead of a stack trace when it has not been built.
 */

import fs from 'node:fs'
import path from 'node:path'
import process from 'node:process'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** The package root (the folder with package.json). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** The built library entry. */
export const distIndex = path.join(packageRoot, 'dist', 'index.js')

/** The built CLI entry: the package's bin (a CommonJS shim; dist/cli/bin.js is the same as an ES module). */
export const distCli = path.join(packageRoot, 'dist', 'cli', 'bin.cjs')

/**
 * Print one line to stderr and exit with code 2.
 *
 * @param {string} script
 * @param {string} message
 * @returns {never}
 */
export function fail(script, message) {
  console.error(script + ': ' + message)
  process.exit(2)
}

/**
 * Read a JSON Lines file (blank lines skipped); a line that is not JSON ends
 * the script with its file and line.
 *
 * @param {string} script
 * @param {string} file
 * @returns {any[]}
 */
export function readJsonl(script, file) {
  const records = []
  let number = 0
  for (const raw of fs.readFileSync(file, 'utf8').split('\n')) {
    number++
    if (raw.trim() === '') continue
    try {
      records.push(JSON.parse(raw))
    } catch {
      fail(script, file + ':' + number + ': not valid JSON; fix or remove the line')
    }
  }
  return records
}

/**
 * Import `dist/index.js` and return its `check` function.
 *
 * @param {string} script
 *   Name used in the error message.
 * @returns {Promise<(value: string | Uint8Array, options?: Record<string, unknown>) => Promise<import('vfile').VFile>>}
 */
export async function loadCheck(script) {
  if (!fs.existsSync(distIndex)) fail(script, 'dist/index.js is missing; run npm run build first')
  /** @type {Record<string, unknown>} */
  let library
  try {
    library = await import(pathToFileURL(distIndex).href)
  } catch (error) {
    fail(script, 'dist/index.js failed to load (' + firstLine(error) + '); run npm run build first')
  }
  if (typeof library.check !== 'function') fail(script, 'dist/index.js does not export check(); run npm run build first')
  return /** @type {any} */ (library.check)
}

/**
 * The first line of an error's message.
 *
 * @param {unknown} error
 */
export function firstLine(error) {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0]
}
