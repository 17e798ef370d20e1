import {describe, expect, it} from 'vitest'
import {expectExactMaps, extractFile, extractString, sourceOfWord, texts, hasShared} from './formats-helpers.js'

describe('text', () => {
  it('makes a block per paragraph, keeping single line breaks', async () => {
    const extracted = await extractString('First line\nsecond line.\n\n  \nNext paragraph.\r\n\r\nLast one', 'note.txt')
    expect(extracted.format).toBe('text')
    expect(texts(extracted)).toEqual(['First line\nsecond line.', 'Next paragraph.', 'Last one'])
    expect(sourceOfWord(extracted, 'paragraph')).toBe('paragraph')
    expectExactMaps(extracted)
  })

  it('strips a byte order mark and maps into the text without it', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('Hello there.')])
    const {extract} = await import('../src/formats/index.js')
    const extracted = await extract(bytes, {path: 'bom.txt'})
    expect(extracted.sources.file).toBe('Hello there.')
    expect(extracted.blocks[0].map[0].source).toBe(0)
  })

  it.skipIf(!hasShared)('reads the corpus text email', async () => {
    const extracted = await extractFile('clean-en.txt', true)
    expect(extracted.blocks).toHaveLength(5)
    expect(extracted.blocks[0].text).toBe('Hi Priya,')
    expect(extracted.blocks[4].text).toMatch(/^Enjoy it,\n/)
    expect(sourceOfWord(extracted, 'carpenter')).toBe('carpenter')
    expectExactMaps(extracted)
  })
})
