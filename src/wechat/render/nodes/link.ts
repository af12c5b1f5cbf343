import { internalLinkPath, safeLinkHref } from '../../../utilities/safeUrl'
import type { RenderChildren, RenderContext } from '../context'
import { escapeHtml } from '../escape'
import { isRecord, type LexNode, plainText } from '../lexical'
import { styleAttr } from '../style'
import { isMpWeixinUrl } from '../urls'

/** Internal links point at our own public pages when the target document is populated. */
function internalHref(fields: Record<string, unknown>, ctx: RenderContext): string | undefined {
  const path = internalLinkPath(fields.doc)
  return ctx.baseUrl && path ? `${ctx.baseUrl}${path}` : undefined
}

/**
 * The absolute http(s) URL a link may keep in WeChat, through the same predicate as the web page (safeLinkHref):
 * paths on our own site are resolved against the public origin; anchors, mailto: and tel: do nothing in WeChat.
 */
function wechatUrl(raw: unknown, ctx: RenderContext): URL | undefined {
  const safe = safeLinkHref(raw)
  if (safe?.kind === 'http') return new URL(safe.href)
  if (safe?.kind === 'relative' && safe.href.startsWith('/') && ctx.baseUrl) return new URL(`${ctx.baseUrl}${safe.href}`)
  return undefined
}

const sameUrl = (text: string, url: URL, raw: string) => {
  const t = text.trim().replace(/\/+$/, '')
  return t === raw.trim().replace(/\/+$/, '') || t === url.href.replace(/\/+$/, '') || `https://${t}` === url.href.replace(/\/+$/, '')
}

/**
 * WeChat removes links to any domain but mp.weixin.qq.com, so other links become text plus a numbered
 * footnote; a link whose text is its own URL is already readable and stays plain text.
 */
export function renderLink(node: LexNode, ctx: RenderContext, path: string, renderChildren: RenderChildren): string {
  const inner = renderChildren(node.children, ctx, path)
  const fields = isRecord(node.fields) ? node.fields : {}
  const raw = fields.linkType === 'internal' ? internalHref(fields, ctx) : typeof fields.url === 'string' ? fields.url : node.url
  const url = wechatUrl(raw, ctx)
  if (!url) {
    if (typeof raw === 'string' && raw.trim()) ctx.warn(`已移除无法使用的链接：${raw.slice(0, 60)}`)
    else if (fields.linkType === 'internal') ctx.warn(`站内链接「${plainText(node).slice(0, 20)}」无法解析为公开页面，已按纯文字输出`)
    return inner
  }
  if (isMpWeixinUrl(url)) {
    url.protocol = 'https:'
    return `<a href="${escapeHtml(url.href)}"${styleAttr(ctx.s.mpLink)}>${inner}</a>`
  }
  const label = plainText(node)
  if (sameUrl(label, url, String(raw))) return inner
  const n = ctx.footnotes.add(url.href, label.trim())
  return `${inner}<sup${styleAttr(ctx.s.footnoteRef)}>[${n}]</sup>`
}
