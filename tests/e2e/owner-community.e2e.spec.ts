// Issue #6: a brand owner builds a community (pinned article, featured product) and a coupon in the admin; a
// reader on a phone opens the community page, claims the coupon and spends it at checkout in the WeChat Pay sandbox.
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'

import { demo, DEMO_ADDRESS, loginAs, placeOrder } from './helpers'

const stamp = Date.now().toString(36)
const communityName = `茶友冷泡会 ${stamp}`
const communitySlug = `cold-brew-club-${stamp}`
const couponTitle = `冷泡尝鲜券 ${stamp}`

// Seeded tea-brand content (src/seed/articles.ts, src/seed/catalog.ts). The seeded community pins a different article.
const article = { slug: 'cold-brew-summer', title: '夏天的冷泡茶，4 小时就够了' }
const product = { slug: 'osmanthus-oolong', title: '桂花乌龙 冷泡茶包 20袋', price: 5900 } // no variants
const otherBrand = { product: '云南保山 小粒咖啡豆 454g', community: '青柠咖啡实验室' }

// The coupon as typed in the admin (yuan) and what the server should compute (fen).
const coupon = { amountOffYuan: '10', minSpendYuan: '50', total: '20', amountOff: 1000, minSpend: 5000 }
const expectedTotal = product.price - coupon.amountOff
const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`

async function adminToken(request: APIRequestContext): Promise<string> {
  const login = await request.post('/api/users/login', { data: demo.admin })
  expect(login.ok()).toBeTruthy()
  return (await login.json()).token
}

async function findOne(request: APIRequestContext, token: string, query: string) {
  const res = await request.get(`/api/${query}&depth=0`, { headers: { Authorization: `JWT ${token}` } })
  expect(res.ok()).toBeTruthy()
  return (await res.json()).docs[0]
}

/** Picks `option` in an admin relationship field (react-select), after checking what the picker offers. */
async function pick(page: Page, field: string, option: string, mustNotOffer: string[] = []) {
  const picker = page.locator(`#field-${field}`)
  await picker.getByRole('combobox').click()
  await expect(page.getByRole('option', { name: option, exact: true })).toBeVisible()
  for (const other of mustNotOffer) await expect(page.getByRole('option', { name: other }), `picker ${field} offers "${other}"`).toHaveCount(0)
  await page.getByRole('option', { name: option, exact: true }).click()
  await page.keyboard.press('Escape')
  await expect(picker).toContainText(option)
}

async function setPublished(page: Page) {
  await page.locator('#field-status').click()
  await page.getByRole('option', { name: '已发布' }).click()
  await expect(page.locator('#field-status')).toContainText('已发布')
}

test('a brand owner sets up a community with a coupon; a reader claims it and pays less in the sandbox', async ({
  page,
  browser,
  baseURL,
  request,
  playwright,
}) => {
  test.setTimeout(180_000)

  await test.step('the owner creates the community with a pinned article and a featured product', async () => {
    await loginAs(page, demo.brand)
    await page.goto('/admin/collections/communities/create')
    await page.locator('#field-name').fill(communityName)
    await page.locator('#field-story').fill('夏天一起冷泡：每周分享一个配方。')
    await pick(page, 'pinnedArticles', article.title)
    // Only the owner's brand is offered: the coffee brand's product must not be pickable here.
    await pick(page, 'featuredProducts', product.title, [otherBrand.product])
    await page.locator('#field-slug').fill(communitySlug)
    await setPublished(page)
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText(/成功/).first()).toBeVisible()
    await expect(page).toHaveURL(/\/admin\/collections\/communities\/[^/]+$/)
    await expect(page).not.toHaveURL(/\/create$/)
  })

  await test.step('the owner creates a fixed-amount coupon for it', async () => {
    await page.goto('/admin/collections/coupons/create')
    await page.locator('#field-title').fill(couponTitle)
    // The other brand's (published, publicly readable) community must not be offered either.
    await pick(page, 'community', communityName, [otherBrand.community])
    await expect(page.locator('#field-kind')).toContainText('满减')
    await page.locator('#field-amountOff').fill(coupon.amountOffYuan)
    await page.locator('#field-minSpend').fill(coupon.minSpendYuan)
    await page.locator('#field-totalQuantity').fill(coupon.total)
    await expect(page.locator('#field-perPersonLimit')).toHaveValue('1')
    // Valid from now for 30 days by default.
    await expect(page.locator('#field-validFrom input')).not.toHaveValue('')
    await expect(page.locator('#field-validUntil input')).not.toHaveValue('')
    await setPublished(page)
    await page.getByRole('button', { name: '保存' }).click()
    await expect(page.getByText(/成功/).first()).toBeVisible()
    await expect(page).not.toHaveURL(/\/create$/)
  })

  // What the server stored: amounts in fen, the owner's brand.
  const token = await adminToken(request)
  const savedCoupon = await findOne(request, token, `coupons?where[title][equals]=${encodeURIComponent(couponTitle)}`)
  const savedCommunity = await findOne(request, token, `communities?where[slug][equals]=${communitySlug}`)
  expect(savedCoupon).toMatchObject({
    kind: 'fixed',
    amountOff: coupon.amountOff,
    minSpend: coupon.minSpend,
    totalQuantity: 20,
    perPersonLimit: 1,
    status: 'published',
    community: savedCommunity.id,
  })
  expect(savedCoupon.brand).toBe(savedCommunity.brand)

  // The reader: a phone, no admin cookies.
  const reader = await browser.newContext({ baseURL, locale: 'zh-CN', viewport: { width: 375, height: 812 } })
  const phone = await reader.newPage()
  let code = ''

  await test.step('the reader sees the pinned article and the featured product on the community page', async () => {
    await phone.goto(`/c/${communitySlug}`)
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText(communityName)
    await expect(phone.locator('li[data-pinned="true"]')).toHaveCount(1)
    await expect(phone.locator('li[data-pinned="true"]')).toContainText(article.title)
    // Featured products replace the brand's newest ones: exactly the one picked.
    await expect(phone.locator('[data-product]')).toHaveCount(1)
    await expect(phone.locator(`[data-product="${product.slug}"]`)).toBeVisible()
  })

  await test.step('the reader claims the coupon and gets a code', async () => {
    const card = phone.locator('[data-coupon]')
    await expect(card).toHaveCount(1)
    await expect(card).toContainText(couponTitle)
    await expect(card).toContainText(`满${yuan(coupon.minSpend)}减${yuan(coupon.amountOff)}`)
    await expect(card).toContainText('每人限领 1 张 · 剩余 20 张')
    // A first-time reader has no reader cookie yet: the first POST is refused (403 READER_REQUIRED, setting one) and
    // the page sends the claim again with it.
    const claimed = phone.waitForResponse(
      (r) => r.url().endsWith(`/api/coupons/${savedCoupon.id}/claim`) && r.request().method() === 'POST' && r.status() !== 403,
    )
    await card.getByRole('button', { name: '领取' }).click()
    const response = await claimed
    expect(response.status()).toBe(201)
    code = (await response.json()).claim.code
    expect(code).toMatch(/^[A-Z0-9]{10}$/)
    // The code stays on the card (the page refreshes itself after the claim), so the reader can copy it any time.
    await expect(card.getByTestId('my-codes')).toContainText(code)
    await expect(card.getByTestId('claim')).toHaveText('✓ 已领取')
    await expect(card).toContainText('剩余 19 张')
  })

  await test.step('the reader cannot claim a second one (one per person)', async () => {
    await phone.reload()
    await expect(phone.locator('[data-coupon]').getByTestId('claim')).toHaveText('✓ 已领取')
    await expect(phone.locator('[data-coupon]').getByTestId('my-codes')).toContainText(`券码 ${code} · 下单时可选用`)
    await expect(phone.locator('[data-coupon]').getByRole('button', { name: /领取/ })).toHaveCount(0)
    // …not even by calling the endpoint directly with the reader's cookie.
    const again = await reader.request.post(`/api/coupons/${savedCoupon.id}/claim`)
    expect(again.status()).toBe(409)
    expect((await again.json()).error).toMatchObject({ code: 'LIMIT_REACHED', message: '你已经领过这张券了' })
  })

  await test.step('the code is worthless to someone who did not claim it', async () => {
    const stranger = await playwright.request.newContext({ baseURL })
    const res = await stranger.post(`/p/${product.slug}/buy`, {
      form: { product: savedCommunity.featuredProducts[0], quantity: '1', coupon: code, ...DEMO_ADDRESS },
      maxRedirects: 0,
    })
    expect(res.status()).toBe(303)
    expect(res.headers().location).toContain('error=COUPON_NOT_FOUND')
    await stranger.dispose()
  })

  let number = ''
  await test.step('the reader buys the product with the code and pays price − discount in the sandbox', async () => {
    await phone.goto(`/c/${communitySlug}`)
    await phone.locator(`[data-product="${product.slug}"]`).click()
    await expect(phone).toHaveURL(new RegExp(`/p/${product.slug}`))
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText(product.title)
    await expect(phone.locator('[data-stock]')).toContainText(/有货|仅剩/)
    await phone.getByRole('button', { name: '立即购买' }).click()
    // 确认订单: the claimed coupon is offered and preselected, and the final price shows before paying
    await expect(phone.getByRole('radio', { name: new RegExp(couponTitle) })).toBeChecked()
    await expect(phone.locator('[data-total]:visible')).toHaveText(yuan(expectedTotal))
    await phone.getByRole('radio', { name: '不使用优惠券' }).check()
    await expect(phone.locator('[data-total]:visible')).toHaveText(yuan(product.price))
    await placeOrder(phone, {}, new RegExp(couponTitle))
    await expect(phone.getByRole('alert').filter({ hasText: '沙箱' })).toBeVisible()
    await expect(phone.getByTestId('amount')).toHaveText(yuan(expectedTotal))
    await phone.getByRole('button', { name: /确认支付/ }).click()
    await expect(phone).toHaveURL(/\/o\/TW\d+\?t=/)
    await expect(phone.locator('[data-status]')).toHaveText('已支付')
    await expect(phone.locator('[data-discount]')).toHaveAttribute('data-discount', String(coupon.amountOff))
    await expect(phone.locator('.order-total')).toContainText(yuan(expectedTotal))
    number = new URL(phone.url()).pathname.split('/').pop()!
  })

  await test.step('the server priced the order with the coupon and marked the claim used', async () => {
    const order = await findOne(request, token, `orders?where[number][equals]=${number}`)
    expect(order).toMatchObject({ status: 'paid', subtotal: product.price, discount: coupon.amountOff, total: expectedTotal })
    expect(order.items).toHaveLength(1)
    expect(order.items[0]).toMatchObject({ product: savedCommunity.featuredProducts[0], unitPrice: product.price, quantity: 1 })
    const claim = await findOne(request, token, `coupon-claims?where[code][equals]=${code}`)
    expect(claim).toMatchObject({ status: 'used', orderRef: number, coupon: savedCoupon.id })
    expect(order.couponClaim).toBe(claim.id)
    // …and the community page now shows the code as used
    await phone.goto(`/c/${communitySlug}`)
    await expect(phone.locator('[data-coupon]').getByTestId('my-codes')).toContainText(`券码 ${code} （已使用）`)
  })

  await test.step('the same code cannot be used for a second purchase', async () => {
    await phone.goto(`/p/${product.slug}`)
    await phone.getByRole('button', { name: '立即购买' }).click()
    await expect(phone.getByRole('heading', { level: 1 })).toHaveText('确认订单')
    await expect(phone.getByRole('radio', { name: new RegExp(couponTitle) })).toHaveCount(0)
    await expect(phone.locator('[data-total]:visible')).toHaveText(yuan(product.price))
    // a form that still names it (an old tab) is refused on the page, inline
    await phone.evaluate((used) => {
      const form = document.querySelector('form[data-confirm-form]')!
      form.insertAdjacentHTML('beforeend', `<input type="hidden" name="coupon" value="${used}">`)
    }, code)
    await placeOrder(phone)
    // (the page's own alert, not Next's route announcer, which also has role=alert)
    const refusal = phone.getByRole('alert').filter({ hasText: '这张优惠券已经用过了' })
    await expect(refusal).toHaveAttribute('data-error', 'COUPON_USED')
    await expect(phone.getByLabel('收货人')).toHaveValue('林小姐') // what was typed is kept
  })

  await test.step("the owner sees the community's numbers in its sidebar", async () => {
    await page.goto(`/admin/collections/communities/${savedCommunity.id}`)
    const numbers = page.getByTestId('community-numbers')
    await expect(numbers.locator('[data-stat="couponsClaimed"]')).toHaveText('1')
    await expect(numbers.locator('[data-stat="couponsUsed"]')).toHaveText('1')
  })

  await reader.close()
})
