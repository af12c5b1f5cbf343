import { describe, expect, it } from 'vitest'

import { initialVariant } from './BuyForm'

const longjing = [
  { sku: 'LJ-50G', name: '50g 尝鲜装', price: 6800, stock: 200 },
  { sku: 'LJ-250G', name: '250g 罐装', price: null, stock: 300 },
]

describe('initialVariant', () => {
  it("opens on the SKU the product's title and price describe, as the article's card shows it", () => {
    expect(initialVariant(longjing, 26800)?.sku).toBe('LJ-250G')
    expect(initialVariant([{ ...longjing[0] }, { ...longjing[1], price: 26800 }], 26800)?.sku).toBe('LJ-250G')
  })
  it('falls back to the first SKU in stock, then to the first', () => {
    expect(initialVariant([longjing[0], { ...longjing[1], stock: 0 }], 26800)?.sku).toBe('LJ-50G')
    expect(
      initialVariant(
        [
          { ...longjing[0], stock: 0 },
          { ...longjing[1], stock: 0 },
        ],
        26800,
      )?.sku,
    ).toBe('LJ-50G')
    expect(initialVariant([], 26800)).toBeUndefined()
  })
})
