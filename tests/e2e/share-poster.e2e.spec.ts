import { expect, type Page, test } from '@playwright/test'

// 生成分享海报 on the product page: the poster opens in place and loads as a PNG, with JavaScript and without.

test.use({ viewport: { width: 375, height: 812 } })

async function opensThePoster(page: Page) {
  // With JavaScript the image loads when the <details> opens (loading="lazy"); without, browsers load it with the
  // page (lazy loading is off when scripting is), so the response is awaited from the start.
  const response = page.waitForResponse((r) => new URL(r.url()).pathname === '/p/mingqian-longjing/poster')
  await page.goto('/p/mingqian-longjing')
  const poster = page.locator('[data-share-poster]')
  await expect(poster.getByText('生成分享海报')).toBeVisible()
  const img = poster.locator('img')
  await expect(img).toHaveAttribute('src', '/p/mingqian-longjing/poster')
  await poster.getByText('生成分享海报').click()
  await expect(poster.getByText('长按图片保存，分享到朋友圈')).toBeVisible()
  const res = await response
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('image/png')
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(750)
  expect(await img.evaluate((el: HTMLImageElement) => el.naturalHeight)).toBe(1334)
  const box = await img.boundingBox()
  expect(box!.width).toBeLessThanOrEqual(375)
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
}

test('the product page opens its share poster', async ({ page }) => {
  await opensThePoster(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the product page opens its share poster', async ({ page }) => {
    await opensThePoster(page)
  })
})

test('the poster of a SKU with a sharer is a PNG with the security headers, cached five minutes', async ({ request }) => {
  const res = await request.get('/p/mingqian-longjing/poster?sku=not%20valid&sharer=reader_1')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('image/png')
  expect(res.headers()['cache-control']).toBe('public, max-age=300')
  expect(res.headers()['x-content-type-options']).toBe('nosniff')
  expect(res.headers()['content-security-policy']).toContain("default-src 'self'")
  expect((await request.get('/p/no-such-product/poster')).status()).toBe(404)
})
