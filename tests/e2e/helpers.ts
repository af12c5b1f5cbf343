import { expect, type Page } from '@playwright/test'

export const demo = {
  admin: { email: 'admin@tuiwen.demo', password: 'tuiwen-admin-2026' },
  editor: { email: 'editor@tuiwen.demo', password: 'tuiwen-editor-2026' },
  brand: { email: 'brand@tuiwen.demo', password: 'tuiwen-brand-2026' },
}

export async function loginAs(page: Page, who: { email: string; password: string }) {
  await page.goto('/admin/login')
  await page.locator('#field-email').fill(who.email)
  await page.locator('#field-password').fill(who.password)
  await page.getByRole('button', { name: '登录' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

export const DEMO_ADDRESS = { name: '林小姐', phone: '13800138000', address: '浙江省杭州市西湖区龙井路 18 号' }

/** On the 确认订单 page the product page's 立即购买 leads to: fills 收货信息 and, if given, picks a coupon, then 提交订单. */
export async function placeOrder(page: Page, buyer: Partial<typeof DEMO_ADDRESS> = {}, coupon?: RegExp) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('确认订单')
  const filled = { ...DEMO_ADDRESS, ...buyer }
  await page.getByLabel('收货人').fill(filled.name)
  await page.getByLabel('手机号').fill(filled.phone)
  await page.getByLabel('详细地址').fill(filled.address)
  if (coupon) await page.getByRole('radio', { name: coupon }).check()
  await page.getByRole('button', { name: '提交订单' }).click()
}
