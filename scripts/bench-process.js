#!/usr/bin/env node
/**
 * Benchmark what users run (`npm run bench:process`): whole `trouw check`
 * processes, cold, next to `node -e 0` and alex's CLI in the same run, with
 * CPU time, wall time and peak memory. Prints a Markdown table and writes it
 * at the top of docs/benchmarks.md (between the `process-bench` markers;
 * `scripts/bench.js` keeps that part when it rewrites the file).
 *
 * Usage: node scripts/bench-process.js [--runs N] [--quick] [--no-write] [--only NAME,NAME] [--before PATH]
 *   --runs N    runs per command, median reported (default: 3)
 *   --before P  also run every trouw row with the CLI at P (another build's
 *               dist/cli/bin.js), in the same run, for before/after ratios
 *   --quick     skip the 4,000-email folder, the 50 MB file and alex on the folder
 *   --no-write  print only, leave docs/benchmarks.md alone
 *   --only      run only the named rows (see `rows` below), plus `node -e 0`
 *
 * The inputs are generated in a temporary folder from scripts/bench/generate.js
 * (seed 1, the warm bench's emails): one English and one Dutch email, folders
 * of 400 and 4,000 emails (half English, half Dutch), and files of 10 MB and
 * 50 MB made of emails joined by blank lines. Each command runs under
 * `/usr/bin/time` (CPU = user + system, peak = maximum resident set size).
 * The machine may be shared: compare the ratios within one run, not the
 * seconds between runs.
 */

import {spawnSync} from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {generateEmails, writeJoined} from './bench/generate.js'
import {distCli, fail, packageRoot} from './bench/load-trouw.js'
import {median} from './bench/stats.js'

const script = 'bench-process'
const options = readArguments(process.argv.slice(2))
const docsPath = path.join(packageRoot, 'docs', 'benchmarks.md')
const timeBinary = '/usr/bin/time'
const alexBin = path.join(packageRoot, 'node_modules', 'alex', 'cli.js')
const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z')
const loadAtStart = os.loadavg()[0]

if (!fs.existsSync(distCli)) fail(script, 'dist/cli/bin.cjs is missing; run npm run build first')
if (!fs.existsSync(timeBinary)) fail(script, '/usr/bin/time is missing; install the `time` package')

const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'trouw-bench-process-'))
process.on('exit', () => fs.rmSync(temporary, {recursive: true, force: true}))

const inputs = writeInputs(temporary)
// The bin itself, as users run it (its #! line sets node's flags).
const trouw = (...args) => [distCli, 'check', ...args]
const alex = (...args) => [process.execPath, alexBin, ...args]
const node0 = [process.execPath, '-e', '0']

/**
 * The rows: a name, a label, the command, the bytes and emails it checks, and
 * what its ratio is taken against.
 *
 * @type {Array<{name: string, label: string, command: string[], bytes?: number, emails?: number, quick?: boolean, alexOf?: string}>}
 */
const rows = [
  {name: 'node', label: '`node -e 0`', command: node0},
  {name: 'one-en', label: 'one email, en (`--format json`)', command: trouw(inputs.oneEn, '--format', 'json'), bytes: size(inputs.oneEn), emails: 1},
  {name: 'one-nl', label: 'one email, nl (`--format json`)', command: trouw(inputs.oneNl, '--format', 'json'), bytes: size(inputs.oneNl), emails: 1},
  {name: 'one-en-spell', label: 'one email, en, `--spell`', command: trouw(inputs.oneEn, '--format', 'json', '--spell', '--lang', 'en'), bytes: size(inputs.oneEn), emails: 1},
  {name: 'one-nl-spell', label: 'one email, nl, `--spell`', command: trouw(inputs.oneNl, '--format', 'json', '--spell', '--lang', 'nl'), bytes: size(inputs.oneNl), emails: 1},
  {name: 'alex-one', label: 'alex `--text`, one email, en', command: alex('--text', inputs.oneEn), bytes: size(inputs.oneEn), emails: 1},
  {name: 'folder-400', label: 'folder of 400 emails (`--format json`)', command: trouw(inputs.folder400, '--format', 'json'), bytes: folderSize(inputs.folder400), emails: 400, alexOf: 'alex-400'},
  {name: 'alex-400', label: 'alex `--text`, folder of 400', command: alex('--text', inputs.folder400), bytes: folderSize(inputs.folder400), emails: 400, quick: false},
  {name: 'folder-4000', label: 'folder of 4,000 emails (`--format json`)', command: trouw(inputs.folder4000, '--format', 'json'), bytes: folderSize(inputs.folder4000), emails: 4000, quick: false},
  {name: 'file-10', label: 'one 10 MB file (`--format json`)', command: trouw(inputs.file10, '--format', 'json', '--lang', 'en'), bytes: size(inputs.file10)},
  // Over the default 10 MB limit: checked with `--max-size` (a build without the option fails this row).
  {name: 'file-50', label: 'one 50 MB file (`--format json --max-size 60`)', command: trouw(inputs.file50, '--format', 'json', '--lang', 'en', '--max-size', '60'), bytes: size(inputs.file50), quick: false}
]

if (options.before) {
  const before = path.resolve(options.before)
  if (!fs.existsSync(before)) fail(script, `--before: no such file \`${before}\``)
  for (const row of [...rows]) {
    if (row.command[0] !== distCli) continue
    rows.splice(rows.indexOf(row) + 1, 0, {...row, name: row.name + '-before', label: row.label + ', before', command: [before, ...row.command.slice(1)], alexOf: row.alexOf})
  }
}

const chosen = rows.filter((row) => (row.name === 'node' || !options.only || options.only.includes(row.name.replace(/-before$/, ''))) && !(options.quick && row.quick === false))

/** @type {Map<string, {cpu: number, wall: number, peakMb: number, code: number, error?: string}>} */
const results = new Map()
// Round-robin over the rows, so that a burst of load on the shared machine
// spreads over every row rather than spoiling one.
/** @type {Map<string, Array<{cpu: number, wall: number, peakMb: number, code: number, error?: string}>>} */
const samples = new Map(chosen.map((row) => [row.name, []]))
for (let run = 0; run < options.runs; run++) {
  for (const row of chosen) {
    const sample = measure(row.command)
    samples.get(row.name).push(sample)
    process.stderr.write(`${script}: ${row.name} run ${run + 1}: ${sample.cpu.toFixed(2)} s CPU, ${sample.wall.toFixed(2)} s wall, ${sample.peakMb.toFixed(0)} MB${sample.error ? ' (' + sample.error + ')' : ''}\n`)
  }
}
for (const [name, list] of samples) {
  results.set(name, {
    cpu: median(list.map((entry) => entry.cpu)),
    wall: median(list.map((entry) => entry.wall)),
    peakMb: median(list.map((entry) => entry.peakMb)),
    code: list[list.length - 1].code,
    error: list.find((entry) => entry.error)?.error
  })
}

const markdown = report()
process.stdout.write(markdown + '\n')
if (options.write) writeDocs(markdown)

/** Run one command under /usr/bin/time; output goes to a file, not a pipe. */
function measure(command) {
  const timing = path.join(temporary, 'time.txt')
  const out = fs.openSync(path.join(temporary, 'out.txt'), 'w')
  const err = path.join(temporary, 'err.txt')
  const errFd = fs.openSync(err, 'w')
  const child = spawnSync(timeBinary, ['-f', '%e %U %S %M', '-o', timing, ...command], {stdio: ['ignore', out, errFd], cwd: temporary, timeout: 600000})
  fs.closeSync(out)
  fs.closeSync(errFd)
  const [wall, user, system, maxKb] = fs.readFileSync(timing, 'utf8').trim().split('\n').pop().split(' ').map(Number)
  const code = child.status ?? -1
  // trouw exits 1 on findings and alex on warnings: only 2 and up (or a signal) is a failure.
  const error = code >= 2 || code < 0 ? fs.readFileSync(err, 'utf8').trim().split('\n')[0].slice(0, 160) || `exit ${code}` : undefined
  return {cpu: user + system, wall, peakMb: maxKb / 1024, code, error}
}

function report() {
  const base = results.get('node')
  const lines = []
  lines.push('<!-- process-bench:start (written by scripts/bench-process.js) -->')
  lines.push('## Whole processes: what users run')
  lines.push('')
  lines.push(`Measured ${startedAt} on ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} (${os.cpus().length} cores), Node ${process.version}, trouw at commit \`${commit()}\`; load average at the start ${loadAtStart.toFixed(2)}, at the end ${os.loadavg()[0].toFixed(2)}. Median of ${options.runs} runs per command, the commands taking turns.`)
  lines.push('Every row is one cold process (`trouw check …`, output to a file). CPU is user + system time, peak is the maximum resident set size; the ratios compare CPU time with `node -e 0` or alex in this same run, so they hold on a busy machine where seconds do not. A folder checked on several cores uses more CPU than wall time.')
  lines.push('')
  lines.push('| command | CPU s | wall s | peak MB | CPU vs `node -e 0` | per email, CPU ms | MB/s per core | vs alex (CPU) | vs alex (wall) |')
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const row of chosen) {
    const result = results.get(row.name)
    if (!result) continue
    if (result.error) {
      lines.push(`| ${row.label} | failed: ${result.error.replace(/\|/g, '\\|')} | | | | | | | |`)
      continue
    }
    const vsNode = base && row.name !== 'node' ? (result.cpu / base.cpu).toFixed(1) + '×' : row.name === 'node' ? '1.0×' : ''
    const perEmail = row.emails ? ((result.cpu / row.emails) * 1000).toFixed(2) : ''
    const rate = row.bytes && !row.name.startsWith('one') && !row.name.startsWith('alex-one') ? (row.bytes / 1e6 / result.cpu).toFixed(2) : ''
    const alexResult = row.alexOf ? results.get(row.alexOf) : undefined
    const vsAlexCpu = alexResult && !alexResult.error ? (alexResult.cpu / result.cpu).toFixed(1) + '× faster' : ''
    const vsAlexWall = alexResult && !alexResult.error ? (alexResult.wall / result.wall).toFixed(1) + '× faster' : ''
    lines.push(`| ${row.label} | ${result.cpu.toFixed(2)} | ${result.wall.toFixed(2)} | ${result.peakMb.toFixed(0)} | ${vsNode} | ${perEmail} | ${rate} | ${vsAlexCpu} | ${vsAlexWall} |`)
  }
  const small = results.get('folder-400')
  const large = results.get('folder-4000')
  if (small && large && !small.error && !large.error) {
    lines.push('')
    lines.push(`4,000 emails against 400: ${((large.cpu / 4000) / (small.cpu / 400)).toFixed(2)}× the CPU per email, ${((large.wall / 4000) / (small.wall / 400)).toFixed(2)}× the wall time per email.`)
  }
  lines.push('')
  if (options.before) lines.push(`Rows marked "before" ran the build at \`${path.relative(packageRoot, path.resolve(options.before)) || options.before}\`, in turn with the others.`, '')
  lines.push(`Inputs: generated by \`scripts/bench/generate.js\` (seed 1). One English email of ${size(inputs.oneEn)} bytes and one Dutch of ${size(inputs.oneNl)}; folders of 400 and 4,000 \`.txt\` emails, half English, half Dutch (${(folderSize(inputs.folder400) / 1e6).toFixed(2)} MB and ${(folderSize(inputs.folder4000) / 1e6).toFixed(1)} MB); files of ${(size(inputs.file10) / 1e6).toFixed(1)} MB and ${(size(inputs.file50) / 1e6).toFixed(1)} MB of English emails joined by blank lines. alex is \`alex --text\` ${alexVersion()} (its CLI, on the same folder). Reproduce with \`npm run bench:process\` (\`--quick\` skips the slowest rows).`)
  lines.push('<!-- process-bench:end -->')
  return lines.join('\n')
}

/** Put the table at the top of docs/benchmarks.md, replacing the one there. */
function writeDocs(markdown) {
  let text = fs.existsSync(docsPath) ? fs.readFileSync(docsPath, 'utf8') : '# Benchmarks\n'
  const block = /<!-- process-bench:start[\s\S]*?<!-- process-bench:end -->\n*/
  if (block.test(text)) text = text.replace(block, markdown + '\n\n')
  else text = text.replace(/^# Benchmarks\n+/, `# Benchmarks\n\n${markdown}\n\n`)
  fs.writeFileSync(docsPath, text)
  process.stderr.write(`${script}: wrote ${path.relative(packageRoot, docsPath)}\n`)
}

function writeInputs(folder) {
  const english = generateEmails({lang: 'en', count: 2000, seed: 1})
  const dutch = generateEmails({lang: 'nl', count: 2000, seed: 1})
  const oneEn = path.join(folder, 'one-en.txt')
  const oneNl = path.join(folder, 'one-nl.txt')
  fs.writeFileSync(oneEn, english[0].text)
  fs.writeFileSync(oneNl, dutch[0].text)
  const folder400 = path.join(folder, 'folder-400')
  const folder4000 = path.join(folder, 'folder-4000')
  for (const [target, count] of [[folder400, 400], [folder4000, 4000]]) {
    fs.mkdirSync(target)
    for (let index = 0; index < count / 2; index++) {
      fs.writeFileSync(path.join(target, `en-${String(index).padStart(4, '0')}.txt`), english[index].text)
      fs.writeFileSync(path.join(target, `nl-${String(index).padStart(4, '0')}.txt`), dutch[index].text)
    }
  }
  const file10 = path.join(folder, 'file-10mb.txt')
  const file50 = path.join(folder, 'file-50mb.txt')
  // Just under 10 MiB (the default limit) and 50 MB.
  writeJoined(file10, english, 10 * 1024 * 1024 - 8192)
  writeJoined(file50, english, 50e6)
  return {oneEn, oneNl, folder400, folder4000, file10, file50}
}

function size(file) {
  return fs.statSync(file).size
}

function folderSize(folder) {
  let total = 0
  for (const name of fs.readdirSync(folder)) total += size(path.join(folder, name))
  return total
}

function commit() {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], {cwd: packageRoot, encoding: 'utf8'})
  return result.status === 0 ? result.stdout.trim() : 'unknown'
}

function alexVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(packageRoot, 'node_modules', 'alex', 'package.json'), 'utf8')).version
  } catch {
    return ''
  }
}

function readArguments(argv) {
  const parsed = {runs: 3, quick: false, write: true, only: undefined, before: undefined}
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index]
    if (argument === '--runs') parsed.runs = Math.max(1, Number.parseInt(argv[++index], 10) || 0)
    else if (argument === '--quick') parsed.quick = true
    else if (argument === '--no-write') parsed.write = false
    else if (argument === '--only') parsed.only = String(argv[++index] ?? '').split(',')
    else if (argument === '--before') parsed.before = argv[++index]
    else fail(script, `unknown option \`${argument}\`; usage: node scripts/bench-process.js [--runs N] [--quick] [--no-write] [--only NAME,NAME] [--before PATH]`)
  }
  return parsed
}
