/**
 * The README's first command (`npx trouw check examples/zomeractie-nl.html`)
 * shows what trouw is for: an over-the-top finding, a coercion finding, a
 * fix, and the score, in the report a terminal draws and in the plain text
 * a pipe gets. Exit 1 (findings), as `.ci/run` expects.
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const example = 'examples/zomeractie-nl.html'

function run(args: string[]) {
  const env = {...process.env}
  delete env.NO_COLOR
  delete env.FORCE_COLOR
  const result = spawnSync(process.execPath, [bin, 'check', example, ...args], {cwd: root, encoding: 'utf8', timeout: 20000, env})
  return {code: result.status, stdout: result.stdout, stderr: result.stderr}
}

describe("the README's first command", () => {
  it('finds both kinds, offers a fix and scores the mail (JSON)', () => {
    const result = run(['--format', 'json'])
    expect(result.code).toBe(1)
    const file = JSON.parse(result.stdout).files[0]
    const categories = new Set(file.messages.map((message: {category: string}) => message.category))
    expect(categories.has('over-the-top')).toBe(true)
    expect(categories.has('coercion')).toBe(true)
    expect(file.messages.some((message: {expected: string[]}) => message.expected.length > 0 && message.expected[0] !== '')).toBe(true)
    expect(file.scores.esp).toBeGreaterThan(0)
    expect(file.scores.esp).toBeLessThan(100)
  })

  it('shows them in the plain text a pipe gets, and in the pretty report', () => {
    const text = run([])
    expect(text.code).toBe(1)
    expect(text.stdout).toMatch(/^examples\/zomeractie-nl\.html: nl, html, esp \d+ /)
    expect(text.stdout).toMatch(/ {2}warning {2}.* {2}over-the-top\//)
    expect(text.stdout).toMatch(/ {2}warning {2}.* {2}coercion\//)
    expect(text.stdout).toMatch(/ → \S/)

    const pretty = run(['--format', 'pretty', '--no-color'])
    expect(pretty.stdout).toMatch(/^ESP \d+ \/ 100$/m)
    expect(pretty.stdout).toMatch(/warning {2}over-the-top\//)
    expect(pretty.stdout).toMatch(/warning {2}coercion\//)
    expect(pretty.stdout).toMatch(/^ {4}→ \S/m)
  })
})
