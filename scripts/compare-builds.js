#!/usr/bin/env node
/**
 * Do two builds report the same? (`node scripts/compare-builds.js --before
 * OTHER/dist/cli/bin.cjs`). Speed and memory work must not change a finding,
 * a position or a score: this runs `trouw check` of this build and of the
 * other on the same inputs and compares stdout, stderr and the exit code
 * byte for byte.
 *
 * The inputs, written to a temporary folder:
 * - `examples/`, `test/fixtures/formats/`, `test/fixtures/short-copy/` and
 *   the corpus emails (`../shared/corpus/emails`), each file on its own, in
 *   JSON and text form;
 * - the real mail (`../shared/real/*.jsonl`), one `.txt` file a row, as one
 *   folder (JSON and text form);
 * - the real mail joined into big files (per language, as plain text and as
 *   Markdown, and once more under a `.trouwrc.json` with an allow list):
 *   many batches, so repeated sentences, quotations, names and exclamations
 *   meet across batch boundaries;
 * - generated emails (`scripts/bench/generate.js`, seeds 1 and 2) joined
 *   into files of `--mb` MB (default 5), English and Dutch.
 *
 * Usage: node scripts/compare-builds.js --before PATH [--mb N] [--real DIR] [--keep DIR]
 *   --before P  the other build's CLI, dist/cli/bin.cjs (required)
 *   --mb N      size of the generated files in MB (default: 5; 0 skips them)
 *   --real DIR  the real mail (default: ../shared/real)
 *   --keep DIR  write the inputs to DIR and leave them there
 * Exit code 0 when every run matches, 1 when one differs (each named).
 */

import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {generateEmails, writeJoined} from './bench/generate.js'
import {distCli, fail, packageRoot, readJsonl} from './bench/load-trouw.js'

const script = 'compare-builds'
const options = readArguments(process.argv.slice(2))
if (!options.before) fail(script, 'name the other build: --before PATH/dist/cli/bin.cjs')
const before = path.resolve(options.before)
if (!fs.existsSync(before)) fail(script, `--before: no such file \`${before}\``)
if (!fs.existsSync(distCli)) fail(script, 'dist/cli/bin.cjs is missing; run npm run build first')

const folder = options.keep ? path.resolve(options.keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'trouw-compare-'))
fs.mkdirSync(folder, {recursive: true})
if (!options.keep) process.on('exit', () => fs.rmSync(folder, {recursive: true, force: true}))

/** @type {Array<{name: string, args: string[]}>} */
const runs = []
const single = [
  ...filesIn(path.join(packageRoot, 'examples')),
  ...filesIn(path.join(packageRoot, 'test', 'fixtures', 'formats')),
  ...filesIn(path.join(packageRoot, 'test', 'fixtures', 'short-copy')),
  ...filesIn(path.resolve(packageRoot, '..', 'shared', 'corpus', 'emails')).filter((file) => !file.endsWith('README.md'))
]
for (const file of single) {
  for (const format of ['json', 'text']) runs.push({name: `${path.relative(path.dirname(packageRoot), file)} (${format})`, args: [file, '--format', format]})
}

const realDir = options.real ? path.resolve(options.real) : path.resolve(packageRoot, '..', 'shared', 'real')
if (fs.existsSync(realDir)) {
  const rowsFolder = path.join(folder, 'real')
  fs.mkdirSync(rowsFolder, {recursive: true})
  /** @type {Record<string, string[]>} */
  const joined = {en: [], nl: []}
  for (const name of fs.readdirSync(realDir).filter((entry) => entry.endsWith('.jsonl')).sort()) {
    readJsonl(script, path.join(realDir, name)).forEach((row, index) => {
      const lang = row.lang === 'nl' ? 'nl' : 'en'
      fs.writeFileSync(path.join(rowsFolder, `${name.replace(/\.jsonl$/, '')}-${String(index).padStart(4, '0')}.txt`), String(row.text))
      // A NUL byte makes a file binary (exit 2): the joined files leave them out.
      joined[lang].push(String(row.text).replace(/\0/g, ''))
    })
  }
  for (const format of ['json', 'text']) runs.push({name: `real mail, one file a row (${format})`, args: [rowsFolder, '--format', format]})
  const allowFolder = path.join(folder, 'allow')
  fs.mkdirSync(allowFolder, {recursive: true})
  fs.writeFileSync(path.join(allowFolder, '.trouwrc.json'), JSON.stringify({allow: ['coercion/urgency', 'free', 'over-the-top/shouting']}))
  for (const lang of ['en', 'nl']) {
    if (joined[lang].length === 0) continue
    const text = path.join(folder, `real-${lang}.txt`)
    const markdown = path.join(folder, `real-${lang}.md`)
    fs.writeFileSync(text, joined[lang].join('\n\n'))
    fs.writeFileSync(markdown, joined[lang].map((mail, index) => `## Mail ${index + 1}\n\n${mail}`).join('\n\n'))
    fs.copyFileSync(text, path.join(allowFolder, `real-${lang}.txt`))
    runs.push({name: `real mail joined, ${lang}, text`, args: [text, '--format', 'json', '--lang', lang]})
    runs.push({name: `real mail joined, ${lang}, Markdown`, args: [markdown, '--format', 'json', '--lang', lang]})
    runs.push({name: `real mail joined, ${lang}, with an allow list`, args: [path.join(allowFolder, `real-${lang}.txt`), '--format', 'json', '--lang', lang]})
  }
} else process.stderr.write(`${script}: no real mail at ${realDir}, skipped\n`)

if (options.mb > 0) {
  for (const lang of ['en', 'nl']) {
    for (const seed of [1, 2]) {
      const file = path.join(folder, `generated-${lang}-${seed}.txt`)
      writeJoined(file, generateEmails({lang, count: 2000, seed}), options.mb * 1e6)
      runs.push({name: `generated, ${lang}, seed ${seed}, ${options.mb} MB`, args: [file, '--format', 'json', '--lang', lang, '--max-size', String(Math.ceil(options.mb) + 1)]})
    }
  }
}

let differ = 0
for (const run of runs) {
  const a = checkWith(before, run.args)
  const b = checkWith(distCli, run.args)
  const same = a.status === b.status && a.stdout.equals(b.stdout) && a.stderr.equals(b.stderr)
  if (!same) differ++
  process.stdout.write(`${same ? 'same   ' : 'DIFFERS'} ${run.name}: exit ${a.status}/${b.status}, ${a.stdout.length}/${b.stdout.length} bytes\n`)
}
process.stdout.write(`${runs.length - differ} of ${runs.length} runs identical\n`)
process.exitCode = differ === 0 ? 0 : 1

function checkWith(bin, args) {
  const result = spawnSync(bin, ['check', ...args], {cwd: folder, maxBuffer: 1 << 30, env: {...process.env, NO_COLOR: '1'}})
  if (result.error) fail(script, `cannot run \`${bin}\`: ${result.error.message}`)
  return {status: result.status, stdout: result.stdout, stderr: result.stderr}
}

function filesIn(directory) {
  if (!fs.existsSync(directory)) return []
  return fs
    .readdirSync(directory)
    .sort()
    .map((name) => path.join(directory, name))
    .filter((file) => fs.statSync(file).isFile())
}

function readArguments(argv) {
  const parsed = {before: undefined, mb: 5, real: undefined, keep: undefined}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--before') parsed.before = argv[++index]
    else if (argument === '--mb') parsed.mb = Math.max(0, Number(argv[++index]) || 0)
    else if (argument === '--real') parsed.real = argv[++index]
    else if (argument === '--keep') parsed.keep = argv[++index]
    else fail(script, `unknown option \`${argument}\`; usage: node scripts/compare-builds.js --before PATH [--mb N] [--real DIR] [--keep DIR]`)
  }
  return parsed
}
