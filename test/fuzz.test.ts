/**
 * A small, seeded fuzz run in every `npm test` (the big one is `npm run
 * fuzz`, see scripts/fuzz.js): generated hostile inputs in every format and
 * both languages must be checked or refused with one `InputError` line,
 * with every message inside the input and in order, in bounded time.
 */
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {InputError} from '../src/types.js'
// @ts-ignore: plain JavaScript module without type declarations, shared with scripts/fuzz.js.
import {classes, examine, formats, makeInput, minimise} from '../scripts/fuzz-inputs.js'

const seed = 20_261_207
const perFormat = 14
// Generous: the test runs beside the others on a shared machine. `npm run fuzz` holds inputs under 100 KB to 1 s (2 s with spelling).
const slowMs = 10_000

describe('fuzz (seeded, small)', () => {
  for (const format of formats as string[]) {
    it(`${format}: ${perFormat} hostile inputs, no crash, positions inside and in order`, async () => {
      const failures: string[] = []
      const kinds = new Set<string>()
      let checked = 0
      for (let index = 0; index < perFormat; index++) {
        const item = makeInput(seed, index, format)
        kinds.add(item.kind)
        const result = await examine(item, check, InputError, {slowMs})
        if (!result.ok) failures.push(`#${index} ${item.kind}: ${result.kind}: ${result.detail}`)
        else if (!result.refused) checked++
      }
      expect(failures).toEqual([])
      expect([...kinds].sort()).toEqual([...classes].sort())
      // Most inputs get through to the rules: the run tests the checks, not only the refusals.
      expect(checked).toBeGreaterThan(perFormat / 2)
    }, 120_000)
  }

  it('with spelling on, in both languages', async () => {
    const failures: string[] = []
    for (const format of formats as string[]) {
      for (let index = 0; index < 4; index++) {
        const item = makeInput(seed + 1, index, format)
        const result = await examine(item, check, InputError, {spell: true, slowMs})
        if (!result.ok) failures.push(`${format} #${index} ${item.kind}: ${result.kind}: ${result.detail}`)
      }
    }
    expect(failures).toEqual([])
  }, 180_000)

  it('makes the same input again from a seed and an index', () => {
    expect(makeInput(7, 12, 'html')).toEqual(makeInput(7, 12, 'html'))
    expect(makeInput(7, 12, 'html')).not.toEqual(makeInput(8, 12, 'html'))
  })

  it('minimises a failing input to what still fails', async () => {
    // A stand-in checker that fails on one character: the minimised input keeps it and little else.
    const fussy = async (input: string) => {
      if (input.includes('\u202e')) throw new RangeError('boom')
      return {messages: [], value: input, data: {}}
    }
    const item = {kind: 'unicode', lang: 'en', format: 'text', input: 'plain words before \u202e and plenty of words after it'}
    const result = await examine(item, fussy, InputError)
    expect(result).toMatchObject({ok: false, kind: 'threw'})
    const small = await minimise(item, result, fussy, InputError)
    expect(small.input).toContain('\u202e')
    expect(small.input.length).toBeLessThan(4)
  })
})
