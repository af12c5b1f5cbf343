// SKU variants: per-SKU stock held atomically (never oversold, the product's total following), summed lines,
// unknown/missing variant, the variant's price, release to the right SKU exactly once, and the no-JS buy form.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { expireOrders } from '@/commerce/expire'
import { transitionOrder } from '@/commerce/orderState'
import { holdStock, readStock, readVariantStock, releaseStock } from '@/db/stock'
import type { Product } from '@/payload-types'

import { shutdown } from '../helpers/payload'
import { prepay, rest } from '../helpers/rest'
import { type CheckoutBed, SHIP_TO, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

let t: CheckoutBed

beforeAll(async () => {
  t = await startCheckoutBed()
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

const buy = (json: unknown) => rest('POST', '/checkout', { json })
const line = (product: Product, variant: string | undefined, quantity = 1) => ({ product: product.id, ...(variant ? { variant } : {}), quantity })
const ordersOf = async (productId: string) =>
  (await t.payload.find({ collection: 'orders', where: { 'items.product': { equals: productId } }, limit: 0, pagination: false, overrideAccess: true })).docs

/** [SKU A, SKU B, product total] straight from the database. */
const stockOf = async (p: Product, a = 'A', b = 'B') => [
  await readVariantStock(t.payload, p.id, a),
  await readVariantStock(t.payload, p.id, b),
  await readStock(t.payload, p.id),
]

const tea = () =>
  t.variantProduct([
    { sku: 'A', name: '50g 尝鲜装', price: 6800, stock: 30 },
    { sku: 'B', name: '250g 罐装', stock: 10 },
  ])

describe('products with variants', () => {
  it('validates SKUs in Chinese and keeps the product stock as the sum of its variants', async () => {
    const p = await tea()
    expect(p.stock).toBe(40)
    const updated = await t.payload.update({
      collection: 'products',
      id: p.id,
      data: {
        variants: [
          { sku: 'A', name: '50g', stock: 5 },
          { sku: 'B', name: '250g', stock: 7 },
        ],
      },
    })
    expect(updated.stock).toBe(12)
    const retitled = await t.payload.update({ collection: 'products', id: p.id, data: { title: '改名', stock: 999 } })
    expect(retitled.stock).toBe(12) // a direct stock edit cannot break the sum
    const bad = async (variants: unknown[]) => {
      try {
        await t.payload.create({
          collection: 'products',
          data: { title: 'x', slug: `bad-${Date.now()}`, brand: t.world.brandA.id, price: 100, stock: 0, variants: variants as never, status: 'published' },
        })
      } catch (error) {
        return ((error as { data?: { errors?: Array<{ path: string; message: string }> } }).data?.errors ?? []).map((e) => `${e.path}: ${e.message}`).join('; ')
      }
      return 'created'
    }
    expect(await bad([{ sku: 'a b', name: 'x', stock: 1 }])).toMatch(/^variants\.0\.sku: 规格编码只能包含字母、数字/)
    expect(await bad([{ sku: 'X'.repeat(33), name: 'x', stock: 1 }])).toMatch(/variants\.0\.sku: 规格编码/)
    expect(
      await bad([
        { sku: 'S', name: 'x', stock: 1 },
        { sku: 'S', name: 'y', stock: 1 },
      ]),
    ).toMatch(/variants\.1\.sku: 规格编码「S」在本商品中重复/)
    expect(await bad([{ sku: 'S', name: 'x', stock: -1 }])).toMatch(/variants\.0\.stock: 规格库存不能为负数/)
    expect(await bad([{ sku: 'S', name: 'x', stock: 1.5 }])).toMatch(/variants\.0\.stock: 规格库存必须是整数/)
    expect(await bad([{ sku: 'S', name: 'x', price: 9.9, stock: 1 }])).toMatch(/variants\.0\.price: 金额必须是整数分/)
  })
})

describe('POST /api/checkout with variants', () => {
  // First, so that only its own order is pending when the clock jumps past the payment window.
  it('expiry gives each line back to its own SKU exactly once, even when run concurrently', async () => {
    const p = await tea()
    const res = await buy({ items: [line(p, 'A', 2), line(p, 'B', 3)], channel: 'native' })
    expect(res.status).toBe(201)
    expect(await stockOf(p)).toEqual([28, 7, 35])
    t.bed.clock.advance(15 * 60_000 + 1000)
    const runs = await Promise.all([expireOrders(t.payload), expireOrders(t.payload), expireOrders(t.payload)])
    expect(runs.reduce((n, r) => n + r.cancelled, 0)).toBe(1)
    await expireOrders(t.payload)
    expect((await t.payload.findByID({ collection: 'orders', id: res.body.order.id, overrideAccess: true })).status).toBe('cancelled')
    expect(await stockOf(p)).toEqual([30, 10, 40])
    expect((await transitionOrder(t.payload, res.body.order.id, { from: 'pending_payment', to: 'cancelled', reason: 'again', actor: 'test' })).ok).toBe(false)
    expect(await stockOf(p)).toEqual([30, 10, 40])
  })
  it('holds the chosen SKU, prices it from the variant (or the product), and records SKU and name on the order', async () => {
    const p = await tea()
    const res = await buy({ items: [line(p, 'A', 2)], channel: 'native' })
    expect(res.status).toBe(201)
    expect(res.body.order.total).toBe(2 * 6800)
    expect(await stockOf(p)).toEqual([28, 10, 38])
    const order = await t.payload.findByID({ collection: 'orders', id: res.body.order.id, overrideAccess: true })
    expect(order.items[0]).toMatchObject({ variant: 'A', variantName: '50g 尝鲜装', unitPrice: 6800, quantity: 2 })
    expect(order.items[0].title).toContain('50g 尝鲜装')
    expect((await prepay(res.body)).status).toBe(200)
    expect(t.bed.emulator.getOrder(res.body.payment.outTradeNo)?.totalFen).toBe(13600)

    const both = await buy({ items: [line(p, 'B'), line(p, 'A')], channel: 'native' })
    expect(both.status).toBe(201)
    expect(both.body.order.total).toBe(26800 + 6800) // B has no price of its own: the product's
    expect(await stockOf(p)).toEqual([27, 9, 36])

    const fresh = await rest('GET', `/stock?ids=${p.id}`)
    expect(fresh.body).toMatchObject({ stock: { [p.id]: 36 }, variants: { [p.id]: { A: 27, B: 9 } } })
  })

  it('never oversells a SKU: 300 concurrent checkouts against its 30 units; the other SKU is untouched', async () => {
    const p = await tea()
    const results = await Promise.all(Array.from({ length: 300 }, () => buy({ items: [line(p, 'A')], channel: 'native' })))
    const statuses = results.map((r) => r.status)
    expect(statuses.filter((s) => s === 201)).toHaveLength(30)
    expect(statuses.filter((s) => s === 409)).toHaveLength(270)
    const refused = results.find((r) => r.status === 409)?.body.error
    expect(refused.code).toBe('OUT_OF_STOCK')
    expect(refused.message).toContain('50g 尝鲜装')
    expect(await stockOf(p)).toEqual([0, 10, 10])
    const orders = await ordersOf(p.id)
    expect(orders).toHaveLength(30)
    expect(orders.every((o) => o.items[0].variant === 'A')).toBe(true)
    expect((await buy({ items: [line(p, 'B', 10)], channel: 'native' })).status).toBe(201) // the other SKU still sells
    expect(await stockOf(p)).toEqual([0, 0, 0])
  })

  it('sums several lines of the same SKU before the check, and holds SKUs all or nothing', async () => {
    const p = await t.variantProduct([
      { sku: 'A', name: '小', stock: 3 },
      { sku: 'B', name: '大', stock: 1 },
    ])
    expect((await buy({ items: [line(p, 'A', 2), line(p, 'A', 2)], channel: 'native' })).status).toBe(409)
    expect(await stockOf(p)).toEqual([3, 1, 4])
    expect((await buy({ items: [line(p, 'A', 1), line(p, 'B', 2)], channel: 'native' })).status).toBe(409)
    expect(await stockOf(p)).toEqual([3, 1, 4])
    const ok = await buy({ items: [line(p, 'A', 2), line(p, 'A', 1)], channel: 'native' })
    expect(ok.status).toBe(201)
    expect(ok.body.order.total).toBe(3 * 26800)
    expect(await stockOf(p)).toEqual([0, 1, 1])
  })

  it('holds SKUs and plain products of one order together, all or nothing (SQLite: one transaction)', async () => {
    const p = await tea()
    const plain = await t.product(5)
    expect(await holdStock(t.payload, [line(plain, undefined, 6), line(p, 'A', 1)])).toBe(false)
    expect(await holdStock(t.payload, [line(plain, undefined, 1), line(p, 'A', 31)])).toBe(false)
    expect(await holdStock(t.payload, [line(plain, undefined, 1), line(p, 'Z', 1)])).toBe(false)
    expect(await holdStock(t.payload, [line(p, undefined, 1)])).toBe(false) // a product with variants is only held per SKU
    expect([...(await stockOf(p)), await readStock(t.payload, plain.id)]).toEqual([30, 10, 40, 5])
    expect(await holdStock(t.payload, [line(plain, undefined, 5), line(p, 'A', 30), line(p, 'B', 1)])).toBe(true)
    expect([...(await stockOf(p)), await readStock(t.payload, plain.id)]).toEqual([0, 9, 9, 0])
    await releaseStock(t.payload, [line(plain, undefined, 5), line(p, 'A', 30), line(p, 'B', 1)])
    expect([...(await stockOf(p)), await readStock(t.payload, plain.id)]).toEqual([30, 10, 40, 5])
  })

  it('rejects a missing or unknown variant with 400 naming items[i].variant, and changes no stock', async () => {
    const p = await tea()
    const plain = await t.product(4)
    const cases: Array<[unknown[], string, string]> = [
      [[line(p, undefined)], 'VARIANT_REQUIRED', 'items[0].variant'],
      [[line(p, 'A'), line(p, 'nope')], 'UNKNOWN_VARIANT', 'items[1].variant'],
      [[line(p, 'a')], 'UNKNOWN_VARIANT', 'items[0].variant'], // SKUs are exact
      [[line(plain, 'A')], 'UNKNOWN_VARIANT', 'items[0].variant'],
    ]
    for (const [items, code, field] of cases) {
      const res = await buy({ items, channel: 'native' })
      expect(res.status, JSON.stringify(items)).toBe(400)
      expect(res.body.error).toMatchObject({ code, field })
      expect(res.body.error.message.startsWith(`${field}:`)).toBe(true)
    }
    expect((await buy({ items: [line(p, 'A')], channel: 'native' })).body.error).toBeUndefined()
    expect(await stockOf(p)).toEqual([29, 10, 39])
    expect(await readStock(t.payload, plain.id)).toBe(4)
  })
})

describe('the no-JavaScript buy form', () => {
  it('posts the chosen variant; without one it is sent back to 确认订单 with a clear error', async () => {
    const { POST, GET } = await import('@/app/(frontend)/p/[slug]/buy/route')
    const { refusalMessage } = await import('@/commerce/checkoutMessages')
    const p = await tea()
    const post = (fields: Record<string, string>) => {
      const form = new FormData()
      for (const [k, v] of Object.entries({ ...SHIP_TO, ...fields })) form.set(k, v)
      return POST(new Request(`http://localhost/p/${p.slug}/buy`, { method: 'POST', body: form }), { params: Promise.resolve({ slug: p.slug! }) })
    }
    const ok = await post({ product: p.id, variant: 'B', quantity: '2' })
    expect(ok.status).toBe(303)
    expect(ok.headers.get('location')).not.toContain('error=')
    expect(await stockOf(p)).toEqual([30, 8, 38])
    const missing = await post({ product: p.id, quantity: '1' })
    expect(missing.headers.get('location')).toContain('error=VARIANT_REQUIRED')
    expect(missing.headers.get('location')).toMatch(new RegExp(`^/p/${p.slug}/confirm\\?`))
    expect(refusalMessage('VARIANT_REQUIRED', new URLSearchParams())).toBe('请先选择规格')
    // the former error page's address still leads there
    const old = await GET(new Request(`http://localhost/p/${p.slug}/buy?error=VARIANT_REQUIRED`), { params: Promise.resolve({ slug: p.slug! }) })
    expect(old.headers.get('location')).toBe(`/p/${p.slug}/confirm?error=VARIANT_REQUIRED`)
    // an address left out is refused before anything is held, naming the field
    const noAddress = await post({ product: p.id, variant: 'B', quantity: '1', address: '' })
    expect(noAddress.headers.get('location')).toContain('error=INVALID_BODY&field=buyer.address')
    // several wrong at once: all of them come back, for the form to mark
    const twoWrong = new URL((await post({ product: p.id, variant: 'B', quantity: '1', name: '', address: '' })).headers.get('location')!, 'http://x')
    expect(twoWrong.searchParams.get('fields')).toBe('buyer.name,buyer.address')
    expect(await stockOf(p)).toEqual([30, 8, 38])
  })
})
