import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {extractMarkdown} from '../src/formats/markdown.js'
import {defaultChunkSize, findCut, nextCut} from '../src/formats/markdown-chunks.js'
import type {Extracted} from '../src/types.js'
import {blockWith, expectExactMaps, extractFile, extractString, fixturePath, sourceOfWord, texts, hasShared} from './formats-helpers.js'

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

  it.skipIf(!hasShared)('reads the corpus Markdown email without its front matter', async () => {
    const extracted = await extractFile('werkplaats-nl.md', true)
    expect(extracted.blocks).toHaveLength(5)
    expect(extracted.blocks[0].text).toBe('Je Mini is weer beter')
    expect(texts(extracted).join(' ')).not.toContain('subject')
    expect(blockWith(extracted, 'kaartje').text).toMatch(/kaartje: Ik heb/)
    expect(sourceOfWord(extracted, 'gemist')).toBe('gemist')
    expectExactMaps(extracted)
  })
})

describe('markdown in chunks', () => {
  /** Extract as one document (no chunks) and in chunks of every size up to the length; all must be equal. */
  function expectSameInChunks(markdown: string, sizes: Iterable<number> = range(1, markdown.length)): Extracted {
    const whole = asExtracted(markdown, extractMarkdown(markdown, 'file', {chunkSize: Number.POSITIVE_INFINITY, maxContainers: Number.POSITIVE_INFINITY}))
    expectExactMaps(whole)
    for (const chunkSize of sizes) {
      const chunked = extractMarkdown(markdown, 'file', {chunkSize})
      expect(chunked, `chunk size ${chunkSize}`).toEqual({blocks: whole.blocks, controls: whole.controls})
    }
    return whole
  }

  function asExtracted(file: string, result: Pick<Extracted, 'blocks' | 'controls'>): Extracted {
    return {format: 'markdown', sources: {file}, ...result}
  }

  function* range(from: number, to: number): Iterable<number> {
    for (let size = from; size <= to; size++) yield size
  }

  /** All cut places the scan offers for chunks of `chunkSize`. */
  function cuts(markdown: string, chunkSize: number): number[] {
    const found: number[] = []
    for (let at = findCut(markdown, 0, chunkSize); at !== undefined; at = findCut(markdown, at, chunkSize)) found.push(at)
    return found
  }

  it('gives the same blocks as one parse for the guide fixture, cut anywhere', () => {
    const markdown = readFileSync(fixturePath('guide.md'), 'utf8')
    expectSameInChunks(markdown)
  })

  it('keeps documents under the chunk size to one parse', async () => {
    const markdown = readFileSync(fixturePath('guide.md'), 'utf8')
    const extracted = await extractFile('guide.md')
    expect(extractMarkdown(markdown)).toEqual({blocks: extracted.blocks, controls: extracted.controls})
    expect(findCut(markdown, 0, defaultChunkSize)).toBeUndefined()
  })

  it('never cuts inside a fence that holds blank lines and lines in column 0', () => {
    const markdown = [
      'Fresh bread every morning.',
      '',
      '```text',
      'first line of code',
      '',
      'column zero inside the fence',
      '',
      '~~~',
      'still code',
      '```',
      '',
      'After the fence comes copy again.',
      '',
      '~~~~',
      '```',
      '',
      'tilde fence content',
      '~~~~',
      '',
      'Last words.',
      ''
    ].join('\n')
    const afterFence = markdown.indexOf('After the fence')
    expect(cuts(markdown, 1)).toEqual([markdown.indexOf('```text'), afterFence, markdown.indexOf('~~~~'), markdown.indexOf('Last words')])
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toEqual(['Fresh bread every morning.', 'After the fence comes copy again.', 'Last words.'])
  })

  it('keeps a loose list that spans a cut the same', () => {
    const markdown = [
      '- The first item has a paragraph.',
      '',
      '  And a second paragraph, indented.',
      '- A tight item',
      'with a lazy line.',
      '',
      '- A loose item after a blank line.',
      '',
      '      indented code in the item',
      '',
      '  > A quote in the item.',
      '',
      '1. An ordered item.',
      '',
      'A paragraph after the list.',
      ''
    ].join('\n')
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toContain('A loose item after a blank line.')
    expect(texts(whole)).toContain('A tight item\nwith a lazy line.')
    expect(texts(whole).join('\n')).not.toContain('indented code')
  })

  it('cuts a long run of list items before a list item in column 0, with the same blocks as one parse', () => {
    // Lists of every kind, with what can look like an item but is not one
    // (lazy lines, a number that cannot interrupt a paragraph, a thematic
    // break, fences and HTML holding `- x`, items in quotes): cut after every
    // 1 to 30 container lines, the blocks stay those of one parse.
    const markdown = [
      '# Spring box',
      '',
      'Fresh tulips, *grown* by hand. See [the terms][t].',
      '',
      '- A first item with **bold** words',
      '  - a nested one',
      '    - deeper still',
      '- A second item',
      'with a lazy line',
      '  - nested two <!--trouw ignore-next-->',
      '1. An ordered one',
      '   1. ordered and nested',
      '2. Ordered two',
      '',
      'A paragraph before a number.',
      '2. this is not a list item',
      '- but this one is',
      '- - -',
      '- After the break',
      '* Another marker',
      '+ A third marker',
      '  ```',
      '- ends the item and its fence',
      '  ```',
      '```',
      '- inside a fence at the top',
      '```',
      '- After the fence',
      '',
      '> - A quoted item',
      '>   - quoted and nested',
      '> - Another quoted item',
      '> A lazy line of that item',
      '> and one more',
      '>',
      '> A second paragraph in the quote',
      '> > A quote in the quote',
      '> > - with an item',
      '> > - and another',
      '> >   - nested in it',
      '> >',
      '> > > Three deep',
      '> back in the outer quote?',
      '> - A list in the outer quote',
      '>',
      '> > A quote again',
      '- Out of the quote',
      '> A new quote after a list',
      'lazy line of that quote',
      '',
      '- Loose one',
      '',
      '- Loose two',
      '',
      '    indented code',
      '- [x] A task',
      '- The last [t] reference',
      '',
      '<div>',
      '- inside an HTML block',
      '</div>',
      '',
      '- A tail item',
      '   - nested by three spaces',
      '-',
      '- After an empty item',
      '10) Ordered with a parenthesis',
      '11) and the next',
      '',
      '[t]: https://example.com',
      ''
    ].join('\n')
    const whole = asExtracted(markdown, extractMarkdown(markdown, 'file', {chunkSize: Number.POSITIVE_INFINITY, maxContainers: Number.POSITIVE_INFINITY}))
    expectExactMaps(whole)
    expect(texts(whole)).toContain('deeper still')
    expect(texts(whole)).toContain('A paragraph before a number.\n2. this is not a list item')
    expect(texts(whole)).toContain('After an empty item')
    expect(texts(whole).join('\n')).not.toContain('inside a fence')
    for (const maxContainers of range(1, 30)) {
      const cut = extractMarkdown(markdown, 'file', {chunkSize: Number.POSITIVE_INFINITY, maxContainers})
      expect(cut, `cut after ${maxContainers} container lines`).toEqual({blocks: whole.blocks, controls: whole.controls})
    }
    // The cuts are item cuts, before list items and quote lines.
    const first = nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256, {maxContainers: 2})
    expect(first).toEqual({offset: markdown.indexOf('- A second item'), forced: false, item: true})
    const inQuote = markdown.indexOf('> - Another quoted item')
    expect(nextCut(markdown, markdown.indexOf('> - A quoted item'), Number.POSITIVE_INFINITY, 256, {maxContainers: 1})).toEqual({offset: inQuote, forced: false, item: true})
    expect(texts(whole)).toContain('and another')
    expect(texts(whole)).toContain('Another quoted item\nA lazy line of that item\nand one more')
    expect(texts(whole)).toContain('Three deep\nback in the outer quote?')
  })

  it('cuts inside one item that holds a long nested list, with the same blocks as one parse', () => {
    // One top item whose nested list runs on: the cuts come before nested
    // items (indented up to 3 columns), never before one indented 4 or more
    // (the next chunk would read it as code). Lazy lines, nested fences and
    // HTML, a thematic break and an empty item among them.
    const markdown = [
      'Our picks for you:',
      '',
      '- Top of the list',
      '  - a nested tulip',
      '    - deeper bulb',
      '  - a nested rose with *emphasis*',
      'and a lazy line of that rose',
      '  - nested item one',
      '',
      '    a second paragraph in it',
      '  - nested item two',
      '  ```',
      '  - inside a fence in the top item',
      '  ```',
      '  - after the nested fence',
      '  * another bullet starts another nested list',
      '  * and goes on',
      '   1. ordered, indented three',
      '   2. and its second',
      '      - deep under the second',
      '  - - -',
      '  -',
      '  - after an empty nested item',
      '    <div>',
      '  - html in an item?',
      '    </div>',
      '  - the last nested item',
      '- A second top item',
      '  - with one nested',
      '',
      '> - quoted top',
      '>   - quoted nested one',
      '>   - quoted nested two',
      '>     - quoted deeper',
      '>   - quoted nested three',
      '',
      'The end, for now.',
      ''
    ].join('\n')
    const whole = asExtracted(markdown, extractMarkdown(markdown, 'file', {chunkSize: Number.POSITIVE_INFINITY, maxContainers: Number.POSITIVE_INFINITY}))
    expectExactMaps(whole)
    expect(texts(whole)).toContain('a nested rose with emphasis\nand a lazy line of that rose')
    expect(texts(whole).join('\n')).not.toContain('inside a fence')
    for (const maxContainers of range(1, 30)) {
      const cut = extractMarkdown(markdown, 'file', {chunkSize: Number.POSITIVE_INFINITY, maxContainers})
      expect(cut, `cut after ${maxContainers} container lines`).toEqual({blocks: whole.blocks, controls: whole.controls})
    }
    // The first cut after two container lines is before a nested item.
    expect(nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256, {maxContainers: 2})).toEqual({offset: markdown.indexOf('  - a nested rose'), forced: false, item: true})
    // Never before an item indented four columns or more.
    const deeper = markdown.indexOf('    - deeper bulb')
    for (const maxContainers of range(1, 30)) {
      for (let from = 0, cut; (cut = nextCut(markdown, from, Number.POSITIVE_INFINITY, 256, {maxContainers})); from = cut.offset) {
        expect(cut.offset).not.toBe(deeper)
        expect(markdown.slice(cut.offset).match(/^ */)![0].length).toBeLessThan(4)
      }
    }
  })

  it('resolves reference links whose definitions are in another chunk', () => {
    const markdown = [
      'Read [our story][about] and the [Garden Guide].',
      '',
      'Also ![a watering can][can] and [ghost] and [ghost link][ghost].',
      '',
      '> Quoted [two words] here.',
      '',
      '```',
      '[ghost]: /not-a-definition-in-code',
      '```',
      '',
      '> [two',
      '> words]: /defined-over-two-lines',
      '',
      '[about]: https://example.com/about',
      '[garden guide]: /guide "The guide"',
      '- [can]: /can.png',
      ''
    ].join('\n')
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toEqual([
      'Read our story and the Garden Guide.',
      'a watering can',
      'Also  and [ghost] and [ghost link][ghost].',
      'Quoted two words here.'
    ])
  })

  it('keeps trouw control comments near a cut, with their offsets', () => {
    const markdown = [
      'Intro copy.',
      '',
      '<!-- trouw ignore coercion/urgency -->',
      '',
      '<!--',
      '',
      'Commented out, with a blank line.',
      '',
      'trouw ignore sentiment -->',
      '',
      'Copy with an inline <!-- trouw ignore praise --> comment.',
      '',
      '<!-- trouw end -->',
      'Right after the control.',
      ''
    ].join('\n')
    expect(cuts(markdown, 1)).not.toContain(markdown.indexOf('Commented out'))
    expect(cuts(markdown, 1)).not.toContain(markdown.indexOf('trouw ignore sentiment'))
    const whole = expectSameInChunks(markdown)
    expect(whole.controls!.map((control) => markdown.slice(control.offset, control.endOffset))).toEqual([
      '<!-- trouw ignore coercion/urgency -->',
      '<!-- trouw ignore praise -->',
      '<!-- trouw end -->'
    ])
    expect(texts(whole).join('\n')).not.toContain('Commented out')
  })

  it('reads front matter only at the very start', () => {
    const markdown = ['---', 'subject: not copy', '', 'title: still front matter', '---', '', 'Body copy.', '', '---', 'A setext heading', '---', '', '+++', ''].join('\n')
    expect(cuts(markdown, 1)[0]).toBe(markdown.indexOf('Body copy.'))
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toEqual(['Body copy.', 'A setext heading', '+++'])
  })

  it('grows a chunk when the parser sees a block open across a guessed cut', () => {
    // The scan takes `<!--` inside the HTML block for a comment, so it misses
    // the fence after it and guesses a cut inside that fence: the probe says no.
    const markdown = ['<div>', '<!-- not a comment block', '</div>', '', '```', 'code -->', '', 'column zero in the fence', '```', '', 'Copy after the fence.', ''].join('\n')
    expect(cuts(markdown, 1)).toContain(markdown.indexOf('column zero'))
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toEqual(['Copy after the fence.'])
  })

  it('handles CRLF line endings, tables and HTML blocks at cuts', () => {
    const markdown = [
      '| Tool | Price |',
      '| --- | --- |',
      '| Rake | &euro;12 |',
      '',
      '<section>',
      'raw html block',
      '</section>',
      '',
      '<pre>',
      '',
      'preformatted',
      '',
      '</pre>',
      '',
      'Copy\\',
      'with a hard break &amp; an entity.',
      ''
    ].join('\r\n')
    const whole = expectSameInChunks(markdown)
    expect(texts(whole)).toEqual(['Tool', 'Price', 'Rake', '€12', 'Copy\nwith a hard break & an entity.'])
  })

  it('gives a big document the blocks of its parts, offsets shifted', () => {
    const part = readFileSync(fixturePath('guide.md'), 'utf8').replace(/^---[\s\S]*?\n---\n/, '')
    const parts: string[] = []
    let size = 0
    for (let index = 0; size < 3 * defaultChunkSize; index++) {
      const text = `## Part ${index}\n\n${part}\n`
      parts.push(text)
      size += text.length
    }
    const markdown = parts.join('')
    const big = extractMarkdown(markdown)
    const expected: Extracted['blocks'] = []
    const controls: NonNullable<Extracted['controls']> = []
    let offset = 0
    for (const text of parts) {
      const small = extractMarkdown(text)
      for (const block of small.blocks) expected.push({...block, map: block.map.map((piece) => ({...piece, source: piece.source + offset}))})
      for (const control of small.controls) controls.push({...control, offset: control.offset + offset, endOffset: control.endOffset + offset})
      offset += text.length
    }
    expect(cuts(markdown, defaultChunkSize).length).toBeGreaterThan(1)
    expect(big).toEqual({blocks: expected, controls})
    expectExactMaps(asExtracted(markdown, big))
  })

  it('cuts a paragraph of many emphasis markers into pieces, each starting at a word', () => {
    // 300 short emphases in one paragraph: more delimiters than one piece may hold.
    const words = Array.from({length: 300}, (_, index) => `*w${index}*`).join(' ')
    const markdown = `Intro line.\n\n${words} tail.\n\nAfter.\n`
    const first = nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256)
    expect(first?.forced).toBe(true)
    const cut = first?.offset ?? 0
    expect(markdown[cut - 1]).toBe(' ')
    expect(markdown.slice(cut, cut + 2)).toBe('*w') // a word start, its emphasis whole
    const extracted = asExtracted(markdown, extractMarkdown(markdown, 'file', {maxDelimiters: 256}))
    expectExactMaps(extracted)
    const all = texts(extracted)
    expect(all[0]).toBe('Intro line.')
    expect(all.at(-1)).toBe('After.')
    // Every word is read once, in order, in three pieces (600 delimiters, at most 256 a piece).
    expect(all.join(' ')).not.toContain('*')
    const read = all.slice(1, -1).join(' ').split(/\s+/).filter(Boolean)
    expect(read).toEqual([...Array.from({length: 300}, (_, index) => `w${index}`), 'tail.'])
    expect(all.length).toBe(5)
  })

  it('leaves a paragraph with fewer delimiters than the limit in one piece', () => {
    const words = Array.from({length: 100}, (_, index) => `*w${index}*`).join(' ')
    const markdown = `${words}\n`
    expect(nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256)).toBeUndefined()
    expect(texts(asExtracted(markdown, extractMarkdown(markdown)))).toHaveLength(1)
  })

  it('does not cut code blocks or HTML blocks full of delimiters', () => {
    const markdown = `    ${'*a'.repeat(400)}\n\n<div>${'[a'.repeat(400)}</div>\n\nCopy.\n`
    expect(nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256)).toBeUndefined()
    expect(texts(asExtracted(markdown, extractMarkdown(markdown)))).toEqual(['Copy.'])
  })

  it('cuts a line of delimiters without letters at a bounded place, never inside a surrogate pair', () => {
    const markdown = '*_'.repeat(300) + '\u{1F600}'.repeat(600) + '\n'
    const cut = nextCut(markdown, 0, Number.POSITIVE_INFINITY, 256)
    expect(cut?.forced).toBe(true)
    const offset = cut?.offset ?? 0
    expect(offset).toBeGreaterThan(256)
    expect(offset).toBeLessThan(256 + 600)
    expect(markdown.charCodeAt(offset) >= 0xdc00 && markdown.charCodeAt(offset) <= 0xdfff).toBe(false)
    expectExactMaps(asExtracted(markdown, extractMarkdown(markdown)))
  })
})
