import {describe, expect, it} from 'vitest'
import {extract} from '../src/formats/index.js'
import {InputError} from '../src/types.js'
import {blockWith, expectExactMaps, extractFile, extractString, hasShared, sourceOfWord, texts} from './formats-helpers.js'

function parts(extracted: Awaited<ReturnType<typeof extractFile>>, part: string): string[] {
  return extracted.blocks.filter((block) => block.part === part).map((block) => block.text)
}

describe('eml', () => {
  it.skipIf(!hasShared)('reads multipart/alternative with quoted-printable and a UTF-8 encoded-word Subject', async () => {
    const extracted = await extractFile('renewal-en.eml', true)
    expect(extracted.format).toBe('eml')
    expect(Object.keys(extracted.sources).sort()).toEqual(['html', 'subject', 'text'])
    expect(parts(extracted, 'subject')).toEqual([extracted.sources.subject])
    expect(extracted.sources.subject).toMatch(/^Don’t lose your perks – renew/)
    expect(parts(extracted, 'html')).toHaveLength(5)
    expect(parts(extracted, 'text')).toHaveLength(5)
    expect(parts(extracted, 'preheader')).toEqual([])
    // Soft line breaks are decoded: the sentence is whole in both parts.
    expect(parts(extracted, 'text')[1]).toMatch(/loyalty points forever\.$/)
    expect(parts(extracted, 'html')[1]).toMatch(/loyalty points forever\.$/)
    expect(blockWith(extracted, 'We’re').source).toBe('html')
    expect(sourceOfWord(extracted, 'We’re beyond')).toBe('We&rsquo;re beyond')
    expect(extracted.blocks.find((block) => block.text.startsWith('No thanks') && block.part === 'html')?.text).toBe(
      'No thanks, I\'d rather pay more'
    )
    expectExactMaps(extracted)
  })

  it.skipIf(!hasShared)('decodes windows-1252 quoted-printable, base64 HTML and an ISO-8859-1 Subject; finds the hidden preheader', async () => {
    const extracted = await extractFile('winback-nl.eml', true)
    expect(extracted.sources.subject).toMatch(/^Blijft u bij ons\? Laatste kans/)
    expect(parts(extracted, 'preheader')).toHaveLength(1)
    const [preheader] = extracted.blocks.filter((block) => block.part === 'preheader')
    expect(preheader.source).toBe('html')
    expect(preheader.text).toContain('écht')
    for (const part of ['text', 'html']) {
      const all = parts(extracted, part).join('\n')
      expect(all).toContain('€125')
      expect(all).toContain('nu écht verlaten')
    }
    expect(parts(extracted, 'html').join('\n')).not.toContain('display')
    expect(parts(extracted, 'html').at(-1)).toBe('Met vriendelijke groet,\nTeam Stroomwijs')
    const euro = extracted.blocks.find((block) => block.part === 'text' && block.text.includes('€125'))!
    const at = euro.text.indexOf('€125')
    const {toSourceOffset} = await import('../src/formats/offsets.js')
    expect(extracted.sources.text.slice(toSourceOffset(euro, at), toSourceOffset(euro, at + 4, 'end'))).toBe('€125')
    expectExactMaps(extracted)
  })

  it('reads a single-part base64 ISO-8859-1 text message with a B-encoded Subject', async () => {
    const extracted = await extractFile('latin1-base64.eml')
    expect(extracted.sources.subject).toBe('Fietsen vanaf €499')
    expect(extracted.sources.html).toBeUndefined()
    expect(parts(extracted, 'text')).toEqual(['Goedemorgen,', 'De nieuwe fietsen kosten €499 en zijn écht licht.', 'Groet,\nFietsenmaker Bram'])
    expect(sourceOfWord(extracted, 'écht licht')).toBe('écht licht')
  })

  it('reads an HTML-only message with a class="preheader" element and an emoji Subject', async () => {
    const extracted = await extractFile('html-only.eml')
    expect(extracted.sources.text).toBeUndefined()
    expect(extracted.sources.subject).toBe('Your lamp is on its way 💡')
    expect(parts(extracted, 'preheader')).toEqual(['Your order ships today.'])
    expect(parts(extracted, 'html')[0]).toBe('Thanks, Sam')
    expect(blockWith(extracted, 'Utrecht').text).toMatch(/afternoon\. Track it/)
    expect(sourceOfWord(extracted, 'mail — Lotte')).toBe('mail &mdash; Lotte')
    expectExactMaps(extracted)
  })

  it('sniffs a message without an extension', async () => {
    const message = 'From: a@example.com\nSubject: Plain hello\n\nJust a short note.\n'
    const extracted = await extract(new TextEncoder().encode(message))
    expect(extracted.format).toBe('eml')
    expect(texts(extracted)).toEqual(['Plain hello', 'Just a short note.'])
  })

  it('rejects what is not a readable MIME message', async () => {
    for (const name of ['not-mime.eml', 'no-body.eml']) {
      const error = await extractFile(name).catch((error: unknown) => error)
      expect(error).toBeInstanceOf(InputError)
      expect((error as InputError).message).toMatch(/^is not a readable MIME message: /)
      expect((error as InputError).message).not.toContain('\n')
      expect((error as InputError).path).toMatch(/\.eml$/)
    }
  })

  it('accepts 8-bit bytes that are not UTF-8', async () => {
    const head = new TextEncoder().encode('From: a@example.com\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nPrijs: ')
    const bytes = new Uint8Array([...head, 0x80, 0x35, 0x20, 0x70, 0x70, 0x2e, 0x0a])
    const extracted = await extract(bytes, {path: 'eightbit.eml'})
    expect(texts(extracted)).toEqual(['Prijs: €5 pp.'])
  })

  it('puts an option format over the extension', async () => {
    const extracted = await extractString('From: a@example.com\nSubject: Hi\n\nBody text.\n', 'mail.txt')
    expect(extracted.format).toBe('text')
    const forced = await extract(new TextEncoder().encode('From: a@example.com\nSubject: Hi\n\nBody text.\n'), {path: 'mail.txt', format: 'eml'})
    expect(forced.format).toBe('eml')
  })
})
