// GET /p/<slug>/start: where a 秒杀 landing page sends a reader without JavaScript (its <noscript> meta refresh).
// Within HOLD_MS of the start the answer waits until the start, then 303s to the page, which by then is rendered
// afresh and buyable (src/commerce/flashSaleCache.ts); earlier, it 303s straight back and the page asks again later.
// The landing page's query (from, b, sharer: the article attribution) is carried over from the Referer.
import { armSaleStart, HOLD_MS, START_MARGIN_MS } from '@/commerce/flashSaleCache'

import { saleOfSlug } from '../sale'

export const dynamic = 'force-dynamic'

const ATTRIBUTION = ['from', 'b', 'sharer', 'ch'] as const

function landingPath(slug: string, request: Request): string {
  const path = `/p/${encodeURIComponent(slug)}`
  const query = new URLSearchParams()
  try {
    const referer = new URL(request.headers.get('referer') ?? '')
    if (decodeURIComponent(referer.pathname) === `/p/${slug}`) {
      for (const key of ATTRIBUTION) {
        const value = referer.searchParams.get(key)
        if (value && value.length <= 64) query.set(key, value)
      }
    }
  } catch {
    // no usable Referer: the plain page
  }
  const q = query.toString()
  return q ? `${path}?${q}` : path
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms)
    signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
  })

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const sale = await saleOfSlug(slug)
  if (sale?.startsAtMs) {
    await armSaleStart(sale.id, sale.startsAtMs)
    const wait = sale.startsAtMs + START_MARGIN_MS - Date.now()
    if (wait > 0 && wait <= HOLD_MS + START_MARGIN_MS) await sleep(wait, request.signal)
  }
  return new Response(null, { status: 303, headers: { location: landingPath(slug, request), 'cache-control': 'no-store' } })
}
