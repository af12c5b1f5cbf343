import type { Validate } from 'payload'

import { validateFen } from '../../../fields/money'

/** A struck-through "was" price only makes sense above the selling price. */
export const compareAtAbovePrice: Validate = (value, args) => {
  const base = validateFen(false)(value, args)
  if (base !== true) return base
  const price = (args.siblingData as { price?: unknown })?.price
  if (typeof value === 'number' && typeof price === 'number' && value <= price) {
    return '划线价应高于售价 (compare-at price must be above the price)'
  }
  return true
}
