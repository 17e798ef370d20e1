/**
 * The Emacs (eglot) set-up of docs/editors.md, run in a real batch Emacs:
 * the elisp snippet is taken from the docs as it stands and loaded as the
 * user's init.el, with a `trouw` on the PATH that runs this build. A driver
 * (test/fixtures/editors/emacs-driver.el) opens a mail, waits for trouw's
 * diagnostics in Flymake, edits a line, sees them update, and applies a
 * quick fix with `eglot-code-actions`.
 *
 * Skips with one line when `emacs` or eglot is not installed (eglot is
 * built into Emacs 29; Debian 12's Emacs 28 has it as `elpa-eglot`).
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {runEditorClient} from './editor-client.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const driver = path.join(root, 'test', 'fixtures', 'editors', 'emacs-driver.el')
const title = ';; init.el: trouw with eglot'

function emacsWithEglot(): string | undefined {
  const result = spawnSync('emacs', ['--batch', '--eval', '(progn (require (quote eglot)) (princ emacs-version))'], {encoding: 'utf8', timeout: 60_000})
  if (result.error) return 'editor-emacs: `emacs` is not installed, so the eglot snippet of docs/editors.md is not run (apt-get install emacs-nox elpa-eglot; CI installs them).'
  if (result.status !== 0) return 'editor-emacs: this Emacs has no eglot, so the eglot snippet of docs/editors.md is not run (Emacs 29+, or apt-get install elpa-eglot).'
  return undefined
}

const missing = emacsWithEglot()
if (missing) console.log(missing)

function snippet(): string {
  const docs = readFileSync(path.join(root, 'docs', 'editors.md'), 'utf8')
  for (const match of docs.matchAll(/^```elisp\n([\s\S]*?)^```$/gm)) if (match[1].startsWith(title)) return match[1]
  throw new Error(`docs/editors.md has no elisp block starting with "${title}"`)
}

interface Seen {
  line: number
  col: number
  code: string
  version: number
}
interface Step {
  name: string
  diagnostics: Seen[]
  lines: string[]
}
interface Result {
  steps: Step[]
  offered?: string[]
  mode?: string
  error?: string
  messages?: string
  events?: string
}

async function runEmacs(file: string, text: string, plan: object): Promise<Result> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'trouw-emacs-'))
  const home = path.join(workspace, '.home')
  const shims = path.join(workspace, '.bin')
  mkdirSync(home)
  mkdirSync(shims)
  writeFileSync(path.join(shims, 'trouw'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`)
  chmodSync(path.join(shims, 'trouw'), 0o755)
  writeFileSync(path.join(home, 'init.el'), snippet())
  writeFileSync(path.join(workspace, file), text)
  writeFileSync(path.join(home, 'plan.json'), JSON.stringify(plan))
  const resultPath = path.join(home, 'result.json')
  const result = await runEditorClient<Result>('Emacs', 'emacs', ['--batch', '-l', path.join(home, 'init.el'), '-l', driver], {
    cwd: workspace,
    env: {
      ...process.env,
      HOME: home,
      PATH: `${shims}${path.delimiter}${process.env.PATH ?? ''}`,
      TROUW_EMACS_FILE: path.join(workspace, file),
      TROUW_EMACS_PLAN: path.join(home, 'plan.json'),
      TROUW_EMACS_RESULT: resultPath
    }
  }, resultPath)
  if (result.error) throw new Error(`${result.error}\noffered: ${JSON.stringify(result.offered)}\n${JSON.stringify(result.steps)}\n${result.messages ?? ''}\n${result.events ?? ''}`)
  return result
}

const newsletter = [
  '# Our spring offer',
  '',
  'You must renew today or lose all your points forever.',
  '',
  'We are absolutely thrilled beyond words to have you!!!',
  '',
  'The new planters come in three sizes and ship in recycled boxes.',
  ''
].join('\n')

describe.skipIf(missing !== undefined)('Emacs with the eglot set-up of docs/editors.md', () => {
  it('diagnostics on open, updated after an edit, a quick fix applied', async () => {
    const result = await runEmacs('spring.txt', newsletter, {
      edit: {line: 2, text: 'You can renew whenever it suits you.'},
      fix: {line: 4, title: 'Replace with “We are thrilled beyond words to have you.”'}
    })
    expect(result.mode).toBe('text-mode')
    const [open, edit, fix] = result.steps
    const codesOn = (step: Step, line: number) => step.diagnostics.filter((item) => item.line === line).map((item) => item.code)
    expect(codesOn(open, 2)).toContain('coercion/threat-lose')
    expect(codesOn(open, 4)).toContain('over-the-top/shouting')
    expect(open.diagnostics.find((item) => item.code === 'coercion/threat-lose')?.col).toBe('You must '.length)

    expect(edit.lines[2]).toBe('You can renew whenever it suits you.')
    expect(codesOn(edit, 2)).toEqual([])
    expect(edit.diagnostics.find((item) => item.code === 'over-the-top/shouting')).toMatchObject({line: 4, col: 0})
    expect(edit.diagnostics.every((item) => item.version > 0)).toBe(true)

    expect(result.offered).toContain('Replace with “We are thrilled beyond words to have you.”')
    expect(fix.lines[4]).toBe('We are thrilled beyond words to have you.')
    expect(codesOn(fix, 4)).not.toContain('over-the-top/shouting')
    expect(fix.lines.filter((line, index) => line !== edit.lines[index])).toEqual([fix.lines[4]])
  }, 180_000)

  it('an .eml opens in text-mode with its findings on the raw lines that hold their words', async () => {
    const mail = readFileSync(path.join(root, 'test', 'fixtures', 'editors', 'spring-qp.eml'), 'utf8')
    const result = await runEmacs('spring.eml', mail, {})
    expect(result.mode).toBe('text-mode')
    const [open] = result.steps
    const threat = open.diagnostics.filter((item) => item.code === 'coercion/threat-lose')
    expect(threat.length).toBeGreaterThan(0)
    for (const item of threat) {
      // Emacs shows the CRLF file's lines without their carriage returns.
      const line = open.lines[item.line].replace(/\r$/, '')
      expect(line).toMatch(/You must renew today or lo(?:=|se all your point=)$/)
      expect(item.col).toBe(line.indexOf('renew today'))
    }
    const shouting = open.diagnostics.filter((item) => item.code === 'over-the-top/shouting')
    expect(shouting.length).toBeGreaterThan(0)
    for (const item of shouting) expect(open.lines[item.line]).toMatch(/We=E2=80=99re absolutely thrilled/)
  }, 180_000)
})
