/**
 * The English common-word lookup of the ESP score (src/score/common-words.ts):
 * a binary search over the sorted word table the build writes.
 */
import {readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {isCommonWord} from '../src/score/common-words.js'

const dictionary = path.join(path.dirname(createRequire(import.meta.url).resolve('dictionary-en')), 'index.dic')

describe('isCommonWord', () => {
  it('finds capitalised dictionary words and their plurals, not names or made-up words', () => {
    for (const word of ['Keyboard', 'Business', 'Addresses', 'Programs', 'Batteries', 'A', 'Zoo', "Garden's"]) expect(isCommonWord(word, 'en'), word).toBe(true)
    for (const word of ['Zorblaxian', 'Qwfpgj', 'Aaaab', 'Zzzzzz', 'Keyboardz']) expect(isCommonWord(word, 'en'), word).toBe(false)
  })

  it('is English only', () => {
    expect(isCommonWord('Keyboard', 'nl')).toBe(false)
  })

  it('finds every plain lower-case word of the dictionary, first and last included', () => {
    const words = readFileSync(dictionary, 'utf8')
      .split('\n')
      .filter((line) => /^[a-z]/.test(line))
      .map((line) => line.split('/')[0].trim())
      // Plain lower-case words: the lookup lower-cases the word and drops a final 's.
      .filter((word) => /^[a-z]+$/.test(word))
    expect(words.length).toBeGreaterThan(30000)
    const missing = words.filter((word) => !isCommonWord(word[0].toUpperCase() + word.slice(1), 'en'))
    // Brands are never common words, even when the dictionary has them.
    const brands = new Set(readFileSync(path.resolve('dictionaries/brands.txt'), 'utf8').toLowerCase().split(/\s+/))
    expect(missing.filter((word) => !brands.has(word.toLowerCase()))).toEqual([])
  })
})
