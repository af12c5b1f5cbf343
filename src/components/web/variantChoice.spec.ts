import { describe, expect, it } from 'vitest'

import { initialVariant, variantChoiceCss } from './variantChoice'

const longjing = [
  { sku: 'LJ-50G', name: '50g 尝鲜装', price: 6800, stock: 200 },
  { sku: 'LJ-250G', name: '250g 罐装', price: null, stock: 300 },
]

describe('initialVariant', () => {
  it("opens on the SKU the product's title and price describe, as the article's card shows it", () => {
    expect(initialVariant(longjing, 26800)?.sku).toBe('LJ-250G')
    expect(initialVariant([{ ...longjing[0] }, { ...longjing[1], price: 26800 }], 26800)?.sku).toBe('LJ-250G')
  })
  it('opens on the SKU the link asked for while it is in stock', () => {
    expect(initialVariant(longjing, 26800, 'LJ-50G')?.sku).toBe('LJ-50G')
    expect(initialVariant([{ ...longjing[0], stock: 0 }, longjing[1]], 26800, 'LJ-50G')?.sku).toBe('LJ-250G')
    expect(initialVariant(longjing, 26800, 'LJ-1KG')?.sku).toBe('LJ-250G')
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

describe('variantChoiceCss', () => {
  it('shows the checked SKU’s copy, one rule per SKU, only where :has() works', () => {
    const css = variantChoiceCss(2)
    expect(css.startsWith('@supports selector(:has(*)){')).toBe(true)
    expect(css).toContain('body:has(input[data-vi="0"]:checked) [data-by-variant]>[data-vi="0"]{display:inline}')
    expect(css).toContain('body:has(input[data-vi="1"]:checked) [data-by-variant]>[data-vi="1"]{display:inline}')
    expect(css).not.toContain('data-vi="2"')
  })
})
