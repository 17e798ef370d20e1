#!/usr/bin/env node
/**
 * The fuzz run: `npm run fuzz -- --count N --seed S [--from I] [--format F]
 * [--spell] [--out DIR] [--slow-ms MS]`. Checks N generated inputs per
 * format, indexes I (default 0) to I+N-1 of the seed's sequence (see
 * scripts/fuzz-inputs.js), through the built API (`dist/`; run `npm run
 * build` first), and reports per format: inputs, refused as InputError,
 * failures by kind (threw, position, order, slow: over `--slow-ms`, default
 * 1000, 2000 with `--spell`, of CPU time for an input under 100 KB),
 * inputs over that bound in wall time only (the machine's load), seconds,
 * the slowest inputs and the largest resident memory. Each failing input is saved,
 * minimised, to DIR (default `fuzz-failures/`) with a `.json` that says
 * what failed and how to make it again. Exit 1 when anything failed.
 */
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {check, InputError} from '../dist/index.js'
import {examine, formats, makeInput, minimise} from './fuzz-inputs.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf('--' + name)
  return at === -1 ? fallback : args[at + 1]
}
const count = Number(option('count', '1000'))
const from = Number(option('from', '0'))
const seed = Number(option('seed', String(Date.now() % 1e9)))
const only = option('format', undefined)
const spell = args.includes('--spell')
const out = option('out', 'fuzz-failures')
const slowMs = option('slow-ms', undefined)
const extension = {text: 'txt', markdown: 'md', html: 'html', mjml: 'mjml', eml: 'eml'}
if (only && !formats.includes(only)) {
  console.error(`fuzz: --format must be one of ${formats.join(', ')}`)
  process.exit(2)
}
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(from) || from < 0 || !Number.isFinite(seed)) {
  console.error('fuzz: --count takes a whole number above 0, --from a whole number and --seed a number')
  process.exit(2)
}

// Warm up first: the first check in a process loads the rules, lexicons and
// (with --spell) the dictionaries. That one-off cost is not an input's.
for (const lang of ['en', 'nl']) {
  for (const format of only ? [only] : formats) {
    await check(format === 'eml' ? 'Subject: Hello\r\n\r\nLast chance, act now.' : 'Last chance, act now. Laatste kans!', {format, lang, spell, parts: format === 'eml'})
  }
}

let failed = 0
let peakRss = process.memoryUsage().rss
const bound = slowMs === undefined ? (spell ? 2000 : 1000) : Number(slowMs)
console.log(`fuzz: seed ${seed}, ${count} inputs per format (from #${from}), spelling ${spell ? 'on' : 'off'}, slow above ${bound} ms CPU`)
for (const format of only ? [only] : formats) {
  const started = performance.now()
  const tally = {inputs: 0, refused: 0, threw: 0, position: 0, order: 0, slow: 0, wallOnly: 0}
  let slowest = {ms: 0, cpuMs: 0, index: -1}
  let slowestWall = {ms: 0, cpuMs: 0, index: -1}
  /** The five slowest inputs by CPU time, slowest first: where to look for superlinear work. */
  const slowList = []
  // Stopped early (Ctrl-C, a kill): say how far this format got, so the run can go on with --from.
  const stop = (signal) => {
    const seconds = (performance.now() - started) / 1000
    console.log(`${format}: stopped by ${signal} after ${tally.inputs} inputs (#${from} to #${from + tally.inputs - 1}) in ${seconds.toFixed(1)} s, ${tally.refused} refused, ${tally.threw} threw, ${tally.position} outside or reversed, ${tally.order} out of order, ${tally.slow} slow (CPU), ${tally.wallOnly} slow in wall time only; slowest #${slowest.index} ${Math.round(slowest.cpuMs)} ms CPU; peak memory ${Math.round(peakRss / 1e6)} MB; go on with --from ${from + tally.inputs}`)
    process.exit(failed > 0 ? 1 : 130)
  }
  process.removeAllListeners('SIGINT').removeAllListeners('SIGTERM')
  process.once('SIGINT', stop).once('SIGTERM', stop)
  for (let index = from; index < from + count; index++) {
    const item = makeInput(seed, index, format)
    const result = await examine(item, check, InputError, {spell, slowMs: bound})
    // CPU time of this process: on a busy machine the wall clock also counts other processes.
    const cpuMs = result.cpuMs
    tally.inputs++
    const size = item.input.length
    if (cpuMs > slowest.cpuMs) slowest = {ms: result.ms, cpuMs, index}
    if (result.ms > slowestWall.ms) slowestWall = {ms: result.ms, cpuMs, index}
    if (result.ok && size < 100_000 && result.ms > bound) tally.wallOnly++
    if (slowList.length < 5 || cpuMs > slowList[slowList.length - 1].cpuMs) {
      slowList.push({ms: result.ms, cpuMs, index, kind: item.kind, lang: item.lang, size})
      slowList.sort((a, b) => b.cpuMs - a.cpuMs)
      if (slowList.length > 5) slowList.pop()
    }
    if (result.ok) {
      if (result.refused) tally.refused++
    } else {
      tally[result.kind]++
      failed++
      const small = await minimise(item, result, check, InputError, {spell})
      mkdirSync(out, {recursive: true})
      const name = path.join(out, `${format}-${seed}-${index}-${result.kind}`)
      writeFileSync(name + '.' + extension[format], small.input)
      writeFileSync(name + '.json', JSON.stringify({format, lang: item.lang, kind: item.kind, seed, index, spell, failure: result.kind, detail: result.detail, again: `node scripts/fuzz.js --format ${format} --seed ${seed} --from ${index} --count 1${spell ? ' --spell' : ''}`}, null, 2) + '\n')
      console.log(`  ${format} #${index} (${item.kind}, ${item.lang}): ${result.kind}: ${result.detail} (${Math.round(cpuMs)} ms CPU) -> ${name}`)
    }
    if (index % 50 === 0) {
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      // Back to the event loop now and then: a check awaits only settled promises, so a signal would wait for the end.
      await new Promise((resolve) => setImmediate(resolve))
    }
    if (tally.inputs % 10_000 === 0 && tally.inputs < count) {
      const seconds = (performance.now() - started) / 1000
      console.log(`  ${format}: ${tally.inputs} inputs in ${seconds.toFixed(1)} s, ${tally.refused} refused, ${tally.threw + tally.position + tally.order} wrong, ${tally.slow} slow, ${tally.wallOnly} slow in wall time only, peak memory ${Math.round(peakRss / 1e6)} MB`)
    }
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  const seconds = (performance.now() - started) / 1000
  console.log(
    `${format}: ${tally.inputs} inputs in ${seconds.toFixed(1)} s, ${tally.refused} refused (InputError), ` +
      `${tally.threw} threw, ${tally.position} outside or reversed, ${tally.order} out of order, ${tally.slow} slow (CPU), ` +
      `${tally.wallOnly} over ${bound} ms in wall time only; slowest #${slowest.index} ${Math.round(slowest.cpuMs)} ms CPU (${Math.round(slowest.ms)} ms wall), ` +
      `slowest in wall time #${slowestWall.index} ${Math.round(slowestWall.ms)} ms (${Math.round(slowestWall.cpuMs)} ms CPU); peak memory ${Math.round(peakRss / 1e6)} MB`
  )
  console.log(`  ${format} slowest (CPU): ` + slowList.map((s) => `#${s.index} ${s.kind}/${s.lang} ${s.size} chars ${Math.round(s.cpuMs)} ms CPU (${Math.round(s.ms)} ms wall)`).join('; '))
}
process.exit(failed > 0 ? 1 : 0)
