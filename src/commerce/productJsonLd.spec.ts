import { describe, expect, it } from 'vitest'

import type { Product } from '../payload-types'
import { jsonLdScript, productJsonLd } from './productJsonLd'

const longjing = {
  id: 'p1',
  title: '明前龙井 250g 罐装',
  slug: 'mingqian-longjing',
  price: 26800,
  compareAtPrice: 32800,
  stock: 40,
  description: '西湖产区</script><b>',
  variants: [
    { sku: 'LJ-50G', name: '50g 尝鲜装', price: 6800, stock: 0 },
    { sku: 'LJ-250G', name: '250g 罐装', stock: 40 },
  ],
} as unknown as Product

describe('product structured data', () => {
  it('describes a product sold per SKU as an AggregateOffer in yuan, each SKU with its own availability and link', () => {
    const ld = productJsonLd(longjing, { url: 'https://shop.example.com/p/mingqian-longjing', images: ['https://cdn/x.jpg'], brandName: '山野茶事' })
    expect(ld).toMatchObject({
      '@type': 'Product',
      name: '明前龙井 250g 罐装',
      brand: { '@type': 'Brand', name: '山野茶事' },
      image: ['https://cdn/x.jpg'],
      offers: { '@type': 'AggregateOffer', priceCurrency: 'CNY', lowPrice: '68.00', highPrice: '268.00', offerCount: 2 },
    })
    const offers = (ld.offers as { offers: Record<string, string>[] }).offers
    expect(offers[0]).toMatchObject({ sku: 'LJ-50G', price: '68.00', availability: 'https://schema.org/OutOfStock' })
    expect(offers[1]).toMatchObject({
      sku: 'LJ-250G',
      price: '268.00',
      availability: 'https://schema.org/InStock',
      url: 'https://shop.example.com/p/mingqian-longjing?sku=LJ-250G',
    })
  })

  it('describes a plain product with one Offer, and never lets its text close the script', () => {
    const ld = productJsonLd({ ...longjing, variants: [] }, { url: 'https://s/p/x', images: [] })
    expect(ld.offers).toEqual({ '@type': 'Offer', price: '268.00', priceCurrency: 'CNY', availability: 'https://schema.org/InStock', url: 'https://s/p/x' })
    expect(ld).not.toHaveProperty('image')
    expect(jsonLdScript(ld)).not.toContain('</script>')
  })
})
