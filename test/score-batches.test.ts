/**
 * A big file scored batch by batch (`sentences: false`, `EvidenceCollector`)
 * must report exactly what the whole-file score reports: the same findings,
 * scores, evidence, phase and suggestions, when the whole-file rules (a
 * sentence said before counts once, a name written in lower case elsewhere
 * is no name, exclamations count only where the prose keeps exclaiming, a
 * detail counts once) meet across batches.
 */
import {describe, expect, it} from 'vitest'
import {check, type CheckOptions} from '../src/index.js'
import {toJsonMessage} from '../src/messages.js'
import {EvidenceCollector, collectEvidence} from '../src/score/index.js'
import type {SentenceFigures} from '../src/types.js'

/** Paragraphs of our own, varied by `index`, that fill many batches of 16,000 characters. */
function bigCopy(paragraphs: number, options: {exclaim: number; lowerName: boolean}): string {
  const lines: string[] = []
  for (let index = 0; index < paragraphs; index++) {
    const sentences = [
      `Our workshop on Kettle Lane repaired ${index + 3} bicycles this week, each with a new chain and brake pads.`,
      'We read every reply you send and answer within two days.',
      index % 7 === 0 ? 'Only 2 seats left, book before midnight or lose your place.' : `Saturday ${index % 28 + 1} March the doors open at nine.`,
      index % options.exclaim === 0 ? `What a morning it was for rider ${index}!` : 'The coffee was still warm when the first rider came in.',
      index % 11 === 0 ? '"Fixed my old frame in an hour. I ride again every day." said one reader.' : 'Thank you for riding with us.',
      `Ask Ferro Blomqvist about the ${['blue', 'green', 'grey'][index % 3]} frames in stock.`
    ]
    if (options.lowerName && index === paragraphs - 2) sentences.push('The ferro hooks of the old mill hang by the door.')
    lines.push(sentences.join(' '))
  }
  return lines.join('\n\n')
}

async function report(text: string, options: Readonly<CheckOptions>) {
  const file = await check(text, options)
  const data = file.data.trouw!
  return {
    sentences: data.sentences.length,
    messages: file.messages.map((message) => toJsonMessage(message, {text, format: data.format})),
    scores: data.scores,
    evidence: data.evidence,
    phase: data.phase,
    suggestions: data.suggestions,
    scoreConfidence: data.scoreConfidence
  }
}

describe('scoring batch by batch', () => {
  for (const [name, exclaim, lowerName] of [
    ['exclaiming prose, a name written in lower case at the end', 1, true],
    ['a stray exclamation now and then, names kept', 9, false]
  ] as const) {
    it(`reports what the whole-file score reports: ${name}`, async () => {
      const text = bigCopy(240, {exclaim, lowerName})
      expect(text.length).toBeGreaterThan(4 * 16000)
      const whole = await report(text, {lang: 'en'})
      const batched = await report(text, {lang: 'en', sentences: false})
      expect(whole.sentences).toBeGreaterThan(1000)
      expect(batched.sentences).toBe(0)
      // The copy moves the score both ways, so the comparison has something to compare.
      expect(whole.messages.length).toBeGreaterThan(10)
      const names = whole.evidence!.filter((item) => item.why.startsWith('a name')).map((item) => item.text)
      expect(names.includes('Ferro Blomqvist')).toBe(!lowerName)
      expect(whole.evidence!.some((item) => item.why === 'an exclamation')).toBe(exclaim === 1)
      expect(batched).toEqual({...whole, sentences: 0})
    })
  }

  it('applies the allow list batch by batch as at the end', async () => {
    const text = bigCopy(120, {exclaim: 3, lowerName: false})
    const options: CheckOptions = {lang: 'en', allow: ['coercion/urgency', 'thank you']}
    const whole = await report(text, options)
    expect(await report(text, {...options, sentences: false})).toEqual({...whole, sentences: 0})
  })

  it('scores copy with inline controls as a whole, the same', async () => {
    const text = '<!--trouw disable coercion-->\n\n' + bigCopy(80, {exclaim: 2, lowerName: false}).replace(/\n\n/g, '\n\n<!--trouw enable coercion-->\n\n')
    const whole = await report(text, {lang: 'en', format: 'markdown'})
    expect(await report(text, {lang: 'en', format: 'markdown', sentences: false})).toEqual({...whole, sentences: 0})
  })
})

describe('EvidenceCollector', () => {
  const sentence = (text: string, start: number, signals: SentenceFigures['signals'] = []): SentenceFigures => ({text, start, end: start + text.length, intensity: 0, signals, words: text.split(' ').length})
  const name = (text: string, at: number, word: string) => ({component: 'distinctiveness' as const, weight: 1, why: 'a name: who, where or what exactly', start: at + text.indexOf(word), end: at + text.indexOf(word) + word.length})

  it('holds a name back until the end: a later lower-case use makes it no name', () => {
    const first = 'Meet Brambleton at the door.'
    const sentences = [sentence(first, 0, [name(first, 0, 'Brambleton')]), sentence('We walked past brambleton twice.', 40)]
    const collector = new EvidenceCollector('en', {gatherLowerCase: true})
    collector.add(sentences.slice(0, 1), [])
    collector.add(sentences.slice(1), [])
    const batched = collector.finish([])
    expect(batched.items).toEqual([])
    expect(batched.items).toEqual(collectEvidence(sentences, []).items)
    // Without the lower-case use the name counts, in both.
    const alone = new EvidenceCollector('en', {gatherLowerCase: true})
    alone.add(sentences.slice(0, 1), [])
    expect(alone.finish([]).items.map((item) => item.text)).toEqual(['Brambleton'])
  })
})
