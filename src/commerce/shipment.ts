// The parcel of a shipped order: which carrier and which tracking number, required by the 发货 action.
import type { Payload } from 'payload'

import type { Order } from '@/payload-types'

import { type Carrier, isCarrier, isTrackingNumber, TRACKING_NUMBER_MESSAGE } from './carriers'
import { invalid } from './errors'

export type ShipmentInput = { carrier: Carrier; trackingNumber: string }

/** The shipment from an action's body, or a 400 naming the field that is missing or wrong. */
export function shipmentInput(raw: { carrier?: unknown; trackingNumber?: unknown } | undefined): ShipmentInput {
  if (!isCarrier(raw?.carrier)) throw invalid('carrier', '请选择快递公司')
  const trackingNumber = typeof raw?.trackingNumber === 'string' ? raw.trackingNumber.trim() : ''
  if (!trackingNumber) throw invalid('trackingNumber', '请填写运单号')
  if (!isTrackingNumber(trackingNumber)) throw invalid('trackingNumber', TRACKING_NUMBER_MESSAGE)
  return { carrier: raw.carrier, trackingNumber }
}

/** Writes the shipment (or puts the previous one back); the order's update access is nobody's, so this overrides it. */
export async function writeShipment(payload: Payload, orderId: string, shipment: Order['shipment'] | null) {
  await payload.update({
    collection: 'orders',
    id: orderId,
    data: { shipment: shipment ?? { carrier: null, trackingNumber: null, shippedAt: null } },
    overrideAccess: true,
    depth: 0,
  })
}
