import {describe, expect, it} from 'vitest'
import {blockWith, expectExactMaps, extractFile, extractString, sourceOfWord, texts} from './formats-helpers.js'

describe('markdown', () => {
  it('extracts headings, paragraphs, quotes, list items, table cells and alt text', async () => {
    const extracted = await extractFile('guide.md')
    expect(extracted.format).toBe('markdown')
    expect(texts(extracted)).toEqual([
      'Tools & tips for spring',
      'Our shears cut clean* every time.\nA second line stays in this paragraph.',
      'Quoted advice from Ana:\nwater the roots, not the leaves.',
      'Sharpen the blades in our workshop.',
      'Visit  for the hours.',
      'Tool',
      'Price',
      'Rake',
      '€12',
      'Hoe | spade',
      '€20',
      'A rake leaning on a fence',
      'Run  before you ship it.\n\nHard break here\nand after it.'
    ])
    expectExactMaps(extracted)
  })

  it('skips front matter, code, URLs and HTML', async () => {
    const all = texts(await extractFile('guide.md')).join('\n')
    for (const hidden of ['Spring guide', 'notCopy', 'npm test', 'https://', 'raw html', 'trouw']) {
      expect(all).not.toContain(hidden)
    }
  })

  it('maps words back through escapes, entities, quote prefixes and alt text', async () => {
    const extracted = await extractFile('guide.md')
    for (const word of ['tips', 'every', 'water', 'workshop', 'spade', 'fence', 'after']) {
      expect(sourceOfWord(extracted, word)).toBe(word)
    }
    expect(sourceOfWord(extracted, 'Tools & tips')).toBe('Tools &amp; tips')
    expect(sourceOfWord(extracted, 'clean* every')).toBe('clean\\* every')
    expect(sourceOfWord(extracted, '€20')).toBe('&euro;20')
    expect(sourceOfWord(extracted, 'Ana:\nwater')).toBe('Ana:\n> water')
    expect(sourceOfWord(extracted, 'here\nand')).toBe('here\\\nand')
    expect(sourceOfWord(extracted, 'it.\n\nHard')).toBe('it.<br>\nHard')
  })

  it('collects trouw control comments', async () => {
    const extracted = await extractFile('guide.md')
    const source = extracted.sources.file
    expect(extracted.controls).toHaveLength(1)
    const [control] = extracted.controls!
    expect(control.text).toBe('trouw ignore coercion/urgency')
    expect(source.slice(control.offset, control.endOffset)).toBe('<!--trouw ignore coercion/urgency-->')
  })

  it('reads .mdx as Markdown', async () => {
    const extracted = await extractString('# Hello\n\nSome *copy* here.\n', 'page.mdx')
    expect(extracted.format).toBe('markdown')
    expect(texts(extracted)).toEqual(['Hello', 'Some copy here.'])
  })

  it('reads the corpus Markdown email without its front matter', async () => {
    const extracted = await extractFile('werkplaats-nl.md', true)
    expect(extracted.blocks).toHaveLength(5)
    expect(extracted.blocks[0].text).toBe('Je Mini is weer beter')
    expect(texts(extracted).join(' ')).not.toContain('subject')
    expect(blockWith(extracted, 'kaartje').text).toMatch(/kaartje: Ik heb/)
    expect(sourceOfWord(extracted, 'gemist')).toBe('gemist')
    expectExactMaps(extracted)
  })
})
