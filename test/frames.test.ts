/**
 * The pattern language's generalisations (issue 15): compound heads
 * (`*kosten`), and windows across a sentence break (`window: paragraph`).
 */
import {describe, expect, it} from 'vitest'
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import {VFile} from 'vfile'
import {InputError, loadRules} from '../src/index.js'
import {retextTrouw} from '../src/plugin.js'
import {compilePattern, PatternIndex} from '../src/patterns.js'
import {sentenceTokens, wordTokens, type Token} from '../src/tokens.js'
import type {Sentence} from 'nlcst'
import {visit} from 'unist-util-visit'
import type {Language} from '../src/types.js'

function words(text: string, lang: Language): Token[] {
  const tree = unified().use(lang === 'nl' ? retextDutch : retextEnglish).parse(text)
  let found: Token[] | undefined
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    found ??= wordTokens(sentenceTokens(sentence, text, []))
  })
  return found ?? []
}

function matches(pattern: string, text: string, lang: Language = 'nl'): string[] {
  const index = new PatternIndex<true>(false)
  for (const compiled of compilePattern(pattern, {classes: {}, predicates: {}})) index.add(compiled, true)
  const tokens = words(text, lang)
  return index.matches(tokens).map(([match]) => tokens.slice(match.from, match.to).map((token) => token.raw).join(' '))
}

describe('compound heads: `*kosten`', () => {
  it('matches a longer word that ends in the head, not the head alone', () => {
    expect(matches('{num} *kosten', 'Je betaalt 80 afkoopkosten.')).toEqual(['80 afkoopkosten'])
    expect(matches('betaalt ...3 *fee', 'U betaalt €15 aanpassingsfee.')).toEqual(['betaalt 15 aanpassingsfee'])
    expect(matches('betaalt ...3 *fee', 'U betaalt een fee.')).toEqual([])
    expect(matches('betaalt ...3 *boete', 'Je betaalt geen opzegboete.')).toEqual(['betaalt geen opzegboete'])
  })

  it('can be the first step of a pattern (filed as a word set)', () => {
    expect(matches('*toeslag van', 'Er geldt een stoptoeslag van €50.')).toEqual(['stoptoeslag van'])
  })

  it('needs at least three letters after the star', () => {
    expect(() => compilePattern('*je', {classes: {}, predicates: {}})).toThrow(/cannot read/)
  })
})

describe('groups: alternatives of several words', () => {
  it('a bar joins single words, so `a|b c` is "a or b, then c"', () => {
    expect(matches('laatste kans|oproep nu', 'Dit is de laatste kans nu.')).toEqual(['laatste kans nu'])
    expect(matches('op is op|weg is weg', 'Op is op.')).toEqual([])
  })

  it('a group splits whole word sequences on its bars', () => {
    expect(matches('(op is op|weg is weg)', 'Op is op.')).toEqual(['Op is op'])
    expect(matches('(op is op|weg is weg)', 'Weg is weg, zeggen ze.')).toEqual(['Weg is weg'])
    expect(matches('(op is op|weg is weg)', 'Op is weg.')).toEqual([])
    expect(matches('nu (of nooit|of straks)', 'Het is nu of nooit.')).toEqual(['nu of nooit'])
  })

  it('keeps the usual syntax inside a group, nests, and can be optional', () => {
    expect(matches('(last chance|final call) to ...2 {num}', 'Last chance to save 30 percent', 'en')).toEqual(['Last chance to save 30'])
    expect(matches('(a|b c|d e) end', 'b c end', 'en')).toEqual(['b c end'])
    expect(matches('(a|b c|d e) end', 'b end', 'en')).toEqual([])
    expect(matches('only ((a|b) c|d)? left', 'only b c left', 'en')).toEqual(['only b c left'])
    expect(matches('only ((a|b) c|d)? left', 'only left', 'en')).toEqual(['only left'])
  })

  it('stops loading on a bracket inside a word or a group never closed', () => {
    const context = {classes: {}, predicates: {}}
    expect(() => compilePattern('last chance|(final call)', context)).toThrow(/bracket inside a word/)
    expect(() => compilePattern('(last chance|final call', context)).toThrow(/never closed/)
    expect(() => compilePattern('(last chance|) now', context)).toThrow(/empty alternative/)
    expect(() => compilePattern('(last chance)now', context)).toThrow(/space after the group/)
  })
})

const windowRule = (window: string) => `category: coercion
subtype: guilt
severity: warning
message:
  en: guilt
advice:
  en: 'Thank the reader instead. Example: "Thanks for [time] with us."'
patterns:
  en: ["really ...2 stop|leave ...1 now"]
also:
  en: ["after all we did"]
before:
  en: ["kept ...4 warm|fed|safe"]
${window}
examples:
  en:
    incorrect: ["Your gift kept Bella warm. Are you really going to stop now?"]
    correct: ["Are you really going to stop now?"]
docs: Guilt over two sentences.
`

function rulesWith(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'trouw-window-'))
  mkdirSync(path.join(dir, 'coercion'))
  writeFileSync(path.join(dir, 'coercion', 'w.yml'), content)
  return dir
}

async function ruleIds(dir: string, text: string): Promise<string[]> {
  const processor = unified().use(retextEnglish).use(retextTrouw, {lang: 'en', rules: loadRules(dir)})
  const file = new VFile(text)
  await processor.run(processor.parse(file), file)
  return file.messages.map((message) => String(message.ruleId))
}

describe('windows: `window: paragraph`', () => {
  it('reads `before` in the sentence before, whatever it ends with', async () => {
    const dir = rulesWith(windowRule('window: paragraph'))
    expect(await ruleIds(dir, 'Your gift kept Bella warm all winter. Are you really going to stop now?')).toEqual(['coercion/w'])
    // Without the history, or with it in another paragraph, or two sentences back: nothing.
    expect(await ruleIds(dir, 'Are you really going to stop now?')).toEqual([])
    expect(await ruleIds(dir, 'Your gift kept Bella warm all winter.\n\nAre you really going to stop now?')).toEqual([])
    expect(await ruleIds(dir, 'Your gift kept Bella warm all winter. Thank you. Are you really going to stop now?')).toEqual([])
  })

  it('by default reads only a question before', async () => {
    const dir = rulesWith(windowRule(''))
    expect(await ruleIds(dir, 'Your gift kept Bella warm all winter. Are you really going to stop now?')).toEqual([])
    expect(await ruleIds(dir, 'Has your gift kept Bella warm? Are you really going to stop now?')).toEqual(['coercion/w'])
  })

  it('refuses an unknown window, or a window without `before`', () => {
    expect(() => loadRules(rulesWith(windowRule('window: page')))).toThrow(InputError)
    expect(() => loadRules(rulesWith(windowRule('window: page')))).toThrow(/`window` must be `question`/)
  })
})

describe('one finding does not hide another', () => {
  it('reports a countdown and the shouting of a feeling in the same sentence', async () => {
    const {check} = await import('../src/index.js')
    const file = await check('Nog 2 uur om de vakantie van je dromen te boeken!!!', {lang: 'nl', format: 'text', spell: false})
    const categories = new Set(file.messages.map((message) => (message as unknown as {category?: string}).category))
    expect(categories.has('coercion')).toBe(true)
    expect(categories.has('over-the-top')).toBe(true)
    // A plain deadline's exclamation marks stay with the coercion rules.
    const plain = await check('Last chance to order!!!', {lang: 'en', format: 'text', spell: false})
    expect(plain.messages.map((message) => message.ruleId)).not.toContain('over-the-top/shouting')
  })
})
