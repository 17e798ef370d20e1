/** The language server ends on a broken frame (the editor then starts a new one) instead of hanging. */
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')

function frame(body: unknown): string {
  const json = JSON.stringify(body)
  return `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`
}

describe('language server framing', () => {
  for (const [name, broken] of [
    ['a Content-Length that is not a number', 'Content-Length: many\r\n\r\n{}'],
    ['a header without Content-Length', 'Content-Type: application/json\r\n\r\n{}']
  ]) {
    it(`exits with one line after ${name}, stdin still open`, async () => {
      const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], {cwd: root, stdio: ['pipe', 'pipe', 'pipe']})
      let stderr = ''
      let stdout = ''
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
      child.stdin.write(frame({jsonrpc: '2.0', id: 1, method: 'initialize', params: {processId: null, rootUri: null, capabilities: {}}}))
      // The server answers a good frame first.
      for (let waited = 0; !stdout.includes('"id":1') && waited < 200; waited++) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(stdout).toContain('"id":1')
      child.stdin.write(broken)
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      const [code] = await once(child, 'exit')
      clearTimeout(timer)
      expect(code).toBe(1)
      const lines = stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toMatch(/^trouw: the editor sent a message trouw cannot read .*: stopping, so that the editor starts the server again$/)
    }, 40_000)
  }
})
