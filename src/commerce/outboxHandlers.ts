// What commerce sends through the outbox (src/platform/outbox): side effects that must not slow or fail the
// request that caused them. Each handler is idempotent, since a message can run again after a crash.
import type { Order } from '@/payload-types'
import { publish } from '@/platform/events'
import { onOutbox, onOutboxBatch } from '@/platform/outbox'

import { type OrderStep, recordSteps } from './funnel'
import type { OrderStatus } from './orderStateMachine'

export const ORDER_STEP_TOPIC = 'funnel.order_step'

export const orderStepMessage = (step: OrderStep) => ({ topic: ORDER_STEP_TOPIC, data: step as unknown as Record<string, unknown> })

/** A transition committed by an atomic step of src/db (settlement): its `order.transitioned` is published from here. */
export const ORDER_TRANSITIONED_TOPIC = 'order.transitioned'
export type CommittedTransition = { order: string; from: OrderStatus; to: OrderStatus; reason: string; actor: string }

export const orderTransitionedMessage = (t: CommittedTransition) => ({ topic: ORDER_TRANSITIONED_TOPIC, data: t as unknown as Record<string, unknown> })

export function registerCommerceOutboxHandlers(): void {
  // A sale's checkout_started steps: one funnel write per drained batch, not one per order.
  onOutboxBatch(ORDER_STEP_TOPIC, (payload, data) => recordSteps(payload, data as unknown as OrderStep[]))
  // The subscribers are idempotent (keyed on order and status), so a message run again after a crash is safe.
  onOutbox(ORDER_TRANSITIONED_TOPIC, async (payload, data) => {
    const t = data as unknown as CommittedTransition
    const order = (await payload.findByID({ collection: 'orders', id: t.order, depth: 0, overrideAccess: true })) as Order
    await publish(payload, 'order.transitioned', { order, from: t.from, to: t.to, reason: t.reason, actor: t.actor })
  })
}
