// The demo's buy path in the WeChat Pay sandbox: article → product page → checkout → sandbox pay → order paid.
import { expect, test } from '@playwright/test'

import { demo, DEMO_ADDRESS, placeOrder } from './helpers'

test.use({ viewport: { width: 375, height: 812 } })

async function orderByNumber(request: import('@playwright/test').APIRequestContext, number: string) {
  const login = await request.post('/api/users/login', { data: demo.admin })
  const token = (await login.json()).token
  const res = await request.get(`/api/orders?where[number][equals]=${number}&depth=0`, { headers: { Authorization: `JWT ${token}` } })
  return (await res.json()).docs[0]
}

/** The headline price the reader sees: one copy per SKU is in the page, the chosen one shown (with or without JavaScript). */
const headline = (page: import('@playwright/test').Page) => page.locator('[data-price-of] .price strong:visible')
const headlineSku = (page: import('@playwright/test').Page) => page.locator('[data-price-of] .price-sku:visible')

test('from an article, tap a product, buy it with a claimed coupon through the sandbox and see the order paid', async ({ page }) => {
  // the reader claimed the community's coupon (满¥199减¥20) earlier
  await page.goto('/c/shanye-tea-club')
  await page.locator('[data-coupon]').first().getByRole('button', { name: '领取' }).click()
  await expect(
    page
      .locator('[data-coupon]')
      .first()
      .getByText(/领取成功/),
  ).toBeVisible()
  await page.goto('/a/spring-longjing-guide')
  const card = page.locator('a[data-product="mingqian-longjing"]').first()
  await expect(card).toContainText('明前龙井 250g 罐装')
  await expect(card).toContainText('¥268.00')
  await card.click()
  await expect(page).toHaveURL(/\/p\/mingqian-longjing\?from=.+&b=\d+/)
  await expect(page.locator('[data-stock]')).toContainText(/有货|仅剩/)
  // The page opens on what the card showed: the SKU the product's title and price describe, with its 划线价.
  await expect(page.getByRole('radio', { name: /250g 罐装/ })).toBeChecked()
  await expect(headline(page)).toHaveText('¥268.00')
  await expect(page.locator('[data-price-of] .price s:visible')).toHaveText('¥328.00')
  // picking another SKU shows its price, and back
  await page.getByRole('radio', { name: /50g 尝鲜装/ }).check()
  await expect(headline(page)).toHaveText('¥68.00')
  await expect(headlineSku(page)).toHaveText('已选：50g 尝鲜装')
  await page.getByRole('radio', { name: /250g 罐装/ }).check()
  await expect(headline(page)).toHaveText('¥268.00')
  await page.getByRole('button', { name: '立即购买' }).click()
  // 确认订单: the claimed coupon is offered, preselected, and the final price shows before paying
  await expect(page.getByText('明前龙井 250g 罐装')).toBeVisible()
  await expect(page.getByText('规格：250g 罐装')).toBeVisible()
  await expect(page.getByRole('radio', { name: /茶友会专享券/ })).toBeChecked()
  await expect(page.locator('[data-total]:visible')).toHaveText('¥248.00')
  await page.getByRole('radio', { name: '不使用优惠券' }).check()
  await expect(page.locator('[data-total]:visible')).toHaveText('¥268.00')
  // the address is required: the browser will not submit without it
  await page.getByRole('button', { name: '提交订单' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单')
  expect(await page.getByLabel('收货人').evaluate((input: HTMLInputElement) => input.validity.valueMissing)).toBe(true)
  await placeOrder(page, {}, /茶友会专享券/)
  await expect(page.getByRole('alert').filter({ hasText: '沙箱' })).toBeVisible()
  await expect(page.getByTestId('amount')).toHaveText('¥248.00')
  await page.getByRole('button', { name: /确认支付/ }).click()
  await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
  await expect(page.locator('[data-status]')).toHaveText('已支付')
  // the order page shows where it goes
  await expect(page.getByTestId('order-address')).toContainText(DEMO_ADDRESS.address)
  await expect(page.getByTestId('order-address')).toContainText('138****8000')
  const number = new URL(page.url()).pathname.split('/').pop()!
  const order = await orderByNumber(page.request, number)
  expect(order.status).toBe('paid')
  expect(order.items[0]).toMatchObject({ variant: 'LJ-250G', variantName: '250g 罐装', unitPrice: 26800 })
  expect(order).toMatchObject({ subtotal: 26800, discount: 2000, total: 24800, buyer: DEMO_ADDRESS })
  expect(order.attribution.article).toBeTruthy()
  expect(typeof order.attribution.block).toBe('number')
  // someone without the token sees nothing
  const stranger = await page.request.get(`/o/${number}?t=wrong-token`)
  expect(stranger.status()).toBe(404)
})

test('a card that names a SKU opens the page on that SKU, at the price the card showed', async ({ page }) => {
  await page.goto('/a/spring-longjing-guide')
  const card = page.locator('a[data-product="mingqian-longjing"]').filter({ hasText: '50g 尝鲜装' })
  await expect(card).toContainText('¥68.00')
  await card.click()
  await expect(page).toHaveURL(/\/p\/mingqian-longjing\?sku=LJ-50G&from=.+&b=\d+/)
  await expect(page.getByRole('radio', { name: /50g 尝鲜装/ })).toBeChecked()
  await expect(headline(page)).toHaveText('¥68.00')
  await expect(headlineSku(page)).toHaveText('已选：50g 尝鲜装')
  await expect(page).toHaveTitle('明前龙井 250g 罐装（50g 尝鲜装） · 山野茶事')
  // the SKU's own picture leads the gallery, and marks its pill
  await expect(page.locator('.gallery img').first()).toHaveAttribute('src', /longjing-50g/)
  await expect(page.locator('.variant', { hasText: '50g 尝鲜装' }).locator('img')).toHaveAttribute('src', /longjing-50g/)
  // the first paint already is the SKU's page: the server rendered it, not a script
  const html = await (await page.request.get('/p/mingqian-longjing?sku=LJ-50G')).text()
  expect(html).toMatch(/value="LJ-50G"[^>]*checked|checked[^>]*value="LJ-50G"/)
  // a SKU the product does not have falls back to the product's page
  await page.goto('/p/mingqian-longjing?sku=NOPE-1')
  await expect(page).toHaveURL(/\/p\/mingqian-longjing$/)
  await expect(page.getByRole('radio', { name: /250g 罐装/ })).toBeChecked()
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the buy path still reaches payment and the order gets paid, attribution kept', async ({ page }) => {
    await page.goto('/p/mingqian-longjing?from=no-js-article&b=3&sharer=friend1')
    // Variant radios work without JavaScript: the SKU the title names is pre-selected; the 50g one, chosen, costs ¥68.
    await expect(page.getByRole('radio', { name: /250g 罐装/ })).toBeChecked()
    await expect(headline(page)).toHaveText('¥268.00')
    await page.getByRole('radio', { name: /50g 尝鲜装/ }).check()
    // the headline follows the choice by CSS alone
    await expect(headline(page)).toHaveText('¥68.00')
    await expect(headlineSku(page)).toHaveText('已选：50g 尝鲜装')
    await page.getByRole('button', { name: '立即购买' }).click()
    // 确认订单 without JavaScript: a refusal (a malformed phone number) shows inline, what was typed is kept
    await placeOrder(page, { phone: '12345', address: '杭州' })
    await expect(page.getByRole('alert')).toHaveText('请检查填写的信息')
    // every wrong field is marked at once
    await expect(page.getByText('请填写正确的手机号')).toBeVisible()
    await expect(page.getByText('请填写详细的收货地址')).toBeVisible()
    // what was typed is kept
    await expect(page.getByLabel('详细地址')).toHaveValue('杭州')
    await expect(page.getByLabel('收货人')).toHaveValue(DEMO_ADDRESS.name)
    await expect(page.getByText('规格：50g 尝鲜装')).toBeVisible()
    await placeOrder(page)
    await expect(page.getByTestId('amount')).toHaveText('¥68.00')
    await page.getByRole('button', { name: /确认支付/ }).click()
    await expect(page).toHaveURL(/\/o\/TW\d+\?t=/)
    await expect(page.locator('[data-status]')).toHaveText('已支付')
    const number = new URL(page.url()).pathname.split('/').pop()!
    const order = await orderByNumber(page.request, number)
    expect(order.attribution).toMatchObject({ article: 'no-js-article', block: 3, sharer: 'friend1' })
    expect(order.items[0]).toMatchObject({ variant: 'LJ-50G', unitPrice: 6800 })
  })
})
