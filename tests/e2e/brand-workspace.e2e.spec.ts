import { expect, type Page, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

const TEA_PRODUCT = '明前龙井 250g 罐装'
const COFFEE_PRODUCT = '云南保山 小粒咖啡豆 454g'

async function chooseBrand(page: Page, name: string) {
  const selector = page.locator('.tenant-selector')
  await expect(selector).toContainText('当前品牌')
  // the selector lives in the side nav, which may start closed (and settles after hydration)
  await expect(async () => {
    const openNav = page.getByRole('button', { name: '打开 菜单' })
    if (await openNav.isVisible()) await openNav.click()
    await selector.locator('.react-select').click({ timeout: 2000 })
  }).toPass({ timeout: 20_000 })
  await page.locator('.rs__option', { hasText: name }).click()
}

test('an admin switches the admin between brands with the 当前品牌 selector', async ({ page }) => {
  await loginAs(page, demo.admin)
  await page.goto('/admin/collections/products')
  await chooseBrand(page, '青柠咖啡')
  await expect(page.getByText(COFFEE_PRODUCT)).toBeVisible()
  await expect(page.getByText(TEA_PRODUCT)).toHaveCount(0)

  // the funnel dashboard follows the selector too, until another brand (or all) is picked there
  await page.goto('/admin/funnel')
  const brands = page.getByRole('navigation', { name: '时间范围与品牌' })
  await expect(brands.getByRole('link', { name: '青柠咖啡' })).toHaveAttribute('aria-current', 'page')
  await brands.getByRole('link', { name: '全部品牌' }).click()
  await expect(brands.getByRole('link', { name: '全部品牌' })).toHaveAttribute('aria-current', 'page')

  await page.goto('/admin/collections/products')
  await chooseBrand(page, '山野茶事')
  await expect(page.getByText(TEA_PRODUCT)).toBeVisible()
  await expect(page.getByText(COFFEE_PRODUCT)).toHaveCount(0)

  // a new document goes to the selected brand
  await page.goto('/admin/collections/communities/create')
  await expect(page.locator('#field-brand')).toContainText('山野茶事')
})

test("a brand owner sees and manages only their brand's members; an operator cannot edit content", async ({ browser }) => {
  const owner = await browser.newPage()
  await loginAs(owner, demo.brand)
  // one brand only: no selector to show
  await expect(owner.locator('.tenant-selector')).toHaveCount(0)
  await owner.goto('/admin/collections/users')
  await expect(owner.getByText('editor@tuiwen.demo')).toBeVisible()
  await expect(owner.getByText('ops@tuiwen.demo')).toBeVisible()
  await expect(owner.getByText('coffee@tuiwen.demo')).toHaveCount(0)
  await expect(owner.getByText('admin@tuiwen.demo')).toHaveCount(0)

  // invite a new operator into the brand
  const email = `helper-${Date.now()}@tuiwen.demo`
  await owner.goto('/admin/collections/users/create')
  await owner.locator('#field-email').fill(email)
  await owner.locator('#field-password').fill('helper-password-2026')
  await owner.locator('#field-confirm-password').fill('helper-password-2026')
  await owner
    .getByRole('button', { name: /添加品牌角色|Add Membership|添加/ })
    .first()
    .click()
  const row = owner.locator('#field-brands')
  await row.locator('.field-type.relationship .react-select').first().click()
  await owner.locator('.rs__option', { hasText: '山野茶事' }).click()
  await row.locator('.field-type.select .react-select').first().click()
  await owner.locator('.rs__option', { hasText: '运营' }).click()
  await owner.getByRole('button', { name: '保存' }).click()
  await expect(owner.getByText(/成功/).first()).toBeVisible()
  // The owner may create products: the list offers Payload's 「创建新条目」 link (the one the operator must not get).
  const createLink = (page: typeof owner) => page.getByRole('link', { name: /创建新/ })
  await owner.goto('/admin/collections/products')
  await expect(owner.getByText(TEA_PRODUCT)).toBeVisible()
  await expect(createLink(owner).first()).toBeVisible()
  await owner.close()

  const helper = await browser.newPage()
  await loginAs(helper, { email, password: 'helper-password-2026' })
  await helper.goto('/admin/collections/orders')
  await expect(helper.locator('.collection-list')).toBeVisible()
  await helper.goto('/admin/collections/products')
  await expect(helper.getByText(TEA_PRODUCT)).toBeVisible()
  // operators read products but cannot create them
  await expect(createLink(helper)).toHaveCount(0)
  await helper.close()
})
