import type { Payload } from 'payload'

import type { OrderStatus } from '@/collections/Orders/statuses'
import type { Order } from '@/payload-types'

import { recordOrderStep } from './funnel'

/**
 * Side effects of a won order transition, run once by the winner after the history entry is written.
 * Each is idempotent (keyed on order and status) so a crash between them is repaired by a retry.
 */
export async function onOrderTransition(payload: Payload, order: Order, from: OrderStatus, to: OrderStatus): Promise<void> {
  if (to === 'paid' || to === 'refunded') await recordOrderStep(payload, order, to)
}
