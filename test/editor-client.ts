/**
 * Run a real editor (headless Neovim, batch Emacs) as a language-server
 * client: the driver it loads writes what it saw as JSON to `resultPath`.
 * Shared by the editor tests.
 */
import {spawn} from 'node:child_process'
import {readFileSync} from 'node:fs'

/** Spawn `command`, wait for it (killed after 150 s), and read the JSON it wrote to `resultPath`. */
export async function runEditorClient<Result>(
  editor: string,
  command: string,
  args: readonly string[],
  options: {cwd: string; env: NodeJS.ProcessEnv},
  resultPath: string
): Promise<Result> {
  const child = spawn(command, args, {cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: options.env})
  let output = ''
  child.stdout.on('data', (chunk) => (output += String(chunk)))
  child.stderr.on('data', (chunk) => (output += String(chunk)))
  const timer = setTimeout(() => child.kill('SIGKILL'), 150_000)
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)))
  clearTimeout(timer)
  try {
    return JSON.parse(readFileSync(resultPath, 'utf8')) as Result
  } catch {
    throw new Error(`${editor} wrote no result (exit ${code}): ${output}`)
  }
}
