import {describe, expect, it} from 'vitest'
import {extractHtml} from '../src/formats/html.js'
import {blockWith, expectExactMaps, extractFile, extractString, sourceOfWord, texts, hasShared} from './formats-helpers.js'

describe('html', () => {
  it('extracts one block per block element, alt text and the hidden preheader', async () => {
    const extracted = await extractFile('newsletter.html')
    expect(extracted.format).toBe('html')
    expect(texts(extracted)).toEqual([
      'Fresh bread on Fridays – come early.',
      'Left cell text.',
      'Right cell text.',
      'We’re baking rye & spelt this week.\nLine after the break.',
      'Tom & Jerry’s café 🍞 opens at nine.',
      'A round loaf & a knife',
      'Visible link text here.'
    ])
    expect(extracted.blocks.every((block) => block.part === undefined && block.source === 'file')).toBe(true)
    expectExactMaps(extracted)
  })

  it('skips head, title, style, script, noscript, svg and attributes', async () => {
    const all = texts(await extractFile('newsletter.html')).join('\n')
    for (const hidden of ['Title is not copy', 'color', 'notCopy', 'Enable scripts', 'svg label', 'attribute not copy', 'https']) {
      expect(all).not.toContain(hidden)
    }
  })

  it('maps words through entities, tags, line breaks and alt attributes', async () => {
    const extracted = await extractFile('newsletter.html')
    for (const word of ['Fridays', 'Right', 'spelt', 'Line', 'opens', 'knife', 'link text', 'here']) {
      expect(sourceOfWord(extracted, word)).toBe(word)
    }
    expect(sourceOfWord(extracted, 'We’re')).toBe('We&rsquo;re')
    expect(sourceOfWord(extracted, 'rye & spelt')).toBe('rye &amp; spelt')
    expect(sourceOfWord(extracted, 'Tom & Jerry’s')).toBe('Tom &amp Jerry&#8217;s')
    expect(sourceOfWord(extracted, 'café')).toBe('caf&eacute;')
    expect(sourceOfWord(extracted, '🍞')).toBe('&#x1F35E;')
    expect(sourceOfWord(extracted, 'week.\nLine')).toBe('week.<br>Line')
    expect(sourceOfWord(extracted, 'loaf & a')).toBe('loaf &amp; a')
    expect(sourceOfWord(extracted, 'Visible link')).toBe('Visible <a href="https://example.com/?a=1&amp;b=2">link')
  })

  it('collects trouw control comments', async () => {
    const extracted = await extractFile('newsletter.html')
    expect(extracted.controls?.map((control) => control.text)).toEqual(['trouw ignore over-the-top'])
    const [control] = extracted.controls!
    expect(extracted.sources.file.slice(control.offset, control.endOffset)).toBe('<!-- trouw ignore over-the-top -->')
  })

  it('still extracts the text of broken HTML', async () => {
    const extracted = await extractFile('broken.html')
    expect(texts(extracted)).toEqual(['Unclosed paragraph with bold', 'Second part', 'Third & last'])
    expect(sourceOfWord(extracted, 'Third & last')).toBe('Third & last')
    expectExactMaps(extracted)
  })

  it('reports the first hidden element as the preheader', () => {
    const html = '<p>Body first.</p><span style="display: none">Hidden one.</span><div style="display:none">Hidden two.</div>'
    const result = extractHtml(html)
    expect(result.preheader.map((block) => block.text)).toEqual(['Hidden one.'])
    expect(result.blocks.map((block) => block.text)).toEqual(['Body first.', 'Hidden one.', 'Hidden two.'])
  })

  it('treats visibility:hidden and mso-hide:all as hidden too', () => {
    expect(extractHtml('<div style="visibility: hidden">Soft launch.</div><p>Body.</p>').preheader[0].text).toBe('Soft launch.')
    expect(extractHtml('<span style="mso-hide:all">Outlook hint.</span>').preheader[0].text).toBe('Outlook hint.')
    expect(extractHtml('<p>Only body.</p>').preheader).toEqual([])
  })

  it('trims the invisible padding after preheader text', () => {
    const html = '<div class="preheader">Sale starts Monday.&nbsp;&zwnj;&nbsp;&zwnj;&#847;&shy;</div><p>Body.</p>'
    const result = extractHtml(html)
    expect(result.preheader.map((block) => block.text)).toEqual(['Sale starts Monday.'])
  })

  it('cuts one very long paragraph into bounded blocks that still map exactly', async () => {
    const sentence = 'Our caf&eacute; bakes rye &amp; spelt for {{ city }} every morning. '
    const extracted = await extractString(`<p>${sentence.repeat(3000)}</p>`, 'long.html')
    expect(extracted.blocks.length).toBeGreaterThan(20)
    for (const block of extracted.blocks) {
      expect(block.text.length).toBeLessThanOrEqual(8000)
      expect(block.text).toMatch(/^Our café bakes rye & spelt for \{\{ city \}\} every morning\./)
      expect(block.text.endsWith('morning.')).toBe(true)
    }
    expectExactMaps(extracted)
  })

  it('maps CRLF sources exactly', async () => {
    const extracted = await extractString('<p>One line\r\nand the next.</p>\r\n<p>Second</p>', 'crlf.html')
    expect(texts(extracted)).toEqual(['One line\nand the next.', 'Second'])
    expect(sourceOfWord(extracted, 'line\nand')).toBe('line\r\nand')
    expect(sourceOfWord(extracted, 'Second')).toBe('Second')
  })

  it.skipIf(!hasShared)('reads the corpus HTML email: copy only, exact positions', async () => {
    const extracted = await extractFile('raamdecoratie-nl.html', true)
    expect(extracted.blocks).toHaveLength(7)
    expect(extracted.blocks[0].text).toBe('Hoi Marieke,')
    const all = texts(extracted).join('\n')
    for (const hidden of ['Arial', 'utm_source', 'cta', 'Jouw nieuwe raamdecoratie']) expect(all).not.toContain(hidden)
    expect(blockWith(extracted, 'zoveel liefde').text).toMatch(/^Jouw nieuwe plissés zijn met zoveel liefde gemaakt/)
    expect(sourceOfWord(extracted, 'stralend')).toBe('stralend')
    expect(sourceOfWord(extracted, 'zoveel liefde')).toBe('zoveel liefde')
    expectExactMaps(extracted)
  })
})
