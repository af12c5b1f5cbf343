// Order handling from the admin: ship, complete, cancel an unpaid order, refund — only by the order's brand,
// only along legal transitions, each leaving history.
import config from '@payload-config'
import { REST_POST } from '@payloadcms/next/routes'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { orderHistory } from '@/commerce/orderState'
import { readStock } from '@/db/stock'

import { shutdown } from '../helpers/payload'
import { login, prepay, rest } from '../helpers/rest'
import { type CheckoutBed, startCheckoutBed, stopCheckoutBed } from './checkoutBed'

let t: CheckoutBed
let tokens: { operatorA: string; editorA: string; brandA: string; editorB: string }
const post = REST_POST(config)

beforeAll(async () => {
  t = await startCheckoutBed()
  const w = t.world
  tokens = {
    operatorA: await login(w.operatorA.email, w.password),
    editorA: await login(w.editorA.email, w.password),
    brandA: await login(w.ownerA.email, w.password),
    editorB: await login(w.editorB.email, w.password),
  }
})
afterAll(async () => {
  await stopCheckoutBed(t)
  await shutdown(t?.payload)
})

async function order(paid: boolean) {
  const product = await t.product(5)
  const res = await rest('POST', '/checkout', { json: { items: [{ product: product.id, quantity: 2 }], channel: 'native' } })
  expect(res.status).toBe(201)
  if (paid) {
    expect((await prepay(res.body)).status).toBe(200)
    const outTradeNo = res.body.payment.outTradeNo
    t.bed.emulator.confirmPayment(outTradeNo)
    const built = t.bed.emulator.buildCallback(outTradeNo)
    const response = await post(new Request('http://localhost/api/wechatpay/notify', { method: 'POST', headers: built.headers, body: built.body }), {
      params: Promise.resolve({ slug: ['wechatpay', 'notify'] }),
    })
    expect(response.status).toBe(204)
  }
  return { id: res.body.order.id as string, product }
}

type Parcel = { carrier?: unknown; trackingNumber?: unknown }
const act = (id: string, action: unknown, token?: string, note?: string, parcel?: Parcel) =>
  rest('POST', `/orders/${id}/action`, { token, json: { action, note, ...parcel } })
const SF: Parcel = { carrier: 'sf', trackingNumber: 'SF1234567890' }
const status = async (id: string) => (await t.payload.findByID({ collection: 'orders', id, overrideAccess: true })).status

describe('POST /api/orders/:id/action', () => {
  it('ships and completes a paid order, recording each step', async () => {
    const { id } = await order(true)
    const shipped = await act(id, 'ship', tokens.operatorA, '顺丰 SF123456', SF)
    expect(shipped.status).toBe(200)
    expect(shipped.body.order.status).toBe('shipped')
    expect((await act(id, 'complete', tokens.brandA)).body.order.status).toBe('completed')
    const history = (await orderHistory(t.payload, id)).map((e) => `${e.from}>${e.to}:${e.reason}`)
    expect(history).toEqual(expect.arrayContaining(['paid>shipped:顺丰 SF123456', 'shipped>completed:订单完成']))
  })

  it('ships only with a carrier and a tracking number (400 naming the field), and keeps them with the time shipped', async () => {
    const { id } = await order(true)
    const refused = async (parcel: Parcel, field: string) => {
      const res = await act(id, 'ship', tokens.operatorA, undefined, parcel)
      expect(res).toMatchObject({ status: 400, body: { error: { code: 'INVALID_BODY', field } } })
      return res.body.error.message as string
    }
    expect(await refused({}, 'carrier')).toContain('请选择快递公司')
    expect(await refused({ carrier: 'dhl', trackingNumber: 'SF1234567890' }, 'carrier')).toContain('快递公司')
    expect(await refused({ carrier: 'sf' }, 'trackingNumber')).toContain('请填写运单号')
    expect(await refused({ carrier: 'sf', trackingNumber: 'SF 12' }, 'trackingNumber')).toContain('6–40 位')
    expect(await refused({ carrier: 'sf', trackingNumber: 'x'.repeat(41) }, 'trackingNumber')).toContain('6–40 位')
    expect(await status(id)).toBe('paid')

    const before = Date.now()
    const res = await act(id, 'ship', tokens.operatorA, undefined, { carrier: 'zto', trackingNumber: ' 7312-0000-88 ' })
    expect(res.status).toBe(200)
    const shipped = await t.payload.findByID({ collection: 'orders', id, overrideAccess: true })
    expect(shipped.status).toBe('shipped')
    expect(shipped.shipment).toMatchObject({ carrier: 'zto', trackingNumber: '7312-0000-88' })
    expect(new Date(shipped.shipment!.shippedAt!).getTime()).toBeGreaterThanOrEqual(before - 1000)
    // without a note, the history names the parcel
    expect((await orderHistory(t.payload, id)).map((e) => e.reason)).toContain('商家已发货（中通快递 7312-0000-88）')
    // shipping twice is refused and leaves the first parcel as it was
    expect((await act(id, 'ship', tokens.operatorA, undefined, SF)).status).toBe(409)
    expect((await t.payload.findByID({ collection: 'orders', id, overrideAccess: true })).shipment?.carrier).toBe('zto')
  })

  it('refuses illegal moves with 409 and leaves the order as it was', async () => {
    const { id } = await order(false)
    const res = await act(id, 'ship', tokens.operatorA)
    expect(res.status).toBe(409)
    expect(res.body.error.code).toBe('ILLEGAL_TRANSITION')
    // The operator reads the statuses by their Chinese names, not the stored values.
    expect(res.body.error.message).toContain('当前为「待支付」')
    expect(res.body.error.message).toMatch(/pending_payment/)
    expect(await status(id)).toBe('pending_payment')
  })

  it('refuses through the API what the admin does not offer: a cancelled order has nothing to refund', async () => {
    const { id } = await order(false)
    expect((await act(id, 'cancel', tokens.operatorA)).status).toBe(200)
    const res = await act(id, 'refund', tokens.operatorA)
    expect(res.status).toBe(409)
    expect(res.body.error).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    expect(res.body.error.message).toContain('「已取消」')
    expect(await status(id)).toBe('cancelled')
  })

  it('cancelling an unpaid order gives its stock back exactly once', async () => {
    const { id, product } = await order(false)
    expect(await readStock(t.payload, product.id)).toBe(3)
    expect((await act(id, 'cancel', tokens.operatorA)).status).toBe(200)
    expect((await act(id, 'cancel', tokens.operatorA)).status).toBe(409)
    expect(await readStock(t.payload, product.id)).toBe(5)
  })

  it('refunds a paid order through WeChat Pay', async () => {
    const { id } = await order(true)
    const res = await act(id, 'refund', tokens.operatorA, '买家不想要了')
    expect(res.status).toBe(200)
    expect(res.body.order.status).toBe('refunding')
    const payment = (await t.payload.find({ collection: 'payments', where: { order: { equals: id } }, overrideAccess: true })).docs[0]
    expect(payment.status).toBe('refunding')
    expect(payment.outRefundNo).toBeTruthy()
  })

  it('other brands, anonymous callers and bad actions are refused', async () => {
    const { id } = await order(true)
    expect(await act(id, 'ship')).toMatchObject({ status: 401, body: { error: { code: 'LOGIN_REQUIRED', message: '请先登录 (login required)' } } })
    expect(await act(id, 'ship', tokens.editorB)).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND', message: '订单不存在 (not found)' } } })
    // an editor of the same brand writes content, not after-sales
    expect([403, 404]).toContain((await act(id, 'ship', tokens.editorA)).status)
    expect(await act(id, 'explode', tokens.operatorA)).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_BODY', field: 'action', message: expect.stringMatching(/^action 必须是 /) } },
    })
    expect(await act(id, 'ship', tokens.operatorA, 'x'.repeat(201), SF)).toMatchObject({
      status: 400,
      body: { error: { code: 'INVALID_BODY', field: 'note', message: 'note 必须是 200 字以内的文字' } },
    })
    expect(await status(id)).toBe('paid')
  })
})
