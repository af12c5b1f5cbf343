// What commerce sends through the outbox (src/platform/outbox): side effects that must not slow or fail the
// request that caused them. Each handler is idempotent, since a message can run again after a crash.
import type { Payload } from 'payload'

import { recordEvent } from '@/analytics/record'
import { onOutbox } from '@/platform/outbox'

export const ORDER_STEP_TOPIC = 'funnel.order_step'

/** An order step counted in the funnel with the attribution it carries (deduplicated per order and step). */
export type OrderStepMessage = {
  order: string
  type: 'checkout_started' | 'paid' | 'refunded'
  brand: string
  product?: string
  article?: string
  block?: number
  sharer?: string
  amount?: number
}

export const orderStepMessage = (data: OrderStepMessage) => ({ topic: ORDER_STEP_TOPIC, data: data as unknown as Record<string, unknown> })

async function recordOrderStep(payload: Payload, raw: Record<string, unknown>): Promise<void> {
  const m = raw as unknown as OrderStepMessage
  await recordEvent(payload, {
    type: m.type,
    brand: m.brand,
    article: m.article,
    block: m.block,
    sharer: m.sharer,
    product: m.product,
    order: m.order,
    amount: m.amount,
    dedupeKey: `order:${m.order}:${m.type}`,
  })
}

export function registerCommerceOutboxHandlers(): void {
  onOutbox(ORDER_STEP_TOPIC, recordOrderStep)
}
