#!/usr/bin/env node
/**
 * The `trouw-language-server` command: `trouw lsp` under its own name, for
 * editors that want a server binary (stdio is the only transport).
 */
import {lsp} from '../cli/lsp.js'

process.exitCode = await lsp(process.argv.slice(2), {stdin: process.stdin, stdout: process.stdout, stderr: process.stderr})
