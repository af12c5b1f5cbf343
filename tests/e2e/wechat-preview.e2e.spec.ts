import { expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

test('an editor sees the WeChat phone preview of an article and copies it as rich text', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL })
  await loginAs(page, demo.editor)
  await page.goto('/admin/collections/articles')
  await page.getByRole('link', { name: '明前龙井怎么挑？三步看懂一杯好茶' }).click()

  const preview = page.frameLocator('iframe[title="公众号预览"]')
  await expect(preview.getByText('明前龙井 250g 罐装').first()).toBeVisible({ timeout: 30_000 })
  await expect(preview.getByText('¥268.00').first()).toBeVisible()
  const width = await page.locator('iframe[title="公众号预览"]').evaluate((el) => el.getBoundingClientRect().width)
  expect(width).toBeLessThanOrEqual(375)

  // The preview follows the theme and dark-mode switches.
  await page.getByRole('checkbox', { name: '深色模式' }).check()
  await expect(page.locator('iframe[title="公众号预览"]')).toHaveCSS('background-color', 'rgb(25, 25, 25)')

  await page.getByRole('button', { name: '复制到公众号' }).click()
  await expect(page.getByRole('button', { name: /已复制/ })).toBeVisible()
  const html = await page.evaluate(async () => {
    for (const item of await navigator.clipboard.read()) {
      if (item.types.includes('text/html')) return (await item.getType('text/html')).text()
    }
    return ''
  })
  expect(html).toContain('明前龙井 250g 罐装')
  expect(html).toContain('¥268.00')
  expect(html).toMatch(/style="/)
  expect(html).not.toMatch(/<script|class="/i)
})
