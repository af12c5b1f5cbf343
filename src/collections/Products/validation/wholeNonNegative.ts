import type { Validate } from 'payload'

export const wholeNonNegative =
  (what: string): Validate =>
  (value) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${what}必须是整数 (must be a whole number)`
    if (value < 0) return `${what}不能为负数 (cannot be negative)`
    return true
  }
