// Shared set-up for the checkout/payments suites: Payload on a fresh DB + a WeChat Pay testbed wired as the gateway.
import type { Payload } from 'payload'

import { setPayGatewayForTests } from '@/commerce/payGateway'
import type { Product } from '@/payload-types'
import { startWechatPayTestbed, type WechatPayTestbed } from '@/sandbox/wechatpay/testkit'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload } from '../helpers/payload'

/** A complete shipping address, as the reader's order form must carry. */
export const SHIP_TO = { name: '林小姐', phone: '13800138000', address: '浙江省杭州市西湖区龙井路 18 号' }

export type BedVariant = { sku: string; name: string; price?: number; stock: number }
export type CheckoutBed = {
  payload: Payload
  world: World
  bed: WechatPayTestbed
  product: (stock: number, price?: number) => Promise<Product>
  /** A published product of brand A sold per SKU; its own stock is set from the variants. */
  variantProduct: (variants: BedVariant[], price?: number) => Promise<Product>
}

let n = 0
export async function startCheckoutBed(): Promise<CheckoutBed> {
  const payload = await bootPayload()
  const world = await makeWorld(payload)
  const bed = await startWechatPayTestbed()
  bed.clock.set(Date.now())
  setPayGatewayForTests({
    mode: 'sandbox',
    client: bed.client,
    notifyUrl: bed.config.notifyUrl,
    sandboxBase: bed.emulatorServer.url,
    origin: 'http://localhost',
    now: bed.clock.now,
  })
  const product = async (stock: number, price = 1290) =>
    (await payload.create({
      collection: 'products',
      data: { title: `限时抢购 ${++n}`, slug: `hot-${n}-${Date.now()}`, brand: world.brandA.id, price, stock, status: 'published' },
    })) as Product
  const variantProduct = async (variants: BedVariant[], price = 26800) =>
    (await payload.create({
      collection: 'products',
      data: { title: `明前龙井 ${++n}`, slug: `sku-${n}-${Date.now()}`, brand: world.brandA.id, price, stock: 0, variants, status: 'published' },
    })) as Product
  return { payload, world, bed, product, variantProduct }
}

export async function stopCheckoutBed(b: CheckoutBed | undefined): Promise<void> {
  setPayGatewayForTests(null)
  await b?.bed.close()
}
