import React from 'react'

import { orderStatusLabel } from '@/commerce/orderStateMachine'
import type { ReaderOrderRow } from '@/commerce/readerOrders'
import { beijingMinute } from '@/platform/beijingTime'
import { formatFen } from '@/utilities/formatFen'

import './order.css'

/** 我的订单's rows: number, status, first item, total and date, each opening the order page. */
export function ReaderOrderList({ rows }: { rows: ReaderOrderRow[] }) {
  if (!rows.length) return <p className="order-muted">还没有订单</p>
  return (
    <ul className="order-list" data-testid="reader-orders">
      {rows.map((row) => (
        <li key={row.id} data-order={row.number}>
          <RowBody row={row} />
        </li>
      ))}
    </ul>
  )
}

function RowBody({ row }: { row: ReaderOrderRow }) {
  const body = (
    <>
      <span className="order-row-head">
        <span>订单 {row.number}</span>
        <span data-status={row.status}>{orderStatusLabel(row.status)}</span>
      </span>
      <span className="order-row-title">{row.title}</span>
      <span className="order-row-foot">
        <time>{beijingMinute(row.createdAt)}</time>
        <strong>{formatFen(row.total)}</strong>
      </span>
    </>
  )
  // An order without a stored token (placed before tokens were kept) is listed without a link.
  return row.path ? <a href={row.path}>{body}</a> : <div className="order-list-item">{body}</div>
}
