// The closed loop, counted: a shared article → a tapped product → a sandbox purchase → the dashboard row.
import { expect, test } from '@playwright/test'

import { demo, loginAs, placeOrder } from './helpers'

test("a reader's visit, tap and purchase show up in the article's dashboard row", async ({ page, browser }) => {
  const reader = await browser.newPage({ viewport: { width: 375, height: 812 } })
  await reader.goto('/a/cold-brew-summer?sharer=friend-e2e')
  const card = reader.locator('a[data-product="osmanthus-oolong"]').first()
  await expect(card).toHaveAttribute('href', /sharer=friend-e2e/)
  const articleId = new URL((await card.getAttribute('href')) as string, 'http://x').searchParams.get('from') as string
  await card.click()
  await expect(reader).toHaveURL(/\/p\/osmanthus-oolong\?from=.+&b=0&sharer=friend-e2e/)
  await reader.getByRole('button', { name: '立即购买' }).click()
  await placeOrder(reader)
  await reader.getByRole('button', { name: /确认支付/ }).click()
  await expect(reader.locator('[data-status]')).toHaveText('已支付')
  await reader.close()

  await loginAs(page, demo.editor)
  const row = page.locator(`[data-testid="funnel-articles"] tr[data-article="${articleId}"]`)
  // Beacon events are flushed in the background within about a second: reload until they are in.
  await expect(async () => {
    await page.goto('/admin/funnel')
    const cells = await row.locator('td').allInnerTexts()
    expect(Number(cells[1])).toBeGreaterThanOrEqual(1) // reads
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1) // taps
    expect(Number(cells[6])).toBe(1) // paid orders
    expect(cells[7]).toBe('¥59.00')
  }).toPass({ timeout: 30_000 })
  // The block is named by its product, not by its position alone.
  await expect(page.locator(`[data-testid="funnel-articles"] [data-block-name]`).first()).toContainText('」（第 1 个商品块）')

  // 近 90 天 and a custom range keep the same figures for today's purchase.
  await page.getByRole('link', { name: '近 90 天' }).click()
  await expect(page.getByTestId('funnel-window')).toContainText('（90 天，北京时间）')
  await expect(row.locator('td').nth(7)).toHaveText('¥59.00')
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
  await page.getByLabel('从').fill(today)
  await page.getByLabel('到').fill(today)
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page.getByTestId('funnel-window')).toContainText(`${today} 至 ${today}（1 天`)
  await expect(row.locator('td').nth(6)).toHaveText('1')
  // A reversed range is refused with the field named, and what was typed stays in the form.
  await page.getByLabel('从').fill('2026-12-05')
  await page.getByLabel('到').fill('2026-12-01')
  await page.getByRole('button', { name: '查看' }).click()
  await expect(page.locator('form[aria-label="自定义日期范围"] [role="alert"]')).toContainText('to: 结束日期不能早于开始日期')
  await expect(page.getByLabel('从')).toHaveValue('2026-12-05')
  await page.goBack()

  // 推送后 48 小时: the article's hours, with the purchase in one of them.
  await row.getByRole('link', { name: '推送后 48 小时' }).click()
  await expect(page.getByTestId('funnel-hours')).toBeVisible()
  await expect(page.getByTestId('funnel-hours-table').locator('tbody tr')).toHaveCount(48)
  const paid = await page
    .getByTestId('funnel-hours-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.reduce((n, r) => n + Number(r.children[6]?.textContent ?? 0), 0))
  expect(paid).toBe(1)
})
