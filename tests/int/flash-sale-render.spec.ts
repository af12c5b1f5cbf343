// 秒杀 on the page and in articles: the badge and start time on product cards (web article page and WeChat HTML),
// the landing page's buy form before / during / after the sale, Beijing-time labels, and the no-JavaScript flip
// timing of cached landing pages (src/commerce/flashSaleCache.ts).
import React from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

import { ProductCardComponent } from '@/blocks/ProductCard/Component'
import { ProductGridComponent } from '@/blocks/ProductGrid/Component'
import { normalizePhone } from '@/commerce/flashSale'
import { HOLD_MS, metaRefreshSeconds, pageRevalidateSeconds, STEP_S } from '@/commerce/flashSaleCache'
import { BuyForm, RESTOCK_NOTE } from '@/components/web/BuyForm'
import { clockOffset } from '@/components/web/SaleCountdown'
import type { Product, ProductCardBlock, ProductGridBlock } from '@/payload-types'
import { beijingDateTime, countdownText, saleStartLabel } from '@/platform/beijingTime'
import { renderWechatArticle } from '@/wechat/render'
import { checkWechatHtml } from '@/wechat/render/checks'
import { parse, textOf } from '@/wechat/render/testing/html'
import * as L from '@/wechat/render/testing/lexical'
import type { ProductLike } from '@/wechat/render/types'

const FUTURE = '2099-12-01T02:00:00.000Z' // 12月1日 10:00 in Beijing
const PAST = '2020-03-01T01:30:00.000Z'

const product = (id: string, extra: Partial<Product> = {}): Product =>
  ({
    id,
    title: `商品 ${id}`,
    slug: `p-${id}`,
    price: 1290,
    stock: 5,
    status: 'published',
    brand: 'b1',
    images: [],
    updatedAt: PAST,
    createdAt: PAST,
    ...extra,
  }) as Product

describe('Beijing time labels', () => {
  it('formats instants in UTC+8 whatever the server time zone', () => {
    expect(beijingDateTime(FUTURE)).toBe('12月1日 10:00')
    expect(beijingDateTime('2026-12-31T16:05:00.000Z')).toBe('1月1日 00:05')
    expect(saleStartLabel(Date.parse(FUTURE))).toBe('12月1日 10:00 开抢')
    expect(countdownText(65_000)).toBe('01:05')
    expect(countdownText(3 * 3600_000 + 4 * 60_000 + 5_000)).toBe('03:04:05')
    expect(countdownText(2 * 86400_000 + 1_000)).toBe('2天 00:00:01')
    expect(countdownText(-5)).toBe('00:00')
    expect(countdownText(1)).toBe('00:01') // never 00:00 before the start
  })

  it('normalizes phone numbers to their digits (one buyer however the number is typed)', () => {
    expect(normalizePhone('+86 138-0000-0001')).toBe('13800000001')
    expect(normalizePhone('0086 13800000001')).toBe('13800000001')
    expect(normalizePhone('138 0000 0001')).toBe('13800000001')
    expect(normalizePhone('12')).toBeUndefined()
    expect(normalizePhone(undefined)).toBeUndefined()
  })

  it('estimates the server clock from one answer as a lower bound (the countdown never ends early)', () => {
    expect(clockOffset(10_500, 1_200)).toBe(9_300)
  })
})

describe('product cards on the web article page', () => {
  const card = (p: Product) =>
    parse(
      renderToStaticMarkup(
        React.createElement(ProductCardComponent, { fields: { product: p, layout: 'large', blockType: 'productCard' } as ProductCardBlock, attribution: {} }),
      ),
    )

  it('shows 秒杀 and the start time before the sale, only 秒杀 during it, nothing for an ordinary product', () => {
    const before = card(product('a', { saleStartsAt: FUTURE }))
    const badge = before.all((el) => el.attribs['data-flash-sale'] !== undefined)[0]!
    expect(badge.attribs['data-flash-sale']).toBe('upcoming')
    expect(textOf(badge)).toContain('秒杀')
    expect(textOf(badge)).toContain('12月1日 10:00 开抢')

    const during = card(product('b', { saleStartsAt: PAST }))
    expect(during.text()).toContain('秒杀')
    expect(during.text()).not.toContain('开抢')

    const plain = card(product('c'))
    expect(plain.text()).not.toContain('秒杀')
    expect(plain.all((el) => el.attribs['data-flash-sale'] !== undefined)).toHaveLength(0)
  })

  it('marks every flash-sale product of a grid', () => {
    const html = renderToStaticMarkup(
      React.createElement(ProductGridComponent, {
        fields: {
          products: [product('g1', { saleStartsAt: FUTURE }), product('g2'), product('g3', { saleStartsAt: PAST })],
          blockType: 'productGrid',
        } as ProductGridBlock,
        attribution: {},
      }),
    )
    const $ = parse(html)
    const tiles = $.all((el) => el.attribs['data-product'] !== undefined)
    expect(tiles.map((t) => textOf(t).includes('秒杀'))).toEqual([true, false, true])
    expect(tiles.map((t) => textOf(t).includes('开抢'))).toEqual([true, false, false])
  })
})

describe('product cards in WeChat HTML', () => {
  const products: Record<string, ProductLike> = {
    soon: { id: 'soon', title: '明前龙井 秒杀', slug: 'soon', price: 9900, stock: 10, status: 'published', saleStartsAt: FUTURE } as ProductLike,
    live: { id: 'live', title: '正在抢', slug: 'live', price: 9900, stock: 10, status: 'published', saleStartsAt: PAST } as ProductLike,
    plain: { id: 'plain', title: '普通商品', slug: 'plain', price: 9900, stock: 10, status: 'published' },
  }
  const render = async (...children: Record<string, unknown>[]) => {
    const result = await renderWechatArticle({ content: L.doc(...children), products, media: {}, baseUrl: 'https://shop.example.com', articleId: 'a1' })
    expect(checkWechatHtml(result.html, { mode: 'paste' })).toEqual([])
    return { ...result, $: parse(result.html) }
  }

  it('a card shows the 秒杀 tag and the start time as static text (no script, inline styles only)', async () => {
    const { $, html } = await render(
      L.block('productCard', { product: 'soon', layout: 'large' }),
      L.block('productCard', { product: 'plain', layout: 'small' }),
    )
    const cards = $.all((el) => el.attribs['data-block'] === 'productCard')
    expect(textOf(cards[0]!)).toContain('秒杀')
    expect(textOf(cards[0]!)).toContain('12月1日 10:00 开抢')
    expect(textOf(cards[1]!)).not.toContain('秒杀')
    expect(html).not.toMatch(/<script|class=/)
  })

  it('a grid tags each flash-sale cell; during the sale just the tag', async () => {
    const { $ } = await render(L.block('productGrid', { products: ['soon', 'live', 'plain'] }))
    const grid = $.all((el) => el.attribs['data-block'] === 'productGrid')[0]!
    const text = textOf(grid)
    expect(text.match(/秒杀/g)?.length).toBe(3) // 2 tags + the title 「明前龙井 秒杀」
    expect(text.match(/开抢/g)?.length).toBe(1)
  })
})

describe('landing page buy form', () => {
  const startsAt = Date.parse('2030-06-18T12:00:00.000Z') // 6月18日 20:00 in Beijing
  const form = (props: Partial<React.ComponentProps<typeof BuyForm>>) =>
    parse(renderToStaticMarkup(React.createElement(BuyForm, { productId: 'p1', slug: 'hot', stock: 10, price: 1290, sandbox: false, ...props })))
  const button = ($: ReturnType<typeof parse>) => $.all((el) => el.attribs['data-buy'] !== undefined)[0]!

  it('before the start: disabled 「X月X日 HH:mm 开抢」, a countdown from the server time, limits shown', () => {
    const $ = form({ sale: { startsAt: new Date(startsAt).toISOString(), limitPerBuyer: 2, renderedAt: startsAt - 90_000 } })
    expect(button($).attribs.disabled).toBeDefined()
    expect(textOf(button($))).toBe('6月18日 20:00 开抢')
    const countdown = $.all((el) => el.attribs['data-countdown'] !== undefined)[0]!
    expect(textOf(countdown)).toContain('距开抢')
    expect(textOf(countdown)).toContain('01:30')
    const f = $.tags('form')[0]!
    expect(f.attribs['data-sale-state']).toBe('upcoming')
    expect(f.attribs['data-server-now']).toBe(String(startsAt - 90_000))
    // with a limit per buyer no more than the limit can be chosen (the phone number is asked for on 确认订单)
    expect($.tags('option').map((o) => o.attribs.value)).toEqual(['1', '2'])
  })

  it('at the start: buyable, no countdown', () => {
    const $ = form({ sale: { startsAt: new Date(startsAt).toISOString(), renderedAt: startsAt } })
    expect(button($).attribs.disabled).toBeUndefined()
    expect(textOf(button($))).toBe('立即购买')
    expect($.all((el) => el.attribs['data-countdown'] !== undefined)).toHaveLength(0)
    expect($.tags('form')[0]!.attribs['data-sale-state']).toBe('live')
  })

  it('sold out: 已抢光 and stock may come back as unpaid orders expire', () => {
    const $ = form({ stock: 0, sale: { startsAt: new Date(startsAt).toISOString(), renderedAt: startsAt + 60_000 } })
    expect(textOf(button($))).toBe('已抢光')
    expect(button($).attribs.disabled).toBeDefined()
    const note = $.all((el) => el.attribs['data-restock-note'] !== undefined)[0]!
    expect(textOf(note)).toBe(RESTOCK_NOTE)
    expect(note.attribs.hidden).toBeUndefined()
    expect(RESTOCK_NOTE).toBe('未支付订单超时后会释放库存，可稍后再来看看')
  })

  it('an ordinary product keeps 已售罄 and no 秒杀 markup', () => {
    const $ = form({ stock: 0 })
    expect(textOf(button($))).toBe('已售罄')
    expect($.text()).not.toContain('秒杀')
    expect($.all((el) => el.attribs['data-restock-note'] !== undefined)).toHaveLength(0)
  })
})

describe('no-JavaScript flip of a cached landing page', () => {
  it('every pre-start page reaches /start before the start, however stale it was when served', () => {
    const S = 10_000_000
    // Pages served within HOLD_MS of the start were rendered within it (the hold tag expires older entries).
    for (let rendered = S - 3_600_000; rendered < S; rendered += 997) {
      const delay = metaRefreshSeconds(S - rendered) * 1000
      expect(delay).toBeLessThanOrEqual(STEP_S * 1000)
      const servedUntil = rendered < S - HOLD_MS ? S - HOLD_MS : S
      for (const served of [rendered, (rendered + servedUntil) / 2, servedUntil - 1]) {
        const fires = served + delay
        expect(fires, `rendered ${S - rendered} ms before, served ${S - served} ms before`).toBeLessThan(S)
      }
    }
    expect(metaRefreshSeconds(HOLD_MS)).toBe(0)
    expect(metaRefreshSeconds(3_600_000)).toBe(STEP_S)
  })

  it('a pre-start page goes stale at the hold point, then at the start', () => {
    const S = 10_000_000
    expect(pageRevalidateSeconds(S, S - 3_600_000)).toBe(300)
    expect(pageRevalidateSeconds(S, S - HOLD_MS - 60_000)).toBe(60)
    expect(pageRevalidateSeconds(S, S - 10_000)).toBe(10)
    expect(pageRevalidateSeconds(S, S - 10)).toBe(1)
  })
})
