import { describe, expect, it } from 'vitest'

import { checkWechatHtml } from './checks'
import { RenderImageError, RenderInputError, renderWechatArticle } from './index'
import { parse, styleOf, textOf } from './testing/html'
import * as L from './testing/lexical'
import type { ProductLike, RenderInput } from './types'

const BASE = 'https://shop.example.com'
const media = { m1: { id: 'm1', url: 'https://cdn.example.com/lamp.jpg', alt: '灯' } }
const products: Record<string, ProductLike> = {
  p1: {
    id: 'p1',
    title: '山野 2 双人帐篷',
    slug: 'shanye-2',
    price: 89900,
    compareAtPrice: 109900,
    sellingPoints: [{ text: '3 分钟速搭' }],
    images: [{ image: { url: 'https://cdn.example.com/tent.jpg', width: 800, height: 800, alt: '帐篷' } }],
    stock: 3,
    status: 'published',
    variants: [
      { sku: 'TENT-2', name: '双人款', stock: 3 },
      { sku: 'TENT-1', name: '单人款', price: 59900, stock: 2, image: { url: 'https://cdn.example.com/tent-1.jpg', alt: '单人帐篷' } },
    ],
  },
  p2: { id: 'p2', title: '营地灯', slug: 'lamp', price: 1290, sellingPoints: '三档调光\n充电', images: ['m1'], stock: 0, status: 'published' },
  p3: { id: 'p3', title: '睡袋', slug: 'bag', price: 19900, images: [{ id: 'x', url: 'https://cdn.example.com/bag.jpg' }], status: 'draft' },
}

async function render(children: Record<string, unknown>[], extra: Partial<RenderInput> = {}) {
  const result = await renderWechatArticle({ content: L.doc(...children), products, media, baseUrl: BASE, articleId: 'a1', ...extra })
  if (extra.mode !== 'api') expect(checkWechatHtml(result.html, { mode: 'paste' })).toEqual([])
  return { ...result, $: parse(result.html) }
}
const card = (product: unknown, layout = 'large', cta?: string) => L.block('productCard', { product, layout, cta })

describe('productCard (case 16)', () => {
  it('renders a large card: image, title, points, price as live text on a solid background, QR buy path', async () => {
    const { $, qrCodes, images, contentSourceUrl } = await render([card('p1', 'large', '立即购买')])
    const box = $.all((el) => el.attribs['data-block'] === 'productCard')[0]!
    expect(styleOf(box)['background-color']).toMatch(/^#/)
    expect(textOf(box)).toContain('山野 2 双人帐篷')
    expect(textOf(box)).toContain('¥899.00')
    expect(textOf(box)).toContain('¥1099.00')
    expect(textOf(box)).toContain('3 分钟速搭')
    expect(textOf(box)).toContain('立即购买')
    const landing = `${BASE}/p/shanye-2?from=a1&b=0`
    expect(contentSourceUrl).toBe(landing)
    expect(qrCodes).toEqual([{ imageUrl: `${BASE}/qr?u=${encodeURIComponent(landing)}`, landingUrl: landing }])
    const srcs = $.tags('img').map((i) => i.attribs.src)
    expect(srcs).toEqual(['https://cdn.example.com/tent.jpg', qrCodes[0]!.imageUrl])
    expect(images).toEqual(srcs)
    expect($.all((el) => el.name === 'a' && !!el.attribs.href)).toHaveLength(0)
  })

  it('renders the small layout as two inline-block columns that add up to < 100%', async () => {
    const { $ } = await render([card('p2', 'small')])
    const cols = $.all((el) => styleOf(el).display === 'inline-block')
    expect(cols).toHaveLength(2)
    expect(styleOf(cols[0]!.parent as (typeof cols)[0])['font-size']).toBe('0')
    expect(cols.map((c) => styleOf(c)['max-width'])).toEqual(['30% !important', '64% !important'])
    expect($.text()).toContain('三档调光')
    expect($.text()).toContain('¥12.90')
  })

  it('renders the text layout without product image', async () => {
    const { $ } = await render([card('p1', 'text')])
    expect($.tags('img').map((i) => i.attribs.src)).toEqual([expect.stringContaining('/qr?u=')])
    expect($.text()).toContain('¥899.00')
  })

  it('accepts populated products and images given as media objects', async () => {
    const { $ } = await render([card({ ...products.p3, id: 'other' })])
    expect($.tags('img')[0]!.attribs.src).toBe('https://cdn.example.com/bag.jpg')
  })

  it('shows the SKU a card names, at its price, and opens the landing page on it', async () => {
    const { $, qrCodes } = await render([L.block('productCard', { product: 'p1', layout: 'large', sku: 'TENT-1' })])
    expect($.text()).toContain('规格：单人款')
    expect($.text()).toContain('¥599.00')
    // 划线价 belongs to the product's own price, not to a SKU priced differently
    expect($.text()).not.toContain('¥1099.00')
    expect(qrCodes.map((q) => q.landingUrl)).toEqual([`${BASE}/p/shanye-2?sku=TENT-1&from=a1&b=0`])
    expect($.tags('img')[0]!.attribs.src).toBe('https://cdn.example.com/tent-1.jpg')
  })

  it('ignores a SKU the product does not have (the product card as before)', async () => {
    const { $, qrCodes } = await render([L.block('productCard', { product: 'p1', layout: 'large', sku: 'GONE-1' })])
    expect($.text()).not.toContain('规格')
    expect($.text()).toContain('¥899.00')
    expect(qrCodes[0]!.landingUrl).toBe(`${BASE}/p/shanye-2?from=a1&b=0`)
  })

  it('numbers blocks in landing URLs and uses the first for 阅读原文 only', async () => {
    const { qrCodes, contentSourceUrl, $ } = await render([card('p1'), card('p2')])
    expect(qrCodes.map((q) => q.landingUrl)).toEqual([`${BASE}/p/shanye-2?from=a1&b=0`, `${BASE}/p/lamp?from=a1&b=1`])
    expect(contentSourceUrl).toBe(qrCodes[0]!.landingUrl)
    expect($.text().match(/阅读原文/g)).toHaveLength(1)
  })

  it('warns about stock, status, and shows a placeholder for unknown products', async () => {
    const { $, warnings } = await render([card('p2'), card('p3'), card('ghost')])
    expect($.text()).toContain('[商品不存在：ghost]')
    expect(warnings.join('\n')).toMatch(/库存为 0[\s\S]*未上架[\s\S]*ghost/)
  })

  it('uses a mini-program link (href="") instead of a QR code when configured (case 13)', async () => {
    const { $, qrCodes } = await render([card('p1', 'large', '去小程序')], {
      miniProgram: { appId: 'wx0123456789abcdef', pathTemplate: 'pages/p/index?slug={slug}&b={b}' },
    })
    const a = $.tags('a')[0]!
    expect(a.attribs).toMatchObject({ href: '', 'data-miniprogram-appid': 'wx0123456789abcdef', 'data-miniprogram-path': 'pages/p/index?slug=shanye-2&b=0' })
    expect(textOf(a)).toBe('去小程序')
    expect(qrCodes).toEqual([])
  })

  it('rejects an invalid mini-program appId', async () => {
    await expect(render([card('p1')], { miniProgram: { appId: 'wx"><script>' } })).rejects.toBeInstanceOf(RenderInputError)
  })

  it('warns when no baseUrl is set (no QR, no 阅读原文) but still shows the product', async () => {
    const { $, warnings, contentSourceUrl } = await render([card('p1')], { baseUrl: undefined })
    expect(contentSourceUrl).toBeUndefined()
    expect($.text()).toContain('¥899.00')
    expect(warnings.join()).toContain('baseUrl')
  })
})

describe('productGrid (case 30)', () => {
  it('lays products out in rows of two columns with their own buy paths', async () => {
    const { $, qrCodes } = await render([L.block('productGrid', { products: ['p1', 'p2', 'p3'] })])
    const rows = $.all((el) => styleOf(el)['font-size'] === '0' && el.children.length > 0 && styleOf(el).margin === '0')
    expect(rows).toHaveLength(2)
    for (const title of ['山野 2 双人帐篷', '营地灯', '睡袋']) expect($.text()).toContain(title)
    expect(qrCodes).toHaveLength(3)
    expect(new Set(qrCodes.map((q) => new URL(q.landingUrl).searchParams.get('b')))).toEqual(new Set(['0']))
  })

  it('shows a placeholder for an empty grid', async () => {
    const { $ } = await render([L.block('productGrid', { products: [] })])
    expect($.text()).toContain('未选择商品')
  })
})

describe('code block (case 21)', () => {
  it('has no raw newlines, uses <br>, &nbsp; for indentation and tabs, and scrolls horizontally', async () => {
    const code = 'function a() {\n\tif (x <  y) {\n    return "<b>"\n  }\n}'
    const { html, $ } = await render([L.block('code', { language: 'typescript', code })])
    const codeEl = $.tags('code')[0]!
    expect(styleOf(codeEl)).toMatchObject({ display: '-webkit-box', 'overflow-x': 'auto' })
    expect($.tags('pre')[0]!.children.length).toBe(1)
    expect($.text()).toContain('typescript')
    expect(html).toContain('<br />&nbsp;&nbsp;&nbsp;&nbsp;if (x &lt;&nbsp;&nbsp;y)')
    expect(textOf(codeEl).replace(/\u00a0/g, ' ')).toBe(code.replace(/\n/g, '').replace('\t', '    '))
  })
})

describe('api mode (case 17)', () => {
  const all = [card('p1'), L.upload('m1')]

  it('throws RenderImageError listing every image (QR included) without an mmbiz mapping', async () => {
    const error = await render(all, { mode: 'api' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(RenderImageError)
    expect((error as RenderImageError).missing).toHaveLength(3)
  })

  it('maps every image to mmbiz and passes the strict checker', async () => {
    const paste = await render(all)
    const imageUrlMap = Object.fromEntries(paste.images.map((u, i) => [u, `https://mmbiz.qpic.cn/mmbiz_png/${i}/0`]))
    const api = await render(all, { mode: 'api', imageUrlMap })
    expect(api.$.tags('img').map((i) => i.attribs.src)).toEqual(paste.images.map((_, i) => `https://mmbiz.qpic.cn/mmbiz_png/${i}/0`))
    expect(checkWechatHtml(api.html)).toEqual([])
    expect(checkWechatHtml(paste.html).map((v) => v.id)).toContain('17')
  })

  it('refuses a mapping that does not point at mmbiz.qpic.cn', async () => {
    const imageUrlMap = { 'https://cdn.example.com/lamp.jpg': 'https://evil.example.com/x.jpg' }
    await expect(render([L.upload('m1')], { mode: 'api', imageUrlMap })).rejects.toBeInstanceOf(RenderImageError)
  })
})
