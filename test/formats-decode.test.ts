import {describe, expect, it} from 'vitest'
import {decodeText} from '../src/formats/decode.js'
import {extract, formatFromPath, sniffFormat} from '../src/formats/index.js'
import {InputError} from '../src/types.js'

const encode = (text: string) => new TextEncoder().encode(text)

async function inputError(bytes: Uint8Array, options?: Parameters<typeof extract>[1]): Promise<InputError> {
  const error = await extract(bytes, options).then(
    () => undefined,
    (error: unknown) => error
  )
  expect(error).toBeInstanceOf(InputError)
  const inputError = error as InputError
  expect(inputError.message).not.toContain('\n')
  return inputError
}

describe('formatFromPath', () => {
  it('knows the extensions', () => {
    expect(formatFromPath('a.txt')).toBe('text')
    expect(formatFromPath('a.text')).toBe('text')
    expect(formatFromPath('dir.v2/A.MD')).toBe('markdown')
    expect(formatFromPath('a.markdown')).toBe('markdown')
    expect(formatFromPath('a.mdx')).toBe('markdown')
    expect(formatFromPath('a.htm')).toBe('html')
    expect(formatFromPath('a.html')).toBe('html')
    expect(formatFromPath('a.mjml')).toBe('mjml')
    expect(formatFromPath('a.eml')).toBe('eml')
    expect(formatFromPath('a.json')).toBeUndefined()
    expect(formatFromPath('README')).toBeUndefined()
  })
})

describe('sniffFormat', () => {
  it('recognises MJML, mail, HTML and falls back to text', () => {
    expect(sniffFormat(encode('\n<mjml>\n<mj-body></mj-body></mjml>'))).toBe('mjml')
    expect(sniffFormat(encode('MIME-Version: 1.0\nSubject: x\n\nbody'))).toBe('eml')
    expect(sniffFormat(encode('<!DOCTYPE html><title>x</title>'))).toBe('html')
    expect(sniffFormat(encode('<table><tr><td>x</td></tr></table>'))).toBe('html')
    expect(sniffFormat(encode('<p>Hello</p>'))).toBe('html')
    expect(sniffFormat(encode('Note: this is text.\nMore text.'))).toBe('text')
    expect(sniffFormat(encode('# A heading\n\nSome text.'))).toBe('text')
  })

  it('is used when there is no path and no format', async () => {
    expect((await extract(encode('<div>Hi there</div>'))).format).toBe('html')
  })
})

describe('bad input', () => {
  it('rejects binary data', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const error = await inputError(png, {path: 'logo.png'})
    expect(error.path).toBe('logo.png')
    expect(error.message).toBe('is a binary file, not copy: pass a text, Markdown, HTML, MJML or .eml file')
    const controls = new Uint8Array(200).map((_, index) => (index % 3 === 0 ? 1 : 65))
    expect((await inputError(controls)).message).toMatch(/^is a binary file/)
    expect((await inputError(png, {path: 'mail.eml'})).message).toMatch(/^is a binary file/)
  })

  it('rejects UTF-16 text, saying to save it as UTF-8', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, 0x48, 0x00, 0x69, 0x00])
    expect((await inputError(utf16, {path: 'note.txt'})).message).toBe('is UTF-16 text: save it as UTF-8 and check it again')
  })

  it('rejects invalid UTF-8 and says which line', async () => {
    const bytes = new Uint8Array([...encode('Good line\nCaf'), 0xe9, ...encode(' au lait')])
    const error = await inputError(bytes, {path: 'menu.txt'})
    expect(error.message).toBe('is not valid UTF-8 (line 2): save it as UTF-8 and check it again')
  })

  it('rejects empty and whitespace-only input, naming stdin without a path', async () => {
    for (const bytes of [new Uint8Array(0), encode('  \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf, 0x20])]) {
      const error = await inputError(bytes)
      expect(error.path).toBe('<stdin>')
      expect(error.message).toBe('is empty: there is no copy to check')
    }
    expect((await inputError(encode('\n\n'), {path: 'empty.eml'})).message).toMatch(/^is empty/)
    expect(() => decodeText(encode('\u00a0\u2003'), 'nbsp.txt')).toThrow(/is empty/)
  })

  it('rejects input larger than the limit, saying the size and to split it', async () => {
    const error = await inputError(encode('word '.repeat(400)), {path: 'big.txt', maxBytes: 1024})
    expect(error.message).toBe('is 2 KB, more than the limit of 1 KB: split it into smaller files')
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x61)
    expect((await inputError(big, {path: 'huge.md'})).message).toBe(
      'is 10485761 bytes, more than the limit of 10485760 bytes: split it into smaller files'
    )
  })
})
