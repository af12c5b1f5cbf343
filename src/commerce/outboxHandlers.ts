// What commerce sends through the outbox (src/platform/outbox): side effects that must not slow or fail the
// request that caused them. Each handler is idempotent, since a message can run again after a crash.
import { onOutbox } from '@/platform/outbox'

import { type OrderStep, recordStep } from './funnel'

export const ORDER_STEP_TOPIC = 'funnel.order_step'

export const orderStepMessage = (step: OrderStep) => ({ topic: ORDER_STEP_TOPIC, data: step as unknown as Record<string, unknown> })

export function registerCommerceOutboxHandlers(): void {
  onOutbox(ORDER_STEP_TOPIC, (payload, data) => recordStep(payload, data as unknown as OrderStep))
}
