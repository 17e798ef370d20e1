/**
 * The Neovim set-up of docs/editors.md, run in a real headless Neovim: each
 * Lua snippet is taken from the docs as it stands (so the docs cannot drift
 * from what is tested) and used as the user's init.lua, with a `trouw` on
 * the PATH that runs this build. A driver script then opens a mail, waits
 * for trouw's diagnostics, edits a line, sees them update, and applies a
 * quick fix through `vim.lsp.buf.code_action()`.
 *
 * Skips with one line when `nvim` is not installed; a snippet for a newer
 * Neovim than the one installed skips with one line too (CI installs
 * Debian's, 0.7 on Debian 12).
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
const driver = path.join(root, 'test', 'fixtures', 'editors', 'neovim-driver.lua')

/** The installed Neovim's version, or undefined when there is none. */
function neovimVersion(): [number, number, number] | undefined {
  const result = spawnSync('nvim', ['--version'], {encoding: 'utf8'})
  if (result.error || result.status !== 0) return undefined
  const match = /NVIM v(\d+)\.(\d+)\.(\d+)/.exec(result.stdout)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined
}

const installed = neovimVersion()
if (!installed) console.log('editor-neovim: `nvim` is not installed, so the Neovim snippets of docs/editors.md are not run (apt-get install neovim; CI installs it).')

/** The ```lua blocks of docs/editors.md, by their first line. */
function luaSnippets(): Map<string, string> {
  const docs = readFileSync(path.join(root, 'docs', 'editors.md'), 'utf8')
  const snippets = new Map<string, string>()
  for (const match of docs.matchAll(/^```lua\n([\s\S]*?)^```$/gm)) {
    const body = match[1]
    snippets.set(body.split('\n', 1)[0].trim(), body)
  }
  return snippets
}

const snippets = luaSnippets()
const cases: Array<{title: string; minimum: [number, number]}> = [
  {title: '-- init.lua: Neovim 0.7 and later', minimum: [0, 7]},
  {title: '-- init.lua: Neovim 0.10 and later', minimum: [0, 10]},
  {title: '-- init.lua: Neovim 0.11 and later', minimum: [0, 11]}
]

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

interface Seen {
  line: number
  col: number
  code: string
  message: string
}
interface Step {
  name: string
  diagnostics: Seen[]
  lines: string[]
}
interface Result {
  steps: Step[]
  offered?: string[]
  filetype?: string
  error?: string
  messages?: string
}

/** Run Neovim with `init` as the user's config on `file` (in a fresh workspace), driven by the driver script. */
async function runNeovim(init: string, file: string, text: string, plan: object): Promise<Result> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'trouw-nvim-'))
  const home = path.join(workspace, '.home')
  const shims = path.join(workspace, '.bin')
  mkdirSync(home)
  mkdirSync(shims)
  // `trouw` on the PATH, as `npm install -g trouw` would put it.
  writeFileSync(path.join(shims, 'trouw'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`)
  chmodSync(path.join(shims, 'trouw'), 0o755)
  writeFileSync(path.join(home, 'init.lua'), init)
  writeFileSync(path.join(workspace, file), text)
  writeFileSync(path.join(home, 'plan.json'), JSON.stringify(plan))
  const resultPath = path.join(home, 'result.json')
  const result = await runEditorClient<Result>('Neovim', 'nvim', ['--headless', '-i', 'NONE', '-u', path.join(home, 'init.lua'), file, '-c', `luafile ${driver}`], {
    cwd: workspace,
    env: {
      ...process.env,
      PATH: `${shims}${path.delimiter}${process.env.PATH ?? ''}`,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      TROUW_NVIM_PLAN: path.join(home, 'plan.json'),
      TROUW_NVIM_RESULT: resultPath
    }
  }, resultPath)
  if (result.error) throw new Error(`${result.error}\noffered: ${JSON.stringify(result.offered)}\n${JSON.stringify(result.steps)}\n${result.messages ?? ''}`)
  return result
}

describe.skipIf(!installed)('Neovim with the set-up of docs/editors.md', () => {
  it('has every snippet the test runs', () => {
    for (const {title} of cases) expect(snippets.has(title), title).toBe(true)
  })

  for (const {title, minimum} of cases) {
    const tooOld = installed !== undefined && (installed[0] < minimum[0] || (installed[0] === minimum[0] && installed[1] < minimum[1]))
    if (tooOld) console.log(`editor-neovim: "${title}" needs Neovim ${minimum.join('.')}+, this is ${installed!.join('.')}: not run here.`)
    it.skipIf(tooOld)(`${title.replace('-- init.lua: ', '')}: diagnostics on open, updated after an edit, a quick fix applied`, async () => {
      const result = await runNeovim(snippets.get(title)!, 'spring.md', newsletter, {
        edit: {line: 2, text: 'You can renew whenever it suits you.'},
        fix: {line: 4, title: 'Replace with “We are thrilled beyond words to have you.”'}
      })
      expect(result.filetype).toBe('markdown')
      const [open, edit, fix] = result.steps

      // Open: both kinds of finding, each on its own line (0-based).
      const codesOn = (step: Step, line: number) => step.diagnostics.filter((item) => item.line === line).map((item) => item.code)
      expect(codesOn(open, 2)).toContain('coercion/threat-lose')
      expect(codesOn(open, 4)).toContain('over-the-top/shouting')
      expect(open.diagnostics.find((item) => item.code === 'coercion/threat-lose')?.col).toBe('You must '.length)

      // Edit: the coercion line rewritten, its findings gone, the other line's kept.
      expect(edit.lines[2]).toBe('You can renew whenever it suits you.')
      expect(codesOn(edit, 2)).toEqual([])
      expect(codesOn(edit, 4)).toContain('over-the-top/shouting')

      // Quick fix: the rewrite chosen from the code action menu, then re-checked.
      expect(result.offered).toContain('Ignore over-the-top/shouting here (inline comment)')
      expect(fix.lines[4]).toBe('We are thrilled beyond words to have you.')
      expect(codesOn(fix, 4)).not.toContain('over-the-top/shouting')
      expect(fix.lines.filter((line, index) => line !== edit.lines[index])).toEqual([fix.lines[4]])
    }, 180_000)
  }

  const oldest = cases[0]
  it(`${oldest.title.replace('-- init.lua: ', '')}: an .eml's findings on the raw lines that hold their words`, async () => {
    const mail = readFileSync(path.join(root, 'test', 'fixtures', 'editors', 'spring-qp.eml'), 'utf8')
    const result = await runNeovim(snippets.get(oldest.title)!, 'spring.eml', mail, {})
    expect(result.filetype).toBe('mail')
    const [open] = result.steps
    // Words a quoted-printable soft line break cuts: on the raw line where they start, at their column.
    const threat = open.diagnostics.filter((item) => item.code === 'coercion/threat-lose')
    expect(threat.length).toBeGreaterThan(0)
    for (const item of threat) {
      expect(open.lines[item.line]).toMatch(/You must renew today or lo(?:=|se all your point=)$/)
      expect(item.col).toBe(open.lines[item.line].indexOf('renew today'))
    }
    // Encoded characters (=E2=80=99): on their raw line, not on the first line.
    const shouting = open.diagnostics.filter((item) => item.code === 'over-the-top/shouting')
    expect(shouting.length).toBeGreaterThan(0)
    for (const item of shouting) expect(open.lines[item.line]).toMatch(/We=E2=80=99re absolutely thrilled/)
  }, 180_000)
})
