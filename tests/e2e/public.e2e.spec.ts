import { expect, test } from '@playwright/test'

test.use({ viewport: { width: 375, height: 812 } })

test('the seeded article renders at phone width with its product cards', async ({ page }) => {
  await page.goto('/a/spring-longjing-guide')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('明前龙井怎么挑？三步看懂一杯好茶')
  await expect(page.locator('.article-body h2').first()).toHaveText('一、先看干茶')
  await expect(page.locator('.article-body blockquote')).toBeVisible()
  await expect(page.locator('[data-product="mingqian-longjing"]')).toContainText('¥268.00')
  await expect(page.locator('[data-product="mingqian-longjing"] s')).toHaveText('¥328.00')
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(0)
})

test('the community page lists the brand articles and products', async ({ page }) => {
  await page.goto('/c/shanye-tea-club')
  await expect(page.getByRole('heading', { name: '山野茶友会' })).toBeVisible()
  await expect(page.getByRole('link', { name: '夏天的冷泡茶，4 小时就够了' })).toBeVisible()
  await expect(page.locator('[data-product]').first()).toBeVisible()
  await expect(page.locator('[data-product="yunnan-beans"]')).toHaveCount(0)
})
