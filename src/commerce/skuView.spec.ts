import { describe, expect, it } from 'vitest'

import { isSkuCode, skuPrice, variantOf } from './skuView'

const longjing = {
  price: 26800,
  compareAtPrice: 32800,
  variants: [
    { sku: 'LJ-50G', name: '50g 尝鲜装', price: 6800, stock: 200 },
    { sku: 'LJ-250G', name: '250g 罐装', price: null, stock: 300 },
  ],
}

describe('a product as one of its SKUs', () => {
  it('finds the SKU a link names, and nothing for an unknown or malformed one', () => {
    expect(variantOf(longjing, 'LJ-50G')?.name).toBe('50g 尝鲜装')
    expect(variantOf(longjing, 'LJ-1KG')).toBeUndefined()
    expect(variantOf(longjing, 'LJ 50G"')).toBeUndefined()
    expect(variantOf({ variants: null }, 'LJ-50G')).toBeUndefined()
    expect(isSkuCode('a'.repeat(33))).toBe(false)
  })

  it('prices a SKU at its own price, without the product’s 划线价', () => {
    expect(skuPrice(longjing, longjing.variants[0])).toEqual({ price: 6800, compareAtPrice: null })
  })

  it('gives the SKU the product’s price describes the product’s 划线价', () => {
    expect(skuPrice(longjing, longjing.variants[1])).toEqual({ price: 26800, compareAtPrice: 32800 })
    expect(skuPrice(longjing, { sku: 'X', price: 26800 })).toEqual({ price: 26800, compareAtPrice: 32800 })
    expect(skuPrice(longjing)).toEqual({ price: 26800, compareAtPrice: 32800 })
  })

  it('shows no 划线价 that is not above the price', () => {
    expect(skuPrice({ price: 5900, compareAtPrice: 5900 })).toEqual({ price: 5900, compareAtPrice: null })
  })
})
