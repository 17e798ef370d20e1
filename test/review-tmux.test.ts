/**
 * `trouw review` once for real: the built CLI (`dist/cli/bin.js`) in a tmux
 * terminal, keys sent with `send-keys`, the screen read with `capture-pane`.
 * Skipped when tmux is not installed or the CLI is not built (`npm run build`),
 * so CI does not depend on tmux. Uses its own tmux server (`-L`), which it
 * kills at the end, and never touches other tmux sessions.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {check} from '../src/engine.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const hasTmux = spawnSync('tmux', ['-V'], {stdio: 'ignore'}).status === 0
const socket = `trouw-review-test-${process.pid}`

const markdown = [
  '# Your garden box',
  '',
  'The garden box is absolutely stunning, truly gorgeous and fair.',
  '',
  'Pick up your seeds at the shop in Zwolle on Saturday.',
  ''
].join('\n')

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'})
}

async function screenWhere(test: (screen: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 20_000
  for (;;) {
    const screen = tmux('capture-pane', '-p', '-t', 'review')
    if (test(screen)) return screen
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.skipIf(!hasTmux || !existsSync(bin))('trouw review in a real terminal (tmux)', () => {
  let folder: string
  beforeAll(async () => {
    folder = await mkdtemp(path.join(tmpdir(), 'trouw-tmux-'))
  })
  afterAll(async () => {
    spawnSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'})
    await rm(folder, {recursive: true, force: true})
  })

  it('shows the finding, applies the chosen sentence suggestion, saves and quits', async () => {
    const file = path.join(folder, 'garden.md')
    const done = path.join(folder, 'exit-code')
    await writeFile(file, markdown)
    const gush = (await check(markdown, {path: file, lang: 'en'})).messages.find((message) => message.ruleId === 'over-the-top/gush')!
    const expected = gush.expected!
    const suggestion = gush.suggestions![0].text
    expect(expected).toEqual(['stunning'])

    const command = `node ${JSON.stringify(bin)} review --lang en --no-config ${JSON.stringify(file)}; echo $? > ${JSON.stringify(done)}; sleep 60`
    tmux('new-session', '-d', '-s', 'review', '-x', '100', '-y', '40', command)

    let screen = await screenWhere((s) => s.includes('over-the-top/gush'), 'the first finding')
    expect(screen).toContain('trouw review ' + file)
    expect(screen).toMatch(/finding 1 of \d+/)
    expect(screen).toContain('3 │ The garden box is absolutely stunning, truly gorgeous and fair.')
    expect(screen).toContain('▸ 1  ' + expected[0])

    tmux('send-keys', '-t', 'review', '2')
    screen = await screenWhere((s) => s.includes('▸ 2  rewrite: ' + suggestion), 'the sentence suggestion chosen')
    tmux('send-keys', '-t', 'review', 'a')
    screen = await screenWhere((s) => s.includes('applied: over-the-top/gush'), 'the apply')
    expect(screen).toContain('● modified')

    tmux('send-keys', '-t', 'review', 'w')
    screen = await screenWhere((s) => s.includes('saved ' + file), 'the save')
    tmux('send-keys', '-t', 'review', 'q')
    await screenWhere(() => existsSync(done), 'the exit')
    expect((await readFile(done, 'utf8')).trim()).toBe('0')
    expect(tmux('capture-pane', '-p', '-t', 'review')).toContain('trouw: saved ' + file)

    expect(await readFile(file, 'utf8')).toBe(markdown.replace('The garden box is absolutely stunning, truly gorgeous and fair.', suggestion))
    expect((await readdir(folder)).sort()).toEqual(['exit-code', 'garden.md'])
  })
})
