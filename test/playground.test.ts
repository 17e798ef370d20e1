/**
 * The playground end to end in headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core; never a downloaded browser). Skips when
 * /usr/bin/chromium is absent. Only loopback traffic: every other request
 * is aborted. Needs a build (`npm test` runs tsc first).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {BrowserContext, Page} from 'playwright-core'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = path.join(root, 'dist/cli/bin.js')
const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)

async function startServe(): Promise<{url: string; child: ChildProcess}> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], {cwd: os.tmpdir(), stdio: ['ignore', 'ignore', 'pipe']})
  let seen = ''
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('serve did not start: ' + seen)), 20_000)
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      seen += chunk
      const match = /"event":"listening","url":"([^"]+)"/.exec(seen)
      if (match) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.on('exit', () => reject(new Error('serve exited: ' + seen)))
  })
  return {url, child}
}

const copy = 'Dear reader,\n\nOrder today or lose your loyalty points forever! Only 3 left, so hurry.\n\nWe are absolutely, incredibly, insanely thrilled to have you!!!\n\nThanks for reading; unsubscribe any time.\n'

const hostileHtml = [
  '<!doctype html><html><head><title>x</title><script>window.__pwned = "script"; document.title = "pwned"; alert(1)</script></head><body>',
  '<h1 onmouseover="window.__pwned = \'mouseover\'">Last chance!</h1>',
  '<p>Order now or lose everything! <img src="x" onerror="window.__pwned = \'onerror\'; document.title = \'pwned\'; alert(2)"></p>',
  '<p><a href="javascript:window.__pwned=\'link\';alert(3)">Claim your prize</a> before it is gone forever!!!</p>',
  '<svg onload="window.__pwned = \'svg\'"><script>window.__pwned = "svg-script"</script></svg>',
  '<iframe src="javascript:parent.__pwned=\'iframe\'"></iframe><style>body{display:none}</style>',
  '</body></html>'
].join('\n')

const hostileEml = [
  'From: Shop <shop@example.com>',
  'Subject: <img src=x onerror="window.__pwned=\'subject\'"> Only today!!!',
  'MIME-Version: 1.0',
  'Content-Type: text/html; charset=utf-8',
  '',
  '<p onclick="window.__pwned=\'eml\'">Order now or lose your points forever!</p><script>window.__pwned="eml-script";alert(4)</script>',
  ''
].join('\r\n')

describe.skipIf(!hasChromium)('playground in headless Chromium', () => {
  let service: {url: string; child: ChildProcess}
  let context: BrowserContext
  let profile: string
  const foreignRequests: string[] = []
  const cspViolations: string[] = []
  const dialogs: string[] = []

  beforeAll(async () => {
    service = await startServe()
    profile = await mkdtemp(path.join(os.tmpdir(), 'trouw-chromium-'))
    const {chromium} = await import('playwright-core')
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      acceptDownloads: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    })
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url())
      if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue()
      foreignRequests.push(route.request().url())
      return route.abort()
    })
  }, 60_000)

  afterAll(async () => {
    await context?.close()
    service?.child.kill('SIGTERM')
    if (profile) await rm(profile, {recursive: true, force: true})
  })

  async function openPage(): Promise<Page> {
    const page = await context.newPage()
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text())
    })
    const response = await page.goto(service.url + '/')
    expect(response?.status()).toBe(200)
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'")
    return page
  }

  async function checkAndWait(page: Page, trigger: () => Promise<void>): Promise<void> {
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/v1/check')
    await trigger()
    await answer
    await page.waitForFunction(() => /^Checked:|^Could not/.test(document.getElementById('status')!.textContent ?? ''))
  }

  it('checks pasted copy: highlights, reasons, score bars, phase, and a JSON download', async () => {
    const page = await openPage()
    await page.getByLabel(/Paste copy/).fill(copy)
    await checkAndWait(page, () => page.getByRole('button', {name: 'Check'}).click())

    const marks = page.locator('#marked mark')
    expect(await marks.count()).toBeGreaterThan(2)
    expect(await page.locator('#marked').textContent()).toBe(copy)
    // Overlapping findings split into adjacent marks; together they cover the span.
    expect((await marks.allTextContents()).join('')).toContain('Order today or lose your loyalty points')
    expect(await marks.first().getAttribute('title')).toMatch(/\S/)
    expect(await page.locator('#findings li').count()).toBeGreaterThan(3)
    expect(await page.locator('#findings').textContent()).toContain('coercion/threat-lose')

    const meters = page.locator('#scores meter')
    expect(await meters.count()).toBe(6)
    for (const name of ['ESP', 'Warmth', 'Restraint', 'Freedom', 'Reciprocity', 'Distinctiveness']) {
      const value = Number(await page.getByLabel(name, {exact: true}).getAttribute('value'))
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThanOrEqual(100)
    }
    expect(await page.locator('#phase').textContent()).toMatch(/^[a-z]+ \(\d+% sure\)$|^none found$/)

    // The download is the service's JSON report for the same copy, byte for byte.
    const direct = await fetch(service.url + '/v1/check', {method: 'POST', headers: {'content-type': 'application/json'}, body: JSON.stringify({text: copy, lang: 'auto'})})
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()])
    expect(download.suggestedFilename()).toBe('trouw-report.json')
    expect(await readFile((await download.path())!, 'utf8')).toBe(await direct.text())
    if (process.env.TROUW_PLAYGROUND_SCREENSHOT) await page.screenshot({path: process.env.TROUW_PLAYGROUND_SCREENSHOT, fullPage: true})
    await page.close()
  })

  it('detects pasted Markdown, writes counts in the singular when there is one, and shows backticked spans as code', async () => {
    const page = await openPage()
    const markdown = '# Our autumn box\n\nYour plan has a **minimum term** of 12 months.\n\n- Fresh apples\n- Pears from [our orchard](https://example.com/orchard)\n'
    await page.getByLabel(/Paste copy/).fill(markdown)
    const request = page.waitForRequest((sent) => new URL(sent.url()).pathname === '/v1/check')
    await checkAndWait(page, () => page.getByRole('button', {name: 'Check'}).click())
    expect(JSON.parse((await request).postData() ?? '{}').format).toBe('markdown')
    const summaryText = (await page.locator('#summary').textContent()) ?? ''
    expect(summaryText).toMatch(/format markdown/)
    expect(summaryText).toMatch(/^\d+ errors?, \d+ warnings?, \d+ notes? · /)
    expect(summaryText).not.toMatch(/\b1 (?:errors|warnings|notes)\b/)
    const code = page.locator('#findings .reason code')
    expect(await code.count()).toBeGreaterThan(0)
    expect(await code.first().textContent()).toBe('minimum term')
    expect(await page.locator('#findings .reason').first().textContent()).not.toContain('`')

    await page.getByLabel(/Paste copy/).fill('<mjml><mj-body><mj-section><mj-column><mj-text>Only today: order now or lose your points!</mj-text></mj-column></mj-section></mj-body></mjml>')
    const mjmlRequest = page.waitForRequest((sent) => new URL(sent.url()).pathname === '/v1/check')
    await checkAndWait(page, () => page.getByRole('button', {name: 'Check'}).click())
    expect(JSON.parse((await mjmlRequest).postData() ?? '{}').format).toBe('mjml')
    expect(await page.locator('#summary').textContent()).toMatch(/format mjml/)
    await page.close()
  })

  it('applies a fix from the service with a click, as given, and checks again', async () => {
    const page = await openPage()
    await page.getByLabel(/Paste copy/).fill(copy)
    await checkAndWait(page, () => page.getByRole('button', {name: 'Check'}).click())
    const before = Number(await page.getByLabel('ESP', {exact: true}).getAttribute('value'))
    // A lock-in or a threat has no fix (advice only): no button pastes a sentence of its own over the copy.
    expect(await page.locator('#findings button.apply', {hasText: 'Your points stay yours'}).count()).toBe(0)
    const apply = page.locator('#findings button.apply', {hasText: 'Use “We are thrilled to have you.”'}).first()
    await checkAndWait(page, () => apply.click())
    const text = await page.getByLabel(/Paste copy/).inputValue()
    expect(text).toContain('\n\nWe are thrilled to have you.\n\n')
    expect(text).toContain('Order today or lose your loyalty points forever!')
    expect(await page.locator('#marked').textContent()).toBe(text)
    expect(await page.locator('#findings').textContent()).not.toContain('over-the-top/shouting')
    const after = Number(await page.getByLabel('ESP', {exact: true}).getAttribute('value'))
    expect(after).toBeGreaterThanOrEqual(before)
    await page.close()
  })

  it('works from the keyboard: labelled controls in order, Ctrl+Enter checks, Show in copy focuses the span', async () => {
    const page = await openPage()
    await page.keyboard.press('Tab') // skip link
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('copy')
    await page.keyboard.insertText('Wie nu niet bestelt, is alles kwijt! Alleen vandaag nog, dus haast je.')
    await checkAndWait(page, () => page.keyboard.press('Control+Enter'))
    expect(await page.locator('#summary').textContent()).toContain('language nl')
    const order: string[] = []
    for (let index = 0; index < 5; index++) {
      await page.keyboard.press('Tab')
      order.push(await page.evaluate(() => document.activeElement?.id ?? ''))
    }
    expect(order.slice(0, 4)).toEqual(['file', 'format', 'lang', 'check'])
    await page.locator('#findings button', {hasText: 'Show in copy'}).first().focus()
    await page.keyboard.press('Enter')
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK')
    await page.close()
  })

  it('renders a hostile HTML email as text: no script runs, no handler fires, no dialog opens', async () => {
    const page = await openPage()
    await page.getByLabel('Format').selectOption('html')
    await page.getByLabel(/Paste copy/).fill(hostileHtml)
    await checkAndWait(page, () => page.getByRole('button', {name: 'Check'}).click())
    const marked = page.locator('#marked')
    expect(await marked.textContent()).toBe(hostileHtml)
    expect(await page.locator('#findings li').count()).toBeGreaterThan(0)
    // Hover and click every marked span, as a reader would.
    const marks = page.locator('#marked mark')
    for (let index = 0; index < Math.min(await marks.count(), 20); index++) {
      await marks.nth(index).hover()
      await marks.nth(index).click()
    }
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as {__pwned?: string}).__pwned,
      title: document.title,
      elements: [...document.getElementById('marked')!.querySelectorAll('*')].map((element) => element.tagName),
      findingElements: [...document.getElementById('findings')!.querySelectorAll('*')].map((element) => element.tagName),
      bodyVisible: getComputedStyle(document.body).display
    }))
    expect(state.pwned).toBeUndefined()
    expect(state.title).toBe('trouw playground')
    expect(new Set(state.elements)).toEqual(new Set(['MARK']))
    expect(state.findingElements.filter((tag) => !['LI', 'SPAN', 'DIV', 'BUTTON', 'CODE', 'STRONG', 'LABEL'].includes(tag))).toEqual([])
    expect(state.bodyVisible).toBe('block')
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('opens a dropped or chosen hostile .eml file as text, with no script run', async () => {
    const page = await openPage()
    await checkAndWait(page, () => page.getByLabel('Open a file').setInputFiles({name: 'hostile.eml', mimeType: 'message/rfc822', buffer: Buffer.from(hostileEml)}))
    expect(await page.getByLabel('Format').inputValue()).toBe('eml')
    expect(await page.locator('#summary').textContent()).toContain('format eml')
    // The decoded parts, as text: the subject's markup and the HTML part's script are shown, not run.
    const marked = await page.locator('#marked').textContent()
    expect(marked).toContain('Subject\n<img src=x onerror="window.__pwned=\'subject\'"> Only today!!!')
    expect(marked).toContain('HTML part (decoded)\n<p onclick="window.__pwned=\'eml\'">Order now or lose your points forever!</p><script>')
    expect(await page.locator('#marked img, #marked script, #marked p').count()).toBe(0)
    expect(await page.locator('#findings').textContent()).toMatch(/subject|html/)
    const state = await page.evaluate(() => ({pwned: (window as unknown as {__pwned?: string}).__pwned, title: document.title}))
    expect(state).toEqual({pwned: undefined, title: 'trouw playground'})
    expect(dialogs).toEqual([])
    await page.close()
  })

  it('sends an opened .eml as its own bytes, so a Latin-1 part decodes right', async () => {
    const page = await openPage()
    const message = 'From: Winkel <winkel@example.com>\r\nSubject: Caf\xe9 actie\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=iso-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\nWie nu opzegt, is al zijn punten kwijt. Geniet van ons caf\xe9!\r\n'
    const bytes = Buffer.from(message, 'latin1')
    await checkAndWait(page, () => page.getByLabel('Open a file').setInputFiles({name: 'actie.eml', mimeType: 'message/rfc822', buffer: bytes}))
    const direct = await fetch(service.url + '/v1/check?parts=true&lang=auto', {method: 'POST', headers: {'content-type': 'message/rfc822'}, body: bytes})
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()])
    const report = await readFile((await download.path())!, 'utf8')
    expect(report).toBe(await direct.text())
    expect(report).toContain('"language": "nl"')
    expect(report).toContain('punten kwijt')
    // The Latin-1 part is shown decoded, its finding marked.
    expect(await page.locator('#marked').textContent()).toContain('Geniet van ons café!')
    expect((await page.locator('#marked mark').allTextContents()).join('')).toContain('punten kwijt')
    await page.close()
  })

  it('marks an email\'s findings in its decoded parts, with Show in copy and no apply buttons', async () => {
    const page = await openPage()
    const message = [
      'From: Shop <shop@example.com>',
      'Subject: Last chance: your points expire tonight!',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Hi there,',
      '',
      'Order today or lose your saved credit for good! Only 3 left, so hurry=2E',
      ''
    ].join('\r\n')
    await checkAndWait(page, () => page.getByLabel('Open a file').setInputFiles({name: 'points.eml', mimeType: 'message/rfc822', buffer: Buffer.from(message)}))
    const marked = await page.locator('#marked').textContent()
    expect(marked).toContain('Text part (decoded)\nHi there,\n\nOrder today or lose your saved credit for good! Only 3 left, so hurry.')
    expect(marked).not.toContain('=2E')
    // Overlapping findings split into adjacent marks; together they cover the span.
    const marks = (await page.locator('#marked mark').allTextContents()).join('')
    expect(marks).toContain('lose your saved credit')
    expect(marks).toContain('Last chance')
    expect(await page.locator('#findings button.apply').count()).toBe(0)
    const show = page.locator('#findings button', {hasText: 'Show in copy'}).first()
    await show.click()
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK')
    expect(await page.locator('#marked-note').textContent()).toContain('decoded parts')
    await page.close()
  })

  it('loaded nothing but its own origin and broke no CSP rule', () => {
    expect(foreignRequests).toEqual([])
    expect(cspViolations).toEqual([])
  })
})
