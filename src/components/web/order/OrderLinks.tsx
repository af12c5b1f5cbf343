import Link from 'next/link'
import React from 'react'

import type { OrderPageLinks } from '@/queries/orderPageLinks'

import './order.css'

/**
 * Where the buyer goes from the order page: 联系客服 (the brand's community), 我的订单, and the first item's product
 * page — 返回商品页 while the order is unpaid, 继续逛逛 once it is.
 */
export function OrderLinks({ links, myOrders, unpaid }: { links: OrderPageLinks; myOrders: boolean; unpaid: boolean }) {
  return (
    <nav className="order-links" aria-label="订单相关链接">
      {links.communityPath ? <a href={links.communityPath}>联系客服</a> : null}
      {myOrders ? (
        <Link href="/o" prefetch={false}>
          我的订单
        </Link>
      ) : null}
      {links.productPath ? <a href={links.productPath}>{unpaid ? '返回商品页' : '继续逛逛'}</a> : null}
    </nav>
  )
}
