/** Helpers shared by the tests of src/formats. */
import {readFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'
import {expect} from 'vitest'
import {extract, toSourceOffset} from '../src/formats/index.js'
import type {Block, Extracted} from '../src/types.js'
import {corpusEmails} from './shared.js'

export {hasShared} from './shared.js'
export const corpusDirectory = corpusEmails
const fixtureDirectory = fileURLToPath(new URL('fixtures/formats/', import.meta.url))

export function fixturePath(name: string): string {
  return fixtureDirectory + name
}

/** Extract a fixture file (from test/fixtures/formats or, with `corpus`, the shared corpus). */
export async function extractFile(name: string, corpus = false): Promise<Extracted> {
  const path = (corpus ? corpusDirectory : fixtureDirectory) + name
  return extract(readFileSync(path), {path})
}

export function extractString(text: string, path: string): Promise<Extracted> {
  return extract(new TextEncoder().encode(text), {path})
}

export function texts(extracted: Extracted): string[] {
  return extracted.blocks.map((block) => block.text)
}

/** The block whose text contains `needle`. */
export function blockWith(extracted: Extracted, needle: string): Block {
  const block = extracted.blocks.find((candidate) => candidate.text.includes(needle))
  if (!block) throw new Error(`no block contains ${JSON.stringify(needle)}`)
  return block
}

/** What `word` (its first occurrence in its block) maps to in the block's source. */
export function sourceOfWord(extracted: Extracted, word: string): string {
  const block = blockWith(extracted, word)
  const start = block.text.indexOf(word)
  const source = extracted.sources[block.source]
  return source.slice(toSourceOffset(block, start), toSourceOffset(block, start + word.length, 'end'))
}

/**
 * Check the map contract on every block: pieces sorted and inside the
 * block text and its source, and pieces of equal lengths copy the source.
 */
export function expectExactMaps(extracted: Extracted): void {
  for (const block of extracted.blocks) {
    const source = extracted.sources[block.source]
    expect(source, `source ${block.source}`).toBeTypeOf('string')
    let previous = -1
    for (const piece of block.map) {
      expect(piece.text).toBeGreaterThan(previous)
      previous = piece.text
      expect(piece.text + piece.length).toBeLessThanOrEqual(block.text.length)
      expect(piece.source + piece.sourceLength).toBeLessThanOrEqual(source.length)
      if (piece.length === piece.sourceLength) {
        expect(source.slice(piece.source, piece.source + piece.length)).toBe(
          block.text.slice(piece.text, piece.text + piece.length)
        )
      }
    }
  }
}
