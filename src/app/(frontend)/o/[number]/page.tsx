import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import QRCode from 'qrcode'
import React from 'react'

import { orderStatusLabel } from '@/commerce/orderStateMachine'
import { orderTimeline } from '@/commerce/orderTimeline'
import { payPath } from '@/commerce/orderToken'
import { orderForToken } from '@/commerce/orderView'
import { payGateway } from '@/commerce/payGateway'
import { payStepFor } from '@/commerce/payStep'
import { OrderAddress } from '@/components/web/order/OrderAddress'
import { OrderLinks } from '@/components/web/order/OrderLinks'
import { OrderShipment } from '@/components/web/order/OrderShipment'
import { OrderTimeline } from '@/components/web/order/OrderTimeline'
import { RefreshWhilePending } from '@/components/web/pay/RefreshWhilePending'
import { WechatPayButton } from '@/components/web/pay/WechatPayButton'
import { readerOf } from '@/platform/reader'
import { orderPageLinks } from '@/queries/orderPageLinks'
import { publicPayload } from '@/queries/publicPayload'
import { formatFen } from '@/utilities/formatFen'
import { idOf } from '@/utilities/idOf'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '订单详情', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ t?: string | string[]; pay_error?: string | string[] }> }

/** Why 去支付 came back here (src/app/(frontend)/o/[number]/pay/route.ts); an order no longer payable shows its status. */
const PAY_ERRORS: Record<string, string> = {
  BUSY: '排队人数较多，请稍后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，请稍后再试',
  INVALID_BODY: '请在微信内打开本页完成支付',
  INTERNAL: '支付准备失败，请重试',
}

export default async function OrderPage({ params, searchParams }: Props) {
  const { number } = await params
  const query = await searchParams
  const t = query.t
  const view = await orderForToken(await publicPayload(), decodeURIComponent(number), typeof t === 'string' ? t : undefined)
  if (!view) notFound()
  const { order, payments, history } = view
  const pending = order.status === 'pending_payment'
  const step = pending ? payStepFor(payments, (prepayId) => payGateway().client.jsapiPayParams(prepayId)) : null
  const payError = pending && typeof query.pay_error === 'string' ? PAY_ERRORS[query.pay_error] : undefined
  const qr = step?.kind === 'qr' ? await QRCode.toDataURL(step.codeUrl, { margin: 1, width: 220 }) : null
  const links = await orderPageLinks(order)
  // 我的订单 only for the reader this order belongs to (their signed cookie), not for whoever holds the link.
  const ownReader = Boolean(order.reader) && readerOf({ headers: await headers() }).customerId === idOf(order.reader)
  return (
    <article className="order-page">
      <h1>订单 {order.number}</h1>
      <p className={`order-status order-status--${order.status}`} data-status={order.status}>
        {orderStatusLabel(order.status)}
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
      {pending && order.expiresAt ? (
        <p>
          请在 {new Date(order.expiresAt).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' })}{' '}
          前完成支付，超时订单自动取消。
        </p>
      ) : null}
      {payError ? (
        <p className="pay-error" role="alert">
          {payError}
        </p>
      ) : null}
      {pending && !step && typeof t === 'string' ? (
        <p>
          {/* No prepay yet (checkout names the payment; the tap obtains it): the pay route, which sends the buyer on. */}
          <a className="buy" href={payPath(order.number, t)}>
            去支付
          </a>
        </p>
      ) : null}
      {step?.kind === 'link' ? (
        <p>
          {/* The page itself is no-referrer (its URL carries the buyer's token); WeChat's H5 cashier checks that the
              Referer is our registered domain, so this link sends the origin only. */}
          <a className="buy" href={step.href} referrerPolicy="origin">
            去支付
          </a>
        </p>
      ) : null}
      {step?.kind === 'jsapi' ? <WechatPayButton params={step.params} /> : null}
      {qr ? (
        <figure className="pay-qr" data-testid="pay-qr">
          <img src={qr} width={220} height={220} alt="微信支付二维码" />
          <figcaption>请用微信扫一扫完成支付，支付后本页自动更新</figcaption>
          <RefreshWhilePending />
        </figure>
      ) : null}
      {payments.some((p) => p.sandbox) ? <p className="sandbox-note">沙箱演示订单，未真实扣款</p> : null}
      <OrderAddress buyer={order.buyer} />
      <OrderShipment shipment={order.shipment} />
      <OrderTimeline steps={orderTimeline(order, history)} />
      <details>
        <summary>订单记录</summary>
        <ol>
          {history.map((e) => (
            <li key={e.id}>
              {new Date(e.createdAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai' })} {orderStatusLabel(e.to)}
            </li>
          ))}
        </ol>
      </details>
      <OrderLinks links={links} myOrders={ownReader} unpaid={pending} />
    </article>
  )
}
