import React from 'react'

import { carrierLabel, trackingUrl } from '@/commerce/carriers'
import type { Order } from '@/payload-types'

import './order.css'

/** 物流: the carrier, the tracking number and the carrier's public tracking page; nothing before 发货. */
export function OrderShipment({ shipment }: { shipment: Order['shipment'] }) {
  if (!shipment?.carrier || !shipment.trackingNumber) return null
  return (
    <section className="order-section" data-testid="order-shipment" aria-labelledby="order-shipment-title">
      <h2 id="order-shipment-title">物流</h2>
      <p>
        {carrierLabel(shipment.carrier)} <span data-tracking-number>{shipment.trackingNumber}</span>
      </p>
      <p>
        <a href={trackingUrl(shipment.carrier, shipment.trackingNumber)} target="_blank" rel="noopener noreferrer">
          查看物流详情
        </a>
      </p>
    </section>
  )
}
