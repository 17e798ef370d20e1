/**
 * The language server as an editor meets it: `trouw lsp --stdio` in a child
 * process, spoken to over stdio with vscode-languageserver-protocol's client
 * connection. Diagnostics at the right ranges (0-based), quick fixes applied
 * and re-sent, inline ignores, allowing a phrase in the workspace config,
 * hovers, the code lens, bad input, and a clean shutdown.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {spawn, type ChildProcess} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextEdit
} from 'vscode-languageserver-protocol/node'
import {TextDocument} from 'vscode-languageserver-textdocument'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = process.env.TROUW_TEST_BIN ?? path.join(root, 'dist', 'cli', 'bin.js')

/** A client: the server's child process, the connection, and what the server sent. */
interface Client {
  child: ChildProcess
  connection: ProtocolConnection
  logs: string[]
  shown: string[]
  stderr: string[]
  /** Every publication, in order. */
  published: PublishDiagnosticsParams[]
  /** The next diagnostics for `uri` that satisfy `accept`. */
  diagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean): Promise<PublishDiagnosticsParams>
  exited: Promise<number | null>
}

async function startClient(workspace: string): Promise<Client> {
  const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {cwd: workspace, stdio: ['pipe', 'pipe', 'pipe']})
  const stderr: string[] = []
  child.stderr!.on('data', (chunk) => stderr.push(String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!))
  const logs: string[] = []
  const shown: string[] = []
  const received: PublishDiagnosticsParams[] = []
  const waiters: Array<{uri: string; accept: (params: PublishDiagnosticsParams) => boolean; resolve: (params: PublishDiagnosticsParams) => void}> = []
  connection.onNotification('window/logMessage', (params: {message: string}) => void logs.push(params.message))
  connection.onNotification('window/showMessage', (params: {message: string}) => void shown.push(params.message))
  connection.onRequest('client/registerCapability', () => null)
  connection.onRequest('workspace/codeLens/refresh', () => null)
  const published: PublishDiagnosticsParams[] = []
  connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
    published.push(params)
    const waiter = waiters.find((item) => item.uri === params.uri && item.accept(params))
    if (waiter) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(params)
    } else received.push(params)
  })
  connection.listen()
  const initialized = await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).href,
    workspaceFolders: [{uri: pathToFileURL(workspace).href, name: 'copy'}],
    capabilities: {
      workspace: {didChangeWatchedFiles: {dynamicRegistration: true}, codeLens: {refreshSupport: true}},
      textDocument: {publishDiagnostics: {versionSupport: true}}
    }
  })
  expect((initialized as {capabilities: {hoverProvider: boolean}}).capabilities.hoverProvider).toBe(true)
  await connection.sendNotification('initialized', {})
  return {
    child,
    connection,
    logs,
    shown,
    stderr,
    published,
    exited,
    diagnostics(uri, accept = () => true) {
      const index = received.findIndex((params) => params.uri === uri && accept(params))
      if (index !== -1) return Promise.resolve(received.splice(index, 1)[0])
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} in time; logs: ${logs.join(' | ')}; stderr: ${stderr.join('')}`)), 20000)
        waiters.push({uri, accept, resolve: (params) => (clearTimeout(timer), resolve(params))})
      })
    }
  }
}

/** An open document on the client side: text and version, kept in step with the server. */
class OpenDocument {
  document: TextDocument
  /** The diagnostics received last. */
  last: Diagnostic[] = []
  constructor(
    private readonly client: Client,
    readonly uri: string,
    languageId: string,
    text: string
  ) {
    this.document = TextDocument.create(uri, languageId, 1, text)
    void client.connection.sendNotification('textDocument/didOpen', {textDocument: {uri, languageId, version: 1, text}})
  }

  get text(): string {
    return this.document.getText()
  }

  get version(): number {
    return this.document.version
  }

  /** Apply edits here and send them to the server as one incremental change per edit. */
  async edit(edits: TextEdit[]): Promise<void> {
    // Apply from the end so earlier ranges stay valid, sending each as it is applied.
    const sorted = [...edits].sort((a, b) => this.document.offsetAt(b.range.start) - this.document.offsetAt(a.range.start))
    const version = this.version + 1
    const changes = sorted.map((edit) => ({range: edit.range, text: edit.newText}))
    this.document = TextDocument.update(this.document, changes, version)
    await this.client.connection.sendNotification('textDocument/didChange', {textDocument: {uri: this.uri, version}, contentChanges: changes})
  }

  /** The diagnostics of the current version. */
  diagnostics(): Promise<Diagnostic[]> {
    const version = this.version
    return this.client.diagnostics(this.uri, (params) => params.version === version).then((params) => (this.last = params.diagnostics))
  }

  /** The 0-based range of the first `phrase` in the text. */
  rangeOf(phrase: string) {
    const offset = this.text.indexOf(phrase)
    expect(offset).toBeGreaterThan(-1)
    return {start: this.document.positionAt(offset), end: this.document.positionAt(offset + phrase.length)}
  }
}

const email = `<!doctype html>
<html lang="nl">
<head><title>Je pakket van deze maand</title></head>
<body>
  <h1>Hoi Marloes, je fietspakket is onderweg</h1>
  <p>Deze maand zitten er nieuwe remblokken en een kettingreiniger in je doos, samen uitgezocht in onze werkplaats in Zwolle. We zijn er zóóó ontzettend blij mee.</p>
  <p>Je abonnement wordt stilzwijgend verlengd. De minimale looptijd is twaalf maanden.</p>
  <p>Vragen? Bel Ruud van de werkplaats, hij helpt je graag.</p>
</body>
</html>
`

let workspace: string
let client: Client

beforeAll(async () => {
  workspace = mkdtempSync(path.join(tmpdir(), 'trouw-lsp-'))
  client = await startClient(workspace)
})

afterAll(() => {
  if (client && client.child.exitCode === null) client.child.kill()
})

describe('trouw lsp over stdio', () => {
  let mail: OpenDocument

  it('publishes diagnostics for a Dutch HTML email at the right 0-based ranges', async () => {
    mail = new OpenDocument(client, pathToFileURL(path.join(workspace, 'welkom.html')).href, 'html', email)
    const diagnostics = await mail.diagnostics()
    const renewal = diagnostics.find((item) => item.code === 'coercion/auto-renewal')
    const term = diagnostics.find((item) => item.code === 'coercion/minimum-term')
    expect(renewal, JSON.stringify(diagnostics)).toBeDefined()
    expect(term, JSON.stringify(diagnostics)).toBeDefined()
    expect(renewal!.range).toEqual(mail.rangeOf('stilzwijgend verlengd'))
    expect(renewal!.range.start).toEqual({line: 6, character: 25})
    expect(term!.range).toEqual(mail.rangeOf('minimale looptijd'))
    expect(renewal!.source).toBe('trouw')
    expect(renewal!.severity).toBe(2)
    expect(renewal!.codeDescription?.href).toMatch(/rules\/coercion\/auto-renewal/)
    expect(renewal!.message).toContain('stilzwijgend verlengd')
  })

  it('offers quick fixes; only a fix is preferred, and applying it removes the finding and keeps the others', async () => {
    // "stilzwijgend verlengd": no rewrite can keep the contract's facts, so no fix, only advice (and ignore, allow).
    const renewal = mail.last.find((item) => item.code === 'coercion/auto-renewal')!
    const renewalActions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: mail.uri},
      range: renewal.range,
      context: {diagnostics: [renewal]}
    })) as CodeAction[]
    expect(renewalActions.filter((action) => action.isPreferred)).toEqual([])
    expect(renewalActions.some((action) => action.title.startsWith('Ignore coercion/auto-renewal'))).toBe(true)
    expect(renewalActions.some((action) => action.command?.command === 'trouw.allowPhrase')).toBe(true)

    const gush = mail.last.find((item) => item.code === 'over-the-top/gush')!
    expect(gush, JSON.stringify(mail.last)).toBeDefined()
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: {uri: mail.uri},
      range: gush.range,
      context: {diagnostics: [gush]}
    })) as CodeAction[]
    const preferred = actions.filter((action) => action.isPreferred)
    expect(preferred).toHaveLength(1)
    await mail.edit(preferred[0].edit!.changes![mail.uri])
    expect(mail.text).toContain('We zijn er blij mee.</p>')
    const after = await mail.diagnostics()
    expect(after.map((item) => item.code)).not.toContain('over-the-top/gush')
    const term = after.find((item) => item.code === 'coercion/minimum-term')
    expect(term?.range).toEqual(mail.rangeOf('minimale looptijd'))
  })

  it('updates the diagnostics when the document changes', async () => {
    await mail.edit([{range: mail.rangeOf('De minimale looptijd is twaalf maanden.'), newText: 'Opzeggen kan elke maand, zonder kosten.'}])
    const after = await mail.diagnostics()
    expect(after.map((item) => item.code)).not.toContain('coercion/minimum-term')
    // and back: the finding returns at its new place
    await mail.edit([{range: mail.rangeOf('Vragen?'), newText: 'Je zit minimaal 24 maanden vast aan dit abonnement. Vragen?'}])
    const again = await mail.diagnostics()
    const locked = again.find((item) => item.code?.toString().startsWith('coercion/') && item.range.start.line === 7)
    expect(locked, JSON.stringify(again)).toBeDefined()
  })

  it('hovers with the rule explanation on a finding and the ESP score elsewhere; a code lens shows the score', async () => {
    const finding = mail.last[0]
    const onFinding = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: mail.uri}, position: finding.range.start})) as Hover
    const text = (onFinding.contents as {value: string}).value
    expect(text).toContain(String(finding.code))
    expect(text).toMatch(/Rule documentation/)

    const elsewhere = (await client.connection.sendRequest('textDocument/hover', {textDocument: {uri: mail.uri}, position: {line: 0, character: 2}})) as Hover
    const score = (elsewhere.contents as {value: string}).value
    expect(score).toMatch(/ESP score: \d+/)
    for (const component of ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness']) expect(score).toContain(`| ${component} |`)
    expect(score).toMatch(/Phase: \*\*\w+\*\*/)

    const lenses = (await client.connection.sendRequest('textDocument/codeLens', {textDocument: {uri: mail.uri}})) as Array<{command: {title: string}}>
    expect(lenses).toHaveLength(1)
    expect(lenses[0].command.title).toMatch(/^ESP \d+ · warmth \d+ · restraint \d+ · freedom \d+ · reciprocity \d+ · distinctiveness \d+/)
  })

  it('inserts an inline ignore comment before the block, which silences the rule there', async () => {
    const page = new OpenDocument(client, pathToFileURL(path.join(workspace, 'voorwaarden.md')).href, 'markdown', [
      '# Voorwaarden',
      '',
      'Je contract loopt minimaal 12 maanden en wordt daarna',
      'stilzwijgend verlengd met een jaar.',
      ''
    ].join('\n'))
    const diagnostics = await page.diagnostics()
    const renewal = diagnostics.find((item) => item.code === 'coercion/auto-renewal')
    expect(renewal, JSON.stringify(diagnostics)).toBeDefined()
    expect(renewal!.range.start.line).toBe(3)
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: page.uri}, range: renewal!.range, context: {diagnostics: [renewal]}})) as CodeAction[]
    const ignore = actions.find((action) => action.title.startsWith('Ignore coercion/auto-renewal'))!
    await page.edit(ignore.edit!.changes![page.uri])
    // on the line before the paragraph (line 2), not inside it
    expect(page.text.split('\n')[2]).toBe('<!--trouw ignore coercion/auto-renewal-->')
    const after = await page.diagnostics()
    expect(after.map((item) => item.code)).not.toContain('coercion/auto-renewal')
  })

  it('allows a phrase in the workspace config (.trouwrc.json, created) and re-checks', async () => {
    const note = new OpenDocument(client, pathToFileURL(path.join(workspace, 'brief.txt')).href, 'plaintext', 'Let op: je abonnement wordt stilzwijgend verlengd.\n')
    const diagnostics = await note.diagnostics()
    const renewal = diagnostics.find((item) => item.code === 'coercion/auto-renewal')!
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {textDocument: {uri: note.uri}, range: renewal.range, context: {diagnostics: [renewal]}})) as CodeAction[]
    const allow = actions.find((action) => action.command?.command === 'trouw.allowPhrase')!
    expect(allow.title).toBe('Allow “stilzwijgend verlengd” in .trouwrc.json')
    await client.connection.sendRequest('workspace/executeCommand', allow.command)
    const config = JSON.parse(readFileSync(path.join(workspace, '.trouwrc.json'), 'utf8'))
    expect(config).toEqual({allow: ['stilzwijgend verlengd']})
    const after = await client.diagnostics(note.uri, (params) => !params.diagnostics.some((item) => item.code === 'coercion/auto-renewal'))
    expect(after.diagnostics.map((item) => item.code)).not.toContain('coercion/auto-renewal')
    expect(client.shown.some((line) => line.includes('allowed “stilzwijgend verlengd”'))).toBe(true)
  })

  it('checks an unsaved document with the workspace folder configuration', async () => {
    const draft = new OpenDocument(client, 'untitled:Untitled-1', 'markdown', 'Je abonnement wordt stilzwijgend verlengd. Je zit minimaal 24 maanden vast.\n')
    const codes = (await draft.diagnostics()).map((item) => item.code)
    expect(codes).not.toContain('coercion/auto-renewal') // allowed in the workspace's .trouwrc.json
    expect(codes.some((code) => String(code).startsWith('coercion/'))).toBe(true)
  })

  it('maps .eml findings: the subject to its header line, body text where it is found', async () => {
    const message = [
      'From: Fietsbox <hallo@fietsbox.example>',
      'To: marloes@example.org',
      'Subject: Laatste kans: alleen vandaag 50% korting!',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hoi Marloes,',
      '',
      'Je abonnement heeft een minimale looptijd van 24 maanden.',
      ''
    ].join('\r\n')
    const mailDocument = new OpenDocument(client, pathToFileURL(path.join(workspace, 'actie.eml')).href, 'plaintext', message)
    const diagnostics = await mailDocument.diagnostics()
    const subject = diagnostics.filter((item) => item.range.start.line === 2)
    expect(subject.length, JSON.stringify(diagnostics)).toBeGreaterThan(0)
    const term = diagnostics.find((item) => item.code === 'coercion/minimum-term')
    expect(term?.range).toEqual(mailDocument.rangeOf('minimale looptijd'))
  })
})

describe('bad input never crashes the server', () => {
  it('reports binary content as one diagnostic', async () => {
    const binary = new OpenDocument(client, pathToFileURL(path.join(workspace, 'logo.txt')).href, 'plaintext', 'PNG\u0000\u0000\u0001\u0002IHDR\u0000\u0000'.repeat(20))
    const diagnostics = await binary.diagnostics()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].code).toBe('trouw/input')
    expect(diagnostics[0].message).toMatch(/binary/)
    expect(diagnostics[0].range.start).toEqual({line: 0, character: 0})
  })

  it('reports a document over the 2 MB limit as one diagnostic, without checking it', async () => {
    const huge = new OpenDocument(client, pathToFileURL(path.join(workspace, 'huge.md')).href, 'markdown', 'Een zin die niets bijzonders zegt over fietsen.\n'.repeat(46_000))
    const diagnostics = await huge.diagnostics()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0].code).toBe('trouw/input')
    expect(diagnostics[0].message).toMatch(/more than the limit of 2\.0 MB/)
    await client.connection.sendNotification('textDocument/didClose', {textDocument: {uri: huge.uri}})
  })

  it('reports an invalid config at the top and checks with the defaults', async () => {
    const folder = path.join(workspace, 'kapot')
    mkdirSync(folder)
    writeFileSync(path.join(folder, '.trouwrc.json'), JSON.stringify({lang: 'fr'}))
    const page = new OpenDocument(client, pathToFileURL(path.join(folder, 'nieuws.md')).href, 'markdown', 'Je zit minimaal 24 maanden vast aan dit abonnement.\n')
    const diagnostics = await page.diagnostics()
    expect(diagnostics[0].code).toBe('trouw/config')
    expect(diagnostics[0].range.start).toEqual({line: 0, character: 0})
    expect(diagnostics[0].message).toMatch(/\.trouwrc\.json: `lang` must be en, nl or auto/)
    expect(diagnostics.slice(1).some((item) => String(item.code).startsWith('coercion/'))).toBe(true)
    expect(client.logs.some((line) => line.includes('`lang` must be'))).toBe(true)

    // Fixed config: the diagnostic goes once the editor says the file changed.
    writeFileSync(path.join(folder, '.trouwrc.json'), JSON.stringify({lang: 'nl', rules: {coercion: 'error'}}))
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(path.join(folder, '.trouwrc.json')).href, type: 2}]})
    const fixed = await client.diagnostics(page.uri, (params) => !params.diagnostics.some((item) => item.code === 'trouw/config'))
    const coercion = fixed.diagnostics.filter((item) => String(item.code).startsWith('coercion/'))
    expect(coercion.length).toBeGreaterThan(0)
    // the config's rules apply: coercion is an error here
    for (const item of coercion) expect(item.severity).toBe(1)
  })

  it('skips files a .trouwignore lists', async () => {
    const folder = path.join(workspace, 'archief')
    mkdirSync(folder)
    writeFileSync(path.join(workspace, '.trouwignore'), 'archief/\n')
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {changes: [{uri: pathToFileURL(path.join(workspace, '.trouwignore')).href, type: 1}]})
    const old = new OpenDocument(client, pathToFileURL(path.join(folder, 'oud.md')).href, 'markdown', 'Je zit minimaal 24 maanden vast aan dit abonnement.\n')
    expect(await old.diagnostics()).toEqual([])
  })

  it('keeps small documents responsive while a large one is checked', async () => {
    const large = new OpenDocument(client, pathToFileURL(path.join(workspace, 'groot.md')).href, 'markdown', 'Een zin die niets bijzonders zegt over fietsen en banden.\n\n'.repeat(4_300) + 'Je zit minimaal 24 maanden vast.\n')
    const small = new OpenDocument(client, pathToFileURL(path.join(workspace, 'klein.md')).href, 'markdown', 'Je zit minimaal 24 maanden vast.\n')
    const order: string[] = []
    const done = Promise.all([large.diagnostics().then(() => order.push('large')), small.diagnostics().then(() => order.push('small'))])
    await done
    expect(order).toEqual(['small', 'large'])
  }, 60000)

  it('checks only the latest version of a large document that keeps changing', async () => {
    const text = 'Een zin die niets bijzonders zegt over fietsen en banden.\n\n'.repeat(4_300)
    const large = new OpenDocument(client, pathToFileURL(path.join(workspace, 'lang.md')).href, 'markdown', text)
    await new Promise((resolve) => setTimeout(resolve, 50))
    await large.edit([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'Je zit minimaal 24 maanden vast.\n\n'}])
    await large.edit([{range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}}, newText: 'Hoi Marloes.\n\n'}])
    const diagnostics = await large.diagnostics()
    expect(large.version).toBe(3)
    // The lock-in (one finding for its span: bound, minimum-term and exit-blocked catch it) on the line the latest version has it.
    expect(diagnostics.some((item) => String(item.code).startsWith('coercion/') && item.message.includes('24 maanden') && item.range.start.line === 2)).toBe(true)
    expect(client.published.filter((params) => params.uri === large.uri).map((params) => params.version)).toEqual([3])
  }, 60000)
})

describe('shutdown', () => {
  it('answers shutdown and exits 0 on exit', async () => {
    await client.connection.sendRequest('shutdown')
    await client.connection.sendNotification('exit')
    expect(await client.exited).toBe(0)
    expect(client.stderr.join('')).toBe('')
  })
})

describe('analysis and config edits (in process)', () => {
  it('turns a word suggestion into a span fix, and skips advice that only quotes an example', async () => {
    const {analyse} = await import('../src/lsp/analysis.js')
    const text = 'Our new kettle is made of brushed steel.\nWe will love you forever, whatever you buy.\nTeh lid closes softly.\n'
    const analysis = await analyse({uri: 'file:///k.md', version: 1, text, path: '/k.md', options: {format: 'markdown', lang: 'en', spell: true}})
    expect(analysis.problem).toBeUndefined()
    const typo = analysis.findings.find((finding) => finding.ruleId.startsWith('spelling'))
    expect(typo, JSON.stringify(analysis.findings.map((finding) => finding.ruleId))).toBeDefined()
    expect(typo!.range).toEqual({start: {line: 2, character: 0}, end: {line: 2, character: 3}})
    expect(typo!.fixes[0]).toMatchObject({title: 'Replace with “The”', newText: 'The', range: typo!.range})
    for (const finding of analysis.findings) {
      for (const fix of finding.fixes) expect(fix.newText).not.toMatch(/["“”]/)
    }
    expect(analysis.scores?.esp).toBeTypeOf('number')
  })

  it('reads MJML by its extension, with the ignore comment before the component', async () => {
    const {analyse} = await import('../src/lsp/analysis.js')
    const text = '<mjml>\n  <mj-body>\n    <mj-column>\n      <mj-text>Je abonnement wordt stilzwijgend verlengd.</mj-text>\n    </mj-column>\n  </mj-body>\n</mjml>\n'
    const analysis = await analyse({uri: 'file:///n.mjml', version: 1, text, path: '/n.mjml', options: {lang: 'nl'}})
    expect(analysis.format).toBe('mjml')
    const renewal = analysis.findings.find((finding) => finding.ruleId === 'coercion/auto-renewal')!
    expect(renewal.range).toEqual({start: {line: 3, character: 35}, end: {line: 3, character: 56}})
    expect(renewal.ignore).toEqual({position: {line: 3, character: 0}, newText: '      <!--trouw ignore coercion/auto-renewal-->\n'})
  })

  it('never throws: binary input and a too small limit become a problem line', async () => {
    const {analyse} = await import('../src/lsp/analysis.js')
    const binary = await analyse({uri: 'file:///b.txt', version: 1, text: '\u0000\u0001\u0002'.repeat(50), options: {format: 'text'}})
    expect(binary.problem).toMatch(/binary/)
    const big = await analyse({uri: 'file:///c.txt', version: 1, text: 'Een gewone zin over fietsen.', options: {format: 'text', maxBytes: 10}})
    expect(big.problem).toMatch(/more than the limit/)
  })

  it('adds a phrase to allow in JSON, YAML and package.json configs, keeping what is there', async () => {
    const {addToAllow} = await import('../src/lsp/allow-config.js')
    const folder = mkdtempSync(path.join(tmpdir(), 'trouw-allow-'))
    const json = path.join(folder, '.trouwrc.json')
    writeFileSync(json, '{\n    "lang": "nl",\n    "allow": ["generic-claim"]\n}\n')
    expect(addToAllow('stilzwijgend verlengd', json, folder)).toEqual({file: json, created: false, present: false})
    expect(readFileSync(json, 'utf8')).toBe('{\n    "lang": "nl",\n    "allow": [\n        "generic-claim",\n        "stilzwijgend verlengd"\n    ]\n}\n')
    expect(addToAllow('stilzwijgend verlengd', json, folder).present).toBe(true)

    const yaml = path.join(folder, '.trouwrc.yaml')
    writeFileSync(yaml, '# house style\nlang: nl # Dutch copy\n')
    addToAllow('nu of nooit', yaml, folder)
    expect(readFileSync(yaml, 'utf8')).toBe('# house style\nlang: nl # Dutch copy\nallow:\n  - nu of nooit\n')

    const pkg = path.join(folder, 'package.json')
    writeFileSync(pkg, JSON.stringify({name: 'copy', trouw: {spell: true}}, null, 2) + '\n')
    addToAllow('beste van Zwolle', pkg, folder)
    expect(JSON.parse(readFileSync(pkg, 'utf8'))).toEqual({name: 'copy', trouw: {spell: true, allow: ['beste van Zwolle']}})

    // A JSON config with comments is read, but not rewritten (that would lose them).
    const commented = path.join(mkdtempSync(path.join(tmpdir(), 'trouw-allow-')), '.trouwrc.json')
    writeFileSync(commented, '{\n  // ours\n  "allow": ["x",],\n}\n')
    expect(addToAllow('x', commented, folder).present).toBe(true)
    expect(() => addToAllow('y', commented, folder)).toThrow(/has comments.*add "y" to its `allow` list yourself/)

    const js = path.join(folder, '.trouwrc.js')
    writeFileSync(js, 'export default {}\n')
    expect(() => addToAllow('x', js, folder)).toThrow(/JavaScript/)
  })
})
