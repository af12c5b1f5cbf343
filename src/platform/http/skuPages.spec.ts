import { describe, expect, it } from 'vitest'

import { skuPageFor } from './skuPages'

const at = (path: string) => skuPageFor(new URL(path, 'http://shop.test'))?.toString()

describe('a landing link that names a SKU', () => {
  it('is served by the cached page of that SKU, whatever else the query carries', () => {
    expect(at('/p/mingqian-longjing?sku=LJ-50G&from=a1&b=0')).toBe('http://shop.test/p/mingqian-longjing/s/LJ-50G')
    expect(at('/p/mingqian-longjing?from=a1&sku=LJ-50G')).toBe('http://shop.test/p/mingqian-longjing/s/LJ-50G')
  })

  it('keeps the plain landing page without a SKU, or with one that cannot be a SKU', () => {
    expect(at('/p/mingqian-longjing?from=a1&b=0')).toBeUndefined()
    expect(at('/p/mingqian-longjing?sku=')).toBeUndefined()
    expect(at('/p/mingqian-longjing?sku=../../admin')).toBeUndefined()
    expect(at(`/p/mingqian-longjing?sku=${'x'.repeat(40)}`)).toBeUndefined()
  })

  it('touches no other route', () => {
    expect(at('/p/mingqian-longjing/buy?sku=LJ-50G')).toBeUndefined()
    expect(at('/a/spring?sku=LJ-50G')).toBeUndefined()
    expect(at('/api/products?sku=LJ-50G')).toBeUndefined()
  })
})
