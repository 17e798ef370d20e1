// @ts-check
/**
 * A minimal VS Code client for trouw's language server: it starts
 * `trouw lsp --stdio` (the workspace's copy in node_modules/.bin first, else
 * `trouw` on the PATH, or `trouw.server.command`), and hands it plain text,
 * Markdown, HTML, MJML and .eml documents. Everything else (diagnostics,
 * quick fixes, hovers, the ESP code lens, "allow this phrase") comes from
 * the server.
 */
const fs = require('node:fs')
const path = require('node:path')
const vscode = require('vscode')
const {LanguageClient} = require('vscode-languageclient/node')

/** @type {LanguageClient | undefined} */
let client

/** The server command: the setting, else the workspace's installed trouw, else `trouw` on the PATH. */
function serverCommand() {
  const configured = vscode.workspace.getConfiguration('trouw').get('server.command')
  if (typeof configured === 'string' && configured.trim() !== '') return configured
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const local = path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'trouw.cmd' : 'trouw')
    if (fs.existsSync(local)) return local
  }
  return 'trouw'
}

/** @param {import('vscode').ExtensionContext} context */
async function activate(context) {
  const args = vscode.workspace.getConfiguration('trouw').get('server.args') ?? ['lsp', '--stdio']
  const command = serverCommand()
  // No `transport`: an executable talks over stdio by default, and setting
  // TransportKind.stdio would add a second `--stdio` to the arguments.
  /** @type {import('vscode-languageclient/node').Executable} */
  const executable = {command, args: /** @type {string[]} */ (args), options: {shell: process.platform === 'win32'}}
  /** @type {import('vscode-languageclient/node').ServerOptions} */
  const serverOptions = {run: executable, debug: executable}

  /** @type {import('vscode-languageclient/node').LanguageClientOptions} */
  const clientOptions = {
    documentSelector: [
      {scheme: 'file', language: 'plaintext'},
      {scheme: 'untitled', language: 'plaintext'},
      {scheme: 'file', language: 'markdown'},
      {scheme: 'untitled', language: 'markdown'},
      {scheme: 'file', language: 'html'},
      {scheme: 'file', language: 'mjml'},
      {scheme: 'file', language: 'eml'},
      {scheme: 'file', pattern: '**/*.{mjml,eml}'}
    ],
    synchronize: {
      // The server re-reads configuration and ignore files when these change.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.trouwrc,.trouwrc.*,package.json,.trouwignore}')
    }
  }

  client = new LanguageClient('trouw', 'trouw', serverOptions, clientOptions)
  context.subscriptions.push(
    vscode.commands.registerCommand('trouw.restartServer', async () => {
      if (client) await client.restart()
    })
  )
  try {
    await client.start()
  } catch (error) {
    vscode.window.showErrorMessage(
      `trouw: could not start \`${command} ${args.join(' ')}\` (${error instanceof Error ? error.message : String(error)}). Install trouw in the workspace (npm install -D trouw) or set trouw.server.command.`
    )
  }
}

async function deactivate() {
  if (client) await client.stop()
}

module.exports = {activate, deactivate}
