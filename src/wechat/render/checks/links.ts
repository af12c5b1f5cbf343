import type { Report } from './document'
import { describe, type Doc, textContent } from './dom'

const MP_HOST = 'mp.weixin.qq.com'
const REF_LINE = /^\[(\d+)\]\s+(?:(.*?):\s+)?(https?:\/\/\S+)$/

function host(href: string): string | undefined {
  try {
    return new URL(href).hostname
  } catch {
    return undefined
  }
}

/** Cases 8–14: only mp.weixin.qq.com and mini-program links; footnotes consistent. */
export function checkLinks(doc: Doc, report: Report): void {
  for (const el of doc.elements) {
    if (el.name === 'a') {
      const href = el.attribs.href
      const appid = el.attribs['data-miniprogram-appid']
      if (appid !== undefined) {
        if (!/^wx[0-9a-f]{16}$/.test(appid)) report('13', `mini-program appid "${appid.slice(0, 30)}" is not wx + 16 hex digits`)
        if (!el.attribs['data-miniprogram-path']?.trim()) report('13', 'mini-program link without data-miniprogram-path')
        if (href !== '') report('13', `mini-program link must have href="" (got ${href === undefined ? 'none' : `"${href.slice(0, 40)}"`})`)
        continue
      }
      if (href === undefined) continue
      if (href.startsWith('#')) report('12', `in-page anchor href="${href.slice(0, 40)}"`)
      else if (host(href) !== MP_HOST || !href.startsWith('https://')) report('8', `link to ${href.slice(0, 60)} (only https://${MP_HOST} is kept)`)
      else if (!doc.prop(el, 'color')) report('11', `mp.weixin.qq.com link ${describe(el)} has no inline colour`)
    }
    if (el.name === 'mp-miniprogram') {
      for (const a of ['data-miniprogram-appid', 'data-miniprogram-path', 'data-miniprogram-title']) {
        if (!el.attribs[a]?.trim()) report('14', `<mp-miniprogram> without ${a}`)
      }
      const image = el.attribs['data-miniprogram-imageurl'] ?? ''
      if (host(image) !== 'mmbiz.qpic.cn') report('14', '<mp-miniprogram> image must be on mmbiz.qpic.cn')
    }
  }
  checkFootnotes(doc, report)
}

/** Footnote references `[n]` in <sup> must resolve to one reference line each, one line per URL (cases 8–10). */
function checkFootnotes(doc: Doc, report: Report): void {
  const refs = new Map<number, { label?: string; url: string }>()
  const urls = new Map<string, number>()
  for (const el of doc.elements) {
    if (el.name !== 'p' && el.name !== 'section') continue
    const m = REF_LINE.exec(textContent(el).trim())
    if (!m || el.children.some((c) => c.type === 'tag' && c.name !== 'span')) continue
    const n = Number(m[1])
    const url = m[3]!
    if (urls.has(url) && urls.get(url) !== n) report('9', `${url} listed twice ([${urls.get(url)}] and [${n}])`)
    urls.set(url, n)
    if (m[2] !== undefined && m[2].replace(/\/+$/, '') === url.replace(/\/+$/, '')) report('10', `reference [${n}] repeats its URL as label`)
    refs.set(n, { label: m[2], url })
  }
  for (const el of doc.elements) {
    if (el.name !== 'sup') continue
    const m = /^\[(\d+)\]$/.exec(textContent(el).trim())
    if (m && !refs.has(Number(m[1]))) report('8', `footnote [${m[1]}] has no reference line`)
  }
}
