#!/usr/bin/env node
/**
 * Make the package's `bin` files executable. `tsc` writes them as plain
 * files (mode 644), and `npx trouw` runs the file itself, so without this a
 * fresh clone answers `trouw: Permission denied`. Run by `npm run build`.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))
for (const file of Object.values(manifest.bin ?? {})) {
  const target = path.join(root, String(file))
  try {
    fs.chmodSync(target, fs.statSync(target).mode | 0o111)
  } catch (error) {
    console.error(`chmod-bins: ${target}: ${error instanceof Error ? error.message : String(error)}; run npm run build first`)
    process.exitCode = 1
  }
}
