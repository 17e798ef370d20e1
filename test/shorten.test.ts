import {describe, expect, it} from 'vitest'
import {shorten} from '../src/text-util.js'

/** The cut by grapheme segments, as `shorten` makes it without its Latin-1 shortcut. */
function bySegments(text: string, max: number): string {
  if (text.length <= max) return text
  let kept = ''
  for (const {segment} of new Intl.Segmenter(undefined, {granularity: 'grapheme'}).segment(text)) {
    if (kept.length + segment.length > max - 1) break
    kept += segment
  }
  return kept + '…'
}

describe('shorten', () => {
  it('keeps short text as it is and cuts long text with an ellipsis', () => {
    expect(shorten('Order now', 20)).toBe('Order now')
    expect(shorten('Order before Friday or lose it', 10)).toBe('Order bef…')
  })

  it('cuts Latin-1 text where the grapheme segments cut it, whatever follows', () => {
    // Characters that join the one before (accents, joiners, variation selectors, spacing marks), line breaks,
    // emoji and flags, soft hyphen, Hangul: after every printable Latin-1 character, at every place of the cut.
    const followers = ['\u0301', '\u200d', '\ufe0f', '\u093e', '\r\n', '\n', '\u00ad', '😀', '👍🏽', '🇳🇱', '\u1100\u1161', 'é', 'e\u0301', 'x', ' ']
    let compared = 0
    for (let code = 0x20; code <= 0xff; code++) {
      if (code > 0x7e && code < 0xa0) continue
      const character = String.fromCharCode(code)
      for (const follower of followers) {
        const text = `ab${character}${follower}${character}cd${follower}`
        for (let max = 2; max <= text.length; max++) {
          expect(shorten(text, max)).toBe(bySegments(text, max))
          compared++
        }
      }
    }
    expect(compared).toBeGreaterThan(20000)
  })
})
