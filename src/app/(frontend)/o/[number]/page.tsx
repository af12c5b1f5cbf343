import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { ORDER_STATUSES } from '@/collections/Orders/statuses'
import { orderForToken } from '@/commerce/orderView'
import { publicPayload } from '@/queries/publicPayload'
import { formatFen } from '@/utilities/formatFen'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '我的订单', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ t?: string | string[] }> }

const label = (status: string) => ORDER_STATUSES.find((s) => s.value === status)?.zh ?? status

export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params
  const t = (await searchParams).t
  const view = await orderForToken(await publicPayload(), decodeURIComponent(number), typeof t === 'string' ? t : undefined)
  if (!view) notFound()
  const { order, payments, history } = view
  const pending = order.status === 'pending_payment'
  const payUrl = pending ? payments.find((p) => p.status === 'pending' && p.payUrl)?.payUrl : undefined
  return (
    <article className="order-page">
      <h1>订单 {order.number}</h1>
      <p className={`order-status order-status--${order.status}`} data-status={order.status}>
        {label(order.status)}
      </p>
      <ul className="order-items">
        {order.items.map((item) => (
          <li key={item.id ?? item.title}>
            {item.title} × {item.quantity} <span>{formatFen(item.unitPrice * item.quantity)}</span>
          </li>
        ))}
      </ul>
      {order.discount ? (
        <p className="order-discount" data-discount={order.discount}>
          商品金额 {formatFen(order.subtotal ?? order.total + order.discount)}，优惠券 −{formatFen(order.discount)}
        </p>
      ) : null}
      <p className="order-total">
        合计 <strong>{formatFen(order.total)}</strong>
      </p>
      {pending && order.expiresAt ? <p>请在 {new Date(order.expiresAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })} 前完成支付，超时订单自动取消。</p> : null}
      {payUrl ? (
        <p>
          <a className="buy" href={payUrl}>
            去支付
          </a>
        </p>
      ) : null}
      {payments.some((p) => p.sandbox) ? <p className="sandbox-note">沙箱演示订单，未真实扣款</p> : null}
      <details>
        <summary>订单记录</summary>
        <ol>
          {history.map((e) => (
            <li key={e.id}>
              {new Date(e.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {label(e.to)}
            </li>
          ))}
        </ol>
      </details>
    </article>
  )
}
