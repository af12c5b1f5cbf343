// Funnel figures computed from funnel-events (views, impressions, taps, landings, checkouts), orders (paid
// orders and revenue, by attribution) and article-stats (WeChat's own reads/shares). Every query takes an
// explicit brand scope; callers get it from funnelScope(user), so one brand never sees another's numbers.
import type { Payload, Where } from 'payload'

import { idOf } from '../access/roles'
import { beijingDay, beijingDayStart, lastDays } from './day'
import type { BrandScope } from './scope'

export type Window = { from: Date; to: Date }

export type StepCounts = {
  /** Web article views (our /a page) plus WeChat reads imported from datacube. */
  reads: number
  webReads: number
  wechatReads: number
  wechatShares: number
  impressions: number
  taps: number
  landingViews: number
  checkouts: number
  orders: number
  /** Integer fen, paid orders not refunded. */
  revenue: number
  refunds: number
  /** New followers of the brand's Official Account who came through the article's follow QR code. */
  follows: number
}

export type Conversion = { tapRate: number | null; landingRate: number | null; checkoutRate: number | null; payRate: number | null; overall: number | null }
type PerArticleOnly = 'reads' | 'webReads' | 'wechatReads' | 'wechatShares' | 'follows'
export type BlockRow = { block: number } & Omit<StepCounts, PerArticleOnly> & { conversion: Conversion }
export type ArticleRow = { article: string; title: string; slug?: string; brand?: string } & StepCounts & { conversion: Conversion; blocks: BlockRow[] }
export type ProductRow = {
  product: string
  title: string
  landingViews: number
  orders: number
  units: number
  revenue: number
  articles: { article: string | null; title: string; orders: number; units: number; revenue: number }[]
}
export type DayRow = { day: string } & StepCounts
export type FunnelReport = {
  window: { from: string; to: string; days: number }
  totals: StepCounts & { conversion: Conversion }
  articles: ArticleRow[]
  products: ProductRow[]
  daily: DayRow[]
}

const PAID_STATUSES = ['paid', 'shipped', 'completed', 'refunding', 'refunded']

const zero = (): StepCounts => ({ reads: 0, webReads: 0, wechatReads: 0, wechatShares: 0, impressions: 0, taps: 0, landingViews: 0, checkouts: 0, orders: 0, revenue: 0, refunds: 0, follows: 0 })
const PER_ARTICLE_ONLY: ReadonlySet<keyof StepCounts> = new Set<keyof StepCounts>(['reads', 'webReads', 'wechatReads', 'wechatShares', 'follows'])
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null)

export function conversionOf(c: Pick<StepCounts, 'taps' | 'landingViews' | 'checkouts' | 'orders'> & { reads?: number }): Conversion {
  return {
    tapRate: c.reads === undefined ? null : ratio(c.taps, c.reads),
    landingRate: ratio(c.landingViews, c.taps),
    checkoutRate: ratio(c.checkouts, c.landingViews),
    payRate: ratio(c.orders, c.checkouts),
    overall: c.reads === undefined ? null : ratio(c.orders, c.reads),
  }
}

/** The last `days` Beijing days up to and including today. */
export function windowOfDays(days: number, now: Date | number = Date.now()): Window & { days: string[] } {
  const list = lastDays(days, now)
  const to = new Date(beijingDayStart(list[list.length - 1]).getTime() + 86_400_000)
  return { from: beijingDayStart(list[0]), to, days: list }
}

const brandWhere = (scope: BrandScope): Where[] => (scope === 'all' ? [] : [{ brand: { in: scope } }])

type EventDoc = { type: string; article?: string | null; block?: number | null; product?: string | null; day: string }
type OrderDoc = {
  id: string
  status: string
  total: number
  paidAt?: string | null
  attribution?: { article?: string | null; block?: number | null } | null
  items?: { product: unknown; title: string; unitPrice: number; quantity: number }[] | null
}
type StatDoc = { day: string; article?: unknown; readCount?: number | null; shareCount?: number | null }
type FollowDoc = { article?: unknown; at: string }

export async function funnelReport(payload: Payload, input: { scope: BrandScope; days?: number; now?: Date | number }): Promise<FunnelReport> {
  const days = input.days ?? 7
  const window = windowOfDays(days, input.now)
  const scope = input.scope
  const [eventsRes, ordersRes, statsRes, followsRes] = await Promise.all([
    payload.find({
      collection: 'funnel-events',
      where: { and: [...brandWhere(scope), { occurredAt: { greater_than_equal: window.from.toISOString() } }, { occurredAt: { less_than: window.to.toISOString() } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { type: true, article: true, block: true, product: true, day: true },
    }),
    payload.find({
      collection: 'orders',
      where: {
        and: [
          ...brandWhere(scope),
          { status: { in: PAID_STATUSES } },
          { paidAt: { greater_than_equal: window.from.toISOString() } },
          { paidAt: { less_than: window.to.toISOString() } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { status: true, total: true, paidAt: true, attribution: true, items: true },
    }),
    payload.find({
      collection: 'article-stats',
      where: { and: [...brandWhere(scope), { kind: { equals: 'daily' } }, { day: { greater_than_equal: window.days[0] } }, { day: { less_than_equal: window.days[window.days.length - 1] } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { day: true, article: true, readCount: true, shareCount: true },
    }),
    payload.find({
      collection: 'follows',
      where: { and: [...brandWhere(scope), { event: { equals: 'subscribe' } }, { at: { greater_than_equal: window.from.toISOString() } }, { at: { less_than: window.to.toISOString() } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { article: true, at: true },
    }),
  ])
  const events = eventsRes.docs as unknown as EventDoc[]
  const orders = ordersRes.docs as unknown as OrderDoc[]
  const stats = statsRes.docs as unknown as StatDoc[]
  const follows = followsRes.docs as unknown as FollowDoc[]

  const totals = zero()
  const byArticle = new Map<string, StepCounts & { blocks: Map<number, Omit<BlockRow, 'block' | 'conversion'>> }>()
  const daily = new Map<string, StepCounts>(window.days.map((d) => [d, zero()]))
  const landingsByProduct = new Map<string, number>()

  const articleRow = (id: string) => {
    let row = byArticle.get(id)
    if (!row) byArticle.set(id, (row = { ...zero(), blocks: new Map() }))
    return row
  }
  const blockRow = (articleId: string, block: number) => {
    const blocks = articleRow(articleId).blocks
    let row = blocks.get(block)
    if (!row) blocks.set(block, (row = { impressions: 0, taps: 0, landingViews: 0, checkouts: 0, orders: 0, revenue: 0, refunds: 0 }))
    return row
  }
  const bump = (key: keyof StepCounts, by: number, article: string | null | undefined, block: number | null | undefined, day: string | undefined) => {
    totals[key] += by
    if (day && daily.has(day)) daily.get(day)![key] += by
    if (article) {
      articleRow(article)[key] += by
      if (typeof block === 'number' && !PER_ARTICLE_ONLY.has(key)) blockRow(article, block)[key as keyof Omit<StepCounts, PerArticleOnly>] += by
    }
  }

  const EVENT_STEP: Record<string, keyof StepCounts | undefined> = {
    article_view: 'webReads',
    block_impression: 'impressions',
    block_tap: 'taps',
    landing_view: 'landingViews',
    checkout_started: 'checkouts',
  }
  for (const e of events) {
    const step = EVENT_STEP[e.type]
    if (!step) continue
    bump(step, 1, e.article, e.block, e.day)
    if (step === 'webReads') bump('reads', 1, e.article, undefined, e.day)
    if (step === 'landingViews' && e.product) landingsByProduct.set(e.product, (landingsByProduct.get(e.product) ?? 0) + 1)
  }
  for (const s of stats) {
    const article = idOf(s.article)
    bump('wechatReads', s.readCount ?? 0, article, undefined, s.day)
    bump('reads', s.readCount ?? 0, article, undefined, s.day)
    bump('wechatShares', s.shareCount ?? 0, article, undefined, s.day)
  }

  for (const f of follows) bump('follows', 1, idOf(f.article), undefined, beijingDay(f.at))

  const products = new Map<string, ProductRow & { byArticle: Map<string, ProductRow['articles'][number]> }>()
  for (const o of orders) {
    const day = o.paidAt ? beijingDay(o.paidAt) : undefined
    const article = o.attribution?.article || undefined
    const block = o.attribution?.block ?? undefined
    const refunded = o.status === 'refunded'
    bump('orders', 1, article, block, day)
    if (refunded) bump('refunds', 1, article, block, day)
    else bump('revenue', o.total, article, block, day)
    for (const item of o.items ?? []) {
      const productId = idOf(item.product)
      if (!productId) continue
      let p = products.get(productId)
      if (!p) products.set(productId, (p = { product: productId, title: item.title, landingViews: 0, orders: 0, units: 0, revenue: 0, articles: [], byArticle: new Map() }))
      const amount = refunded ? 0 : item.unitPrice * item.quantity
      p.orders += 1
      p.units += item.quantity
      p.revenue += amount
      const key = article ?? ''
      let a = p.byArticle.get(key)
      if (!a) p.byArticle.set(key, (a = { article: article ?? null, title: '', orders: 0, units: 0, revenue: 0 }))
      a.orders += 1
      a.units += item.quantity
      a.revenue += amount
    }
  }
  for (const [productId, views] of landingsByProduct) {
    const p = products.get(productId)
    if (p) p.landingViews = views
  }

  // Titles for the rows (article ids come from events/orders, which may name deleted articles).
  const articleIds = [...new Set([...byArticle.keys(), ...[...products.values()].flatMap((p) => [...p.byArticle.keys()]).filter(Boolean)])]
  const productIdsWithoutOrders = [...landingsByProduct.keys()].filter((id) => !products.has(id))
  const [articleDocs, productDocs] = await Promise.all([
    articleIds.length
      ? payload.find({ collection: 'articles', where: { id: { in: articleIds } }, pagination: false, depth: 0, overrideAccess: true, select: { title: true, slug: true, brand: true } })
      : Promise.resolve({ docs: [] }),
    productIdsWithoutOrders.length
      ? payload.find({ collection: 'products', where: { and: [{ id: { in: productIdsWithoutOrders } }, ...brandWhere(scope)] }, pagination: false, depth: 0, overrideAccess: true, select: { title: true } })
      : Promise.resolve({ docs: [] }),
  ])
  const articleInfo = new Map((articleDocs.docs as { id: string; title: string; slug?: string; brand?: unknown }[]).map((a) => [a.id, a]))
  for (const p of productDocs.docs as { id: string; title: string }[]) {
    products.set(p.id, { product: p.id, title: p.title, landingViews: landingsByProduct.get(p.id) ?? 0, orders: 0, units: 0, revenue: 0, articles: [], byArticle: new Map() })
  }

  const articles: ArticleRow[] = [...byArticle.entries()]
    .map(([id, row]) => {
      const { blocks, ...counts } = row
      return {
        article: id,
        title: articleInfo.get(id)?.title ?? '（已删除的文章）',
        slug: articleInfo.get(id)?.slug,
        brand: idOf(articleInfo.get(id)?.brand),
        ...counts,
        conversion: conversionOf(counts),
        blocks: [...blocks.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([block, b]) => ({ block, ...b, conversion: conversionOf(b) })),
      }
    })
    .sort((a, b) => b.revenue - a.revenue || b.reads - a.reads || a.title.localeCompare(b.title))

  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), days },
    totals: { ...totals, conversion: conversionOf(totals) },
    articles,
    products: [...products.values()]
      .map(({ byArticle: map, ...p }) => ({
        ...p,
        articles: [...map.values()]
          .map((a) => ({ ...a, title: a.article ? (articleInfo.get(a.article)?.title ?? '（已删除的文章）') : '（无来源文章）' }))
          .sort((x, y) => y.revenue - x.revenue),
      }))
      .sort((a, b) => b.revenue - a.revenue || b.landingViews - a.landingViews),
    daily: window.days.map((day) => ({ day, ...daily.get(day)! })),
  }
}
