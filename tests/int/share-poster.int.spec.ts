// GET /p/<slug>/poster: a published product's share poster — its first image read from MEDIA_DIR, a PNG of the
// poster's size, the QR code of its public page (with a valid ?sku= and sharer=, the invalid ones ignored), five
// minutes of caching with an ETag; an unknown or unpublished product is a 404.
import type { Payload } from 'payload'
import QRCode from 'qrcode'
import sharp from 'sharp'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import { GET } from '@/app/(frontend)/p/[slug]/poster/route'
import { POSTER_HEIGHT, POSTER_WIDTH } from '@/commerce/sharePoster'
import type { Product } from '@/payload-types'

import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload
let product: Product
let draft: Product
const n = Date.now()

beforeAll(async () => {
  payload = await bootPayload()
  const brand = await payload.create({ collection: 'brands', data: { name: '海报茶事', slug: `poster-brand-${n}` }, overrideAccess: true })
  const data = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#c0392b' } })
    .jpeg()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: '海报图', brand: brand.id },
    file: { data, mimetype: 'image/jpeg', name: `poster-${n}.jpg`, size: data.length },
    overrideAccess: true,
  })
  const base = { brand: brand.id, price: 26800, compareAtPrice: 32800, stock: 10, images: [media.id] }
  product = await payload.create({
    collection: 'products',
    data: {
      ...base,
      title: '<b>明前龙井</b> & "头采" 250g 罐装 · 一芽一叶，豆香清雅，回甘持久，适合送礼',
      slug: `poster-tea-${n}`,
      status: 'published',
      variants: [
        { sku: 'G250', name: '250g 罐装', stock: 5 },
        { sku: 'S50', name: '50g 尝鲜装', price: 6800, stock: 5 },
      ],
    },
    overrideAccess: true,
  })
  draft = await payload.create({ collection: 'products', data: { ...base, title: '草稿茶', slug: `poster-draft-${n}`, status: 'draft' }, overrideAccess: true })
})
afterAll(() => shutdown(payload))
afterEach(() => vi.restoreAllMocks())

const get = (slug: string, query = '', headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost:3000/p/${slug}/poster${query}`, { headers: { host: 'localhost:3000', ...headers } }), {
    params: Promise.resolve({ slug }),
  })

describe('share poster route', () => {
  it("answers the product's poster: a PNG of the poster's size with the product's image, cached five minutes", async () => {
    const encode = vi.spyOn(QRCode, 'toBuffer')
    const res = await get(product.slug)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(res.headers.get('etag')).toMatch(/^"[\w-]+"$/)
    const png = Buffer.from(await res.arrayBuffer())
    expect(res.headers.get('content-length')).toBe(String(png.length))
    const meta = await sharp(png).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['png', POSTER_WIDTH, POSTER_HEIGHT])
    // the uploaded image (red) fills the top
    const { data, info } = await sharp(png).extract({ left: 375, top: 300, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true })
    expect(info.channels).toBeGreaterThanOrEqual(3)
    expect(Math.abs(data[0] - 0xc0) + Math.abs(data[1] - 0x39) + Math.abs(data[2] - 0x2b)).toBeLessThan(30)
    expect(encode).toHaveBeenCalledTimes(1)
    expect(encode.mock.calls[0][0]).toBe(`http://localhost:3000/p/${product.slug}`)
  })

  it('the QR code carries a valid ?sku= and sharer=, and ignores invalid ones', async () => {
    const encode = vi.spyOn(QRCode, 'toBuffer')
    expect((await get(product.slug, '?sku=S50&sharer=reader_01')).status).toBe(200)
    expect((await get(product.slug, '?sku=%3Cx%3E&sharer=a%20b')).status).toBe(200)
    expect((await get(product.slug, `?sku=NOPE&sharer=${'x'.repeat(65)}`)).status).toBe(200)
    expect(encode.mock.calls.map((c) => c[0])).toEqual([
      `http://localhost:3000/p/${product.slug}?sku=S50&sharer=reader_01`,
      `http://localhost:3000/p/${product.slug}`,
      `http://localhost:3000/p/${product.slug}`,
    ])
  })

  it('on the configured public origin, not the Host header', async () => {
    const saved = process.env.NEXT_PUBLIC_SERVER_URL
    process.env.NEXT_PUBLIC_SERVER_URL = 'https://shop.example'
    try {
      const encode = vi.spyOn(QRCode, 'toBuffer')
      expect((await get(product.slug, '', { host: 'evil.example' })).status).toBe(200)
      expect(encode.mock.calls[0][0]).toBe(`https://shop.example/p/${product.slug}`)
    } finally {
      if (saved === undefined) delete process.env.NEXT_PUBLIC_SERVER_URL
      else process.env.NEXT_PUBLIC_SERVER_URL = saved
    }
  })

  it('answers 304 to its own ETag without drawing, and another ETag per query', async () => {
    const first = await get(product.slug)
    const etag = first.headers.get('etag') as string
    const encode = vi.spyOn(QRCode, 'toBuffer')
    const again = await get(product.slug, '', { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(again.headers.get('etag')).toBe(etag)
    expect(encode).not.toHaveBeenCalled()
    expect((await get(product.slug, '?sku=S50')).headers.get('etag')).not.toBe(etag)
    // a change to the product is a new ETag
    await payload.update({ collection: 'products', id: product.id, data: { price: 25800 }, overrideAccess: true })
    expect((await get(product.slug)).headers.get('etag')).not.toBe(etag)
  })

  it('an unknown or unpublished product is a 404', async () => {
    for (const slug of ['no-such-product', draft.slug]) {
      const res = await get(slug)
      expect(res.status, slug).toBe(404)
      expect(res.headers.get('content-type')).toContain('text/plain')
    }
  })
})
