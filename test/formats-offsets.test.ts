import {describe, expect, it} from 'vitest'
import {maxBlockLength, pushBlock} from '../src/formats/blocks.js'
import {BlockBuilder, sliceBlock, toSourceOffset} from '../src/formats/offsets.js'
import {extractText} from '../src/formats/text.js'
import type {Block} from '../src/types.js'

function built(builder: BlockBuilder): Block {
  return {text: builder.text, map: builder.map, source: 'file'}
}

describe('toSourceOffset', () => {
  it('maps through one-to-one pieces and across gaps', () => {
    const source = 'ab<b>cd</b>ef'
    const builder = new BlockBuilder()
    builder.copy('ab', 0)
    builder.copy('cd', 5)
    builder.copy('ef', 11)
    const block = built(builder)
    expect(block.text).toBe('abcdef')
    expect(toSourceOffset(block, 0)).toBe(0)
    expect(toSourceOffset(block, 3)).toBe(6)
    expect(source[toSourceOffset(block, 4)]).toBe('e')
    expect(toSourceOffset(block, 6)).toBe(13)
  })

  it('maps inside an entity to its start and after it to its end', () => {
    const source = 'We&rsquo;re here'
    const builder = new BlockBuilder()
    builder.align('We’re here', source, 0)
    const block = built(builder)
    expect(block.text).toBe('We’re here')
    expect(toSourceOffset(block, 2)).toBe(2)
    expect(toSourceOffset(block, 3)).toBe(9)
    const start = block.text.indexOf('here')
    expect(source.slice(toSourceOffset(block, start), toSourceOffset(block, start + 4))).toBe('here')
    expect(source.slice(toSourceOffset(block, 0), toSourceOffset(block, 5))).toBe('We&rsquo;re')
  })

  it('maps an end offset to the end of the character before it', () => {
    const source = 'a <b>bold</b> word'
    const builder = new BlockBuilder()
    builder.copy('a ', 0)
    builder.copy('bold', 5)
    builder.copy(' word', 13)
    const block = built(builder)
    expect(toSourceOffset(block, 6)).toBe(13)
    expect(toSourceOffset(block, 6, 'end')).toBe(9)
    expect(source.slice(toSourceOffset(block, 2), toSourceOffset(block, 6, 'end'))).toBe('bold')
    expect(toSourceOffset(block, 0, 'end')).toBe(0)
  })

  it('maps an end offset after an entity to the end of the entity', () => {
    const builder = new BlockBuilder()
    builder.align('A&B', 'A&amp;B', 0)
    const block = built(builder)
    expect(toSourceOffset(block, 2, 'end')).toBe(6)
    expect(toSourceOffset(block, 2)).toBe(6)
    expect(toSourceOffset(block, 1, 'end')).toBe(1)
  })

  it('merges adjacent copies into one piece', () => {
    const builder = new BlockBuilder()
    builder.copy('ab', 4)
    builder.copy('cd', 6)
    expect(builder.map).toEqual([{text: 0, source: 4, length: 4, sourceLength: 4}])
  })

  it('returns 0 for a block without pieces', () => {
    expect(toSourceOffset({text: '', map: [], source: 'file'}, 0)).toBe(0)
  })
})

describe('BlockBuilder.align', () => {
  it('aligns numeric, named and legacy references', () => {
    const raw = 'Tom &amp Jerry&#8217;s caf&eacute; &#x1F35E; ok'
    const builder = new BlockBuilder()
    builder.align('Tom & Jerry’s café 🍞 ok', raw, 10)
    const block = built(builder)
    for (const word of ['Jerry', 'caf', 'ok']) {
      const at = block.text.indexOf(word)
      expect(raw.slice(toSourceOffset(block, at) - 10, toSourceOffset(block, at + word.length) - 10)).toBe(word)
    }
    const bread = block.text.indexOf('🍞')
    expect(raw.slice(toSourceOffset(block, bread) - 10, toSourceOffset(block, bread + 2) - 10)).toBe('&#x1F35E;')
  })

  it('reads HTML numeric references 128–159 as Windows-1252', () => {
    const builder = new BlockBuilder()
    builder.align('Only €5 – today', 'Only &#128;5 &#150; today', 0)
    expect(toSourceOffset(built(builder), 7)).toBe(12)
  })

  it('needs the semicolon of a reference in Markdown', () => {
    const raw = 'Tools &amp tips &amp; more'
    const builder = new BlockBuilder()
    builder.align('Tools &amp tips & more', raw, 0, true)
    const block = built(builder)
    expect(block.map.reduce((sum, piece) => sum + piece.length, 0)).toBe(block.text.length)
    const at = block.text.indexOf('more')
    expect(raw.slice(toSourceOffset(block, at), toSourceOffset(block, at + 4, 'end'))).toBe('more')
    expect(toSourceOffset(block, 17, 'end')).toBe(21)
  })

  it('maps a lone carriage return as a line end', () => {
    const builder = new BlockBuilder()
    builder.align('one\ntwo', 'one\rtwo', 0)
    expect(builder.map).toEqual([{text: 0, source: 0, length: 7, sourceLength: 7}])
  })

  it('skips carriage returns and line prefixes the parser dropped', () => {
    const raw = 'one\r\n> two'
    const builder = new BlockBuilder()
    builder.align('one\ntwo', raw, 0)
    const block = built(builder)
    expect(raw.slice(toSourceOffset(block, 4), toSourceOffset(block, 7))).toBe('two')
  })

  it('maps Markdown backslash escapes only when asked', () => {
    const raw = 'a \\* b'
    const builder = new BlockBuilder()
    builder.align('a * b', raw, 0, true)
    const block = built(builder)
    expect(toSourceOffset(block, 3)).toBe(4)
    expect(raw.slice(toSourceOffset(block, 4), toSourceOffset(block, 5))).toBe('b')
  })
})

describe('BlockBuilder.decode', () => {
  it('decodes references in an attribute value', () => {
    const builder = new BlockBuilder()
    builder.decode('Rock &amp; roll', 100)
    const block = built(builder)
    expect(block.text).toBe('Rock & roll')
    expect(toSourceOffset(block, 7)).toBe(100 + 11)
  })
})

describe('sliceBlock', () => {
  it('cuts and shifts the map', () => {
    const builder = new BlockBuilder()
    builder.align('x & y z', 'x &amp; y z', 0)
    const slice = sliceBlock(built(builder), 2, 5)
    expect(slice.text).toBe('& y')
    expect(toSourceOffset(slice, 0)).toBe(2)
    expect(toSourceOffset(slice, 1)).toBe(7)
    expect(toSourceOffset(slice, 3)).toBe(9)
  })
})

describe('pushBlock', () => {
  it('trims whitespace and drops empty blocks', () => {
    const blocks: Block[] = []
    const builder = new BlockBuilder()
    builder.copy('  \n hello \n', 0)
    pushBlock(blocks, builder, 'file')
    const empty = new BlockBuilder()
    empty.copy(' \n\t', 20)
    pushBlock(blocks, empty, 'file')
    expect(blocks).toEqual([{text: 'hello', map: [{text: 0, source: 4, length: 5, sourceLength: 5}], source: 'file'}])
  })

  it('cuts long runs at line ends, each part bounded and mapped', () => {
    const line = 'A plain sentence of copy for the test.\n'
    const text = line.repeat(1000)
    const blocks = extractText(text)
    expect(blocks.length).toBeGreaterThan(4)
    let offset = text.indexOf('A')
    for (const block of blocks) {
      expect(block.text.length).toBeLessThanOrEqual(maxBlockLength)
      expect(block.text.startsWith('A plain')).toBe(true)
      expect(block.text.endsWith('test.')).toBe(true)
      const start = toSourceOffset(block, 0)
      expect(start).toBeGreaterThanOrEqual(offset)
      expect(text.slice(start, toSourceOffset(block, block.text.length))).toBe(block.text)
      offset = start
    }
    expect(blocks.map((block) => block.text).join('\n')).toBe(text.trim())
  })

  it('cuts at sentence ends when there are no line ends, never inside merge tags', () => {
    const sentence = 'Hi {{ first_name }}, your order {% if paid %}is paid{% endif %}. Thanks *|FNAME|* and %%name%%! '
    const text = sentence.repeat(300)
    const blocks = extractText(text)
    expect(blocks.length).toBeGreaterThan(2)
    for (const block of blocks) {
      expect(block.text.length).toBeLessThanOrEqual(maxBlockLength)
      expect(block.text.startsWith('Hi {{ first_name }}')).toBe(true)
      expect(block.text).toMatch(/[.!]$/)
    }
  })

  it('does not cut inside a long merge tag even at a space', () => {
    const text = ('word '.repeat(1700) + '{{ a b c d e f }} ').repeat(3)
    for (const block of extractText(text)) {
      const opens = block.text.split('{{').length
      const closes = block.text.split('}}').length
      expect(opens).toBe(closes)
    }
  })

  it('cuts a 5 MB text into bounded blocks, as many per megabyte as in a smaller text', () => {
    // The work is the blocks: bounded in size, and their count grows with the text, not faster.
    const paragraph = 'Our bakery opens at seven. Fresh rye is ready by eight, and the oven stays warm until noon. '
    const text = (paragraph.repeat(40) + '\n').repeat(1400)
    expect(text.length).toBeGreaterThan(5_000_000)
    const blocks = extractText(text)
    const small = extractText((paragraph.repeat(40) + '\n').repeat(140))
    expect(blocks.length).toBeGreaterThan(600)
    expect(blocks.length).toBe(small.length * 10)
    expect(Math.max(...blocks.map((block) => block.text.length))).toBeLessThanOrEqual(maxBlockLength)
  })
})
