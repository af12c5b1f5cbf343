import type { Validate } from 'payload'

/** An optional whole number within [min, max] (empty means "use the default"). */
export const optionalWholeInRange =
  (what: string, min: number, max: number): Validate =>
  (value) => {
    if (value === null || value === undefined || value === '') return true
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${what}必须是整数 (must be a whole number)`
    if (value < min || value > max) return `${what}须在 ${min}–${max} 之间 (must be between ${min} and ${max})`
    return true
  }
