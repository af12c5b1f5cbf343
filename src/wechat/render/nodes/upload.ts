import type { RenderContext } from '../context'
import { escapeHtml } from '../escape'
import { isRecord, type LexNode } from '../lexical'
import { refLabel, resolveMedia } from '../media'
import { placeholder } from '../placeholder'
import { styleAttr } from '../style'

/** Uploads: a block image (no width/height attributes, no <picture>/srcset), optional caption. */
export function renderUpload(node: LexNode, ctx: RenderContext): string {
  const media = resolveMedia(node.value, ctx)
  const fields = isRecord(node.fields) ? node.fields : {}
  if (!media) return placeholder(ctx, `[图片缺失：${refLabel(node.value)}]`, `找不到图片（媒体 ${refLabel(node.value)}），已显示占位`)
  if (typeof media.mimeType === 'string' && !media.mimeType.startsWith('image/')) {
    const name = media.filename || media.alt || refLabel(node.value)
    return placeholder(ctx, `[附件：${name}]`, `公众号正文不能插入附件「${name}」，已显示占位`)
  }
  const alt = typeof fields.alt === 'string' && fields.alt ? fields.alt : (media.alt ?? '')
  const resolved = ctx.images.resolve(media.url)
  if ('problem' in resolved) return placeholder(ctx, `[图片无法显示：${alt || refLabel(node.value)}]`, resolved.problem)
  const caption = typeof fields.caption === 'string' && fields.caption.trim() ? fields.caption : ''
  const html =
    `<section${styleAttr(ctx.s.figure)}><img src="${escapeHtml(resolved.src)}" alt="${escapeHtml(alt)}"${styleAttr(ctx.s.img)}>` +
    (caption ? `<p${styleAttr(ctx.s.caption)}>${escapeHtml(caption)}</p>` : '') +
    `</section>`
  if (!ctx.deferredImages) return html
  ctx.deferredImages.push(html)
  return escapeHtml(`[图${ctx.deferredImages.length}见表格下方]`)
}
