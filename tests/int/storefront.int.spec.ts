// The shop home (/s/<brand-slug>): shelves as the brand arranged them, only its own published products; its search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Product } from '@/payload-types'
import { searchShop, shopBrand, storefront } from '@/queries/storefront'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'

let payload: Awaited<ReturnType<typeof bootPayload>>
let w: World
let n = 0

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
})
afterAll(async () => {
  await shutdown(payload)
})

const product = async (brand: string, title: string, extra: Partial<Product> = {}) =>
  (await payload.create({
    collection: 'products',
    data: { title, slug: `shop-${++n}-${Date.now()}`, brand, price: 1000, stock: 5, status: 'published', ...extra },
    overrideAccess: true,
  })) as Product

describe('the shop home', () => {
  it("shows the brand's shelves in its order, its published products only; new arrivals and categories", async () => {
    const tea = await product(w.brandA.id, '明前龙井', { category: '绿茶' })
    const cup = await product(w.brandA.id, '白瓷杯', { category: '茶器' })
    const pot = await product(w.brandA.id, '紫砂壶', { category: '茶器' })
    const draft = await product(w.brandA.id, '未上架', { status: 'draft', category: '茶器' })
    await payload.update({
      collection: 'brands',
      id: w.brandA.id,
      data: {
        shelves: [
          { title: '茶器', products: [pot.id, cup.id, draft.id] },
          { title: '春茶', products: [tea.id] },
        ],
      },
      overrideAccess: true,
    })
    const brand = (await shopBrand(w.brandA.slug))!
    const shop = await storefront(brand)
    expect(shop.shelves.map((s) => [s.title, s.products.map((p) => p.title)])).toEqual([
      ['茶器', ['紫砂壶', '白瓷杯']],
      ['春茶', ['明前龙井']],
    ])
    // newest first (the world's own product-a is older), the draft not among them
    expect(shop.fresh.map((p) => p.title).slice(0, 3)).toEqual(['紫砂壶', '白瓷杯', '明前龙井'])
    expect(shop.fresh.map((p) => p.title)).not.toContain('未上架')
    expect(shop.categories).toEqual(['茶器', '绿茶'])
    expect(shop.flash).toEqual([])
    expect(await shopBrand('no-such-brand')).toBeNull()
  })

  it("refuses another brand's product on a shelf, naming the field", async () => {
    const theirs = await product(w.brandB.id, '别家的茶')
    const attempt = payload.update({
      collection: 'brands',
      id: w.brandA.id,
      data: { shelves: [{ title: '混进来', products: [theirs.id] }] },
      overrideAccess: true,
    })
    await expect(attempt).rejects.toMatchObject({ data: { errors: [expect.objectContaining({ path: 'shelves.0.products' })] } })
  })

  it('searches its own published products by title and by category, bounded', async () => {
    await product(w.brandA.id, '桂花乌龙 冷泡', { category: '乌龙茶' })
    await product(w.brandB.id, '桂花乌龙 别家')
    const byTitle = await searchShop(w.brandA.id, { q: '乌龙' })
    expect(byTitle.map((p) => p.title)).toEqual(['桂花乌龙 冷泡'])
    const byCategory = await searchShop(w.brandA.id, { category: '茶器' })
    expect(byCategory.map((p) => p.title).sort()).toEqual(['白瓷杯', '紫砂壶'])
    expect(await searchShop(w.brandA.id, {})).toEqual([])
  })
})
