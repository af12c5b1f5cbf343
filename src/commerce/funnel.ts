import type { Payload } from 'payload'

import { recordEvent, recordEvents } from '@/analytics/record'
import { allocateTotal } from '@/analytics/rollup'
import type { Order } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

/** An order step as the funnel counts it, with the attribution the order carries (article, block, sharer). */
export type OrderStep = {
  order: string
  type: 'checkout_started' | 'paid' | 'refunded'
  brand: string
  product?: string
  article?: string
  block?: number
  sharer?: string
  /** The buyer's hashed funnel visitor, when the checkout carried the visitor cookie. */
  visitor?: string
  amount?: number
  /** paid / refunded: the lines with their share of the total (after discounts), for the product figures. */
  items?: { product: string; units: number; amount: number }[]
}

/** The step of an order document (paid and refunded count the order's total). */
export function orderStepOf(order: Order, type: OrderStep['type']): OrderStep {
  const attribution = order.attribution ?? {}
  return {
    order: order.id,
    type,
    brand: idOf(order.brand) as string,
    product: idOf(order.items?.[0]?.product),
    article: attribution.article ?? undefined,
    block: typeof attribution.block === 'number' ? attribution.block : undefined,
    sharer: attribution.sharer ?? undefined,
    visitor: attribution.visitor ?? undefined,
    amount: type === 'checkout_started' ? undefined : order.total,
    items: type === 'checkout_started' ? undefined : lineShares(order),
  }
}

const lineShares = (order: Order) =>
  allocateTotal(
    order.total,
    (order.items ?? []).flatMap((item) => {
      const product = idOf(item.product)
      return product ? [{ product, unitPrice: item.unitPrice, quantity: item.quantity }] : []
    }),
  )

/** Counts a step, keyed on the order and step, so a retried settle or a replayed callback never counts twice; never throws. */
export async function recordStep(payload: Payload, step: OrderStep): Promise<void> {
  await recordEvent(payload, { ...step, dedupeKey: `order:${step.order}:${step.type}` })
}

/** Counts many steps in one write (the outbox's batch); idempotent like recordStep, and throws when the write fails. */
export async function recordSteps(payload: Payload, steps: OrderStep[]): Promise<void> {
  await recordEvents(
    payload,
    steps.map((step) => ({ ...step, dedupeKey: `order:${step.order}:${step.type}` })),
  )
}

export const recordOrderStep = (payload: Payload, order: Order, type: OrderStep['type']) => recordStep(payload, orderStepOf(order, type))
