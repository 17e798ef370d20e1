import {describe, expect, it} from 'vitest'
import {location} from 'vfile-location'
import {floorIndex, LineIndex} from '../src/line-index.js'

describe('LineIndex', () => {
  const texts = [
    '',
    'one line',
    'a\nb\n\nc',
    'windows\r\nlines\r\n\r\nend\r\n',
    'old mac\rlines\r\rend',
    'mixed\n\r\n\r\nline\rends\n',
    '\n\n\n',
    'Ünïcödé 💛 tekst\nmet emoji 🎉\r\nen meer'
  ]
  for (const text of texts) {
    it(`places every offset as vfile-location does: ${JSON.stringify(text).slice(0, 30)}`, () => {
      const lines = new LineIndex(text)
      const reference = location(text)
      for (let offset = -1; offset <= text.length + 1; offset++) {
        const point = reference.toPoint(offset)
        const line = lines.lineOf(offset)
        if (point === undefined) expect(line).toBe(-1)
        else expect({line: line + 1, column: lines.columnOf(offset, line)}).toEqual({line: point.line, column: point.column})
      }
    })
  }
})

describe('LineIndex lines', () => {
  it('counts lines and knows where each starts', () => {
    const lines = new LineIndex('one\r\ntwo\rthree\n')
    expect(lines.lineCount).toBe(4)
    expect([0, 1, 2, 3].map((line) => lines.lineStart(line))).toEqual([0, 5, 9, 15])
    expect(new LineIndex('').lineCount).toBe(1)
  })
})

describe('floorIndex', () => {
  it('finds the last item at most the value', () => {
    const sorted = [0, 4, 4, 9, 20]
    expect([-1, 0, 3, 4, 5, 9, 19, 20, 99].map((value) => floorIndex(sorted, value))).toEqual([0, 0, 0, 2, 2, 3, 3, 4, 4])
  })
})
