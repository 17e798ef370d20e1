import {afterAll, describe, expect, it, vi} from 'vitest'

// ink colours through chalk, which decides at load time: force colour so the
// highlighted span is visible in the output (the CLI only picks `pretty` on a
// colour terminal).
const colorBefore = vi.hoisted(() => {
  const before = process.env.FORCE_COLOR
  process.env.FORCE_COLOR = '1'
  return before
})
afterAll(() => {
  if (colorBefore === undefined) delete process.env.FORCE_COLOR
  else process.env.FORCE_COLOR = colorBefore
})

import {render} from 'ink-testing-library'
import {check} from '../src/engine.js'
import {prettyReport, inkHasColor} from '../src/report/pretty.js'
import {Report} from '../src/ui/Report.js'
import {toReportModel, withSourceLine} from '../src/ui/model.js'
import {clipAround} from '../src/ui/clip.js'
import type {JsonMessage} from '../src/types.js'

const ansi = /\u001B\[[0-9;]*m/g
const strip = (text: string) => text.replace(ansi, '')

const copy = [
  '# Your garden box',
  '',
  'The garden box plan has a minimum term of 18 months.',
  '',
  'We are SO EXCITED to welcome you!',
  ''
].join('\n')

async function fixture() {
  return check(copy, {path: 'garden.md', lang: 'en'})
}

describe('pretty report', () => {
  it('has a header with path, language, phase and the ESP score with five bars', async () => {
    const file = await fixture()
    const output = strip(await prettyReport([file], {columns: 80}))
    const scores = file.data.trouw!.scores!
    expect(output).toMatch(/^garden\.md {2}en · markdown · (phase \w+ \(\d+%\)|phase unclear)/m)
    expect(output).toContain(`ESP ${scores.esp} / 100`)
    for (const name of ['warmth', 'restraint', 'freedom', 'reciprocity', 'distinctiveness'] as const) {
      const line = output.split('\n').find((row) => row.trimStart().startsWith(name + ' '))!
      expect(line, name).toBeDefined()
      const filled = (line.match(/█/g) ?? []).length
      const empty = (line.match(/░/g) ?? []).length
      // The bar is proportional to the score, and the number follows it.
      expect(Math.abs(filled / (filled + empty) - scores[name] / 100)).toBeLessThanOrEqual(0.5 / (filled + empty) + 1e-9)
      expect(line.trimEnd()).toMatch(new RegExp(`${scores[name]}$`))
    }
  })

  it('shows each finding with place, highlighted span, reason, suggestion and rule id', async () => {
    const file = await fixture()
    const colored = await prettyReport([file], {columns: 80})
    const plain = strip(colored)
    const lockIn = file.messages.find((message) => message.ruleId === 'coercion/minimum-term')!
    expect(lockIn).toBeDefined()
    expect(plain).toContain(`${lockIn.line}:${lockIn.column}  warning  coercion/minimum-term`)
    expect(plain).toContain('    3 │ The garden box plan has a minimum term of 18 months.')
    expect(plain).toContain(lockIn.reason.slice(0, 40))
    // No rewrite of a minimum term keeps the contract's facts: advice with placeholders instead of a fix.
    expect(lockIn.expected).toEqual([])
    expect(plain).toContain('ⓘ State the term once')
    expect(plain).not.toContain('→ You can cancel')
    // The span is drawn inverse (ESC[7m) and coloured, and only the span.
    expect(colored).toMatch(/\u001B\[7m(?:\u001B\[[0-9;]*m)*minimum term(?:\u001B\[[0-9;]*m)*\u001B\[27m/)
    expect(plain).toMatch(/1 file · 0 errors · 2 warnings · 0 infos · average ESP \d+/)
  })

  it('marks the span with carets when there is no colour', async () => {
    const file = await fixture()
    const output = await prettyReport([file], {columns: 80, colored: false})
    const lines = strip(output).split('\n')
    const row = lines.findIndex((line) => line.includes('│ The garden box plan'))
    const carets = lines[row + 1]
    expect(carets.indexOf('^')).toBe(lines[row].indexOf('minimum term'))
    expect(carets.trim().replace('│', '').trim()).toBe('^'.repeat('minimum term'.length))
  })

  it('fits the terminal width, with numbers instead of bars when narrow', async () => {
    const file = await check('Our plan has a minimum term of 24 months, and ' + 'we really do mean every single word of it, '.repeat(4) + 'so there.', {path: 'long.txt', lang: 'en'})
    for (const columns of [120, 80, 40]) {
      const output = strip(await prettyReport([file], {columns}))
      for (const line of output.split('\n')) expect(line.length, `${columns}: ${line}`).toBeLessThan(columns)
      expect(output).toContain('minimum term')
    }
    const narrow = strip(await prettyReport([file], {columns: 40}))
    expect(narrow).not.toContain('█')
    expect(narrow.replace(/\s+/g, ' ')).toMatch(/warmth \d+, restraint \d+, freedom \d+, reciprocity \d+, distinctiveness \d+/)
  })

  it('shows an .eml finding in the line of its decoded part, or its flagged text when the parts were not kept', async () => {
    const eml = [
      'From: shop@example.com',
      'To: you@example.com',
      'Subject: A minimum term of 12 months applies',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Thanks for your order of garden seeds from our shop in Zwolle.',
      ''
    ].join('\r\n')
    const file = await check(eml, {path: 'order.eml', lang: 'en'})
    const output = strip(await prettyReport([file], {columns: 80}))
    const finding = file.messages.find((message) => message.part === 'subject')
    expect(finding).toBeDefined()
    expect(output).toContain('[subject]')
    expect(output).toContain(`“${finding!.actual}”`)
    expect(output).not.toContain(' │ ')

    // When the check kept the decoded parts (the CLI does), the finding gets its line in the part.
    const withParts = await check(eml, {path: 'order.eml', lang: 'en', parts: true})
    const shown = strip(await prettyReport([withParts], {columns: 80}))
    expect(shown).toContain('[subject]')
    expect(shown).toContain('1 │ A minimum term of 12 months applies')
    // The place is in the raw file (the Subject header is line 3), the excerpt in the decoded part.
    expect(shown).toMatch(/^ {2}3:12 {2}warning {2}coercion\/minimum-term/m)
  })

  it('renders the same report as an ink component (lastFrame)', async () => {
    const file = await fixture()
    const {lastFrame, unmount} = render(<Report model={toReportModel([file])} width={79} colored />)
    const frame = lastFrame() ?? ''
    unmount()
    expect(await inkHasColor()).toBe(true)
    expect(strip(frame)).toContain('ESP ')
    expect(strip(frame)).toContain('coercion/minimum-term')
    expect(strip(frame)).toContain('We are SO EXCITED to welcome you!')
    expect(frame).toContain('\u001B[7m')
  })
})

describe('report helpers', () => {
  it('clips a long line around the span with ellipses, never wider than asked', () => {
    const line = 'a'.repeat(100) + ' flagged words ' + 'b'.repeat(100)
    const parts = clipAround(line, 101, 114, 40)
    const shown = parts.before + parts.span + parts.after
    expect(shown.length).toBeLessThanOrEqual(40)
    expect(parts.span).toBe('flagged words')
    expect(parts.before.startsWith('…')).toBe(true)
    expect(parts.after.endsWith('…')).toBe(true)
  })

  it('finds the source line and span columns of a finding', () => {
    const base: Omit<JsonMessage, 'line' | 'column' | 'endLine' | 'endColumn'> = {ruleId: 'x', category: 'coercion', subtype: null, severity: 'warning', reason: 'r', actual: 'two', expected: [], url: ''}
    const finding = withSourceLine({...base, line: 2, column: 5, endLine: 2, endColumn: 8}, ['one', 'and two three'])
    expect(finding.sourceLine).toBe('and two three')
    expect(finding.sourceLine!.slice(finding.spanStart, finding.spanEnd)).toBe('two')
    const across = withSourceLine({...base, line: 1, column: 2, endLine: 2, endColumn: 3}, ['one', 'and two three'])
    expect(across.continues).toBe(true)
    expect(across.spanEnd).toBe(3)
  })
})
