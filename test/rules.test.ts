/**
 * Every rule's own examples: each `incorrect` sentence raises that rule,
 * each `correct` sentence does not. Rules carry their examples, so this one
 * table covers every rule file under rules/.
 */
import {describe, expect, it} from 'vitest'
import {check, loadRules, type Language} from '../src/index.js'

const rules = loadRules().rules

/** The rules that caught something: each finding's own and those it names in `also` (one finding per span). */
async function ruleIds(text: string, lang: Language): Promise<string[]> {
  const file = await check(text, {lang, format: 'text'})
  return file.messages.flatMap((message) => [String(message.ruleId), ...(message.also ?? [])])
}

describe('rule examples', () => {
  it('has rules', () => {
    expect(rules.length).toBeGreaterThan(0)
  })

  for (const rule of rules) {
    for (const lang of rule.languages) {
      const examples = rule.examples[lang]!
      for (const sentence of examples.incorrect) {
        it(`${rule.id} (${lang}) flags: ${sentence}`, async () => {
          expect(await ruleIds(sentence, lang)).toContain(rule.id)
        })
      }
      for (const sentence of examples.correct) {
        it(`${rule.id} (${lang}) leaves alone: ${sentence}`, async () => {
          expect(await ruleIds(sentence, lang)).not.toContain(rule.id)
        })
      }
    }
  }
})

describe('rule files', () => {
  it('every rule has docs, a message and suggestions or a reason for none in each language it covers', () => {
    for (const rule of rules) {
      expect(rule.docs.length, rule.id).toBeGreaterThan(20)
      for (const lang of rule.languages) expect(rule.message[lang], `${rule.id} ${lang}`).toBeTruthy()
    }
  })
})
