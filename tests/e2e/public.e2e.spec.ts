import { expect, test } from '@playwright/test'

test.use({ viewport: { width: 375, height: 812 } })

test('the seeded article renders at phone width with its product cards', async ({ page }) => {
  await page.goto('/a/spring-longjing-guide')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('明前龙井怎么挑？三步看懂一杯好茶')
  await expect(page).toHaveTitle('明前龙井怎么挑？三步看懂一杯好茶 · 山野茶事')
  await expect(page.locator('.article-body h2').first()).toHaveText('一、先看干茶')
  await expect(page.locator('.article-body blockquote')).toBeVisible()
  const [whole, sample] = [page.locator('[data-product="mingqian-longjing"]').first(), page.locator('[data-product="mingqian-longjing"]').nth(1)]
  await expect(whole).toContainText('¥268.00')
  await expect(whole.locator('s')).toHaveText('¥328.00')
  // the second card names the 50g SKU: its name and its own price, no 划线价 (that is the 250g's)
  await expect(sample).toContainText('规格：50g 尝鲜装')
  await expect(sample).toContainText('¥68.00')
  await expect(sample.locator('s')).toHaveCount(0)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('the community page lists the brand articles and products', async ({ page }) => {
  await page.goto('/c/shanye-tea-club')
  await expect(page.getByRole('heading', { name: '山野茶友会' })).toBeVisible()
  await expect(page).toHaveTitle('山野茶友会 · 山野茶事')
  await expect(page.getByRole('link', { name: '夏天的冷泡茶，4 小时就够了' })).toBeVisible()
  await expect(page.locator('[data-product]').first()).toBeVisible()
  await expect(page.locator('[data-product="yunnan-beans"]')).toHaveCount(0)
})

test('the WeChat JS-SDK is loaded for share cards inside WeChat only', async ({ browser, page }) => {
  await page.goto('/p/osmanthus-oolong')
  await expect(page.locator('h1')).toBeVisible()
  await expect(page).toHaveTitle(`${await page.locator('h1').innerText()} · 山野茶事`)
  await expect(page.locator('script[src*="jweixin"]')).toHaveCount(0)
  const wechat = await browser.newContext({ userAgent: 'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 MicroMessenger/8.0.50 NetType/WIFI' })
  const inWechat = await wechat.newPage()
  await inWechat.route('https://res.wx.qq.com/**', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'window.wx = { config(c) { window.__wxConfig = c }, ready(f) { f() }, updateAppMessageShareData(c) { window.__share = c }, updateTimelineShareData() {} }',
    }),
  )
  await inWechat.goto('/a/cold-brew-summer')
  await expect
    .poll(() => inWechat.evaluate(() => (window as unknown as { __share?: { title: string; link: string } }).__share?.title))
    .toBe('夏天的冷泡茶，4 小时就够了')
  const share = await inWechat.evaluate(() => (window as unknown as { __share: { link: string; imgUrl: string } }).__share)
  expect(share.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/a\/cold-brew-summer$/)
  expect(share.imgUrl).toMatch(/^http/)
  await wechat.close()
})

test('a product page says whose shop it is, where to ask, and describes itself to search engines', async ({ page }) => {
  await page.goto('/p/mingqian-longjing')
  const shop = page.locator('[data-shop-header]')
  await expect(shop).toContainText('山野茶事')
  await expect(shop.getByRole('link', { name: /品牌社区/ })).toHaveAttribute('href', '/c/shanye-tea-club')
  await page.getByText('联系客服').click()
  await expect(page.locator('[data-service]')).toContainText('在公众号「山野茶事（沙箱公众号）」的对话框里发送消息')
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
  expect(ld).toMatchObject({
    '@type': 'Product',
    name: '明前龙井 250g 罐装',
    brand: { name: '山野茶事' },
    offers: { '@type': 'AggregateOffer', lowPrice: '68.00', highPrice: '268.00' },
  })
})

test.describe('the shop home, also without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('shows the shelves the brand arranged, searches and filters by category, and leads to the product', async ({ page }) => {
    await page.goto('/p/osmanthus-oolong')
    await page.getByRole('link', { name: /进店逛逛/ }).click()
    await expect(page).toHaveURL(/\/s\/shanye-tea$/)
    await expect(page).toHaveTitle('山野茶事 · 店铺首页')
    await expect(page.locator('[data-shelf="春茶上新"] [data-product]')).toHaveCount(2)
    await expect(page.locator('[data-shelf="好茶配好器"] [data-product]').first()).toHaveAttribute('data-product', 'white-gaiwan')
    await expect(page.locator('[data-shelf="new"] [data-product]')).not.toHaveCount(0)
    await page.getByRole('searchbox', { name: '搜索本店商品' }).fill('盖碗')
    await page.getByRole('button', { name: '搜索' }).click()
    await expect(page.locator('[data-shelf="results"] [data-product]')).toHaveCount(1)
    await expect(page.locator('[data-shelf="results"]')).toContainText('德化白瓷盖碗 150ml')
    await page.goto('/s/shanye-tea')
    await page.getByRole('navigation', { name: '分类' }).getByRole('link', { name: '茶器' }).click()
    await expect(page.locator('[data-shelf="results"] [data-product]')).toHaveCount(4)
    await page.locator('[data-shelf="results"] [data-product="yixing-teapot"]').click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('宜兴紫砂壶 西施 220ml')
  })
})
