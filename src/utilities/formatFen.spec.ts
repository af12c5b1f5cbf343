import { describe, expect, it } from 'vitest'

import { formatFen } from './formatFen'

describe('formatFen', () => {
  it.each([
    [1290, '¥12.90'],
    [0, '¥0.00'],
    [5, '¥0.05'],
    [100, '¥1.00'],
    [129900, '¥1299.00'],
    [-250, '-¥2.50'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it('rejects non-integer amounts', () => {
    expect(() => formatFen(12.5)).toThrow(RangeError)
    expect(() => formatFen(Number.NaN)).toThrow(RangeError)
  })
})
