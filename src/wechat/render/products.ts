import { skuPrice, variantOf } from '../../commerce/skuView'
import type { RenderContext } from './context'
import { isRecord } from './lexical'
import { resolveMedia } from './media'
import type { MediaLike, ProductLike } from './types'

/** A product reference (id or populated document) → the product, or undefined if unknown. */
export function resolveProduct(ref: unknown, ctx: Pick<RenderContext, 'products'>): ProductLike | undefined {
  const id = typeof ref === 'string' || typeof ref === 'number' ? String(ref) : isRecord(ref) && ref.id != null ? String(ref.id) : undefined
  const known = id !== undefined && Object.prototype.hasOwnProperty.call(ctx.products, id) ? ctx.products[id] : undefined
  if (isRecord(known)) return known
  if (isRecord(ref) && typeof ref.title === 'string') return ref as ProductLike
  return undefined
}

/** First usable product image, whatever shape `images` has: `{ image }` rows, media objects or media ids. */
export function productImage(product: ProductLike, ctx: Pick<RenderContext, 'media'>): MediaLike | undefined {
  if (!Array.isArray(product.images)) return undefined
  for (const entry of product.images) {
    const ref = isRecord(entry) && 'image' in entry ? entry.image : entry
    const media = resolveMedia(ref, ctx)
    if (media && typeof media.url === 'string') return media
  }
  return undefined
}

export function sellingPoints(product: ProductLike): string[] {
  const raw = product.sellingPoints
  const list =
    typeof raw === 'string' ? raw.split(/\r?\n/) : Array.isArray(raw) ? raw.map((p) => (isRecord(p) && typeof p.text === 'string' ? p.text : '')) : []
  return list
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 3)
}

/** 秒杀: when the product's sale starts (epoch ms; `saleStartsAt` of the product document), or null for none. */
export function saleStartOf(product: ProductLike): number | null {
  const value = (product as ProductLike & { saleStartsAt?: unknown }).saleStartsAt
  if (typeof value !== 'string' && typeof value !== 'number') return null
  const ms = typeof value === 'number' ? value : Date.parse(value)
  return Number.isFinite(ms) ? ms : null
}

export function isFen(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}

/** The product as a card naming `sku` shows it (that SKU's name, price and picture), or the product itself for no or an unknown SKU. */
export function productAsSku(product: ProductLike, sku: unknown): ProductLike {
  const variant = variantOf(product, sku)
  if (!variant?.sku) return product
  const images = variant.image ? [variant.image, ...(product.images ?? [])] : product.images
  return { ...product, ...skuPrice(product, variant), images, sku: variant.sku, skuName: variant.name ?? variant.sku }
}

/** `${baseUrl}/p/<slug>?[sku=<sku>&]from=<article id>&b=<product block ordinal>`; undefined without baseUrl or slug. */
export function landingUrl(ctx: RenderContext, product: ProductLike, blockIndex: number): string | undefined {
  if (!ctx.baseUrl || typeof product.slug !== 'string' || !product.slug) return undefined
  const sku = product.sku ? `sku=${encodeURIComponent(product.sku)}&` : ''
  const from = ctx.articleId ? `from=${encodeURIComponent(ctx.articleId)}&` : ''
  return `${ctx.baseUrl}/p/${encodeURIComponent(product.slug)}?${sku}${from}b=${blockIndex}`
}

/** Mini-program page for a product: the template's placeholders are URL-encoded values. */
export function miniProgramPath(ctx: RenderContext, product: ProductLike, blockIndex: number): string {
  const template = ctx.miniProgram?.pathTemplate || 'pages/product/index?slug={slug}'
  const values: Record<string, string> = {
    slug: product.slug ?? '',
    id: product.id != null ? String(product.id) : '',
    from: ctx.articleId ?? '',
    b: String(blockIndex),
    sku: product.sku ?? '',
  }
  return template.replace(/\{(slug|id|from|b|sku)\}/g, (_, key: string) => encodeURIComponent(values[key]!))
}
