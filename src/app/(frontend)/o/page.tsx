import type { Metadata } from 'next'
import { headers } from 'next/headers'
import React from 'react'

import { readerOrders, readerOrdersPage } from '@/commerce/readerOrders'
import { ReaderOrderList } from '@/components/web/order/ReaderOrderList'
import { readerOf } from '@/platform/reader'
import { publicPayload } from '@/queries/publicPayload'

import '@/components/web/order/order.css'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '我的订单', robots: { index: false, follow: false }, referrer: 'no-referrer' }

type Props = { searchParams: Promise<{ page?: string | string[] }> }

/** 我的订单: the orders of the WeChat reader the signed `tw_reader` cookie names; nobody else's, whatever the query says. */
export default async function ReaderOrdersPage({ searchParams }: Props) {
  const customerId = readerOf({ headers: await headers() }).customerId
  if (!customerId) return <NotRecognised />
  const page = readerOrdersPage((await searchParams).page)
  const { rows, nextPage } = await readerOrders(await publicPayload(), customerId, page)
  return (
    <article className="order-page">
      <h1>我的订单</h1>
      <ReaderOrderList rows={rows} />
      {nextPage ? (
        <a className="order-more" href={`/o?page=${nextPage}`}>
          更早的订单
        </a>
      ) : null}
    </article>
  )
}

function NotRecognised() {
  return (
    <article className="order-page" data-testid="reader-unknown">
      <h1>我的订单</h1>
      <section className="order-section">
        <p>请在微信内打开：从公众号进入商品页后，这里会列出您的订单。</p>
        <p className="order-muted">订单通知里的「查看详情」链接也可以直接打开对应订单。</p>
      </section>
    </article>
  )
}
