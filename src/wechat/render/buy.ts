import type { RenderContext } from './context'
import { escapeHtml } from './escape'
import { landingUrl, miniProgramPath } from './products'
import { qrImageUrl } from './qr'
import { styleAttr } from './style'
import type { ProductLike } from './types'

/**
 * How a reader buys from inside WeChat, where external links are removed: a mini-program link when the brand
 * has one, otherwise a QR code of the landing page (and 阅读原文, set to the first product's landing page).
 */
export function buyAction(ctx: RenderContext, product: ProductLike, blockIndex: number, ctaText: string, compact = false): string {
  const landing = landingUrl(ctx, product, blockIndex)
  if (landing && !ctx.contentSourceUrl) ctx.contentSourceUrl = landing
  if (ctx.miniProgram) {
    const path = miniProgramPath(ctx, product, blockIndex)
    return `<p style="margin:0"><a href="" data-miniprogram-appid="${escapeHtml(ctx.miniProgram.appId)}" data-miniprogram-path="${escapeHtml(path)}" data-miniprogram-type="text"${styleAttr(ctx.s.cta)}>${escapeHtml(ctaText)}</a></p>`
  }
  if (!landing) {
    ctx.warn(ctx.baseUrl ? `商品「${product.title ?? ''}」缺少 slug，无法生成购买二维码` : '未设置站点地址 baseUrl，无法生成购买二维码和「阅读原文」链接')
    return ''
  }
  const imageUrl = qrImageUrl(ctx.baseUrl!, landing)
  const resolved = ctx.images.resolve(imageUrl)
  if ('problem' in resolved) return ''
  if (!ctx.qrCodes.some((q) => q.imageUrl === imageUrl)) ctx.qrCodes.push({ imageUrl, landingUrl: landing })
  const hint = ctx.contentSourceUrl === landing ? `长按识别二维码${ctaText}，或点击文末「阅读原文」` : `长按识别二维码${ctaText}`
  const size = compact ? { width: '96px' } : undefined
  return `<img src="${escapeHtml(resolved.src)}" alt="购买二维码"${styleAttr(ctx.s.qrImg, size)}>` + `<p${styleAttr(ctx.s.qrHint)}>${escapeHtml(hint)}</p>`
}
