import path from 'node:path'

import { expect, test } from '@playwright/test'

import { demo, loginAs } from './helpers'

test.describe.configure({ mode: 'serial' })

const stamp = Date.now().toString(36)
const productTitle = `青瓷品茗杯 ${stamp}`
const productSlug = `celadon-cup-${stamp}`
const articleSlug = `celadon-story-${stamp}`

test('the admin speaks Chinese by default', async ({ page }) => {
  await page.goto('/admin/login')
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh')
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible()
})

test('an editor creates a product with an uploaded image', async ({ page }) => {
  await loginAs(page, demo.editor)
  await page.goto('/admin/collections/products/create')
  await page.locator('#field-title').fill(productTitle)
  await page.locator('#field-price').fill('39.90')
  await page.locator('#field-stock').fill('25')
  await page.locator('#field-slug').fill(productSlug)

  // Upload a new image from the images field's "create new" drawer.
  await page.getByRole('button', { name: '创建新条目' }).click()
  const drawer = page.getByRole('dialog').last()
  await drawer.locator('input[type="file"]').setInputFiles(path.resolve('src/seed/assets/gaiwan.jpg'))
  await drawer.locator('#field-alt').fill('青瓷品茗杯')
  await drawer.getByRole('button', { name: '保存' }).click()
  await expect(drawer).toBeHidden({ timeout: 20_000 })
  await expect(page.getByText(/gaiwan.*\.jpg/).first()).toBeVisible()

  await page.locator('#field-status').click()
  await page.getByRole('option', { name: '已发布' }).click()
  await page.getByRole('button', { name: '保存' }).click()
  await expect(page.getByText(/成功/).first()).toBeVisible()
})

test('an editor embeds the product in an article, publishes it, and both public pages render', async ({ page }) => {
  await loginAs(page, demo.editor)
  await page.goto('/admin/collections/articles/create')
  await page.locator('#field-title').fill('青瓷的故事')
  await page.locator('#field-slug').fill(articleSlug)
  const editor = page.locator('[data-lexical-editor="true"]')
  await editor.click()
  await page.keyboard.type('一只好杯子，让茶更好喝。')
  await page.keyboard.press('Enter')
  await page.keyboard.type('/商品')
  await page
    .getByRole('menuitem', { name: /商品卡片/ })
    .or(page.getByText('商品卡片', { exact: true }))
    .first()
    .click()
  const block = page.locator('.lexical-block, [data-lexical-decorator="true"]').first()
  await block.getByRole('combobox').first().click()
  await page.getByRole('option', { name: productTitle }).click()
  await page.waitForTimeout(1200) // Lexical block fields sync into the editor state on a debounce (payload-notes P6)
  await page.getByRole('button', { name: /发布/ }).first().click()
  await expect(page.getByText(/成功/).first()).toBeVisible()

  await page.goto(`/a/${articleSlug}`)
  await expect(page.getByRole('heading', { name: '青瓷的故事' })).toBeVisible()
  const tile = page.locator(`[data-product="${productSlug}"]`)
  await expect(tile).toContainText('¥39.90')
  await expect(tile).toHaveAttribute('href', new RegExp(`/p/${productSlug}\\?from=[^&]+&b=0`))
  await tile.click()
  await expect(page).toHaveURL(new RegExp(`/p/${productSlug}`))
  await expect(page.getByRole('heading', { name: productTitle })).toBeVisible()
  await expect(page.getByText('有货')).toBeVisible()
  await expect(page.locator('.gallery img').first()).toHaveAttribute('src', /\.webp$/)
})

test('drafts and unknown slugs are 404 on the public site', async ({ page }) => {
  expect((await page.goto('/p/no-such-product'))?.status()).toBe(404)
  expect((await page.goto('/a/no-such-article'))?.status()).toBe(404)
  expect((await page.goto('/c/no-such-community'))?.status()).toBe(404)
})

test("a brand user sees only their own brand's products in the admin", async ({ page }) => {
  await loginAs(page, demo.brand)
  await page.goto('/admin/collections/products')
  await expect(page.getByText('明前龙井 250g 罐装')).toBeVisible()
  await expect(page.getByText('云南保山 小粒咖啡豆 454g')).toHaveCount(0)
  // …and cannot open it by URL either.
  await page.goto('/admin/collections/products?where[slug][equals]=yunnan-beans')
  await expect(page.getByText('云南保山 小粒咖啡豆 454g')).toHaveCount(0)
})

test("the brand's shop settings: 店铺服务 and its shelves, each labelled by its title", async ({ page }) => {
  await loginAs(page, demo.admin)
  await page.goto('/admin/collections/brands')
  await page.getByRole('link', { name: '山野茶事' }).first().click()
  await expect(page.getByText('店铺服务', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('支持 7 天无理由退货')).toBeVisible()
  await expect(page.getByText('春茶上新 · 2 件商品')).toBeVisible()
  await expect(page.getByText('好茶配好器 · 4 件商品')).toBeVisible()
})
