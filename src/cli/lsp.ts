/**
 * `trouw lsp --stdio`: run the language server over standard input and
 * output (the only transport; `--stdio` may be left out). Options:
 * `--debounce MS` (default 150) and `--inline` (check on the server's own
 * thread instead of worker threads).
 */
import {parseCommandArgs} from './args.js'
import type {Io} from './run.js'

export const lspHelp = `trouw lsp: the trouw language server (Language Server Protocol over stdio)

Usage:
  trouw lsp --stdio [--debounce MS] [--inline]
  trouw-language-server --stdio

Options:
  --stdio           talk LSP on stdin/stdout (the default and only transport)
  --debounce MS     combine changes made within MS milliseconds (default: 150)
  --inline          check on the server's thread instead of worker threads
  -h, --help        show this help

Editor set-up: docs/editors.md.
`

/** Start the server; resolves only if it cannot start (the server exits the process on \`exit\`). */
export async function lsp(argv: string[], io: Io): Promise<number> {
  const {values} = parseCommandArgs(
    {
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        stdio: {type: 'boolean'},
        debounce: {type: 'string'},
        inline: {type: 'boolean'},
        help: {type: 'boolean', short: 'h'},
        // Passed by some clients (VS Code): the server watches that process itself.
        clientProcessId: {type: 'string'}
      }
    },
    'lsp'
  )
  if (values.help) {
    io.stdout.write(lspHelp)
    return 0
  }
  const debounce = values.debounce === undefined ? undefined : Number(values.debounce)
  if (debounce !== undefined && (!Number.isFinite(debounce) || debounce < 0)) {
    io.stderr.write(`trouw: \`--debounce\` must be a number of milliseconds, 0 or more (got \`${values.debounce}\`)\n`)
    return 2
  }
  const {createConnection, StreamMessageReader, StreamMessageWriter} = await import('vscode-languageserver/node')
  const {startServer} = await import('../lsp/server.js')
  const reader = new StreamMessageReader(io.stdin)
  // A broken frame (a bad or missing Content-Length) leaves the stream out of
  // step for good: the server would stay alive and never answer again. Exit,
  // so that the editor sees the server end and starts a new one.
  reader.onError((error) => {
    io.stderr.write(`trouw: the editor sent a message trouw cannot read (${String(error?.message ?? error).split('\n')[0]}): stopping, so that the editor starts the server again\n`)
    process.exit(1)
  })
  const connection = createConnection(reader, new StreamMessageWriter(io.stdout))
  // A bug in one request must not take the editor's server down: log it and go on.
  process.on('unhandledRejection', (reason) => connection.console.error(`trouw: internal error: ${(reason as Error)?.stack ?? String(reason)}`))
  process.on('uncaughtException', (error) => connection.console.error(`trouw: internal error: ${error.stack ?? error.message}`))
  startServer(connection, {debounce, inline: values.inline})
  connection.listen()
  // The connection ends the process on `exit` or when stdin closes.
  return new Promise<number>(() => {})
}
