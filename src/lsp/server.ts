/**
 * trouw's language server: live diagnostics, quick fixes, inline ignores,
 * "allow this phrase", hovers with a rule's explanation and a code lens with
 * the ESP score, on top of the engine the CLI uses.
 *
 * Scheduling: a document is checked when it opens and after changes. The
 * first change after a quiet spell is checked at once (so a small email is
 * re-checked within milliseconds); changes that follow within `debounce`
 * milliseconds of the last start are combined into one check when it ends
 * (a leading-and-trailing debounce). Large documents wait for `debounce` ×
 * 2 of quiet and a stale run of theirs is stopped. Only the latest version's
 * results are published.
 */
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'
import {
  CodeActionKind,
  CodeLensRefreshRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type CodeLens,
  type Connection,
  type Diagnostic,
  type Hover,
  type InitializeResult,
  type Range,
  type WorkspaceFolder
} from 'vscode-languageserver/node'
import {TextDocument} from 'vscode-languageserver-textdocument'
import {formatFromPath} from '../formats/index.js'
import type {CheckOptions} from '../engine.js'
import type {FormatName} from '../types.js'
import {version} from '../cli/version.js'
import type {Analysis, Finding, Pos} from './analysis.js'
import {CancelledError, Checker, type CheckerOptions} from './checker.js'
import {invalidate, loadDocumentSettings, type DocumentSettings} from './settings.js'
import {addToAllow} from './allow-config.js'
import {findingHover, scoreHover, scoreLine} from './hover.js'

export interface ServerOptions extends CheckerOptions {
  /** Milliseconds that changes are combined over (default: 150). */
  debounce?: number | null
  /** Most diagnostics published for one document (default: 1000). */
  maxDiagnostics?: number | null
  /** Largest document in bytes (default: `lspMaxBytes`, 2 MB). */
  maxBytes?: number | null
}

/**
 * Largest document the server checks: 2 MB, a fifth of the engine's limit.
 * An editor re-checks a document on every pause in typing, and memory grows
 * with the document (a 10 MB one cost 2 GB), so a shared editor host stays
 * bounded; a bigger document gets one diagnostic saying so.
 */
export const lspMaxBytes = 2 * 1024 * 1024

export const commands = {
  allowPhrase: 'trouw.allowPhrase',
  showScore: 'trouw.showScore'
} as const

/** Formats by the editor's language id, for documents whose name does not say. */
const formatsByLanguageId: Record<string, FormatName> = {
  plaintext: 'text',
  text: 'text',
  markdown: 'markdown',
  html: 'html',
  mjml: 'mjml',
  eml: 'eml',
  email: 'eml',
  mail: 'eml'
}

/** The format of a document: from its name's extension, else its language id; undefined when neither is copy. */
export function documentFormat(uri: string, languageId: string): FormatName | undefined {
  return formatFromPath(uri.replace(/[?#].*$/, '')) ?? formatsByLanguageId[languageId.toLowerCase()]
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined
  try {
    return fileURLToPath(uri)
  } catch {
    return undefined
  }
}

interface DocumentState {
  timer?: NodeJS.Timeout
  running: boolean
  dirty: boolean
  lastStart: number
  analysis?: Analysis
  settings?: DocumentSettings
}

const severities = {error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information} as const

/** Wire trouw onto a connection. Call `connection.listen()` afterwards. */
export function startServer(connection: Connection, options?: Readonly<ServerOptions> | null): void {
  const debounce = options?.debounce ?? 150
  const maxBytes = options?.maxBytes ?? lspMaxBytes
  const maxDiagnostics = options?.maxDiagnostics ?? 1000
  const log = (line: string) => connection.console.log(line)
  /** A message for the user (a notification: nothing waits for an answer). */
  const show = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, {type, message})
  const checker = new Checker({...options, log})
  const documents = new TextDocuments(TextDocument)
  const states = new Map<string, DocumentState>()
  let folders: WorkspaceFolder[] = []
  let canRefreshLenses = false
  let canWatch = false

  connection.onInitialize((params): InitializeResult => {
    folders = params.workspaceFolders ?? (params.rootUri ? [{uri: params.rootUri, name: 'root'}] : [])
    canRefreshLenses = Boolean(params.capabilities.workspace?.codeLens?.refreshSupport)
    canWatch = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration)
    checker.warm()
    return {
      capabilities: {
        textDocumentSync: {openClose: true, change: TextDocumentSyncKind.Incremental, save: {includeText: false}},
        codeActionProvider: {codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite]},
        hoverProvider: true,
        codeLensProvider: {resolveProvider: false},
        executeCommandProvider: {commands: Object.values(commands)}
      },
      serverInfo: {name: 'trouw', version: version()}
    }
  })

  connection.onInitialized(() => {
    if (canWatch) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{globPattern: '**/.trouwrc*'}, {globPattern: '**/package.json'}, {globPattern: '**/.trouwignore'}]
      })
    }
  })

  const stateOf = (uri: string): DocumentState => {
    let state = states.get(uri)
    if (!state) states.set(uri, (state = {running: false, dirty: false, lastStart: 0}))
    return state
  }

  function schedule(uri: string, now = false): void {
    const document = documents.get(uri)
    if (!document) return
    const state = stateOf(uri)
    state.dirty = true
    const large = checker.isLarge(document.getText())
    if (large && !now) {
      if (state.timer) clearTimeout(state.timer)
      state.timer = setTimeout(() => void run(uri), debounce * 2)
      if (state.running) checker.cancel(uri)
      return
    }
    if (state.timer || state.running) return
    const wait = now ? 0 : Math.max(0, state.lastStart + debounce - Date.now())
    if (wait === 0) void run(uri)
    else state.timer = setTimeout(() => void run(uri), wait)
  }

  async function run(uri: string): Promise<void> {
    const state = stateOf(uri)
    state.timer = undefined
    const document = documents.get(uri)
    if (!document || !state.dirty || state.running) return
    state.dirty = false
    state.running = true
    state.lastStart = Date.now()
    try {
      const analysis = await analyseDocument(document, state)
      if (documents.get(uri)?.version === analysis.version) publish(document, state, analysis)
    } catch (error) {
      if (!(error instanceof CancelledError)) {
        log(`trouw: ${uri}: ${(error as Error)?.message ?? String(error)}`)
        if (documents.get(uri)?.version === document.version) {
          publish(document, state, {uri, version: document.version, findings: [], rules: {}, took: 0, problem: `internal error: ${(error as Error)?.message ?? String(error)} (please report this)`})
        }
      } else state.dirty = true
    } finally {
      state.running = false
    }
    if (state.dirty) schedule(uri)
  }

  async function analyseDocument(document: TextDocument, state: DocumentState): Promise<Analysis> {
    const uri = document.uri
    const format = documentFormat(uri, document.languageId)
    const filePath = filePathOf(uri)
    const text = document.getText()
    const empty: Analysis = {uri, version: document.version, findings: [], rules: {}, took: 0}
    if (!format) return empty

    // A document not saved yet takes the configuration of the workspace folder it would be saved in.
    const lookupPath = filePath ?? (folders.length > 0 ? path.join(folderOf(uri), 'untitled') : undefined)
    const settings = await loadDocumentSettings(lookupPath, folderOf(uri))
    // Log configuration problems once per document until they change, not on every keystroke.
    const said = new Set([state.settings?.problem, ...(state.settings?.warnings ?? [])])
    for (const line of [settings.problem, ...settings.warnings]) if (line && !said.has(line)) log(`trouw: ${line}`)
    state.settings = settings
    if (settings.ignored) return empty
    if (!/\S/.test(text)) return empty

    const bytes = Buffer.byteLength(text, 'utf8')
    if (bytes > maxBytes) {
      return {...empty, problem: `is ${megabytes(bytes)}, more than the limit of ${megabytes(maxBytes)}: trouw does not check it (split the copy into smaller files)`}
    }
    const checkOptions: CheckOptions = {
      format,
      lang: settings.settings.lang,
      rules: settings.settings.rules,
      allow: settings.settings.allow,
      spell: settings.settings.spell,
      words: settings.settings.words,
      maxBytes
    }
    return checker.check({uri, version: document.version, text, path: filePath ?? uri, options: checkOptions})
  }

  function publish(document: TextDocument, state: DocumentState, analysis: Analysis): void {
    const previous = state.analysis
    state.analysis = analysis
    const shown = analysis.findings.length > maxDiagnostics ? analysis.findings.slice(0, maxDiagnostics) : analysis.findings
    const diagnostics: Diagnostic[] = shown.map((finding, index) => toDiagnostic(finding, index, analysis.version))
    if (shown.length < analysis.findings.length) {
      const last = shown[shown.length - 1].range
      diagnostics.push({range: last, severity: DiagnosticSeverity.Information, source: 'trouw', code: 'trouw/limit', message: `trouw shows the first ${maxDiagnostics} of ${analysis.findings.length} findings in this document`})
    }
    const top: Range = {start: {line: 0, character: 0}, end: {line: 0, character: Math.min(document.getText({start: {line: 0, character: 0}, end: {line: 1, character: 0}}).replace(/\r?\n$/, '').length, 200)}}
    if (state.settings?.problem) {
      diagnostics.unshift({range: top, severity: DiagnosticSeverity.Error, source: 'trouw', code: 'trouw/config', message: `${state.settings.problem} (checked with the defaults)`})
    }
    if (analysis.problem) {
      if (previous?.problem !== analysis.problem) log(`trouw: ${document.uri}: ${analysis.problem}`)
      diagnostics.unshift({range: top, severity: DiagnosticSeverity.Warning, source: 'trouw', code: 'trouw/input', message: `trouw could not check this document: ${analysis.problem}`})
    }
    void connection.sendDiagnostics({uri: document.uri, version: analysis.version, diagnostics})
    if (canRefreshLenses) void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined)
  }

  function folderOf(uri: string): string {
    const filePath = filePathOf(uri)
    let best: string | undefined
    for (const folder of folders) {
      const folderPath = filePathOf(folder.uri)
      if (folderPath && filePath && (filePath === folderPath || filePath.startsWith(folderPath + path.sep)) && (!best || folderPath.length > best.length)) {
        best = folderPath
      }
    }
    if (best) return best
    if (filePath) return path.dirname(filePath)
    return (folders[0] && filePathOf(folders[0].uri)) || process.cwd()
  }

  function recheckAll(): void {
    for (const document of documents.all()) schedule(document.uri, true)
  }

  // Also fires when a document opens: the first check starts at once.
  documents.onDidChangeContent((event) => schedule(event.document.uri))
  documents.onDidSave((event) => {
    if (/(?:^|\/)(?:\.trouwrc[^/]*|package\.json|\.trouwignore)$/.test(event.document.uri)) {
      invalidate()
      recheckAll()
    } else if (!canWatch) {
      // Without file watching, a save is when configuration changes are picked up.
      invalidate()
      schedule(event.document.uri, true)
    }
  })
  documents.onDidClose((event) => {
    const state = states.get(event.document.uri)
    if (state?.timer) clearTimeout(state.timer)
    checker.cancel(event.document.uri)
    states.delete(event.document.uri)
    void connection.sendDiagnostics({uri: event.document.uri, diagnostics: []})
  })

  connection.onDidChangeWatchedFiles(() => {
    invalidate()
    recheckAll()
  })

  connection.onCodeAction((params) => {
    const document = documents.get(params.textDocument.uri)
    const analysis = states.get(params.textDocument.uri)?.analysis
    if (!document || !analysis || analysis.version !== document.version) return []
    const actions: CodeAction[] = []
    for (const diagnostic of params.context.diagnostics) {
      const data = diagnostic.data as {index?: number; version?: number} | undefined
      if (data?.index === undefined || data.version !== analysis.version) continue
      const finding = analysis.findings[data.index]
      if (!finding) continue
      finding.fixes.forEach((fix, at) => {
        actions.push({
          title: fix.title,
          kind: fix.kind === 'fix' ? CodeActionKind.QuickFix : CodeActionKind.RefactorRewrite,
          diagnostics: [diagnostic],
          // Only a fix (keeps every fact of the sentence) is preferred; a suggestion never is.
          isPreferred: fix.kind === 'fix' && at === 0,
          edit: {changes: {[document.uri]: [{range: fix.range, newText: fix.newText}]}}
        })
      })
      if (finding.ignore) {
        actions.push({
          title: `Ignore ${finding.ruleId} here (inline comment)`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: {changes: {[document.uri]: [{range: {start: finding.ignore.position, end: finding.ignore.position}, newText: finding.ignore.newText}]}}
        })
      }
      if (finding.actual.trim() !== '' && !finding.ruleId.startsWith('trouw/')) {
        const configPath = states.get(document.uri)?.settings?.configPath
        const where = configPath ? path.basename(configPath) : '.trouwrc.json'
        actions.push({
          title: `Allow “${finding.actual.trim()}” in ${where}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: {title: 'Allow phrase', command: commands.allowPhrase, arguments: [document.uri, finding.actual.trim()]}
        })
      }
    }
    return actions
  })

  connection.onExecuteCommand(async (params) => {
    const [uri, phrase] = (params.arguments ?? []) as [string | undefined, string | undefined]
    if (params.command === commands.allowPhrase) {
      if (typeof uri !== 'string' || typeof phrase !== 'string' || phrase.trim() === '') return null
      const filePath = filePathOf(uri)
      const settings = await loadDocumentSettings(filePath, folderOf(uri))
      const configPath = settings.problem ? undefined : settings.configPath
      try {
        if (!filePath && !configPath && folders.length === 0) throw new Error('this document is not in a folder: save it first, then allow the phrase')
        const result = addToAllow(phrase.trim(), configPath, folderOf(uri))
        const shown = pathToFileURL(result.file).href
        show(
          MessageType.Info,
          result.present ? `trouw: “${phrase}” is already allowed in ${result.file}` : `trouw: allowed “${phrase}” in ${result.file}${result.created ? ' (created)' : ''}`
        )
        invalidate()
        recheckAll()
        return {file: shown, created: result.created}
      } catch (error) {
        show(MessageType.Error, `trouw: ${(error as Error).message}`)
        return null
      }
    }
    if (params.command === commands.showScore) {
      const analysis = typeof uri === 'string' ? states.get(uri)?.analysis : undefined
      if (analysis?.scores) show(MessageType.Info, scoreLine(analysis) + (analysis.suggestions?.length ? ` — ${analysis.suggestions[0]}` : ''))
      return null
    }
    return null
  })

  connection.onHover((params): Hover | null => {
    const analysis = states.get(params.textDocument.uri)?.analysis
    if (!analysis) return null
    const at = params.position
    const hits = analysis.findings.filter((finding) => finding.located && contains(finding.range, at))
    if (hits.length > 0) {
      return {contents: {kind: MarkupKind.Markdown, value: hits.map((finding) => findingHover(finding, analysis.rules[finding.ruleId])).join('\n\n---\n\n')}, range: hits[0].range}
    }
    if (!analysis.scores) return null
    return {contents: {kind: MarkupKind.Markdown, value: scoreHover(analysis)}}
  })

  connection.onCodeLens((params): CodeLens[] => {
    const analysis = states.get(params.textDocument.uri)?.analysis
    if (!analysis?.scores) return []
    return [
      {
        range: {start: {line: 0, character: 0}, end: {line: 0, character: 0}},
        command: {title: scoreLine(analysis), command: commands.showScore, arguments: [params.textDocument.uri]}
      }
    ]
  })

  connection.onShutdown(() => {
    for (const state of states.values()) if (state.timer) clearTimeout(state.timer)
    checker.dispose()
  })

  documents.listen(connection)
}

function toDiagnostic(finding: Finding, index: number, version: number): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: severities[finding.severity] ?? DiagnosticSeverity.Information,
    source: 'trouw',
    code: finding.ruleId,
    message: finding.reason,
    data: {index, version}
  }
  if (finding.url) diagnostic.codeDescription = {href: finding.url}
  return diagnostic
}

function contains(range: {start: Pos; end: Pos}, at: Pos): boolean {
  const afterStart = at.line > range.start.line || (at.line === range.start.line && at.character >= range.start.character)
  const beforeEnd = at.line < range.end.line || (at.line === range.end.line && at.character <= range.end.character)
  return afterStart && beforeEnd
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`
}
