/**
 * The package's own folder, and where the running build's compiled files
 * are. `src/` and `dist/` are one level below the root, the bundled CLI
 * (`dist/bundle/`, see scripts/bundle.js) two: the root is the nearest folder
 * upwards with a package.json.
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

/** Set to true by the bundler (scripts/bundle.js); undefined in the tsc build and the sources. */
declare const TROUW_BUNDLED: boolean | undefined

function findRoot(start: string): string {
  for (let folder = start; ; ) {
    if (existsSync(path.join(folder, 'package.json'))) return folder
    const parent = path.dirname(folder)
    if (parent === folder) return path.resolve(start, '..')
    folder = parent
  }
}

export const packageRoot = findRoot(path.dirname(fileURLToPath(import.meta.url)))

/** The compiled files this code runs from: `dist/`, or `dist/bundle/` in the bundled CLI. */
export const distRoot = path.join(packageRoot, 'dist', typeof TROUW_BUNDLED !== 'undefined' && TROUW_BUNDLED ? 'bundle' : '')

/** A compiled file of the running build, such as a worker thread's script (`server/worker.js`). */
export function distUrl(file: string): URL {
  return pathToFileURL(path.join(distRoot, file))
}
