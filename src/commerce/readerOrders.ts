// 我的订单: a recognised WeChat reader's own orders, newest first, a page of 20 at a time. The reader is always the
// one their signed `tw_reader` cookie names (src/platform/reader), never one a query parameter names.
import type { Payload } from 'payload'

import type { Order } from '@/payload-types'

import { storedOrderPath } from './orderLink'

export const READER_ORDERS_PAGE_SIZE = 20
/** Deeper pages are not offered: a reader with more than 2 000 orders finds the rest through the notifications. */
export const READER_ORDERS_MAX_PAGE = 100

export type ReaderOrderRow = { id: string; number: string; status: string; title: string; total: number; createdAt: string; path?: string }

export type ReaderOrdersPage = { rows: ReaderOrderRow[]; nextPage?: number }

export const readerOrdersPage = (raw: unknown): number => {
  const page = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : 1
  return Math.min(Math.max(page, 1), READER_ORDERS_MAX_PAGE)
}

function rowOf(order: Order & { accessTokenEncrypted?: string | null }): ReaderOrderRow {
  const first = order.items?.[0]
  const more = (order.items?.length ?? 0) > 1 ? ` 等${order.items.length}件` : ''
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    title: `${first?.title ?? ''}${more}`, // the title already names the SKU (checkout writes 「商品（规格）」)
    total: order.total,
    createdAt: order.createdAt,
    path: storedOrderPath(order),
  }
}

export async function readerOrders(payload: Payload, customerId: string | undefined, page = 1): Promise<ReaderOrdersPage> {
  if (!customerId) return { rows: [] }
  const found = await payload.find({
    collection: 'orders',
    where: { reader: { equals: customerId } },
    sort: '-createdAt',
    limit: READER_ORDERS_PAGE_SIZE,
    page: Math.min(Math.max(page, 1), READER_ORDERS_MAX_PAGE),
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const rows = (found.docs as (Order & { accessTokenEncrypted?: string | null })[]).map(rowOf)
  const nextPage = found.hasNextPage && found.page! < READER_ORDERS_MAX_PAGE ? found.page! + 1 : undefined
  return { rows, ...(nextPage ? { nextPage } : {}) }
}
