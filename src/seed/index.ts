import fs from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { CollectionSlug, Payload, Where } from 'payload'

import type { BrandRole } from '../access/roles'
import { articles } from './articles'
import { type BrandKey, brands, products, teaShelves } from './catalog'
import { seedCommunityExtras } from './community'
import { demoAccounts } from './demoAccounts'
import { seedWechatSandbox } from './wechatSandbox'

const assetsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets')

type SeedResult = { created: Record<string, number>; brandIds: Record<BrandKey, string> }

/**
 * Seeds the demo: two brands, four accounts, seven products with images, three articles and a
 * community per brand. Every document is looked up by its natural key first, so seeding twice
 * creates nothing new.
 */
export async function seed({ payload, log = () => {} }: { payload: Payload; log?: (line: string) => void }): Promise<SeedResult> {
  const created: Record<string, number> = {}

  async function findOrCreate(collection: CollectionSlug, where: Where, create: () => Promise<{ id: string }>) {
    const found = await payload.find({ collection, where, limit: 1, depth: 0, draft: true, overrideAccess: true })
    if (found.docs[0]) return (found.docs[0] as { id: string }).id
    const doc = await create()
    created[collection] = (created[collection] ?? 0) + 1
    return doc.id
  }

  const brandIds = {} as Record<BrandKey, string>
  for (const brand of brands) {
    brandIds[brand.key] = await findOrCreate('brands', { slug: { equals: brand.slug } }, () =>
      payload.create({ collection: 'brands', data: { name: brand.name, slug: brand.slug, primaryColor: brand.primaryColor } }),
    )
  }

  const accounts = demoAccounts()
  for (const account of Object.values(accounts) as { email: string; password: string; name: string; admin: boolean; role?: BrandRole; brand?: BrandKey }[]) {
    const brands = account.role && account.brand ? [{ brand: brandIds[account.brand], role: account.role }] : []
    await findOrCreate('users', { email: { equals: account.email } }, () =>
      payload.create({
        collection: 'users',
        data: { email: account.email, password: account.password, name: account.name, roles: [account.admin ? 'admin' : 'member'], brands },
      }),
    )
  }

  const mediaIds = new Map<string, string>()
  async function media(file: string, alt: string, brand: string) {
    if (mediaIds.has(file)) return mediaIds.get(file) as string
    const id = await findOrCreate('media', { filename: { equals: file } }, async () =>
      payload.create({
        collection: 'media',
        data: { alt, brand },
        file: { data: await fs.readFile(path.join(assetsDir, file)), mimetype: 'image/jpeg', name: file, size: 0 },
      }),
    )
    mediaIds.set(file, id)
    return id
  }

  const productIds = new Map<string, string>()
  for (const p of products) {
    const brand = brandIds[p.brand]
    const image = await media(p.image, p.title, brand)
    const variants =
      'variants' in p
        ? await Promise.all(p.variants.map(async (v) => ({ ...v, image: 'image' in v ? await media(v.image, `${p.title} ${v.name}`, brand) : undefined })))
        : undefined
    const id = await findOrCreate('products', { slug: { equals: p.slug } }, () =>
      payload.create({
        collection: 'products',
        data: {
          title: p.title,
          slug: p.slug,
          category: p.category,
          brand,
          price: p.price,
          compareAtPrice: 'compareAtPrice' in p ? p.compareAtPrice : undefined,
          stock: p.stock,
          variants,
          images: [image],
          sellingPoints: p.points.map((t) => ({ text: t })),
          description: `${p.title}。${p.points.join('；')}。`,
          status: 'published',
        },
      }),
    )
    productIds.set(p.slug, id)
  }
  // The tea shop's shelves, once (an operator's own arrangement is kept on a later seed).
  const tea = await payload.findByID({ collection: 'brands', id: brandIds.tea, depth: 0 })
  if (!tea.shelves?.length) {
    const shelves = teaShelves.map((s) => ({ title: s.title, products: s.products.map((slug) => productIds.get(slug)!) }))
    await payload.update({ collection: 'brands', id: brandIds.tea, data: { shelves }, overrideAccess: true })
  }

  for (const a of articles) {
    const cover = await media(a.cover, a.title, brandIds.tea)
    const ids = { product: (slug: string) => productIds.get(slug) as string, media: (file: string) => mediaIds.get(file) as string }
    for (const file of ['article-hills.jpg', 'article-brew.jpg', 'article-market.jpg']) await media(file, '配图', brandIds.tea)
    await findOrCreate('articles', { slug: { equals: a.slug } }, () =>
      payload.create({
        collection: 'articles',
        data: {
          title: a.title,
          slug: a.slug,
          author: a.author,
          digest: a.digest,
          cover,
          brand: brandIds.tea,
          content: a.content(ids) as never,
          _status: 'published',
        },
      }),
    )
  }

  const communities = [
    { brand: 'tea' as const, slug: 'shanye-tea-club', name: '山野茶友会', intro: '每周一次线上品鉴，每月一次茶山游学。一起把日子过得慢一点。' },
    { brand: 'coffee' as const, slug: 'lime-coffee-lab', name: '青柠咖啡实验室', intro: '手冲爱好者的聚集地：豆子、器具、配方，一起交流。' },
  ]
  for (const c of communities) {
    await findOrCreate('communities', { slug: { equals: c.slug } }, () =>
      payload.create({ collection: 'communities', data: { name: c.name, slug: c.slug, intro: c.intro, brand: brandIds[c.brand], status: 'published' } }),
    )
  }

  await seedCommunityExtras(payload, created)
  await seedWechatSandbox(payload, brandIds.tea, created)

  const summary =
    Object.entries(created)
      .map(([k, v]) => `${k} +${v}`)
      .join(', ') || 'nothing new (already seeded)'
  log(`Seed: ${summary}`)
  return { created, brandIds }
}
