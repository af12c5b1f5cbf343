// 秒杀 at 375 px: an editor sets saleStartsAt a few seconds ahead, a stock of 2 and 每人限购 1 件 (REST); the landing
// page counts down from the server's time with the buy button disabled (「X月X日 HH:mm 开抢」), flips to buyable at the
// start with JavaScript (in place) and without it (meta refresh → /p/<slug>/start → a page rendered after the start,
// not the cached countdown); a buyer pays with JavaScript, is refused a second unit without it (每人限购 1 件), another
// buyer takes the last unit without JavaScript, and the page then says 已抢光 and that stock may come back.
import { type APIRequestContext, expect, test } from '@playwright/test'

import { demo, placeOrder } from './helpers'

const PHONE = { width: 375, height: 812 }
test.use({ viewport: PHONE })

const pad = (n: number) => String(n).padStart(2, '0')
/** 「M月D日 HH:mm 开抢」 in Beijing time, as the page writes it. */
function startLabel(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} 开抢`
}

async function createFlashProduct(request: APIRequestContext, startsAt: number) {
  const login = await request.post('/api/users/login', { data: demo.editor })
  expect(login.status()).toBe(200)
  const { token, user } = await login.json()
  const brand = user.brands[0].brand
  const slug = `miaosha-${Date.now()}`
  const res = await request.post('/api/products', {
    headers: { Authorization: `JWT ${token}` },
    data: {
      title: '秒杀 明前龙井 50g',
      slug,
      price: 990,
      stock: 2,
      status: 'published',
      brand: typeof brand === 'object' ? brand.id : brand,
      saleStartsAt: new Date(startsAt).toISOString(),
      limitPerBuyer: 1,
      paymentWindowMinutes: 5,
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return slug
}

test('countdown → sale → sold out, with and without JavaScript', async ({ page, browser, request }) => {
  test.setTimeout(180_000)
  // Server and browser run on this machine: one clock. Far enough ahead to look at the countdown first, with and
  // without JavaScript (within 25 s of the start a page without JavaScript goes straight to /start and waits there).
  const startsAt = Date.now() + 45_000
  const slug = await createFlashProduct(request, startsAt) // the editor's own API session, not the reader's browser
  const path = `/p/${slug}?from=flash-article&b=1`

  // ── before the start, with JavaScript ──
  await page.goto(path)
  const buy = page.locator('[data-buy]')
  await expect(page.locator('.product-page .flash-badge')).toHaveText('秒杀')
  await expect(page.locator('.product-page [data-flash-sale]')).toContainText('每人限购 1 件')
  await expect(buy).toBeDisabled()
  await expect(buy).toHaveText(startLabel(startsAt))
  const countdown = page.locator('[data-countdown]')
  await expect(countdown).toContainText('距开抢')
  const shown = await countdown.locator('strong').textContent()
  await expect(countdown.locator('strong')).not.toHaveText(shown ?? '') // it ticks

  // ── before the start, without JavaScript ──
  const plainContext = await browser.newContext({ javaScriptEnabled: false, viewport: PHONE })
  const plain = await plainContext.newPage()
  await plain.goto(path)
  await expect(plain.locator('[data-buy]')).toBeDisabled()
  await expect(plain.locator('[data-buy]')).toHaveText(startLabel(startsAt))
  await expect(plain.locator('[data-countdown]')).toContainText('距开抢')
  expect(Date.now()).toBeLessThan(startsAt)

  // ── the start: in place with JavaScript, never early ──
  await expect(buy).toBeEnabled({ timeout: 60_000 })
  const flippedAt = Date.now()
  expect(flippedAt).toBeGreaterThanOrEqual(startsAt) // the server clock's lower bound: never early
  expect(flippedAt - startsAt).toBeLessThan(3_000)
  await expect(buy).toHaveText('立即购买')
  await expect(countdown).toBeHidden()

  // ── the start without JavaScript: the page reloads itself and is a fresh render, not the cached countdown ──
  await expect(plain.locator('[data-buy]')).toBeEnabled({ timeout: 60_000 })
  expect(Date.now() - startsAt).toBeLessThan(5_000)
  await expect(plain.locator('[data-buy]')).toHaveText('立即购买')
  await expect(plain.locator('[data-countdown]')).toHaveCount(0)
  await expect(plain).toHaveURL(new RegExp(`/p/${slug}\\?from=flash-article&b=1$`)) // attribution kept
  const renderedAt = Number(await plain.locator('form[data-buy-form]').getAttribute('data-server-now'))
  expect(renderedAt).toBeGreaterThanOrEqual(startsAt)

  // ── a purchase with JavaScript ──
  await buy.click()
  await placeOrder(page, { phone: '13800138000' })
  await expect(page.getByTestId('amount')).toHaveText('¥9.90')
  await page.getByRole('button', { name: /确认支付/ }).click()
  await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(page.locator('[data-status]')).toHaveText('已支付')

  // ── without JavaScript: the same buyer (however the number is typed) is over 每人限购 1 件 ──
  await plain.locator('[data-buy]').click()
  await placeOrder(plain, { phone: '+86 138 0013 8000' })
  await expect(plain.getByRole('alert')).toContainText('每人限购 1 件')

  // ── another buyer takes the last unit without JavaScript ──
  await plain.goto(path)
  await plain.locator('[data-buy]').click()
  await placeOrder(plain, { phone: '13900139000' })
  await expect(plain.getByTestId('amount')).toHaveText('¥9.90')
  await plain.getByRole('button', { name: /确认支付/ }).click()
  await expect(plain).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(plain.locator('[data-status]')).toHaveText('已支付')

  // ── sold out: 已抢光, and unpaid orders may still give stock back ──
  await page.goto(path)
  await expect(page.locator('[data-buy]')).toHaveText('已抢光')
  await expect(page.locator('[data-buy]')).toBeDisabled()
  await expect(page.locator('[data-stock]')).toContainText('已抢光')
  await expect(page.locator('[data-restock-note]')).toHaveText('未支付订单超时后会释放库存，可稍后再来看看')
  await plainContext.close()
})
