import { buyAction } from '../../wechat/render/buy'
import type { WechatBlockConverter } from '../../wechat/render/context'
import { placeholder } from '../../wechat/render/placeholder'
import { priceHtml, productImageHtml, productOrPlaceholder, saleHtml, titleHtml } from '../../wechat/render/productParts'
import { styleAttr } from '../../wechat/render/style'

/** `productGrid` → rows of two inline-block cells (the layout WeChat keeps), each with its own QR / mini-program link. */
export const productGridToWechat: WechatBlockConverter = (fields, ctx) => {
  const blockIndex = ctx.productBlockIndex(fields)
  const refs = Array.isArray(fields.products) ? fields.products.slice(0, 6) : []
  if (!refs.length) return placeholder(ctx, '[商品宫格：未选择商品]', '商品宫格没有选择商品')
  const cells = refs.map((ref) => {
    const found = productOrPlaceholder(ref, ctx)
    if ('html' in found) return found.html
    const { product } = found
    return (
      productImageHtml(ctx, product) +
      titleHtml(ctx, product) +
      saleHtml(ctx, product) +
      priceHtml(ctx, product) +
      buyAction(ctx, product, blockIndex, '购买', true)
    )
  })
  let rows = ''
  for (let i = 0; i < cells.length; i += 2) {
    const right = cells[i + 1]
    rows +=
      `<section${styleAttr(ctx.s.columns, { 'margin-bottom': '12px' })}>` +
      `<section${styleAttr(ctx.s.column(47, 4))}>${cells[i]}</section>` +
      (right !== undefined ? `<section${styleAttr(ctx.s.column(47, 0))}>${right}</section>` : '') +
      `</section>`
  }
  return `<section data-block="productGrid"${styleAttr(ctx.s.card)}>${rows}</section>`
}
