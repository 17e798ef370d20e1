/**
 * The `--min-esp` gate says why a file failed in every report format: a text
 * line, a GitHub `::error` on the file, a SARIF result of its own rule
 * (`trouw/min-esp`, valid SARIF 2.1.0), the JSON report's `pass` and
 * `reasons`, and a line in the pretty report. A file at or above the
 * minimum gets none of them.
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {check} from '../src/engine.js'
import {textReport} from '../src/report/text.js'
import {githubReport} from '../src/report/github.js'
import {sarifReport} from '../src/report/sarif.js'
import {toJsonReport} from '../src/report/json.js'
import {prettyReport} from '../src/report/pretty.js'
import {verdictOf} from '../src/verdict.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist', 'cli', 'bin.js')
const copy = 'Your plan has a minimum term of 12 months, so you are with us for a while.\n'

async function gated(minEsp: (esp: number) => number) {
  const file = await check(copy, {path: 'mails/plan.txt', lang: 'en'})
  const esp = file.data.trouw!.scores.esp
  file.data.trouwGate = {failOn: 'never', minEsp: minEsp(esp)}
  return {file, esp}
}

describe('the --min-esp gate in every format', () => {
  it('the verdict: below the minimum fails with a trouw/min-esp reason; at the minimum passes', async () => {
    const {file, esp} = await gated((esp) => esp + 1)
    expect(verdictOf(file)).toEqual({
      pass: false,
      reasons: [{ruleId: 'trouw/min-esp', esp, minEsp: esp + 1, message: `ESP score ${esp} is below the minimum of ${esp + 1}: raise the score (see the suggestions) or lower the minimum`}]
    })
    expect(verdictOf(file, {failOn: 'never', minEsp: esp})).toEqual({pass: true, reasons: []})
    // Findings fail by failOn, reported as their own reason.
    expect(verdictOf(file, {failOn: 'warning'}).reasons.map((reason) => reason.ruleId)).toEqual(['trouw/fail-on'])
  })

  it('text: one line naming the file, the score and the minimum', async () => {
    const {file, esp} = await gated((esp) => esp + 10)
    const lines = textReport([file]).split('\n')
    expect(lines).toContain(`  mails/plan.txt  error  ESP score ${esp} is below the minimum of ${esp + 10}: raise the score (see the suggestions) or lower the minimum  trouw/min-esp`)
    const passing = await gated((esp) => esp)
    expect(textReport([passing.file])).not.toMatch(/min-esp|below the minimum/)
  })

  it('github: an ::error annotation on the file', async () => {
    const {file, esp} = await gated((esp) => esp + 10)
    const annotations = githubReport([file]).trim().split('\n')
    expect(annotations.at(-1)).toBe(`::error file=mails/plan.txt,title=trouw/min-esp::ESP score ${esp} is below the minimum of ${esp + 10}: raise the score (see the suggestions) or lower the minimum`)
    const passing = await gated((esp) => esp)
    expect(githubReport([passing.file])).not.toMatch(/min-esp/)
  })

  it('sarif: a result of its own rule, valid SARIF 2.1.0', async () => {
    const {file, esp} = await gated((esp) => esp + 10)
    const report = sarifReport([file])
    const run = report.runs[0]
    const results = run.results.filter((result) => result.ruleId === 'trouw/min-esp')
    expect(results).toHaveLength(1)
    const [result] = results
    expect(result.level).toBe('error')
    expect(result.message.text).toMatch(new RegExp(`^ESP score ${esp} is below the minimum of ${esp + 10}`))
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('mails/plan.txt')
    expect(run.tool.driver.rules[result.ruleIndex!].id).toBe('trouw/min-esp')
    const require = createRequire(import.meta.url)
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'))
    const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
    addFormats(ajv)
    const validate = ajv.compile(schema)
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true)
    const passing = await gated((esp) => esp)
    expect(sarifReport([passing.file]).runs[0].results.some((item) => item.ruleId === 'trouw/min-esp')).toBe(false)
  })

  it('json: pass and reasons, on the report and on the file', async () => {
    const {file, esp} = await gated((esp) => esp + 10)
    const report = toJsonReport([file])
    expect(report.pass).toBe(false)
    expect(report.reasons).toEqual([expect.objectContaining({path: 'mails/plan.txt', ruleId: 'trouw/min-esp', esp, minEsp: esp + 10})])
    expect(report.files[0]).toMatchObject({pass: false, reasons: [{ruleId: 'trouw/min-esp'}]})
  })

  it('pretty: a line under the score', async () => {
    const {file, esp} = await gated((esp) => esp + 10)
    const out = await prettyReport([file], {columns: 120, colored: false})
    expect(out).toContain(`✗ ESP score ${esp} is below the minimum of ${esp + 10}`)
    expect(out).toMatch(/trouw\/min-esp/)
    const passing = await gated((esp) => esp)
    expect(await prettyReport([passing.file], {columns: 120, colored: false})).not.toMatch(/min-esp/)
  })

  it('the CLI: exit 1 and the line in text and github; none at the minimum', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'trouw-gate-'))
    writeFileSync(path.join(dir, 'plan.txt'), copy)
    const run = (args: string[]) => spawnSync(process.execPath, [bin, 'check', 'plan.txt', '--fail-on', 'never', '--no-config', ...args], {cwd: dir, encoding: 'utf8'})
    const failing = run(['--min-esp', '100', '--format', 'text'])
    expect(failing.status).toBe(1)
    expect(failing.stdout).toMatch(/^ {2}plan\.txt {2}error {2}ESP score \d+ is below the minimum of 100: .* {2}trouw\/min-esp$/m)
    const github = run(['--min-esp', '100', '--format', 'github'])
    expect(github.stdout).toMatch(/^::error file=plan\.txt,title=trouw\/min-esp::ESP score \d+ is below the minimum of 100/m)
    const passing = run(['--min-esp', '0', '--format', 'text'])
    expect(passing.status).toBe(0)
    expect(passing.stdout).not.toMatch(/min-esp/)
  })
})
