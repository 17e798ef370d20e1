/**
 * Start the bundled CLI with V8's code cache. `scripts/bundle.js` writes the
 * CLI as one CommonJS script (`dist/bundle/cli/bin.cjs`); this runs it as a
 * `vm.Script` with the bytecode V8 compiled for it last time, so a cold
 * `trouw check` does not parse and compile the bundle again (about a sixth
 * of a one-email check). Node 20 has no `module.enableCompileCache`, and its
 * ES modules take no cached data, hence the script.
 *
 * The cache is written next to the bundle when there is none that fits (by
 * the build, and at the end of the first run with another Node version or
 * other V8 flags): after the run, so it holds every function the run
 * compiled. Its name carries what V8 checks only in part (the Node version,
 * the flags) and the bundle's size and time, so a rebuilt bundle never gets
 * an old cache. A folder that cannot be written just means no cache;
 * `TROUW_CODE_CACHE=off` neither reads nor writes one.
 */
import {createRequire} from 'node:module'

// Node's own modules as CommonJS: importing `node:fs` as an ES module builds
// all its named exports, and with them fs streams (a few ms at every start).
const require = createRequire(import.meta.url)
const fs = require('node:fs') as typeof import('node:fs')
const path = require('node:path') as typeof import('node:path')
const vm = require('node:vm') as typeof import('node:vm')
const {fileURLToPath} = require('node:url') as typeof import('node:url')

/**
 * The bundle's free names: CommonJS's, `import.meta.url` and `import()` (the
 * bundler turns them into `trouwImportMetaUrl` and `trouwImport`). A script
 * run from cached data cannot `import()` in Node 20 ("A dynamic import
 * callback was not specified"), so its imports go through the ES module
 * that runs it.
 */
const parameters = ['exports', 'require', 'module', '__filename', '__dirname', 'trouwImportMetaUrl', 'trouwImport']

/** How the bundle imports: the ES module running it imports for it (relative paths from the bundle's folder). */
export type Importer = (specifier: string) => Promise<unknown>

/** FNV-1a, 32 bits, as hex: enough to tell builds and runtimes apart in a file name. */
function hash(text: string): string {
  let value = 0x811c9dc5
  for (let index = 0; index < text.length; index++) {
    value ^= text.charCodeAt(index)
    value = Math.imul(value, 0x01000193) >>> 0
  }
  return value.toString(16).padStart(8, '0')
}

/** The cache file for this bundle, this Node and these flags. */
export function cacheFileOf(file: string, stats: {size: number; mtimeMs: number}): string {
  const runtime = [process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS ?? ''].join('\n')
  return `${file}.${hash(`${runtime}\n${stats.size} ${stats.mtimeMs}`)}.cache`
}

/** Write the compiled code of `script` to `cacheFile` (atomically: other processes may read it meanwhile); never throws. */
function writeCache(script: import('node:vm').Script, cacheFile: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`
  try {
    fs.writeFileSync(temporary, script.createCachedData())
    fs.renameSync(temporary, cacheFile)
  } catch {
    try {
      fs.rmSync(temporary, {force: true})
    } catch {
      // Nothing to clean up.
    }
  }
}

/** Run the CommonJS bundle at `url`, from its code cache when there is one that fits; `load` is the caller's `import()`. */
export function runBundle(url: URL, load: Importer): void {
  const file = fileURLToPath(url)
  // The bundle's `#!` line (kept by the bundler) would be a syntax error inside the function: a comment keeps the lines.
  const source = fs.readFileSync(file, 'utf8').replace(/^#!/, '//')
  const cacheFile = cacheFileOf(file, fs.statSync(file))
  const cached = process.env.TROUW_CODE_CACHE !== 'off'
  let cachedData: Buffer | undefined
  try {
    if (cached) cachedData = fs.readFileSync(cacheFile)
  } catch {
    // None yet: this run writes it.
  }
  const script = new vm.Script(`(function (${parameters.join(', ')}) {${source}\n})`, {
    filename: file,
    cachedData
  })
  if (cached && (!cachedData || script.cachedDataRejected)) process.once('exit', () => writeCache(script, cacheFile))
  const module = {exports: {}}
  const run = script.runInThisContext() as (...values: unknown[]) => void
  const trouwImport = (specifier: string) => load(specifier.startsWith('.') ? new URL(specifier, url).href : specifier)
  run(module.exports, createRequire(file), module, file, path.dirname(file), url.href, trouwImport)
}
