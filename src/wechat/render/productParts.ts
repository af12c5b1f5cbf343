import { saleStartLabel } from '../../platform/beijingTime'
import { formatFen } from '../../utilities/formatFen'
import type { RenderContext } from './context'
import { escapeHtml } from './escape'
import { refLabel } from './media'
import { placeholder } from './placeholder'
import { isFen, productImage, resolveProduct, saleStartOf, sellingPoints } from './products'
import { styleAttr } from './style'
import type { ProductLike } from './types'

/** Resolves a block's product reference; unknown ids yield a visible placeholder and a warning instead. */
export function productOrPlaceholder(ref: unknown, ctx: RenderContext): { product: ProductLike } | { html: string } {
  const product = resolveProduct(ref, ctx)
  if (!product) return { html: placeholder(ctx, `[商品不存在：${refLabel(ref)}]`, `找不到商品 ${refLabel(ref)}，已显示占位，请重新选择商品`) }
  const title = productTitle(product)
  if (product.status && product.status !== 'published' && product.status !== 'active') ctx.warn(`商品「${title}」未上架（状态：${product.status}）`)
  if (typeof product.stock === 'number' && product.stock <= 0) ctx.warn(`商品「${title}」库存为 0`)
  if (!isFen(product.price)) ctx.warn(`商品「${title}」价格无效，未显示价格`)
  return { product }
}

export function productTitle(product: ProductLike): string {
  return typeof product.title === 'string' && product.title.trim() ? product.title.trim() : '未命名商品'
}

export function titleHtml(ctx: RenderContext, product: ProductLike): string {
  return `<p${styleAttr(ctx.s.cardTitle)}>${escapeHtml(productTitle(product))}</p>`
}

/**
 * 秒杀: 「秒杀」 as a filled tag, plus 「12月1日 10:00 开抢」 (Beijing time) when the sale starts after `now` — static
 * text, as WeChat runs no script: a pushed article keeps saying when the sale starts. '' for other products.
 */
export function saleHtml(ctx: RenderContext, product: ProductLike, now = Date.now()): string {
  const at = saleStartOf(product)
  if (at === null) return ''
  const tag = `<span${styleAttr({ padding: '1px 6px', 'margin-right': '6px', 'border-radius': '4px', 'background-color': ctx.theme.price, color: '#ffffff', 'font-weight': 'bold' })}>秒杀</span>`
  const start = at > now ? escapeHtml(saleStartLabel(at)) : ''
  return `<p${styleAttr({ margin: '4px 0', 'font-size': '13px', color: ctx.theme.price })}>${tag}${start}</p>`
}

/** 「规格：50g 尝鲜装」 on a card that shows one SKU of its product (productAsSku), else ''. */
export function skuHtml(ctx: RenderContext, product: ProductLike): string {
  return product.skuName ? `<p${styleAttr(ctx.s.cardPoint)}>规格：${escapeHtml(product.skuName)}</p>` : ''
}

export function pointsHtml(ctx: RenderContext, product: ProductLike): string {
  return sellingPoints(product)
    .map((p) => `<p${styleAttr(ctx.s.cardPoint)}>· ${escapeHtml(p)}</p>`)
    .join('')
}

/** Price as live text (never baked into an image, so it adapts to dark mode); compare-at price struck through. */
export function priceHtml(ctx: RenderContext, product: ProductLike): string {
  if (!isFen(product.price)) return ''
  const compare =
    isFen(product.compareAtPrice) && product.compareAtPrice > product.price
      ? `<span${styleAttr(ctx.s.cardCompare)}>${formatFen(product.compareAtPrice)}</span>`
      : ''
  return `<p${styleAttr(ctx.s.cardPrice)}>${formatFen(product.price)}${compare}</p>`
}

/** The product's first image as a block <img>, or '' (with a warning) when there is none usable. */
export function productImageHtml(ctx: RenderContext, product: ProductLike): string {
  const media = productImage(product, ctx)
  if (!media) {
    ctx.warn(`商品「${productTitle(product)}」没有可用的图片`)
    return ''
  }
  const resolved = ctx.images.resolve(media.url)
  if ('problem' in resolved) {
    ctx.warn(`商品「${productTitle(product)}」的图片无法使用：${resolved.problem}`)
    return ''
  }
  return `<img src="${escapeHtml(resolved.src)}" alt="${escapeHtml(media.alt || productTitle(product))}"${styleAttr(ctx.s.cardImg)}>`
}
