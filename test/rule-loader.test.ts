/**
 * Loading rule files: every invalid file fails with the file, the line and
 * the fix, as one InputError.
 */
import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {InputError, loadRules} from '../src/index.js'

const good = `category: coercion
subtype: lock-in
severity: warning
message:
  en: binds the reader
advice:
  en: 'Say how to leave. Example: "You can stop [when]."'
patterns:
  en: ["locked in"]
examples:
  en:
    incorrect: ["You are locked in for a year."]
    correct: ["You are free to leave."]
docs: Binding the reader makes staying feel forced; say how to leave instead.
`

function rulesWith(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trouw-rules-'))
  mkdirSync(path.join(dir, 'coercion'))
  writeFileSync(path.join(dir, 'coercion', 'x.yml'), content)
  return dir
}

function loadError(content: string): InputError {
  try {
    loadRules(rulesWith(content))
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    return error as InputError
  }
  throw new Error('expected the rules not to load')
}

describe('loadRules', () => {
  it('warns about the `a|b c` trap: an alternative repeating the word next to it, or one word twice', () => {
    const warnings: string[] = []
    const dir = rulesWith(good.replace('patterns:\n  en: ["locked in"]', 'patterns:\n  en: ["locked in", "disappointed ...2 in you|that you", "akkoord gegaan|gegaan met"]'))
    loadRules(dir, {onWarning: (message) => warnings.push(message)})
    expect(warnings).toHaveLength(2)
    expect(warnings[0]).toContain(path.join('coercion', 'x.yml'))
    expect(warnings[0]).toContain('`patterns.en` pattern `disappointed ...2 in you|that you`')
    expect(warnings[0]).toContain('`(in you|that you)`')
    expect(warnings[1]).toContain('`gegaan|gegaan` names one word twice')
  })

  it('gives no trap warning where the bar means what it says', () => {
    const warnings: string[] = []
    const dir = rulesWith(good.replace('patterns:\n  en: ["locked in"]', 'patterns:\n  en: ["locked in", "(last chance|final call)", "all ...1 under one|1 roof", "or ...1 lose|forfeit"]'))
    loadRules(dir, {onWarning: (message) => warnings.push(message)})
    expect(warnings).toEqual([])
  })

  it('loads a valid rule with its id from the path', () => {
    const set = loadRules(rulesWith(good))
    expect(set.rules.map((rule) => rule.id)).toEqual(['coercion/x'])
    expect(set.detectors('en')).toHaveLength(1)
    expect(set.detectors('nl')).toHaveLength(0)
  })

  it('names the file, the line and the allowed values for a bad severity', () => {
    const error = loadError(good.replace('severity: warning', 'severity: warn'))
    expect(error.path).toMatch(/coercion\/x\.yml$/)
    expect(error.line).toBe(3)
    expect(String(error)).toMatch(/x\.yml:3: `severity` must be one of error, warning, info \(got `warn`\)/)
  })

  it('rejects unknown keys, naming the allowed ones', () => {
    const error = loadError(good + 'colour: red\n')
    expect(error.line).toBe(15)
    expect(error.message).toMatch(/unknown key `colour`/)
  })

  it('rejects a category that does not match the folder', () => {
    expect(loadError(good.replace('category: coercion', 'category: dismissive')).message).toMatch(/move the file or fix the category/)
  })

  it('reports a broken pattern at its line', () => {
    const error = loadError(good.replace('["locked in"]', '["... locked in"]'))
    expect(error.line).toBe(9)
    expect(error.message).toMatch(/must start with a word/)
  })

  it('needs incorrect and correct examples for each language it has patterns for', () => {
    expect(loadError(good.replace('    correct: ["You are free to leave."]\n', '')).message).toMatch(/examples\.en/)
  })

  it('reports YAML syntax errors with their line', () => {
    const error = loadError(good.replace('subtype: lock-in', 'subtype: [lock-in'))
    expect(error.message).toMatch(/invalid YAML/)
    expect(error.line).toBeGreaterThan(0)
  })

  it('refuses an unknown class in a pattern and says where classes live', () => {
    expect(loadError(good.replace('["locked in"]', '["<nope> locked in"]')).message).toMatch(/dictionaries\/classes/)
  })

  it('reads advice and a fix operation, and refuses canned `suggestions` naming the line', () => {
    const [rule] = loadRules(rulesWith(good.replace('advice:', 'fix:\n  action: remove\nadvice:'))).rules
    expect(rule.advice.en).toBe('Say how to leave. Example: "You can stop [when]."')
    expect(rule.fix).toEqual({action: 'remove', text: {}})
    expect(String(loadError(good.replace('advice:', 'fix:\n  action: rewrite\nadvice:')))).toMatch(/x\.yml:7: `fix\.action` must be one of remove, opt-out/)
    expect(String(loadError(good.replace('advice:\n  en: \'Say how to leave. Example: "You can stop [when]."\'', 'suggestions:\n  en: ["You can cancel any month."]')))).toMatch(/x\.yml:7: `suggestions` \(canned replacement sentences\) is gone/)
  })

  it('compiles a folder of your own at once, so a bad pattern fails at load with its line', () => {
    const error = loadError(good.replace('en: ["locked in"]', 'en: ["locked <nowhere>"]'))
    expect(String(error)).toMatch(/x\.yml:9: `patterns\.en\.0`: unknown class `<nowhere>`/)
  })

  it('compiles lazily when asked: the error waits for the language and still names the line', () => {
    const dir = rulesWith(good.replace('en: ["locked in"]', 'en: ["locked <nowhere>"]'))
    const set = loadRules(dir, {eager: false})
    expect(set.rules).toHaveLength(1)
    expect(set.detectors('nl')).toHaveLength(0)
    expect(() => set.detectors('en')).toThrow(InputError)
    try {
      set.detectors('en')
    } catch (error) {
      expect(String(error)).toMatch(/x\.yml:9: `patterns\.en\.0`/)
    }
  })

  it('compiles every shipped rule in both languages', () => {
    const set = loadRules(undefined, {eager: true})
    expect(set.detectors('en').length).toBeGreaterThan(40)
    expect(set.detectors('nl').length).toBeGreaterThan(40)
  })
})
