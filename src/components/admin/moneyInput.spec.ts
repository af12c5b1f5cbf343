import { describe, expect, it } from 'vitest'

import { fenToYuanInput, yuanInputToFen } from './moneyInput'

describe('money input', () => {
  it('shows fen as yuan with two decimals', () => {
    expect(fenToYuanInput(1290)).toBe('12.90')
    expect(fenToYuanInput(5)).toBe('0.05')
    expect(fenToYuanInput(null)).toBe('')
  })
  it('parses yuan text into exact integer fen (no float drift)', () => {
    expect(yuanInputToFen('12.9')).toBe(1290)
    expect(yuanInputToFen('¥1,299.99')).toBe(129999)
    expect(yuanInputToFen('0.07')).toBe(7)
    expect(yuanInputToFen('19.99')).toBe(1999)
    expect(yuanInputToFen('')).toBeNull()
  })
  it('keeps negative and malformed input visible to validation', () => {
    expect(yuanInputToFen('-3')).toBe(-300)
    expect(yuanInputToFen('12.345')).toBeNaN()
    expect(yuanInputToFen('abc')).toBeNaN()
  })
})
