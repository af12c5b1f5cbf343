// Product structured data (schema.org Product, JSON-LD) for a product page: what search engines and link previews
// read. Prices are in yuan as schema.org wants them; every figure comes from the product as sold.
import type { Product } from '../payload-types'
import { skuPrice } from './skuView'

type JsonLd = Record<string, unknown>

const yuan = (fen: number) => (fen / 100).toFixed(2)
const availability = (stock: number) => `https://schema.org/${stock > 0 ? 'InStock' : 'OutOfStock'}`

export function productJsonLd(product: Product, input: { url: string; images: string[]; brandName?: string | null }): JsonLd {
  const variants = product.variants ?? []
  const offers: JsonLd = variants.length
    ? {
        '@type': 'AggregateOffer',
        priceCurrency: 'CNY',
        lowPrice: yuan(Math.min(...variants.map((v) => skuPrice(product, v).price))),
        highPrice: yuan(Math.max(...variants.map((v) => skuPrice(product, v).price))),
        offerCount: variants.length,
        offers: variants.map((v) => ({
          '@type': 'Offer',
          sku: v.sku,
          name: v.name,
          price: yuan(skuPrice(product, v).price),
          priceCurrency: 'CNY',
          availability: availability(v.stock),
          url: `${input.url}?sku=${encodeURIComponent(v.sku)}`,
        })),
      }
    : { '@type': 'Offer', price: yuan(product.price), priceCurrency: 'CNY', availability: availability(product.stock), url: input.url }
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: product.title,
    ...(product.description ? { description: product.description.slice(0, 500) } : {}),
    ...(input.images.length ? { image: input.images } : {}),
    ...(input.brandName ? { brand: { '@type': 'Brand', name: input.brandName } } : {}),
    offers,
  }
}

/** The JSON for a `<script type="application/ld+json">`, safe inside HTML (no `</script>`). */
export const jsonLdScript = (data: JsonLd) => JSON.stringify(data).replace(/</g, '\\u003c')
