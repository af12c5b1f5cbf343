import type { Payload } from 'payload'

import { recordEvent } from '@/analytics/record'
import type { Order } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

/**
 * Counts an order step in the funnel with the attribution it carries (article, block, sharer). Keyed on the
 * order and step, so a retried settle or a replayed callback never counts twice; never throws.
 */
export async function recordOrderStep(payload: Payload, order: Order, type: 'checkout_started' | 'paid' | 'refunded'): Promise<void> {
  const attribution = order.attribution ?? {}
  await recordEvent(payload, {
    type,
    brand: idOf(order.brand),
    article: attribution.article ?? undefined,
    block: typeof attribution.block === 'number' ? attribution.block : undefined,
    sharer: attribution.sharer ?? undefined,
    product: idOf(order.items?.[0]?.product),
    order: order.id,
    amount: type === 'checkout_started' ? undefined : order.total,
    dedupeKey: `order:${order.id}:${type}`,
  })
}
