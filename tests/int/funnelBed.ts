// Shared helpers for the funnel/identity integration tests: in-process REST calls with raw headers, articles and orders.
import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'

import { recordOrderStep } from '@/commerce/funnel'
import type { Article, Order } from '@/payload-types'
import { doc, paragraph, productCard } from '@/seed/lexical'

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }

/** Calls our REST handlers with arbitrary headers and returns the raw Response (headers, redirects, cookies). */
export async function call(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<Response> {
  const full = url.startsWith('http') ? url : `http://localhost${url}`
  const request = new Request(full, { method: init.method ?? 'GET', headers: init.headers, body: init.body })
  const slug = new URL(full).pathname.replace(/^\/api\//, '').split('/')
  return handlers[init.method ?? 'GET'](request, { params: Promise.resolve({ slug }) })
}

let n = 0
export async function makeArticle(payload: Payload, brand: string, title: string, productIds: string[] = []): Promise<Article> {
  return (await payload.create({
    collection: 'articles',
    data: {
      title,
      slug: `funnel-${++n}-${Date.now()}`,
      brand,
      content: doc(paragraph(title), ...productIds.map((id) => productCard(id))) as never,
      _status: 'published',
    } as never,
  })) as Article
}

export async function makeOrder(
  payload: Payload,
  input: {
    brand: string
    product: string
    quantity?: number
    unitPrice?: number
    status?: Order['status']
    article?: string
    block?: number
    paidAt?: Date | null
  },
): Promise<Order> {
  const quantity = input.quantity ?? 1
  const unitPrice = input.unitPrice ?? 1290
  const status = input.status ?? 'paid'
  const order = (await payload.create({
    collection: 'orders',
    overrideAccess: true,
    data: {
      number: `T${Date.now()}${++n}`,
      status,
      items: [{ product: input.product, title: '测试商品', unitPrice, quantity }],
      total: unitPrice * quantity,
      brand: input.brand,
      attribution: { article: input.article, block: input.block },
      paidAt: input.paidAt === null || status === 'pending_payment' ? undefined : (input.paidAt ?? new Date()).toISOString(),
    } as never,
  })) as Order
  // What commerce records on the way (src/commerce/funnel.ts): paid, then refunded for a refunded order.
  if (status !== 'pending_payment' && status !== 'cancelled') await recordOrderStep(payload, order, 'paid')
  if (status === 'refunded') await recordOrderStep(payload, order, 'refunded')
  return order
}
