// A reader inside WeChat's browser: recognised on the first product tap by silent snsapi_base OAuth (no consent
// screen), so the order carries their openid and the sandbox Official Account really sends the paid notification.
import { expect, test } from '@playwright/test'

import { demo, placeOrder } from './helpers'

const WECHAT_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN'

test.use({ viewport: { width: 375, height: 812 }, userAgent: WECHAT_UA })

async function adminGet(request: import('@playwright/test').APIRequestContext, path: string) {
  const login = await request.post('/api/users/login', { data: demo.admin })
  const token = (await login.json()).token
  return (await request.get(path, { headers: { Authorization: `JWT ${token}` } })).json()
}

test('the first product tap in WeChat recognises the reader silently; the paid order is notified in the sandbox account', async ({ page, playwright }) => {
  const hops: string[] = []
  page.on('request', (req) => {
    if (req.isNavigationRequest()) hops.push(new URL(req.url()).pathname)
  })
  await page.goto('/a/spring-longjing-guide')
  hops.length = 0
  const card = page.locator('a[data-product="mingqian-longjing"]').filter({ hasText: '50g 尝鲜装' })
  await card.click()
  // back on the page that was tapped, query and SKU kept, after one silent round trip through WeChat's authorize page
  await expect(page).toHaveURL(/\/p\/mingqian-longjing\?sku=LJ-50G&from=.+&b=\d+/)
  expect(hops).toEqual([
    '/p/mingqian-longjing',
    '/api/wechat/oauth/start',
    '/sandbox/wechat/connect/oauth2/authorize',
    '/api/wechat/oauth/callback',
    '/p/mingqian-longjing',
  ])
  await expect(page.getByRole('radio', { name: /50g 尝鲜装/ })).toBeChecked()
  // OAuth returns to the configured public origin (in this test server, localhost rather than 127.0.0.1): stay on it
  const origin = new URL(page.url()).origin
  expect((await page.context().cookies(origin)).map((c) => c.name)).toContain('tw_reader')

  // the next product page opens directly: no second round trip
  hops.length = 0
  await page.goto(`${origin}/p/osmanthus-oolong`)
  await expect(page.locator('h1')).toBeVisible()
  expect(hops).toEqual(['/p/osmanthus-oolong'])

  await page.goto(`${origin}/p/mingqian-longjing?sku=LJ-50G`)
  await page.getByRole('button', { name: '立即购买' }).click()
  await placeOrder(page)
  await expect(page.getByTestId('amount')).toHaveText('¥68.00')
  await page.getByRole('button', { name: /确认支付/ }).click()
  await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(page.locator('[data-status]')).toHaveText('已支付')
  const number = new URL(page.url()).pathname.split('/').pop()!

  const api = await playwright.request.newContext({ baseURL: origin })
  const order = (await adminGet(api, `/api/orders?where[number][equals]=${number}&depth=1`)).docs[0]
  expect(order.reader?.openid).toBe('oTuiwenDemoReader00000000001')
  await expect
    .poll(
      async () =>
        (await adminGet(api, `/api/order-notifications?where[order][equals]=${order.id}&depth=0`)).docs.map(
          (n: { event: string; status: string }) => `${n.event}:${n.status}`,
        ),
      {
        timeout: 30_000,
      },
    )
    .toEqual(['paid:sent'])
  await api.dispose()
})

test('outside WeChat nothing changes: no OAuth round trip', async ({ browser }) => {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1',
  })
  const page = await context.newPage()
  const res = await page.goto('/p/mingqian-longjing')
  // one request: no OAuth round trip, and no retry for a client hint (Critical-CH) either
  expect(res?.request().redirectedFrom()).toBeNull()
  expect((await context.cookies()).map((c) => c.name)).not.toContain('tw_oauth_tried')
  await context.close()
})
