import { isSkuCode } from '../../commerce/skuView'

const LANDING = /^\/p\/([^/]+)$/

/**
 * `/p/<slug>?sku=<sku>` (a card that names a SKU) is served by the page `/p/<slug>/s/<sku>`, so the landing page
 * opened on a SKU is one cached (ISR) page per SKU, never a render per query string. The browser keeps the URL it
 * asked for, so ?from/b/sharer still reach the buy form. A malformed `sku` is ignored: the plain landing page.
 */
export function skuPageFor(url: URL): URL | undefined {
  const slug = LANDING.exec(url.pathname)?.[1]
  const sku = url.searchParams.get('sku')
  if (!slug || !isSkuCode(sku)) return undefined
  const target = new URL(url)
  target.pathname = `/p/${slug}/s/${sku}`
  target.search = ''
  return target
}
