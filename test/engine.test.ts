/**
 * The engine end to end: every input format, positions in the file as an
 * editor shows it, merge tags, the JSON contract, language choice, config
 * severities and allow.
 */
import {describe, expect, it} from 'vitest'
import {check, toJsonReport, retextTrouw, loadRules} from '../src/index.js'
import {unified} from 'unified'
import retextDutch from 'retext-dutch'
import {VFile} from 'vfile'

// One sentence the shipped rule `coercion/minimum-term` flags, in each language.
const nl = 'Het lidmaatschap heeft een minimale looptijd van een jaar.'
const en = 'The membership comes with a minimum term of 12 months.'
const nlPhrase = 'minimale looptijd'
const enPhrase = 'minimum term'

/** 1-based line and column of `needle` in `text`. */
function positionOf(text: string, needle: string): {line: number; column: number} {
  const offset = text.indexOf(needle)
  if (offset < 0) throw new Error(`no ${needle}`)
  const before = text.slice(0, offset).split('\n')
  return {line: before.length, column: before[before.length - 1].length + 1}
}

async function findings(text: string, options: Parameters<typeof check>[1]) {
  const file = await check(text, options)
  return file.messages.filter((message) => message.ruleId === 'coercion/minimum-term')
}

describe('formats and positions', () => {
  it('plain text: line and column of the phrase', async () => {
    const text = `Hoi Sanne,\n\nWelkom terug.\n\n${nl}\n`
    const [message] = await findings(text, {lang: 'nl', format: 'text'})
    expect(message).toBeDefined()
    expect({line: message.line, column: message.column}).toEqual(positionOf(text, nlPhrase))
    expect(message.actual).toBe(nlPhrase)
  })

  it('Markdown: front matter skipped, emphasis inside the sentence kept', async () => {
    const text = `---\nsubject: ${nl}\n---\n\n# Hallo\n\nHet lidmaatschap heeft een *minimale looptijd* van een jaar.\n`
    const messages = await findings(text, {lang: 'nl', path: 'mail.md'})
    expect(messages).toHaveLength(1)
    expect(messages[0].line).toBe(7)
    expect(messages[0].column).toBe(positionOf(text, 'minimale looptijd* van').column)
  })

  it('HTML: style, script, head and attributes skipped; alt text checked', async () => {
    const text = [
      '<html><head><title>' + en + '</title><style>.x{}</style></head><body>',
      `<p title="${en}">Hello there.</p>`,
      '<script>var s = "' + en + '"</script>',
      `<table><tr><td>${en}</td></tr></table>`,
      `<img src="a.png" alt="${en}">`,
      '</body></html>'
    ].join('\n')
    const messages = await findings(text, {lang: 'en', path: 'mail.html'})
    expect(messages.map((message) => message.line)).toEqual([4, 5])
    expect(messages[0].column).toBe(positionOf(text.split('\n')[3], enPhrase).column)
  })

  it('HTML entities do not shift columns after them', async () => {
    const text = `<p>Caf&eacute; &amp; more &rsquo; ${en}</p>`
    const [message] = await findings(text, {lang: 'en', path: 'a.html'})
    expect(message.column).toBe(positionOf(text, enPhrase).column)
  })

  it('MJML: copy in mj-text and mj-button, the preview as preheader', async () => {
    const text = [
      '<mjml><mj-head><mj-title>' + en + '</mj-title>',
      '<mj-attributes><mj-all font-family="Arial" /></mj-attributes>',
      `<mj-preview>${en}</mj-preview></mj-head>`,
      `<mj-body><mj-section><mj-column><mj-text>Hi {{ first_name }}, ${en}</mj-text>`,
      `<mj-button href="https://x.example/${enPhrase}">Go</mj-button>`,
      '</mj-column></mj-section></mj-body></mjml>'
    ].join('\n')
    const messages = await findings(text, {lang: 'en', path: 'a.mjml'})
    expect(messages.map((message) => message.line)).toEqual([3, 4])
    expect(messages[1].column).toBe(positionOf(text.split('\n')[3], enPhrase).column)
  })

  it('.eml: subject and both parts, each message names its part; a finding in both body parts is reported once', async () => {
    const eml = [
      'From: a@example.com',
      'To: b@example.com',
      `Subject: =?UTF-8?Q?${encodeURIComponent(en).replace(/%20/g, '_').replace(/%/g, '=')}?=`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/alternative; boundary="x"',
      '',
      '--x',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `Hello,=0A=0A${en}`,
      '--x',
      'Content-Type: text/html; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`<p>Hello,</p>\n<p>${en}</p>`).toString('base64'),
      '--x--',
      ''
    ].join('\r\n')
    const messages = await findings(eml, {lang: 'en', path: 'a.eml'})
    expect(messages.map((message) => message.part).sort()).toEqual(['html', 'subject'])
    const html = messages.find((message) => message.part === 'html')!
    expect(html.line).toBe(2)
    expect(html.column).toBe(positionOf(`<p>${en}</p>`, enPhrase).column)
    expect(html.alsoIn).toEqual(['text'])
    expect(messages.find((message) => message.part === 'subject')!.alsoIn).toBeUndefined()

    // What only one part says is reported in that part.
    const differs = eml.replace(`Hello,=0A=0A${en}`, 'Hello,=0A=0AYour gym plan has a minimum term of 24 months.')
    const apart = await findings(differs, {lang: 'en', path: 'a.eml'})
    expect(apart.filter((message) => message.part === 'text').length).toBeGreaterThan(0)
    expect(apart.find((message) => message.part === 'html')!.alsoIn).toBeUndefined()

    // With `parts`, the decoded texts those places point into come along.
    const file = await check(eml, {lang: 'en', path: 'a.eml', parts: true})
    expect(file.data.trouw!.parts).toEqual({subject: en, html: `<p>Hello,</p>\n<p>${en}</p>`, text: `Hello,\n\n${en}\n`})
    for (const message of file.messages) {
      const line = file.data.trouw!.parts![message.part!].split('\n')[message.line! - 1]
      expect(line.slice(message.column! - 1, message.column! - 1 + enPhrase.length)).toBe(enPhrase)
    }
    expect((await check(eml, {lang: 'en', path: 'a.eml'})).data.trouw!.parts).toBeUndefined()
    expect((await check(en, {lang: 'en', format: 'text', parts: true})).data.trouw!.parts).toBeUndefined()
  })
})

describe('merge tags and template syntax', () => {
  const tags = ['*|FNAME|*', '{{ first_name }}', '{% if vip %}', '%%name%%', '{{{ unsubscribe }}}']
  for (const tag of tags) {
    it(`${tag} raises nothing and breaks no sentence`, async () => {
      // The tag sits inside the phrase: if it broke the sentence or the
      // pattern, the finding would vanish; if it were prose, it could be flagged.
      const file = await check(`Hi ${tag}. The membership comes with a minimum term ${tag} of 12 months.`, {lang: 'en', format: 'text'})
      for (const message of file.messages) expect(message.actual).not.toContain(tag.slice(0, 3))
      expect(file.data.trouw!.sentences.length).toBe(2)
    })
  }

  it('a merge tag inside a word run is never reported as part of a finding', async () => {
    const file = await check(`${nl.slice(0, -1)} {{ voornaam }}.`, {lang: 'nl', format: 'text'})
    const message = file.messages.find((candidate) => candidate.ruleId === 'coercion/minimum-term')!
    expect(message.actual).toBe(nlPhrase)
  })
})

describe('language', () => {
  it('auto detects Dutch and English per file', async () => {
    const dutch = await check('We hebben je bestelling ontvangen en sturen hem morgen op. Bedankt voor je vertrouwen.', {format: 'text'})
    const english = await check('We have received your order and will send it tomorrow. Thanks for your trust.', {format: 'text'})
    expect(dutch.data.trouw!.language).toBe('nl')
    expect(english.data.trouw!.language).toBe('en')
  })

  it('falls back to English with an info message when unsure', async () => {
    const file = await check('OK.', {format: 'text'})
    expect(file.data.trouw!.language).toBe('en')
    const notice = file.messages.find((message) => message.ruleId === 'trouw/language')
    expect(notice?.severity).toBe('info')
  })
})

describe('JSON report contract', () => {
  it('has exactly the DESIGN.md fields', async () => {
    const file = await check(`Hi.\n\n${en}`, {lang: 'en', format: 'text', path: 'x.txt'})
    const report = toJsonReport([file])
    // The verdict (pass, reasons) is added after the contract's fields.
    expect(Object.keys(report)).toEqual(['files', 'summary', 'pass', 'reasons'])
    const [json] = report.files
    expect(json).toMatchObject({path: 'x.txt', language: 'en', format: 'text'})
    expect(Object.keys(json.scores).sort()).toEqual(['distinctiveness', 'esp', 'freedom', 'reciprocity', 'restraint', 'warmth'])
    for (const value of Object.values(json.scores)) {
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(100)
    }
    expect('phase' in json).toBe(true)
    const message = json.messages.find((candidate) => candidate.ruleId === 'coercion/minimum-term')!
    expect(message).toMatchObject({
      category: 'coercion',
      subtype: 'lock-in',
      severity: 'warning',
      actual: enPhrase,
      line: 3,
      column: positionOf(en, enPhrase).column,
      endLine: 3,
      endColumn: positionOf(en, enPhrase).column + enPhrase.length
    })
    expect(message.reason).toContain('`minimum term`')
    expect(Array.isArray(message.expected)).toBe(true)
    expect(message.url).toMatch(/^https:\/\/.+coercion\/minimum-term/)
  })
})

describe('configuration through the API', () => {
  it('severity by rule id, by category, and off', async () => {
    const byId = await findings(en, {lang: 'en', format: 'text', rules: {'coercion/minimum-term': 'error'}})
    expect(byId[0].severity).toBe('error')
    expect(byId[0].fatal).toBe(true)
    const byCategory = await findings(en, {lang: 'en', format: 'text', rules: {coercion: 'info'}})
    expect(byCategory[0].severity).toBe('info')
    expect(await findings(en, {lang: 'en', format: 'text', rules: {coercion: 'off'}})).toHaveLength(0)
  })

  it('allow by rule id and by phrase', async () => {
    expect(await findings(en, {lang: 'en', format: 'text', allow: ['coercion/minimum-term']})).toHaveLength(0)
    expect(await findings(en, {lang: 'en', format: 'text', allow: ['Minimum Term']})).toHaveLength(0)
    expect(await findings(en, {lang: 'en', format: 'text', allow: ['something else']})).toHaveLength(1)
  })
})

describe('the plugin on its own', () => {
  it('runs in a plain unified pipeline', async () => {
    const processor = unified().use(retextDutch).use(retextTrouw, {lang: 'nl', rules: loadRules()})
    const file = new VFile(nl)
    await processor.run(processor.parse(file), file)
    const message = file.messages.find((candidate) => candidate.ruleId === 'coercion/minimum-term')!
    expect(String(message)).toMatch(/^1:28-1:45: `minimale looptijd`/)
  })
})

describe('spelling in the engine', () => {
  it('flags typos with suggestions in Dutch, never compounds, names, URLs or merge tags', async () => {
    const file = await check(
      'Bedankt voor je bestelingg, {{ voornaam }}. Onze klantenservice en Joost helpen je via https://voorbeeld.nl/hulpp graag.',
      {lang: 'nl', format: 'text', spell: true}
    )
    const spelling = file.messages.filter((message) => message.category === 'spelling')
    expect(spelling.map((message) => message.actual)).toEqual(['bestelingg'])
    expect(spelling[0].expected).toContain('bestelling')
    expect(spelling[0].ruleId).toBe('spelling/misspelt')
  })

  it('flags typos in English and accepts the writer\'s own words', async () => {
    const text = 'Thanks for your ordr of the Woodgrain table, oiled by hand with tungoil.'
    const file = await check(text, {lang: 'en', format: 'text', spell: true})
    expect(file.messages.filter((message) => message.category === 'spelling').map((message) => message.actual)).toEqual(['ordr', 'tungoil'])
    const own = await check(text, {lang: 'en', format: 'text', spell: true, words: ['tungoil']})
    expect(own.messages.filter((message) => message.category === 'spelling').map((message) => message.actual)).toEqual(['ordr'])
  })

  it('is off by default and can be turned off by config', async () => {
    const text = 'Thanks for your ordr.'
    expect((await check(text, {lang: 'en', format: 'text'})).messages).toHaveLength(0)
    expect((await check(text, {lang: 'en', format: 'text', spell: true, rules: {spelling: 'off'}})).messages).toHaveLength(0)
  })
})

describe('strings and bytes', () => {
  const encode = (text: string) => new TextEncoder().encode(text)
  const summary = (file: Awaited<ReturnType<typeof check>>) =>
    file.messages.map((message) => [message.ruleId, message.line, message.column, message.actual])

  it('reads a string like the same text as UTF-8 bytes, byte order mark and all', async () => {
    const text = '\uFEFFHallo!\n\nAls je opzegt, betaal je een boete van 50 euro. Wij genieten elke dag van jouw glimlach!!!'
    const fromString = await check(text, {lang: 'nl', format: 'text'})
    const fromBytes = await check(encode(text), {lang: 'nl', format: 'text'})
    expect(fromString.messages.length).toBeGreaterThan(0)
    expect(summary(fromString)).toEqual(summary(fromBytes))
    expect(fromString.data.trouw?.scores).toEqual(fromBytes.data.trouw?.scores)
  })

  it('sniffs the format of a string as it does of bytes', async () => {
    const html = '<!doctype html><p>Only <b>two</b> seats left, book now!</p>'
    const fromString = await check(html, {lang: 'en'})
    expect(fromString.data.trouw?.format).toBe('html')
    expect(summary(fromString)).toEqual(summary(await check(encode(html), {lang: 'en'})))
  })

  it('refuses a binary, an empty or a too large string with the same one-line errors as bytes', async () => {
    const cases: Array<[string, RegExp]> = [
      ['ab\u0000cd', /is a binary file/],
      [' \n\t ', /is empty/],
      ['x'.repeat(200), /more than the limit/]
    ]
    for (const [text, error] of cases) {
      await expect(check(text, {path: 'mail.txt', maxBytes: 100})).rejects.toThrow(error)
      await expect(check(encode(text), {path: 'mail.txt', maxBytes: 100})).rejects.toThrow(error)
    }
  })

  it('checks a decoded string with a stray NUL in a long text, which bytes with a NUL would refuse', async () => {
    const mail = 'Only two seats left, book now! Our new timetable runs from Monday. To be removed, click <http://example.com/r?f=\u0000>.'
    const file = await check(mail, {lang: 'en', format: 'text'})
    expect(file.messages.length).toBeGreaterThan(0)
    await expect(check(encode(mail), {lang: 'en', format: 'text'})).rejects.toThrow(/is a binary file/)
  })
})
