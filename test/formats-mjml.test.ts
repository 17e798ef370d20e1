import {describe, expect, it} from 'vitest'
import {blockWith, expectExactMaps, extractFile, sourceOfWord, texts, hasShared} from './formats-helpers.js'

describe('mjml', () => {
  it('extracts the copy of content components, alt text and the preview', async () => {
    const extracted = await extractFile('shop.mjml')
    expect(extracted.format).toBe('mjml')
    expect(texts(extracted)).toEqual([
      'Seeds are back in stock – pick yours.',
      'Packets of tomato seeds',
      'Hi *|FNAME|*,',
      'Our tomato seeds & basil are here.',
      'Browse seeds',
      'Garden tips',
      'Follow us',
      'Basil',
      '€3',
      'Shipping',
      'We ship on Mondays.',
      'Raw note in HTML.'
    ])
    expect(extracted.blocks[0].part).toBe('preheader')
    expect(extracted.blocks.slice(1).every((block) => block.part === undefined)).toBe(true)
    expectExactMaps(extracted)
  })

  it('skips head components and attributes, even after self-closing tags', async () => {
    const all = texts(await extractFile('shop.mjml')).join('\n')
    for (const hidden of ['Not copy title', 'default text', 'Arial', 'color', 'Lato', 'not copy', 'facebook', 'https']) {
      expect(all).not.toContain(hidden)
    }
  })

  it('maps words back into the file', async () => {
    const extracted = await extractFile('shop.mjml')
    for (const word of ['stock', 'tomato seeds', 'basil', 'Browse', 'Garden', 'Follow', 'Mondays', 'Raw note']) {
      expect(sourceOfWord(extracted, word)).toBe(word)
    }
    expect(sourceOfWord(extracted, 'stock – pick')).toBe('stock &ndash; pick')
    expect(sourceOfWord(extracted, 'seeds & basil')).toBe('seeds &amp; basil')
  })

  it('reads carousel image alt text and decodes its references', async () => {
    const {extract} = await import('../src/formats/index.js')
    const mjml = '<mjml><mj-body><mj-carousel><mj-carousel-image src="a.png" alt="Pots &amp; pans" /></mj-carousel></mj-body></mjml>'
    const extracted = await extract(new TextEncoder().encode(mjml), {path: 'c.mjml'})
    expect(texts(extracted)).toEqual(['Pots & pans'])
    expect(sourceOfWord(extracted, 'Pots & pans')).toBe('Pots &amp; pans')
  })

  it('ends an unclosed content component at the next MJML tag', async () => {
    const {extract} = await import('../src/formats/index.js')
    const mjml = '<mjml><mj-body><mj-text>Open text<mj-button>Go</mj-button><mj-text>Closed.</mj-text></mj-body></mjml>'
    const extracted = await extract(new TextEncoder().encode(mjml), {path: 'open.mjml'})
    expect(texts(extracted)).toEqual(['Open text', 'Go', 'Closed.'])
  })

  it('collects trouw control comments', async () => {
    const extracted = await extractFile('shop.mjml')
    const [control] = extracted.controls!
    expect(control.text).toBe('trouw ignore coercion/scarcity')
    expect(extracted.sources.file.slice(control.offset, control.endOffset)).toBe('<!--trouw ignore coercion/scarcity-->')
  })

  it.skipIf(!hasShared)('reads the corpus MJML email: nothing swallowed, nothing leaked', async () => {
    const extracted = await extractFile('sportschool-nl.mjml', true)
    expect(extracted.blocks).toHaveLength(7)
    expect(extracted.blocks[0]).toMatchObject({part: 'preheader'})
    expect(extracted.blocks[0].text).toMatch(/^Niet opzeggen!/)
    expect(blockWith(extracted, 'Hoi').text).toBe('Hoi {{ voornaam }},')
    const all = texts(extracted).join('\n')
    for (const hidden of ['Je lidmaatschap', 'Helvetica', 'font-size', 'utm_campaign', 'https']) expect(all).not.toContain(hidden)
    expect(blockWith(extracted, 'rooster').text).toBe('Bekijk het rooster')
    expect(blockWith(extracted, 'gezondheid').text).toMatch(/gezondheid\. Afmelden$/)
    expect(sourceOfWord(extracted, 'jaarcontract')).toBe('jaarcontract')
    expect(sourceOfWord(extracted, '11 maanden vast')).toBe('11 maanden vast')
    expectExactMaps(extracted)
  })
})
