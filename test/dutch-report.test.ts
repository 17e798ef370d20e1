/**
 * Everything a Dutch report says is Dutch: reasons, advice (notes),
 * suggestion titles, score evidence labels and file-level advice. This scans
 * the report of every Dutch line of the test sets in the repository (and the
 * Dutch example mail) for English words; the copy itself (quoted in
 * backticks or quotation marks) is left out, since that is the writer's.
 */
import {readFileSync} from 'node:fs'
import {describe, expect, it} from 'vitest'
import {check, toJsonFile} from '../src/index.js'

const english = new Set([
  'the', 'and', 'with', 'to', 'for', 'your', 'you', 'our', 'reader', 'word', 'words', 'number', 'amount', 'time', 'date',
  'shouting', 'capitals', 'exclamation', 'marks', 'positive', 'intensifier', 'intensifiers', 'gush', 'row', 'kind', 'name', 'who',
  'where', 'exactly', 'says', 'leaving', 'binds', 'pressure', 'feeling', 'claim', 'example', 'instead', 'sender', 'plain', 'say',
  'give', 'keep', 'stay', 'offer', 'ends', 'thank', 'thanks', 'remove', 'use', 'replace', 'sentences', 'short'
])

/** The report's own words: copy quoted in backticks or quotation marks is the writer's, not the report's. */
function ownWords(text: string): string[] {
  const own = text.replace(/`[^`]*`/g, ' ').replace(/"[^"]*"/g, ' ').replace(/“[^”]*”/g, ' ').replace(/\([^()]*\)/g, (group) => (/[,]/.test(group) ? ' ' : group))
  return own.toLowerCase().match(/[a-zà-ÿ]+/g) ?? []
}

function dutchLines(file: string): string[] {
  return readFileSync(new URL(file, import.meta.url), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as {lang: string; text: string})
    .filter((row) => row.lang === 'nl')
    .map((row) => row.text)
}

describe('a Dutch report is Dutch', () => {
  const texts = [...dutchLines('../eval/heldout-b/lines.jsonl'), ...dutchLines('./heldout/lines.jsonl')]

  it('has Dutch test lines to scan', () => {
    expect(texts.length).toBeGreaterThan(100)
  })

  it('says nothing in English about any Dutch line of the test sets, or the Dutch example mail', async () => {
    const found: string[] = []
    const reports = []
    for (const text of texts) reports.push(toJsonFile(await check(text, {lang: 'nl', format: 'text', spell: false})))
    const html = readFileSync(new URL('../examples/zomeractie-nl.html', import.meta.url), 'utf8')
    reports.push(toJsonFile(await check(html, {lang: 'nl', format: 'html', spell: false})))
    let said = 0
    for (const report of reports) {
      const parts: string[] = [...report.suggestions, ...report.evidence.map((item) => item.why)]
      for (const message of report.messages) {
        if (message.category === 'notice') continue
        parts.push(message.reason, message.note ?? '', ...message.suggestions.map((suggestion) => suggestion.title))
      }
      for (const part of parts) {
        said++
        const words = ownWords(part).filter((word) => english.has(word))
        if (words.length > 0) found.push(`${words.join(', ')}: ${part}`)
      }
    }
    expect(said).toBeGreaterThan(200)
    expect(found).toEqual([])
  })
})
