/** Merge tags, template syntax, URLs and addresses are masked with same-length filler. */
import {describe, expect, it} from 'vitest'
import {maskSyntax} from '../src/mask.js'

describe('maskSyntax', () => {
  const cases: Array<[string, string]> = [
    ['Hi *|FNAME|*, welcome', '*|FNAME|*'],
    ['Hoi {{ voornaam }}, welkom', '{{ voornaam }}'],
    ['{% if vip %}Extra{% endif %}', '{% if vip %}'],
    ['Dear %%name%%,', '%%name%%'],
    ['Read https://shop.example/a?b=1 today.', 'https://shop.example/a?b=1'],
    ['Mail hulp@winkel.nl for help', 'hulp@winkel.nl'],
    ['Order at bol.com today', 'bol.com']
  ]
  for (const [text, syntax] of cases) {
    it(`masks ${syntax} and keeps every offset`, () => {
      const masked = maskSyntax(text)
      expect(masked.text).toHaveLength(text.length)
      const start = text.indexOf(syntax)
      expect(masked.masks[0]).toEqual([start, start + syntax.length])
      expect(masked.text.slice(start, start + syntax.length)).toMatch(/^x+$/)
      expect(masked.text.slice(0, start)).toBe(text.slice(0, start))
    })
  }

  it('leaves plain copy alone, dots and all', () => {
    expect(maskSyntax('Thanks. See you on 1 March.')).toEqual({text: 'Thanks. See you on 1 March.', masks: []})
  })

  it('keeps line breaks inside a multi-line tag', () => {
    const masked = maskSyntax('A {{\n name }} B')
    expect(masked.text).toBe('A xx\nxxxxxxxx B')
  })
})
