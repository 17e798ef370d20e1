/**
 * `.trouwrc` and `.trouwrc.json` may hold comments and trailing commas (as
 * ESLint's and TypeScript's JSON configs may). unified-engine reads them with
 * a strict JSON parser and takes no loader of its own, so its
 * `Configuration` (used by `trouw check` and the language server alike) gets
 * the bytes of those two files with the comments blanked out first
 * (src/jsonc.ts keeps every line and column, so a syntax error still points
 * at the right place). `package.json` stays strict JSON, as npm wants it.
 * Importing this module installs the hook, once.
 */
import path from 'node:path'
import {Configuration} from 'unified-engine'
import {rcName} from './config.js'
import {stripJsonc} from './jsonc.js'

type Create = (buf: Uint8Array | undefined, filePath: string | undefined) => Promise<unknown>

const installed = Symbol.for('trouw.jsonc-config')
const prototype = Configuration.prototype as unknown as {create: Create; [installed]?: true}

/** Whether unified-engine reads `filePath` as a trouw JSON config. */
export function isJsonRc(filePath: string): boolean {
  const base = path.basename(filePath)
  return base === rcName || base === rcName + '.json'
}

if (!prototype[installed]) {
  const create = prototype.create
  prototype.create = function (this: unknown, buf, filePath) {
    if (buf && filePath && isJsonRc(filePath)) buf = Buffer.from(stripJsonc(Buffer.from(buf).toString('utf8')), 'utf8')
    return create.call(this, buf, filePath)
  }
  prototype[installed] = true
}
