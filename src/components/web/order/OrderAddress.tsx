import React from 'react'

import type { Order } from '@/payload-types'
import { maskPhone } from '@/utilities/maskPhone'

import './order.css'

/** 收货信息: who receives the parcel and where; the phone half-hidden (the page may be shown to others). */
export function OrderAddress({ buyer }: { buyer: Order['buyer'] }) {
  if (!buyer?.name && !buyer?.phone && !buyer?.address) return null
  return (
    <section className="order-section" data-testid="order-address" aria-labelledby="order-address-title">
      <h2 id="order-address-title">收货信息</h2>
      <p>
        {buyer.name ? <span>{buyer.name}</span> : null} {buyer.phone ? <span data-phone>{maskPhone(buyer.phone)}</span> : null}
      </p>
      {buyer.address ? <p>{buyer.address}</p> : null}
    </section>
  )
}
