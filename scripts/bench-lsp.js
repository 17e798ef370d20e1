#!/usr/bin/env node
/**
 * How responsive `trouw lsp` is, measured as an editor sees it: the built
 * server in a child process, a client on its stdio, the time from sending a
 * `didChange` to receiving the diagnostics for that version.
 *
 * Usage: node scripts/bench-lsp.js [--rounds N] [--json]
 *   --rounds N  measured edits per scenario (default: 30)
 *   --json      print the figures as JSON
 *
 * Scenarios:
 *   1. single edits to a 2 KB Dutch HTML email, after a pause (warm server);
 *   2. a burst of typing (10 edits 30 ms apart): time from the last edit to
 *      the diagnostics of the final version (the debounce combines them);
 *   3. the same single edits while a large Markdown document (about 1 MB) is
 *      being checked in the background: small documents must not wait for it;
 *      and how long that large check takes.
 * Run `npm run build` first.
 */
import {spawn} from 'node:child_process'
import {mkdtempSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import process from 'node:process'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {createProtocolConnection, StreamMessageReader, StreamMessageWriter} from 'vscode-languageserver-protocol/node'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const args = process.argv.slice(2)
const rounds = Number(args.includes('--rounds') ? args[args.indexOf('--rounds') + 1] : 30)
const asJson = args.includes('--json')

const paragraphs = [
  'Hoi Marloes, je nieuwe fietspakket is onderweg en komt donderdag tussen 10 en 14 uur.',
  'Deze maand zitten er remblokken, een kettingreiniger en twee binnenbanden in je doos, uitgezocht in onze werkplaats in Zwolle.',
  'Je abonnement wordt stilzwijgend verlengd. De minimale looptijd is twaalf maanden.',
  'Heb je een vraag over de onderdelen? Bel Ruud van de werkplaats op 038 123 45 67, hij helpt je graag verder.',
  'Wil je een maand overslaan? Dat regel je in je account, tot een week voor de verzending.',
  'Op onze site staat een korte video over het vervangen van remblokken, met de tips van Ruud.',
  'In het pakket vind je ook een kaartje met de bandenspanning die past bij je banden en je gewicht.',
  'Vorige maand vroegen veel lezers naar kettingolie voor natte dagen; daarom zit er deze keer een klein flesje bij om te proberen.',
  'Past iets niet of heb je het al? Stuur het binnen dertig dagen gratis terug met het label in de doos, dan krijg je je geld terug.',
  'Zaterdag 12 april houden we open werkplaats in Zwolle: neem je fiets mee, dan kijken we samen naar je remmen en versnellingen.',
  'Koffie staat klaar vanaf tien uur, en de kinderen kunnen hun eigen fietsbel versieren aan de lange tafel achterin.',
  'Je volgende pakket gaat op 8 mei de deur uit; in je account zie je welke onderdelen erin komen.',
  'Rij je vaak in het donker? Ruud raadt een achterlicht met een remsignaal aan; in je account staat een lijstje met drie modellen die hij zelf gebruikt.',
  'Heb je een tip voor andere lezers, een mooie route of een slimme reparatie? Beantwoord deze mail, dan delen we de beste in het pakket van juni.',
  'Verhuis je binnenkort? Pas je adres aan in je account voor 1 mei, dan komt het pakket van mei meteen op de goede plek aan.',
  'We wensen je veel mooie kilometers dit voorjaar.',
  'Groeten van het hele team van Fietsbox in Zwolle'
]
const email = `<!doctype html>\n<html lang="nl">\n<body>\n${paragraphs.map((text) => `  <p>${text}</p>`).join('\n')}\n</body>\n</html>\n`

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return {n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted[sorted.length - 1])}
}

function round(value) {
  return Math.round(value * 10) / 10
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

async function main() {
  const workspace = mkdtempSync(path.join(tmpdir(), 'trouw-bench-lsp-'))
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {cwd: workspace, stdio: ['pipe', 'pipe', 'inherit']})
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin))
  const waiting = new Map()
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}#${params.version}`
    const resolve = waiting.get(key)
    if (resolve) {
      waiting.delete(key)
      resolve(params)
    }
  })
  connection.onNotification('window/logMessage', () => {})
  connection.listen()
  const started = performance.now()
  await connection.sendRequest('initialize', {processId: process.pid, rootUri: pathToFileURL(workspace).href, capabilities: {}, workspaceFolders: null})
  await connection.sendNotification('initialized', {})
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve))

  const uri = pathToFileURL(path.join(workspace, 'mail.html')).href
  let version = 1
  let text = email
  const first = diagnosticsFor(uri, 1)
  await connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId: 'html', version, text}})
  const opened = await first
  const coldStart = performance.now() - started

  /** Type one character at the end of the last paragraph; resolve when its diagnostics arrive. */
  async function edit() {
    version++
    const line = paragraphs.length + 2
    const character = 4 + paragraphs[paragraphs.length - 1].length
    const change = {range: {start: {line, character}, end: {line, character}}, text: version % 2 ? '.' : ''}
    if (change.text === '') change.range.start.character -= 1
    const done = diagnosticsFor(uri, version)
    const sent = performance.now()
    await connection.sendNotification('textDocument/didChange', {textDocument: {uri, version}, contentChanges: [change]})
    await done
    return performance.now() - sent
  }

  for (let index = 0; index < 10; index++) {
    await edit()
    await sleep(200)
  }
  const single = []
  for (let index = 0; index < rounds; index++) {
    single.push(await edit())
    await sleep(200)
  }

  const bursts = []
  for (let round = 0; round < Math.max(3, Math.floor(rounds / 5)); round++) {
    let last
    for (let index = 0; index < 10; index++) {
      last = edit()
      await sleep(30)
    }
    const sentLast = performance.now() - 30
    await last
    bursts.push(performance.now() - sentLast)
    await sleep(300)
  }

  const largeUri = pathToFileURL(path.join(workspace, 'large.md')).href
  const largeText = paragraphs.map((paragraph) => paragraph + '\n\n').join('').repeat(Math.ceil(1_000_000 / paragraphs.join('\n\n').length))
  const largeDone = diagnosticsFor(largeUri, 1)
  const largeStarted = performance.now()
  let largeTook
  largeDone.then(() => (largeTook = performance.now() - largeStarted))
  await connection.sendNotification('textDocument/didOpen', {textDocument: {uri: largeUri, languageId: 'markdown', version: 1, text: largeText}})
  const whileLarge = []
  while (largeTook === undefined && whileLarge.length < rounds) {
    whileLarge.push(await edit())
    await sleep(200)
  }
  await largeDone

  await connection.sendRequest('shutdown')
  await connection.sendNotification('exit')
  const code = await new Promise((resolve) => child.on('exit', resolve))

  const result = {
    email: {bytes: Buffer.byteLength(email), findings: opened.diagnostics.length},
    coldStartToFirstDiagnosticsMs: round(coldStart),
    singleEditMs: stats(single),
    burstOf10LastEditToDiagnosticsMs: stats(bursts),
    singleEditWhileLargeDocumentIsCheckedMs: stats(whileLarge),
    largeDocument: {bytes: Buffer.byteLength(largeText), checkMs: round(largeTook)},
    exitCode: code
  }
  if (asJson) {
    process.stdout.write(JSON.stringify(result, null, 2) + '\n')
    return
  }
  const line = (label, figures) => `${label.padEnd(58)} median ${figures.median} ms, p95 ${figures.p95} ms, max ${figures.max} ms (n=${figures.n})`
  process.stdout.write(
    [
      `trouw lsp responsiveness (Node ${process.version}, load ${(await import('node:os')).loadavg()[0].toFixed(2)})`,
      `email: ${result.email.bytes} bytes, ${result.email.findings} findings`,
      `cold start (spawn → first diagnostics):${' '.repeat(20)}${result.coldStartToFirstDiagnosticsMs} ms`,
      line('single edit → diagnostics (warm)', result.singleEditMs),
      line('burst of 10 edits, 30 ms apart: last edit → diagnostics', result.burstOf10LastEditToDiagnosticsMs),
      line('single edit while a large document is checked', result.singleEditWhileLargeDocumentIsCheckedMs),
      `large document: ${(result.largeDocument.bytes / 1e6).toFixed(2)} MB checked in ${result.largeDocument.checkMs} ms (in its own thread)`,
      `server exit code after shutdown + exit: ${code}`
    ].join('\n') + '\n'
  )
}

main().catch((error) => {
  process.stderr.write(`bench-lsp: ${error.stack ?? error}\n`)
  process.exitCode = 1
})
