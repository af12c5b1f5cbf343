import sanitizeHtml from 'sanitize-html'

// What the draft box does to `content` (wechat-api.md §5.2 item 10, wechat-html.md a.1–a.6): JS and
// <style> go, `on*` handlers, `id` and `class` go, form controls and embeds go, <img> not from
// uploadimg/add_material is dropped, and links to anything but mp.weixin.qq.com lose their href.
const DROPPED_WITH_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'canvas',
  'textarea',
  'select',
  'button',
]
const DROPPED_KEEP_TEXT = ['html', 'head', 'body', 'meta', 'link', 'title', 'base', 'form', 'input', 'picture', 'source', 'frame', 'frameset']

const isWechatArticleLink = (href: string) => {
  try {
    const url = new URL(href)
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname === 'mp.weixin.qq.com'
  } catch {
    return false
  }
}

export function sanitizeDraftContent(html: string, isAllowedImage: (src: string | undefined) => boolean): string {
  return sanitizeHtml(html, {
    allowedTags: false,
    allowedAttributes: false,
    allowVulnerableTags: true,
    disallowedTagsMode: 'discard',
    nonTextTags: DROPPED_WITH_CONTENT,
    transformTags: {
      '*': (tagName, attribs) => {
        const kept: Record<string, string> = {}
        for (const [name, value] of Object.entries(attribs)) {
          const lower = name.toLowerCase()
          if (lower.startsWith('on') || lower === 'id' || lower === 'class' || lower === 'srcset') continue
          if ((lower === 'href' || lower === 'src' || lower === 'xlink:href') && /^\s*(javascript|vbscript|data):/i.test(value)) continue
          kept[name] = value
        }
        // Mini-program links keep their data-miniprogram-* attributes and an empty href (wechat-html.md a.5).
        if (tagName === 'a' && kept.href !== undefined && !isWechatArticleLink(kept.href) && !kept['data-miniprogram-appid']) delete kept.href
        return { tagName, attribs: kept }
      },
    },
    exclusiveFilter: (frame) => DROPPED_WITH_CONTENT.includes(frame.tag) || (frame.tag === 'img' && !isAllowedImage(frame.attribs.src)),
  }).replace(new RegExp(`</?(${DROPPED_KEEP_TEXT.join('|')})\\b[^>]*>`, 'gi'), '')
}
