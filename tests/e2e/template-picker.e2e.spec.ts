import { expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

// The seeded sandbox account's templates (src/seed/wechatSandbox.ts), listed by the in-app emulator.
const PAID = 'TwDemoOrderPaid0000000000000000000000000001'
const SHIPPED = 'TwDemoOrderShipped000000000000000000000002'
const PAID_KEYWORDS = 'character_string1:number,thing2:product,amount3:total,time4:time'
const SHIPPED_KEYWORDS = 'character_string1:number,thing2:product,phrase3:status,time4:time'

test("a template row's 模板 ID is picked from the sandbox account's own templates, which fills in its keywords", async ({ page }) => {
  await loginAs(page, demo.admin)
  await page.goto('/admin/collections/wechat-accounts')
  await page.getByRole('link', { name: '山野茶事（沙箱公众号）' }).first().click()

  const use = page.locator('#field-templateIds__0__key')
  const picker = page.locator('#field-templateIds__0__templateId')
  const keywords = page.locator('#field-templateIds__0__keywords')
  await expect(use).toHaveValue('order_paid')
  await expect(use.locator('option')).toContainText(['选择用途…', '支付成功（order_paid）', '已发货（order_shipped）', '已退款（order_refunded）'])
  await expect(picker).toBeEnabled({ timeout: 20_000 })
  await expect(picker.locator('option')).toContainText([
    '选择模板…',
    `订单支付成功通知（${PAID}）`,
    `订单发货通知（${SHIPPED}）`,
    '退款成功通知（TwDemoOrderRefunded00000000000000000000003）',
  ])
  await expect(picker).toHaveValue(PAID)

  await picker.selectOption(SHIPPED)
  await expect(keywords).toHaveValue(SHIPPED_KEYWORDS)
  // Back to the paid template (the demo's notifications keep working): its id and mapping, still a text the editor may change.
  await picker.selectOption({ label: `订单支付成功通知（${PAID}）` })
  await expect(keywords).toHaveValue(PAID_KEYWORDS)
  await expect(keywords).toBeEditable()
  await page.getByRole('button', { name: '保存' }).click()
  // The toast: the options above say 支付成功 too.
  await expect(page.locator('.payload-toast-container').getByText(/成功/).first()).toBeVisible()

  await page.reload()
  await expect(page.locator('#field-templateIds__0__templateId')).toHaveValue(PAID, { timeout: 20_000 })
  await expect(page.locator('#field-templateIds__0__keywords')).toHaveValue(PAID_KEYWORDS)
  await expect(page.locator('#field-templateIds__0__key')).toHaveValue('order_paid')
})
