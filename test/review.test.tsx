import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile, open as openFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {PassThrough} from 'node:stream'
import {render} from 'ink-testing-library'
import {check} from '../src/engine.js'
import {loadRules} from '../src/rule-loader.js'
import {extract} from '../src/formats/index.js'
import {applyEdit, ignoreComment, planFix, planIgnore, planRewrite} from '../src/fix.js'
import {ReviewSession} from '../src/ui/review-session.js'
import {ReviewApp} from '../src/ui/ReviewApp.js'
import {writeFileAtomic, type AtomicFs} from '../src/ui/save.js'
import {runCli, UsageError} from '../src/cli/run.js'
import {openReview} from '../src/cli/review.js'
import {InputError, type FormatName} from '../src/types.js'

const markdown = [
  '# Your garden box',
  '',
  'The garden box is absolutely stunning, truly gorgeous and fair.',
  '',
  'We are SO EXCITED to welcome you!',
  '',
  'Pick up your seeds at the shop in Zwolle on Saturday.',
  ''
].join('\n')

let folder: string
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'trouw-review-'))
})
afterEach(async () => {
  await rm(folder, {recursive: true, force: true})
})

async function fileWith(name: string, content: string): Promise<string> {
  const file = path.join(folder, name)
  await writeFile(file, content)
  return file
}

const ansi = /\u001B\[[0-9;]*m/g

/** Wait until the last frame passes `test` (ink renders asynchronously, re-checks take a moment). */
async function frameWhere(lastFrame: () => string | undefined, test: (frame: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 10_000
  for (;;) {
    const frame = (lastFrame() ?? '').replace(ansi, '')
    if (test(frame)) return frame
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const press = async (stdin: {write: (data: string) => void}, keys: string) => {
  // One key per write, as a terminal sends them; give ink a tick to read each.
  await new Promise((resolve) => setTimeout(resolve, 30))
  stdin.write(keys)
}

describe('trouw review, in-process with ink-testing-library', () => {
  it('walks the findings: choose, apply, skip, ignore, undo, save, quit', async () => {
    const file = await fileWith('garden.md', markdown)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    const first = session.current!
    expect(first.ruleId).toBe('over-the-top/gush')
    // The fix first, then the sentence suggestion: a suggestion is never applied with one key.
    expect(first.suggestions).toEqual(['stunning', 'The garden box is gorgeous and fair.'])
    expect(first.kinds).toEqual(['fix', 'suggestion'])

    const {stdin, lastFrame, unmount} = render(<ReviewApp session={session} width={100} colored={false} />)
    let frame = await frameWhere(lastFrame, (f) => f.includes('over-the-top/gush'), 'the first finding')
    expect(frame).toContain('finding 1 of')
    expect(frame).toContain('    3 │ The garden box is absolutely stunning, truly gorgeous and fair.')
    expect(frame).toContain(' ▸ 1  stunning')
    expect(frame).toContain('After:')

    // Apply it: the fix replaces the span; the file is checked again.
    await press(stdin, 'a')
    frame = await frameWhere(lastFrame, (f) => f.includes('applied: over-the-top/gush'), 'the apply')
    const afterApply = markdown.replace('absolutely stunning, truly gorgeous', 'stunning')
    expect(session.text).toBe(afterApply)
    expect(frame).toContain('● modified')
    expect(await readFile(file, 'utf8')).toBe(markdown)

    // Next is the shouting; ignore it here with an inline comment.
    expect(frame).toContain('over-the-top/shouting')
    await press(stdin, 'i')
    frame = await frameWhere(lastFrame, (f) => f.includes('ignored over-the-top/shouting'), 'the ignore')
    const withComment = afterApply.replace('We are SO EXCITED', ignoreComment('over-the-top/shouting') + '\nWe are SO EXCITED')
    expect(session.text).toBe(withComment)
    const rechecked = await check(session.text, {path: file, lang: 'en'})
    expect(rechecked.messages.some((message) => message.ruleId === 'over-the-top/shouting')).toBe(false)

    // Undo brings the shouting back, at the same place.
    await press(stdin, 'u')
    frame = await frameWhere(lastFrame, (f) => f.includes('undone'), 'the undo')
    expect(session.text).toBe(afterApply)
    expect(frame).toContain('over-the-top/shouting')

    // Skip it: the walk is done.
    await press(stdin, 's')
    frame = await frameWhere(lastFrame, (f) => f.includes('No more findings'), 'the end of the walk')

    // Save: the file on disk has the applied suggestion, nothing else.
    await press(stdin, 'w')
    frame = await frameWhere(lastFrame, (f) => f.includes('saved '), 'the save')
    expect(await readFile(file, 'utf8')).toBe(afterApply)
    expect(frame).not.toContain('● modified')
    expect((await readdir(folder)).sort()).toEqual(['garden.md'])

    // Nothing unsaved: q quits at once.
    await press(stdin, 'q')
    await frameWhere(lastFrame, () => session.closed, 'the quit')
    unmount()
  })

  it('applies a sentence suggestion only when it is chosen by its number, never with one key', async () => {
    const text = 'Our legendary, unrivalled, one-of-a-kind pizza oven is here.\n'
    const file = await fileWith('oven.md', text)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    const current = session.current!
    expect(current.kinds[0]).toBe('fix')
    const suggestion = current.kinds.indexOf('suggestion')
    expect(suggestion).toBeGreaterThan(0)
    // Move the cursor onto the suggestion without choosing it: `a` still needs the number.
    ;(session as unknown as {choice: number}).choice = suggestion
    await session.apply()
    expect(session.text).toBe(text)
    expect(session.snapshot().notice).toMatch(/choose it by its number/)
    session.choose(suggestion)
    await session.apply()
    expect(session.text).toBe(current.suggestions[suggestion] + '\n')
  })

  it('asks to save on quit with changes; n leaves the file as it was, y saves', async () => {
    for (const answer of ['n', 'y'] as const) {
      const file = await fileWith(`quit-${answer}.md`, markdown)
      const session = await ReviewSession.open(file, {check: {lang: 'en'}})
      const {stdin, lastFrame, unmount} = render(<ReviewApp session={session} width={100} colored={false} />)
      await frameWhere(lastFrame, (f) => f.includes('over-the-top/gush'), 'the first finding')
      await press(stdin, '\r')
      await frameWhere(lastFrame, (f) => f.includes('applied:'), 'the apply (enter)')
      await press(stdin, 'q')
      await frameWhere(lastFrame, (f) => f.includes('Save the changes to'), 'the question')
      await press(stdin, answer)
      await frameWhere(lastFrame, () => session.closed, 'the quit')
      unmount()
      const content = await readFile(file, 'utf8')
      if (answer === 'n') expect(content).toBe(markdown)
      else expect(content).toBe(session.text)
      expect(content === markdown).toBe(answer === 'n')
    }
  })

  it('goes back with ←, skips with →, and offers no ignore for plain text', async () => {
    const file = await fileWith('garden.txt', markdown.replace('# ', ''))
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    const {stdin, lastFrame, unmount} = render(<ReviewApp session={session} width={100} colored={false} />)
    let frame = await frameWhere(lastFrame, (f) => f.includes('finding 1 of'), 'the first finding')
    expect(frame).not.toContain('i ignore')
    await press(stdin, '\u001B[C')
    frame = await frameWhere(lastFrame, (f) => f.includes('finding 2 of'), 'the skip')
    await press(stdin, '\u001B[D')
    frame = await frameWhere(lastFrame, (f) => f.includes('finding 1 of'), 'the way back')
    await press(stdin, 'i')
    frame = await frameWhere(lastFrame, (f) => f.includes('no inline comments'), 'the refusal')
    expect(session.dirty).toBe(false)
    // Keys typed ahead in one go are handled one by one, in order.
    await press(stdin, 'sa')
    await frameWhere(lastFrame, (f) => f.includes('applied: over-the-top/shouting'), 'the typed-ahead skip and apply')
    expect(session.snapshot().applied).toBe(1)
    unmount()
  })

  it('says so when there is nothing to review, and q quits at once', async () => {
    const file = await fileWith('clean.md', 'Pick up your seeds at the shop in Zwolle on Saturday.\n')
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    const {stdin, lastFrame, unmount} = render(<ReviewApp session={session} width={120} colored={false} />)
    const frame = await frameWhere(lastFrame, (f) => f.includes('No findings left in this file.'), 'the empty walk')
    expect(frame).toContain('0 findings')
    await press(stdin, 'q')
    await frameWhere(lastFrame, () => session.closed, 'the quit')
    unmount()
  })

  it('does not overwrite changes made by another program without a second w', async () => {
    const file = await fileWith('shared.md', markdown)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    await session.apply()
    await writeFile(file, markdown + 'A line added in an editor.\n')
    expect(await session.save()).toBe(false)
    expect(session.snapshot().notice).toMatch(/changed by another program/)
    expect(await readFile(file, 'utf8')).toBe(markdown + 'A line added in an editor.\n')
    expect(await session.save()).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(session.text)
    // Saved: the next save needs no confirmation.
    await session.apply()
    expect(await session.save()).toBe(true)
  })

  it('keeps a byte order mark when it saves', async () => {
    const file = await fileWith('bom.md', '\uFEFF' + markdown)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    await session.apply(0)
    expect(await session.save()).toBe(true)
    const bytes = await readFile(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe(session.text)
  })
})

describe('saving atomically', () => {
  /** An `open` whose file handle writes half the content, then fails like a full disk. */
  const crashingOpen: AtomicFs['open'] = (async (...args: Parameters<AtomicFs['open']>) => {
    const handle = await openFile(...args)
    const writeFile = handle.writeFile.bind(handle)
    handle.writeFile = (async (data: string | Uint8Array) => {
      await writeFile(typeof data === 'string' ? data.slice(0, data.length >> 1) : data.subarray(0, data.length >> 1))
      throw Object.assign(new Error('no space left on device'), {code: 'ENOSPC'})
    }) as typeof handle.writeFile
    return handle
  }) as AtomicFs['open']

  it('a crash during the write leaves the original intact and no temporary file', async () => {
    const file = await fileWith('garden.md', markdown)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}, save: {fs: {open: crashingOpen}}})
    await session.apply()
    expect(session.dirty).toBe(true)
    expect(await session.save()).toBe(false)
    expect(session.snapshot().notice).toMatch(/could not be saved \(ENOSPC\); the file on disk is unchanged/)
    expect(session.dirty).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(markdown)
    expect(await readdir(folder)).toEqual(['garden.md'])
  })

  it('a failing rename leaves the original intact and no temporary file', async () => {
    const file = await fileWith('page.html', '<p>old</p>')
    const rename = async () => {
      throw Object.assign(new Error('cross-device link'), {code: 'EXDEV'})
    }
    await expect(writeFileAtomic(file, '<p>new</p>', {fs: {rename}})).rejects.toBeInstanceOf(InputError)
    expect(await readFile(file, 'utf8')).toBe('<p>old</p>')
    expect(await readdir(folder)).toEqual(['page.html'])
  })

  it('replaces the file and keeps its permissions', async () => {
    const file = await fileWith('page.html', '<p>old</p>')
    const {chmod, stat} = await import('node:fs/promises')
    await chmod(file, 0o600)
    await writeFileAtomic(file, '<p>new</p>')
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>')
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    expect(await readdir(folder)).toEqual(['page.html'])
  })
})

describe('fix: suggestions and inline ignore comments', () => {
  it('a fix replaces exactly the span; a suggestion replaces the sentence it is given', () => {
    const text = 'Hello there. Our plan has a minimum term of a year. Bye.'
    const offset = text.indexOf('minimum term')
    const target = {offset, endOffset: offset + 12, actual: 'minimum term'}
    expect(applyEdit(text, planRewrite(text, {offset: 13, endOffset: 51}, 'Our plan runs for a year.'))).toBe('Hello there. Our plan runs for a year. Bye.')
    // A sentence as a fix is still only a fix of the span: never pasted over the sentence.
    expect(applyEdit(text, planFix(text, target, 'shortest term'))).toBe('Hello there. Our plan has a shortest term of a year. Bye.')
    expect(applyEdit(text, planFix(text, target, ''))).toBe('Hello there. Our plan has a of a year. Bye.')
  })

  it('removes a pressure wrapper with its punctuation and passes the capital on', () => {
    const remove = (text: string, span: string) => {
      const offset = text.indexOf(span)
      return applyEdit(text, planFix(text, {offset, endOffset: offset + span.length}, ''))
    }
    expect(remove('Only today: 20% off every jacket.', 'Only today')).toBe('20% off every jacket.')
    expect(remove('Hurry, the sale ends tonight!', 'Hurry')).toBe('The sale ends tonight!')
    expect(remove('Sale ends Sunday — don\'t miss it!', 'don\'t miss it')).toBe('Sale ends Sunday!')
    expect(remove('Bestel voor vrijdag, anders betaal je meer.', 'anders betaal je meer')).toBe('Bestel voor vrijdag.')
    expect(remove('Hi. Hurry: boots are 20% off.', 'Hurry')).toBe('Hi. Boots are 20% off.')
  })

  it('keeps a capital at the start of a sentence and escapes HTML', () => {
    const text = '<p>Amazing deals & more</p>'
    const target = {offset: 3, endOffset: 10, actual: 'Amazing'}
    expect(applyEdit(text, planFix(text, target, 'good', {format: 'html'}))).toBe('<p>Good deals & more</p>')
    expect(applyEdit(text, planFix(text, target, 'fair & square', {format: 'html'}))).toBe('<p>Fair &amp; square deals & more</p>')
  })

  it('escapes double quotes in an attribute value', () => {
    const text = '<img alt="Amazing seeds">'
    const offset = text.indexOf('Amazing')
    const edit = planFix(text, {offset, endOffset: offset + 7, actual: 'Amazing'}, 'so-called "good"', {format: 'html'})
    expect(applyEdit(text, edit)).toBe('<img alt="So-called &quot;good&quot; seeds">')
  })

  const cases: Array<{name: string; format: FormatName; source: string; expected: string}> = [
    {
      name: 'a Markdown paragraph with CRLF line endings',
      format: 'markdown',
      source: 'Intro.\r\n\r\nWe are SO EXCITED to welcome you!\r\n',
      expected: 'Intro.\r\n\r\n<!--trouw ignore over-the-top/shouting-->\r\nWe are SO EXCITED to welcome you!\r\n'
    },
    {
      name: 'a Markdown block quote',
      format: 'markdown',
      source: 'Intro.\n\n> We are SO EXCITED to welcome you!\n',
      expected: 'Intro.\n\n> <!--trouw ignore over-the-top/shouting-->\n> We are SO EXCITED to welcome you!\n'
    },
    {
      name: 'a Markdown paragraph',
      format: 'markdown',
      source: 'Intro.\n\nWe are SO EXCITED to welcome you!\n',
      expected: 'Intro.\n\n<!--trouw ignore over-the-top/shouting-->\nWe are SO EXCITED to welcome you!\n'
    },
    {
      name: 'a Markdown list item',
      format: 'markdown',
      source: '- Seeds from Zwolle.\n- We are SO EXCITED to welcome you!\n- Soil too.\n',
      expected: '- Seeds from Zwolle.\n- <!--trouw ignore over-the-top/shouting-->\n  We are SO EXCITED to welcome you!\n- Soil too.\n'
    },
    {
      name: 'a Markdown heading',
      format: 'markdown',
      source: 'Intro.\n\n## We are SO EXCITED to welcome you!\n\nMore.\n',
      expected: 'Intro.\n\n<!--trouw ignore over-the-top/shouting-->\n## We are SO EXCITED to welcome you!\n\nMore.\n'
    },
    {
      name: 'an HTML paragraph',
      format: 'html',
      source: '<p>Intro.</p><p>We are SO EXCITED to welcome you!</p>',
      expected: '<p>Intro.</p><p><!--trouw ignore over-the-top/shouting-->We are SO EXCITED to welcome you!</p>'
    },
    {
      name: 'an HTML alt text',
      format: 'html',
      source: '<p>Intro.</p><img src="a.png" alt="We are SO EXCITED to welcome you!">',
      expected: '<p>Intro.</p><!--trouw ignore over-the-top/shouting--><img src="a.png" alt="We are SO EXCITED to welcome you!">'
    },
    {
      name: 'an MJML button',
      format: 'mjml',
      source: '<mjml><mj-body><mj-section><mj-column><mj-text>Intro.</mj-text><mj-button href="#">We are SO EXCITED to welcome you!</mj-button></mj-column></mj-section></mj-body></mjml>',
      expected: '<mjml><mj-body><mj-section><mj-column><mj-text>Intro.</mj-text><mj-button href="#"><!--trouw ignore over-the-top/shouting-->We are SO EXCITED to welcome you!</mj-button></mj-column></mj-section></mj-body></mjml>'
    }
  ]

  /**
   * Shouting is judged in the sender's prose only; to test where the comment
   * goes in a block quote or a heading, a copy of the rule that judges those too.
   */
  async function shoutingEverywhere() {
    const folder = await mkdtemp(path.join(tmpdir(), 'trouw-roles-'))
    await mkdir(path.join(folder, 'over-the-top'))
    const rule = await readFile(new URL('../rules/over-the-top/shouting.yml', import.meta.url), 'utf8')
    await writeFile(path.join(folder, 'over-the-top', 'shouting.yml'), rule + '\nroles: [paragraph, heading, quote, list-item, button]\n')
    return loadRules(folder)
  }

  for (const {name, format, source, expected} of cases) {
    it(`ignores the rule in ${name}, and the finding goes away`, async () => {
      const everywhere = name.includes('block quote') || name.includes('heading')
      const options = {format, lang: 'en' as const, ...(everywhere ? {ruleSet: await shoutingEverywhere()} : {})}
      const before = await check(source, options)
      const finding = before.messages.find((message) => message.ruleId === 'over-the-top/shouting')
      expect(finding, 'the fixture has the finding').toBeDefined()
      const extracted = await extract(new TextEncoder().encode(source), {format})
      const offset = (finding!.place as {start: {offset: number}}).start.offset
      const edit = planIgnore(source, format, extracted.blocks, offset, 'over-the-top/shouting')
      const edited = applyEdit(source, edit!)
      expect(edited).toBe(expected)
      const after = await check(edited, options)
      expect(after.messages.filter((message) => message.ruleId === 'over-the-top/shouting')).toEqual([])
      expect(after.messages.filter((message) => message.ruleId === 'trouw/control')).toEqual([])
    })
  }

  it('has no place for a comment in plain text', async () => {
    const source = 'We are SO EXCITED to welcome you!'
    const extracted = await extract(new TextEncoder().encode(source), {format: 'text'})
    expect(planIgnore(source, 'text', extracted.blocks, 0, 'over-the-top/shouting')).toBeUndefined()
  })
})

describe('trouw review on the command line', () => {
  const io = (tty: boolean) => {
    const stdin = Object.assign(new PassThrough(), {isTTY: tty})
    const stdout = Object.assign(new PassThrough(), {isTTY: tty, columns: 80})
    return {stdin, stdout, stderr: new PassThrough()}
  }

  it('is registered and says what to do for a missing file, stdin, or no terminal', async () => {
    await expect(runCli(['review', path.join(folder, 'missing.md')], io(true))).rejects.toThrow(InputError)
    await expect(runCli(['review', path.join(folder, 'missing.md')], io(true))).rejects.toThrow(/no such file/)
    await expect(runCli(['review'], io(true))).rejects.toThrow(UsageError)
    await expect(runCli(['review', '-'], io(true))).rejects.toThrow(/cannot review stdin/)
    const file = await fileWith('garden.md', markdown)
    await expect(runCli(['review', file], io(false))).rejects.toThrow(/needs a terminal/)
    await expect(runCli(['review', file, file], io(true))).rejects.toThrow(/one FILE/)
  })

  it('checks with the nearest config, and names a broken one', async () => {
    const file = await fileWith('garden.md', markdown)
    await writeFile(path.join(folder, '.trouwrc'), JSON.stringify({lang: 'en', rules: {'over-the-top/gush': 'off'}}))
    const session = await openReview({file, flags: {}, configPath: undefined, detectConfig: true})
    expect(session.snapshot().findings.map((finding) => finding.ruleId)).not.toContain('over-the-top/gush')
    expect(session.current?.ruleId).toBe('over-the-top/shouting')
    await writeFile(path.join(folder, '.trouwrc'), JSON.stringify({colour: 1}))
    await expect(openReview({file, flags: {}, configPath: undefined, detectConfig: true})).rejects.toThrow(/`colour` is not a trouw setting/)
  })

  it('refuses an .eml, whose parts are encoded', async () => {
    const file = await fileWith('mail.eml', 'Subject: Hello\r\nContent-Type: text/plain\r\n\r\nThanks for your order.\r\n')
    await expect(ReviewSession.open(file)).rejects.toThrow(/e-mail/)
  })

  it('prints its help', async () => {
    const streams = io(true)
    let out = ''
    streams.stdout.on('data', (chunk) => (out += chunk))
    expect(await runCli(['review', '--help'], streams)).toBe(0)
    expect(out).toContain('Usage: trouw review FILE')
  })
})
