import { buyAction } from '../../wechat/render/buy'
import type { WechatBlockConverter } from '../../wechat/render/context'
import { pointsHtml, priceHtml, productImageHtml, productOrPlaceholder, saleHtml, skuHtml, titleHtml } from '../../wechat/render/productParts'
import { productAsSku } from '../../wechat/render/products'
import { styleAttr } from '../../wechat/render/style'

/**
 * `productCard` → a static card on a solid background: image, title, 秒杀 tag and start time (if any), the SKU the card
 * names (if any), selling points and price as live text, then the buy action (mini-program link or QR code, opening
 * the page on that SKU). No external href anywhere.
 */
export const productCardToWechat: WechatBlockConverter = (fields, ctx) => {
  const blockIndex = ctx.productBlockIndex(fields)
  const found = productOrPlaceholder(fields.product, ctx)
  if ('html' in found) return found.html
  const product = productAsSku(found.product, fields.sku)
  const layout = fields.layout === 'small' || fields.layout === 'text' ? fields.layout : 'large'
  const cta = typeof fields.cta === 'string' && fields.cta.trim() ? fields.cta.trim().slice(0, 12) : '购买'
  const image = layout === 'text' ? '' : productImageHtml(ctx, product)
  const text = titleHtml(ctx, product) + saleHtml(ctx, product) + skuHtml(ctx, product) + pointsHtml(ctx, product) + priceHtml(ctx, product)
  let body: string
  if (layout === 'small' && image) {
    // Two inline-block columns; no whitespace between them (it would render as a gap and break the widths).
    body =
      `<section${styleAttr(ctx.s.columns)}>` +
      `<section${styleAttr(ctx.s.column(30, 4))}>${image}</section>` +
      `<section${styleAttr(ctx.s.column(64, 0))}>${text}</section>` +
      `</section>`
  } else {
    body = image + text
  }
  return `<section data-block="productCard"${styleAttr(ctx.s.card)}>${body}${buyAction(ctx, product, blockIndex, cta)}</section>`
}
