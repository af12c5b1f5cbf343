/** Parses an absolute http(s) URL; anything else (javascript:, data:, relative, garbage) → undefined. */
export function parseHttpUrl(value: unknown): URL | undefined {
  if (typeof value !== 'string' || value.length > 4096) return undefined
  try {
    const url = new URL(value.trim())
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined
  } catch {
    return undefined
  }
}

export function isMpWeixinUrl(url: URL): boolean {
  return url.hostname === 'mp.weixin.qq.com'
}

export function isMmbizUrl(url: URL): boolean {
  return url.protocol === 'https:' && url.hostname === 'mmbiz.qpic.cn'
}

/** `https://shop.example.com/` → `https://shop.example.com` (origin plus optional path prefix, no trailing slash). */
export function normaliseBaseUrl(value: string): string | undefined {
  const url = parseHttpUrl(value)
  if (!url || url.search || url.hash || url.username || url.password) return undefined
  return (url.origin + url.pathname).replace(/\/+$/, '')
}
