/**
 * The compiled patterns the build stores (`dist/patterns.<lang>.json`, see
 * `StoredPatterns` in src/patterns.ts): restoring a pattern gives what
 * compiling it gives, steps, word sets and index plan alike.
 */
import {existsSync, readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {compilePattern, PatternIndex, storedPatterns, type CompileContext, type StoredPatterns} from '../src/patterns.js'
import {loadClasses, storedPatternsFile} from '../src/rule-loader.js'
import {predicates} from '../src/predicates.js'
import {sentenceTokens, wordTokens, type Token} from '../src/tokens.js'
import type {Language} from '../src/types.js'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import type {Sentence} from 'nlcst'
import {visit} from 'unist-util-visit'

/** The word tokens of every sentence of `text`, one after the other. */
function tokenize(text: string, lang: Language): Token[] {
  const tree = unified().use(lang === 'nl' ? retextDutch : retextEnglish).parse(text)
  const found: Token[] = []
  visit(tree, 'SentenceNode', (sentence: Sentence) => {
    found.push(...wordTokens(sentenceTokens(sentence, text, [])))
  })
  return found
}

const fresh = (lang: Language): CompileContext => ({classes: loadClasses(lang), predicates: predicates(lang)})

/** Sources that use every part of the syntax. */
const sources = [
  'act now|today! ...2 or <lose-access>?',
  'verleng* {num} *kosten',
  'e-mail|newsletter? {any} {joy}',
  'last|final chance ... {num} hours?',
  'we miss you'
]

describe('stored patterns', () => {
  for (const lang of ['en', 'nl'] as const) {
    it(`restore as they compile (${lang}), and match the same`, () => {
      const usable = sources.filter((source) => {
        try {
          compilePattern(source, fresh(lang))
          return true
        } catch {
          return false
        }
      })
      expect(usable.length).toBeGreaterThanOrEqual(3)
      const compiling = fresh(lang)
      const compiled = usable.map((source) => compilePattern(source, compiling))
      const stored = JSON.parse(JSON.stringify(storedPatterns(compiling))) as StoredPatterns
      expect(Object.keys(stored.patterns)).toEqual(usable)
      const restoring = {...fresh(lang), stored}
      const restored = usable.map((source) => compilePattern(source, restoring))
      expect(restored).toEqual(compiled)
      // Each call gives its own pattern objects.
      expect(compilePattern(usable[0], restoring)[0]).not.toBe(restored[0][0])
      const text = 'Act NOW or lose access: the last chance in 24 hours, we miss you. Verlengd 3 administratiekosten.'
      const match = (patterns: typeof compiled) => {
        const index = new PatternIndex<number>(false)
        patterns.flat().forEach((pattern, order) => index.add(pattern, order))
        return index.matches(tokenize(text, lang)).map(([found, , order]) => [found.from, found.to, order])
      }
      expect(match(compiled).length).toBeGreaterThan(0)
      expect(match(restored)).toEqual(match(compiled))
    })

    it(`the build's stored patterns (${lang}) are what the sources compile to`, () => {
      const file = storedPatternsFile(lang)
      if (!existsSync(file)) return
      const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredPatterns
      const all = Object.keys(stored.patterns)
      expect(all.length).toBeGreaterThan(500)
      const restoring = {...fresh(lang), stored}
      const compiling = fresh(lang)
      for (const source of all) expect(compilePattern(source, restoring), source).toEqual(compilePattern(source, compiling))
    })
  }
})
