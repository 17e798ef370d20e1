/**
 * `--format sarif` is valid SARIF 2.1.0: the report of real checks (several
 * files, every format, a control warning, an `.eml` part, a clean file) is
 * validated with ajv against the SARIF 2.1.0 JSON schema (`2.1.0-rtm.5`, the
 * schema of the OASIS standard as SchemaStore publishes it, shipped in the
 * npm package `@microsoft/jest-sarif`).
 */
import {describe, expect, it} from 'vitest'
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import Ajv from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import {check} from '../src/engine.js'
import {sarifReport} from '../src/report/sarif.js'

const require = createRequire(import.meta.url)
const schemaPath = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json')
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'))

function validator() {
  // `unicodeRegExp: false`: the schema's `language` pattern has a stray `]`
  // (`^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$`) that only non-unicode RegExps accept.
  const ajv = new Ajv({allErrors: true, strict: false, unicodeRegExp: false})
  addFormats(ajv)
  return ajv.compile(schema)
}

const lockIn = 'Your membership has a minimum term of 12 months.'

async function sampleFiles() {
  return Promise.all([
    check(`${lockIn}\n\nWE ARE SO INCREDIBLY EXCITED FOR YOU!!!\n`, {path: 'copy/news letter.md', lang: 'en'}),
    check(`<p>${lockIn}</p>\n<!--trouw ignore made-up-->\n<p>Thanks.</p>\n`, {path: 'mails/welcome.html', lang: 'en'}),
    check('Thanks for your order. It ships on Monday.\n', {path: 'clean.txt', lang: 'en'}),
    check(
      ['From: shop@example.com', 'To: you@example.com', `Subject: ${lockIn}`, 'Content-Type: text/plain; charset=utf-8', '', 'Thanks for staying with us.', ''].join('\r\n'),
      {path: 'mail.eml', lang: 'en'}
    ),
    check(`${lockIn}\n`, {lang: 'en'})
  ])
}

describe('SARIF 2.1.0', () => {
  it('the schema is the 2.1.0 one', () => {
    expect(schema.title).toMatch(/SARIF\) Version 2\.1\.0/)
    expect(schema.properties.version.enum).toEqual(['2.1.0'])
  })

  it('a report of real checks is valid against the schema', async () => {
    const report = sarifReport(await sampleFiles())
    const validate = validator()
    const valid = validate(JSON.parse(JSON.stringify(report)))
    expect(validate.errors ?? []).toEqual([])
    expect(valid).toBe(true)
    expect(report.runs[0].results.length).toBeGreaterThan(3)
  })

  it('an empty report is valid too', () => {
    const validate = validator()
    expect(validate(JSON.parse(JSON.stringify(sarifReport([]))))).toBe(true)
  })

  it('the validator catches a broken report (the test can fail)', async () => {
    const report = JSON.parse(JSON.stringify(sarifReport(await sampleFiles())))
    report.runs[0].results[0].level = 'fatal'
    delete report.runs[0].tool.driver.name
    const validate = validator()
    expect(validate(report)).toBe(false)
    expect(validate.errors!.length).toBeGreaterThan(0)
  })

  it('results point at the file, line and column, with rules for the rule ids', async () => {
    const report = sarifReport(await sampleFiles())
    const run = report.runs[0]
    const result = run.results.find((item) => item.ruleId === 'coercion/minimum-term')!
    const location = result.locations[0].physicalLocation
    expect(location.artifactLocation.uri).toBe('copy/news%20letter.md')
    expect(location.region).toEqual({startLine: 1, startColumn: 23, endLine: 1, endColumn: 35})
    expect(run.tool.driver.rules[result.ruleIndex!].id).toBe('coercion/minimum-term')
    expect(result.level).toBe('warning')
  })
})
