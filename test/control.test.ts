/**
 * Inline control in Markdown, HTML and MJML: `<!--trouw ignore …-->` covers
 * the next block (however many lines), `disable`/`enable` a stretch, bare
 * `disable` every rule, categories and subtypes stand for their rules, and an
 * unknown id or keyword is a warning in the report.
 */
import {describe, expect, it} from 'vitest'
import {check} from '../src/engine.js'

const lockIn = 'Your membership has a minimum term of 12 months.'
const shouting = 'WE ARE SO INCREDIBLY EXCITED FOR YOU!!!'

/**
 * `line ruleId` per finding, with every over-the-top rule as `over-the-top`
 * (the shouting line may fire more than one as the rules grow), no repeats.
 */
async function findings(value: string, path: string) {
  const file = await check(value, {path, lang: 'en'})
  const seen = file.messages.map((message) => {
    const id = String(message.ruleId)
    return `${message.line} ${id.startsWith('over-the-top/') ? 'over-the-top' : id}`
  })
  return [...new Set(seen)]
}

async function warnings(value: string, path: string) {
  const file = await check(value, {path, lang: 'en'})
  return file.messages.filter((message) => message.ruleId === 'trouw/control')
}

function mjml(body: string): string {
  return `<mjml>\n<mj-body>\n<mj-section>\n<mj-column>\n${body}\n</mj-column>\n</mj-section>\n</mj-body>\n</mjml>\n`
}

describe('Markdown', () => {
  it('ignore covers the next block only, even over several lines', async () => {
    const markdown = [
      '<!--trouw ignore coercion/minimum-term-->',
      'Your membership has a',
      'minimum term of 12 months. And',
      'a minimum term of 12 months again.',
      '',
      lockIn,
      ''
    ].join('\n')
    expect(await findings(markdown, 'a.md')).toEqual(['6 coercion/minimum-term'])
  })

  it('ignore names only that rule; other rules in the block still count', async () => {
    const markdown = `<!--trouw ignore coercion/minimum-term-->\n${lockIn} ${shouting}\n`
    expect(await findings(markdown, 'a.md')).toEqual(['2 over-the-top'])
  })

  it('disable … enable, by rule id and by category', async () => {
    const markdown = [
      lockIn,
      '',
      '<!--trouw disable coercion-->',
      '',
      lockIn,
      '',
      shouting,
      '',
      '<!--trouw enable coercion-->',
      '',
      lockIn,
      ''
    ].join('\n')
    expect(await findings(markdown, 'a.md')).toEqual(['1 coercion/minimum-term', '7 over-the-top', '11 coercion/minimum-term'])
  })

  it('bare disable and enable turn every rule off and on', async () => {
    const markdown = [`<!--trouw disable-->`, '', lockIn, '', shouting, '', '<!--trouw enable-->', '', shouting, ''].join('\n')
    expect(await findings(markdown, 'a.md')).toEqual(['9 over-the-top'])
  })

  it('bare ignore covers the next block for every rule', async () => {
    const markdown = [`<!--trouw ignore-->`, `${lockIn} ${shouting}`, '', shouting, ''].join('\n')
    expect(await findings(markdown, 'a.md')).toEqual(['4 over-the-top'])
  })

  it('ignore before a list item covers that item', async () => {
    const markdown = ['- Thanks for joining.', '', '  <!--trouw ignore coercion/minimum-term-->', `- ${lockIn}`, `- ${lockIn}`, ''].join('\n')
    const found = await findings(markdown, 'a.md')
    expect(found).toEqual(['5 coercion/minimum-term'])
  })

  it('an unknown id is a warning at the comment and the control does nothing', async () => {
    const markdown = `<!--trouw ignore coercion/no-such-rule-->\n${lockIn}\n`
    expect(await findings(markdown, 'a.md')).toEqual(['1 trouw/control', '2 coercion/minimum-term'])
    const [warning] = await warnings(markdown, 'a.md')
    expect(warning.severity).toBe('warning')
    expect(warning.category).toBe('notice')
    expect(warning.reason).toContain('`coercion/no-such-rule` is not a trouw rule')
    expect(warning.column).toBe(1)
    expect(warning.actual).toBe('<!--trouw ignore coercion/no-such-rule-->')
  })

  it('an unknown keyword is a warning, not a crash', async () => {
    const markdown = `<!--trouw skip coercion-->\n${lockIn}\n`
    const found = await warnings(markdown, 'a.md')
    expect(found).toHaveLength(1)
    expect(found[0].reason).toContain('`skip` is not an inline control')
    expect(await findings(markdown, 'a.md')).toContain('2 coercion/minimum-term')
  })

  it('a disabled stretch does not hide control warnings', async () => {
    const markdown = `<!--trouw disable-->\n\n<!--trouw ignore nope-->\n${lockIn}\n`
    expect(await findings(markdown, 'a.md')).toEqual(['3 trouw/control'])
  })
})

describe('HTML', () => {
  it('ignore covers the next element, even over several lines', async () => {
    const html = [
      '<html><body>',
      '<!--trouw ignore coercion/minimum-term-->',
      '<p>Your membership has a',
      '   minimum term of 12 months.</p>',
      `<p>${lockIn}</p>`,
      '</body></html>'
    ].join('\n')
    expect(await findings(html, 'a.html')).toEqual(['5 coercion/minimum-term'])
  })

  it('disable … enable and unknown ids', async () => {
    const html = [
      '<!--trouw disable coercion/lock-in-->',
      `<p>${lockIn}</p>`,
      `<p>${shouting}</p>`,
      '<!--trouw enable coercion/lock-in-->',
      `<p>${lockIn}</p>`,
      '<!--trouw ignore made-up-->',
      '<p>Thanks for reading.</p>'
    ].join('\n')
    expect(await findings(html, 'a.html')).toEqual(['3 over-the-top', '5 coercion/minimum-term', '6 trouw/control'])
  })
})

describe('MJML', () => {
  it('ignore covers the next mj-text, even over several lines', async () => {
    const source = mjml(
      [
        '<!--trouw ignore coercion/minimum-term-->',
        '<mj-text>Your membership has a',
        'minimum term of 12 months.</mj-text>',
        `<mj-text>${lockIn}</mj-text>`
      ].join('\n')
    )
    expect(await findings(source, 'a.mjml')).toEqual(['8 coercion/minimum-term'])
  })

  it('bare disable … enable and unknown ids', async () => {
    const source = mjml(
      [
        '<!--trouw disable-->',
        `<mj-text>${lockIn}</mj-text>`,
        `<mj-button>${shouting}</mj-button>`,
        '<!--trouw enable-->',
        `<mj-text>${shouting}</mj-text>`,
        '<!--trouw disable spelling nope-->'
      ].join('\n')
    )
    expect(await findings(source, 'a.mjml')).toEqual(['9 over-the-top', '10 trouw/control'])
  })
})

describe('plain text', () => {
  it('has no inline control: comments are copy there', async () => {
    expect(await findings(`<!--trouw ignore-->\n${lockIn}\n`, 'a.txt')).toEqual(['2 coercion/minimum-term'])
  })
})

describe('.eml', () => {
  it('controls in the HTML part apply to that part', async () => {
    const eml = [
      'From: shop@example.com',
      'Subject: Your membership has a minimum term of 12 months.',
      'Content-Type: text/html; charset=utf-8',
      '',
      `<p>Hi.</p><!--trouw ignore coercion--><p>${lockIn}</p><p>${lockIn}</p>`,
      ''
    ].join('\r\n')
    const file = await check(eml, {path: 'a.eml', lang: 'en'})
    expect(file.messages.map((message) => `${message.part} ${message.column} ${message.ruleId}`)).toEqual([
      'subject 23 coercion/minimum-term',
      'html 119 coercion/minimum-term'
    ])
  })
})

describe('a control inside a block', () => {
  it('ignore in the middle of a paragraph covers the rest of that paragraph', async () => {
    const markdown = `${lockIn} <!--trouw ignore coercion/minimum-term--> ${lockIn}\n\n${lockIn}\n`
    expect(await findings(markdown, 'a.md')).toEqual(['1 coercion/minimum-term', '3 coercion/minimum-term'])
    const html = `<p>${lockIn} <!--trouw ignore coercion--> ${lockIn}</p>\n<p>${lockIn}</p>\n`
    expect(await findings(html, 'a.html')).toEqual(['1 coercion/minimum-term', '2 coercion/minimum-term'])
  })
})
