// GET /p/<slug>/clock → { now, startsAt }: the server's clock for the landing page's 秒杀 countdown (the page itself
// is cached, so the time embedded in it is its render time). Also (re)arms the page's expiry at the start on this
// instance (src/commerce/flashSaleCache.ts), e.g. after a restart.
import { armSaleStart } from '@/commerce/flashSaleCache'

import { saleOfSlug } from '../sale'

export const dynamic = 'force-dynamic'

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const sale = await saleOfSlug(slug)
  if (sale?.startsAtMs) await armSaleStart(sale.id, sale.startsAtMs)
  return Response.json(
    { now: Date.now(), startsAt: sale?.startsAtMs ? new Date(sale.startsAtMs).toISOString() : null },
    { status: sale ? 200 : 404, headers: { 'cache-control': 'no-store' } },
  )
}
