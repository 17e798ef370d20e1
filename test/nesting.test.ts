/**
 * Deep nesting is refused with one line (`InputError`), on every surface,
 * instead of overflowing the stack: the API, the CLI (exit 2) and the
 * service's check job (which the service answers with 422).
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'
import {extract, maxMarkdownNesting, maxNesting} from '../src/formats/index.js'
import {runCheckJob} from '../src/server/check-job.js'
import {InputError, type FormatName} from '../src/types.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/cli/bin.js')

const mail = (html: string) =>
  'From: shop@example.com\r\nTo: you@example.com\r\nSubject: Deep\r\nMIME-Version: 1.0\r\nContent-Type: text/html; charset=utf-8\r\n\r\n' + html

/** Inputs nested far beyond the limit, per format: each overflowed the stack before. */
const deep: Array<[string, FormatName, string]> = [
  ['HTML of 3,000 unclosed <b>', 'html', '<p>Our offer</p>' + '<b>'.repeat(3000) + 'now'],
  ['HTML of 2,500 closed <div>', 'html', '<div>'.repeat(2500) + 'now' + '</div>'.repeat(2500)],
  ['MJML text with 2,500 nested <i>', 'mjml', '<mjml><mj-body><mj-column><mj-text>' + '<i>'.repeat(2500) + 'hi</mj-text></mj-column></mj-body></mjml>'],
  ['Markdown of 6,000 block quotes', 'markdown', '# News\n\n' + '>'.repeat(6000) + ' deep'],
  ['Markdown of 4,000 nested lists on a line', 'markdown', '- '.repeat(4000) + 'deep'],
  ['Markdown of lists nested by indentation', 'markdown', Array.from({length: 300}, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')],
  ['an .eml with deep HTML', 'eml', mail('<p>Hello</p>' + '<span>'.repeat(3000) + 'x')]
]

describe(`nesting deeper than ${maxNesting} levels (Markdown: ${maxMarkdownNesting})`, () => {
  for (const [name, format, text] of deep) {
    it(`${name}: an InputError with advice from the API`, async () => {
      const error = await check(text, {format, path: 'deep.' + format}).then(
        () => undefined,
        (caught: unknown) => caught
      )
      expect(error).toBeInstanceOf(InputError)
      const input = error as InputError
      expect(input.message).toMatch(format === 'markdown' ? /nested more than 32 levels deep: flatten them/ : /nested more than 128 levels deep: flatten them/)
      expect(String(input)).not.toContain('\n')
      expect(input.path).toBe('deep.' + format)
    })
  }

  it('names the line where it happens when the file is the HTML or Markdown itself', async () => {
    await expect(extract('# Title\n\nText\n\n' + '> '.repeat(40) + 'x', {format: 'markdown'})).rejects.toMatchObject({line: 5})
    await expect(extract('<p>a</p>\n<p>b</p>\n' + '<em>'.repeat(200), {format: 'html'})).rejects.toMatchObject({line: 3})
  })

  it('accepts nesting up to the limit', async () => {
    const html = await extract('<b>'.repeat(maxNesting - 2) + 'deep copy', {format: 'html'})
    expect(html.blocks.map((block) => block.text)).toEqual(['deep copy'])
    const quotes = await extract('>'.repeat(maxMarkdownNesting) + ' deep copy', {format: 'markdown'})
    expect(quotes.blocks.map((block) => block.text)).toEqual(['deep copy'])
    // Ordinary Markdown with code indented a little and a few nested lists stays fine.
    const markdown = await extract('- one\n  - two\n    - three\n\n        code\n', {format: 'markdown'})
    expect(markdown.blocks.length).toBeGreaterThan(0)
    const indented = Array.from({length: maxMarkdownNesting}, (_, i) => ' '.repeat(i * 2) + '- item').join('\n')
    expect((await extract(indented, {format: 'markdown'})).blocks).toHaveLength(maxMarkdownNesting)
    await expect(extract(indented + '\n' + ' '.repeat(maxMarkdownNesting * 2) + '- item', {format: 'markdown'})).rejects.toBeInstanceOf(InputError)
  })

  it('the service check job reports it as input (the service answers 422)', async () => {
    for (const [, format, text] of deep.slice(0, 4)) {
      const outcome = await runCheckJob({bytes: new TextEncoder().encode(text), format, lang: 'en', rules: {}, allow: [], spell: false, words: [], parts: false})
      expect(outcome).toMatchObject({ok: false, kind: 'input'})
      if (!outcome.ok) expect(outcome.message).toMatch(/nested more than \d+ levels deep/)
    }
  })

  it('the CLI prints one line and exits 2', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'trouw-deep-'))
    for (const [name, format, text] of [deep[0], deep[3]]) {
      const file = path.join(folder, 'deep.' + (format === 'markdown' ? 'md' : format))
      writeFileSync(file, text)
      const result = spawnSync(process.execPath, [bin, 'check', file], {encoding: 'utf8', timeout: 30_000})
      expect(result.status, name).toBe(2)
      const lines = result.stderr.trim().split('\n')
      expect(lines, name).toHaveLength(1)
      expect(lines[0]).toContain(file)
      expect(lines[0]).toMatch(/nested more than \d+ levels deep: flatten them/)
      expect(result.stderr).not.toMatch(/call stack/)
    }
  })
})
