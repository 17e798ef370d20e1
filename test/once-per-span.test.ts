/**
 * One finding per span: two rules of one category and subtype on the same
 * words (or one inside the other) are reported once, naming the other rule
 * in `also`, in every report; different subtypes stay apart. The sentences
 * are written here for this test.
 */
import {describe, expect, it} from 'vitest'
import {VFile} from 'vfile'
import {check} from '../src/engine.js'
import {createMessage, oncePerSpan} from '../src/messages.js'
import {toJsonFile} from '../src/report/json.js'
import {textReport} from '../src/report/text.js'
import {sarifReport} from '../src/report/sarif.js'
import {githubReport} from '../src/report/github.js'
import type {Severity} from '../src/types.js'

describe('one finding per span', () => {
  it('an idiom two projection rules catch is one finding, with the other rule in also', async () => {
    const file = await check('Our team jumped for joy when your renewal came through.', {lang: 'en', format: 'text'})
    expect(file.messages).toHaveLength(1)
    expect(file.messages[0].ruleId).toBe('over-the-top/projection-idiom')
    expect(file.messages[0].also).toEqual(['over-the-top/rapture'])
    const json = toJsonFile(file)
    expect(json.messages[0].also).toEqual(['over-the-top/rapture'])
    expect(textReport([file])).toContain('over-the-top/projection-idiom (also over-the-top/rapture)')
    expect(JSON.stringify(sarifReport([file]).runs[0].results[0].properties)).toContain('"also":["over-the-top/rapture"]')
    expect(githubReport([file])).toContain('title=trouw over-the-top/projection-idiom (also over-the-top/rapture)')
  })

  it('a stock claim inside a superlative is one finding of the outer span', async () => {
    const file = await check('Altijd de scherpste prijzen van de stad.', {lang: 'nl', format: 'text'})
    expect(file.messages.map((message) => [message.ruleId, message.actual, message.also])).toEqual([
      ['generic-claim/superlative-any', 'Altijd de scherpste prijzen', ['generic-claim/stock-price']]
    ])
  })

  it('a lock-in and a penalty in one clause stay two findings', async () => {
    const file = await check('If you terminate before the minimum term, a fee of two months is charged.', {lang: 'en', format: 'text'})
    expect(file.messages.map((message) => message.subtype).sort()).toEqual(['lock-in', 'penalty'])
    expect(file.messages.every((message) => message.also === undefined)).toBe(true)
  })

  it('keeps the higher severity and prefers a finding with a fix', () => {
    const file = new VFile({value: 'Buy now, only two left!'})
    const add = (ruleId: string, start: number, end: number, severity: Severity, expected: string[]) =>
      createMessage(file, {
        ruleId,
        category: 'coercion',
        subtype: 'scarcity',
        severity,
        explanation: 'x',
        actual: file.value.toString().slice(start, end),
        expected,
        url: '',
        place: {start: {line: 1, column: start + 1, offset: start}, end: {line: 1, column: end + 1, offset: end}}
      })
    const outer = add('coercion/a', 9, 22, 'info', [])
    const inner = add('coercion/b', 14, 22, 'error', ['two left'])
    const other = add('coercion/c', 0, 7, 'warning', [])
    const kept = oncePerSpan([outer, inner, other])
    expect(kept).toEqual([inner, other])
    expect(inner.also).toEqual(['coercion/a'])
    expect(inner.severity).toBe('error')
    expect(other.also).toBeUndefined()
  })
})
