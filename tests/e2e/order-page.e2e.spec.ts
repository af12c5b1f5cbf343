// The reader's order page and 我的订单 at 375 px inside WeChat: a recognised reader buys (sandbox pay), the brand ships
// with 顺丰 and a tracking number, and the order page shows the address, the parcel with its tracking link and the
// timeline with 发货; /o lists the order for that reader only; without JavaScript the page shows all of it.
import { type APIRequestContext, type BrowserContext, expect, type Page, test } from '@playwright/test'

import { demo } from './helpers'

const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'
const VIEWPORT = { width: 375, height: 812 }
const BUYER = { name: '林小满', phone: '13800138000', address: '浙江省杭州市西湖区龙井路 18 号' }
const TRACKING = 'SF1400123456789'

test.use({ viewport: VIEWPORT, userAgent: WECHAT_UA })

/** Recognised by silent OAuth on the first product page; OAuth returns to the configured origin (localhost). */
async function recognisedReader(page: Page): Promise<string> {
  await page.goto('/p/mingqian-longjing')
  await expect(page.locator('h1')).toBeVisible()
  const origin = new URL(page.url()).origin
  expect((await page.context().cookies(origin)).map((c) => c.name)).toContain('tw_reader')
  return origin
}

/** Checkout through the API with the browser's own cookies (the product page's buy flow is not this test's subject), then pay in the sandbox. */
async function buyAndPay(page: Page, origin: string): Promise<{ number: string; orderUrl: string }> {
  const products = await (await page.request.get(`${origin}/api/products?where[slug][equals]=mingqian-longjing&depth=0`)).json()
  const res = await page.request.post(`${origin}/api/checkout`, {
    data: { items: [{ product: products.docs[0].id, variant: 'LJ-50G', quantity: 1 }], channel: 'h5', buyer: BUYER },
  })
  expect(res.status()).toBe(201)
  const body = await res.json()
  await page.goto(new URL(body.payment.payUrl, origin).toString())
  await page.getByRole('button', { name: /确认支付/ }).click()
  await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(page.locator('[data-status]').first()).toHaveText('已支付')
  return { number: body.order.number, orderUrl: new URL(body.orderUrl, origin).toString() }
}

async function shipAsAdmin(api: APIRequestContext, number: string) {
  const token = (await (await api.post('/api/users/login', { data: demo.admin })).json()).token
  const headers = { Authorization: `JWT ${token}` }
  const order = (await (await api.get(`/api/orders?where[number][equals]=${number}&depth=0`, { headers })).json()).docs[0]
  const refused = await api.post(`/api/orders/${order.id}/action`, { headers, data: { action: 'ship' } })
  expect(refused.status()).toBe(400)
  expect((await refused.json()).error.field).toBe('carrier')
  const shipped = await api.post(`/api/orders/${order.id}/action`, { headers, data: { action: 'ship', carrier: 'sf', trackingNumber: TRACKING } })
  expect(shipped.status()).toBe(200)
}

async function expectShippedOrderPage(page: Page) {
  await expect(page.locator('[data-status]').first()).toHaveText('已发货')
  const address = page.getByTestId('order-address')
  await expect(address).toContainText(BUYER.name)
  await expect(address).toContainText('138****8000')
  await expect(address).not.toContainText(BUYER.phone)
  await expect(address).toContainText(BUYER.address)
  const shipment = page.getByTestId('order-shipment')
  await expect(shipment).toContainText('顺丰速运')
  await expect(shipment).toContainText(TRACKING)
  await expect(shipment.getByRole('link', { name: '查看物流详情' })).toHaveAttribute(
    'href',
    `https://www.sf-express.com/chn/sc/waybill/waybill-detail/${TRACKING}`,
  )
  const timeline = page.getByTestId('order-timeline')
  for (const step of ['placed', 'paid', 'shipped']) await expect(timeline.locator(`[data-step="${step}"]`)).toHaveAttribute('data-done', 'true')
  await expect(timeline.locator('[data-step="shipped"] time')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
  await expect(timeline.locator('[data-step="completed"]')).toHaveAttribute('data-done', 'false')
  await expect(page.getByRole('link', { name: '联系客服' })).toHaveAttribute('href', /^\/c\/[\w-]+$/)
  await expect(page.getByRole('link', { name: '继续逛逛' })).toHaveAttribute('href', '/p/mingqian-longjing')
}

async function noJsContext(context: BrowserContext, origin: string, withCookies: boolean) {
  const browser = context.browser()!
  const noJs = await browser.newContext({ viewport: VIEWPORT, userAgent: WECHAT_UA, javaScriptEnabled: false })
  if (withCookies) await noJs.addCookies(await context.cookies(origin))
  return noJs
}

test('a recognised reader sees address, 顺丰 tracking and the timeline on the order page, and the order in 我的订单', async ({ page, playwright }) => {
  const origin = await recognisedReader(page)
  const { number, orderUrl } = await buyAndPay(page, origin)

  const api = await playwright.request.newContext({ baseURL: origin })
  await shipAsAdmin(api, number)
  await api.dispose()

  await page.goto(orderUrl)
  await expectShippedOrderPage(page)
  // nothing sticks out sideways at 375 px
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORT.width)

  await page.getByRole('link', { name: '我的订单' }).click()
  await expect(page).toHaveURL(`${origin}/o`)
  const row = page.locator(`[data-order="${number}"]`)
  await expect(row).toContainText('已发货')
  await expect(row).toContainText('明前龙井')
  await expect(row).toContainText('¥68.00')
  await row.getByRole('link').click()
  await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(page.locator('h1')).toHaveText(`订单 ${number}`)

  // Without JavaScript: the order page shows all of it, and 我的订单 lists the order for the same reader.
  const noJs = await noJsContext(page.context(), origin, true)
  const plain = await noJs.newPage()
  await plain.goto(orderUrl)
  await expectShippedOrderPage(plain)
  await plain.getByRole('link', { name: '我的订单' }).click()
  await expect(plain.locator(`[data-order="${number}"]`)).toContainText('已发货')
  await noJs.close()

  // Someone else with the link sees the order but not 我的订单; at /o they see none of this reader's orders.
  const stranger = await noJsContext(page.context(), origin, false)
  const other = await stranger.newPage()
  await other.goto(orderUrl)
  await expect(other.getByTestId('order-shipment')).toContainText(TRACKING)
  await expect(other.getByRole('link', { name: '我的订单' })).toHaveCount(0)
  await other.goto(`${origin}/o`)
  await expect(other.getByTestId('reader-unknown')).toContainText('微信内打开')
  await expect(other.locator('body')).not.toContainText(number)
  await stranger.close()
})
