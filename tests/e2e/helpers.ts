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
