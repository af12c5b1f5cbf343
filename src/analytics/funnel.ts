// Funnel figures, read from the rollups (src/db/funnelRollups.ts: sums grouped in the database, so time and memory
// do not grow with traffic) and from article-stats (WeChat's own reads and shares, one row per article and day).
// Counts are events (a visitor's flood of taps capped, src/analytics/rollup.ts); conversion rates divide unique
// visitors, so an honest funnel never passes 100%. Revenue is one thing everywhere: the amount paid, after
// discounts, on the day it was paid; refunds are shown apart on the day they were refunded. Every query takes an
// explicit brand scope from funnelScope(user), so one brand never sees another's numbers.
import type { Payload, Where } from 'payload'

import { productBlocksOf } from '@/blocks/productBlocks'
import { type RollupSum, sumRollups } from '@/db/funnelRollups'
import { beijingDay, beijingDayStart, beijingHour, beijingHourStart, daysBetween, lastDays, splitIntoMonths } from '@/platform/beijingTime'

import { idOf } from '../access/roles'
import { ARTICLE_WIDE_BLOCK, NO_BLOCK } from './rollup'
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
  /** Integer fen paid (after discounts), by the day of payment. */
  revenue: number
  /** Refunded orders and their amount (fen), by the day of the refund. */
  refunds: number
  refundAmount: number
  /** New followers of the brand's Official Account who came through the article's follow QR code. */
  follows: number
  /** Unique visitors per step (a visitor counts once per day and row); the conversion rates use these. */
  visitors: StepVisitors
}

export type StepVisitors = { reads: number; impressions: number; taps: number; landingViews: number; checkouts: number; orders: number }

export type Conversion = { tapRate: number | null; landingRate: number | null; checkoutRate: number | null; payRate: number | null; overall: number | null }
type PerArticleOnly = 'reads' | 'webReads' | 'wechatReads' | 'wechatShares' | 'follows'
export type BlockRow = { block: number; /** 「product」 (第 n 个商品块), from the article as it is now. */ name: string; products: string[] } & Omit<
  StepCounts,
  PerArticleOnly
> & { conversion: Conversion }
export type ArticleRow = { article: string; title: string; slug?: string; brand?: string } & StepCounts & { conversion: Conversion; blocks: BlockRow[] }
export type ProductRow = {
  product: string
  title: string
  landingViews: number
  orders: number
  units: number
  revenue: number
  refunds: number
  refundAmount: number
  articles: { article: string | null; title: string; orders: number; units: number; revenue: number }[]
}
export type DayRow = { day: string } & StepCounts
export type FunnelReport = {
  /** from/to: instants (to exclusive); fromDay/toDay: the Beijing days shown (inclusive). */
  window: { from: string; to: string; days: number; fromDay: string; toDay: string }
  totals: StepCounts & { conversion: Conversion }
  articles: ArticleRow[]
  products: ProductRow[]
  daily: DayRow[]
}

const zeroVisitors = (): StepVisitors => ({ reads: 0, impressions: 0, taps: 0, landingViews: 0, checkouts: 0, orders: 0 })
const zero = (): StepCounts => ({
  reads: 0,
  webReads: 0,
  wechatReads: 0,
  wechatShares: 0,
  impressions: 0,
  taps: 0,
  landingViews: 0,
  checkouts: 0,
  orders: 0,
  revenue: 0,
  refunds: 0,
  refundAmount: 0,
  follows: 0,
  visitors: zeroVisitors(),
})
const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null)

/** Rates between unique visitors of consecutive steps; tapRate and overall need reads (articles and totals only). */
export function conversionOf(v: Omit<StepVisitors, 'reads' | 'impressions'> & { reads?: number }): Conversion {
  return {
    tapRate: v.reads === undefined ? null : ratio(v.taps, v.reads),
    landingRate: ratio(v.landingViews, v.taps),
    checkoutRate: ratio(v.checkouts, v.landingViews),
    payRate: ratio(v.orders, v.checkouts),
    overall: v.reads === undefined ? null : ratio(v.orders, v.reads),
  }
}

/** The last `days` Beijing days up to and including today. */
export function windowOfDays(days: number, now: Date | number = Date.now()): Window & { days: string[] } {
  return windowOfRange(lastDays(days, now))
}

/** The Beijing days `fromDay`..`toDay` (inclusive). */
export function windowBetween(fromDay: string, toDay: string): Window & { days: string[] } {
  return windowOfRange(daysBetween(fromDay, toDay))
}

function windowOfRange(list: string[]): Window & { days: string[] } {
  const to = new Date(beijingDayStart(list[list.length - 1]).getTime() + 86_400_000)
  return { from: beijingDayStart(list[0]), to, days: list }
}

const brandWhere = (scope: BrandScope): Where[] => (scope === 'all' ? [] : [{ brand: { in: scope } }])
const brandsOf = (scope: BrandScope) => (scope === 'all' ? null : scope)

type StatDoc = { day: string; article?: unknown; readCount?: number | null; shareCount?: number | null }
type CountKey = Exclude<keyof StepCounts, 'visitors'>

/** Where each step's rollup sums go in a row of the report: its counts, its unique visitors, its money. */
const STEP_TARGETS: Record<string, { counts: CountKey[]; visitors?: keyof StepVisitors; amount?: CountKey }> = {
  article_view: { counts: ['webReads', 'reads'], visitors: 'reads' },
  block_impression: { counts: ['impressions'], visitors: 'impressions' },
  block_tap: { counts: ['taps'], visitors: 'taps' },
  landing_view: { counts: ['landingViews'], visitors: 'landingViews' },
  checkout_started: { counts: ['checkouts'], visitors: 'checkouts' },
  paid: { counts: ['orders'], visitors: 'orders', amount: 'revenue' },
  refunded: { counts: ['refunds'], amount: 'refundAmount' },
  follow: { counts: ['follows'] },
}

/** What one summed rollup row adds to a row of the report. */
function add(target: StepCounts, r: RollupSum): void {
  const step = STEP_TARGETS[r.type]
  if (!step) return
  for (const key of step.counts) target[key] += r.count
  if (step.visitors) target.visitors[step.visitors] += r.visitors
  if (step.amount) target[step.amount] += r.amount
}

/** Counts of a row without its visitors (article-wide visitor rows carry no counts). */
const countsOnly = (r: RollupSum): RollupSum => ({ ...r, visitors: 0 })
const visitorsOnly = (r: RollupSum): RollupSum => ({ ...r, count: 0, amount: 0 })

export type FunnelWindowInput = { scope: BrandScope; days?: number; fromDay?: string; toDay?: string; now?: Date | number }

/** The report in four steps: its window, the sums read for it, those sums added into rows, the rows named and sorted. */
export async function funnelReport(payload: Payload, input: FunnelWindowInput): Promise<FunnelReport> {
  const window = reportWindow(input)
  const sums = await readSums(payload, input.scope, window)
  const rows = tallyRows(window.days, sums)
  const names = await readNames(payload, input.scope, rows)
  return shapeReport(window, rows, names)
}

type ReportWindow = Window & { days: string[]; fromDay: string; toDay: string }

function reportWindow(input: FunnelWindowInput): ReportWindow {
  const window = input.fromDay && input.toDay ? windowBetween(input.fromDay, input.toDay) : windowOfDays(input.days ?? 7, input.now)
  return { ...window, fromDay: window.days[0], toDay: window.days[window.days.length - 1] }
}

type FunnelSums = { byArticleBlock: RollupSum[]; byDay: RollupSum[]; stats: StatDoc[] }

/** The rollup sums by article, block and product, by day, and WeChat's own figures, read at once. */
async function readSums(payload: Payload, scope: BrandScope, { fromDay, toDay }: ReportWindow): Promise<FunnelSums> {
  const brands = brandsOf(scope)
  // The middle of a long window from month rows, its ends from day rows; the daily series from the brand's totals.
  const { months, days } = splitIntoMonths(fromDay, toDay)
  const spans = [
    ...months.map((m) => ({ grain: 'month' as const, fromDay: `${m}-01`, toDay: `${m}-01` })),
    ...days.map(([from, to]) => ({ grain: 'day' as const, fromDay: from, toDay: to })),
  ]
  const [byArticleBlock, byDay, statsRes] = await Promise.all([
    sumRollups(payload, { spans, brands, by: ['article', 'block', 'product'] }),
    sumRollups(payload, { spans: [{ grain: 'total', fromDay, toDay }], brands, by: ['day'] }),
    // WeChat's own figures: one row per article and day (bounded by content, not by traffic).
    payload.find({
      collection: 'article-stats',
      where: { and: [...brandWhere(scope), { kind: { equals: 'daily' } }, { day: { greater_than_equal: fromDay } }, { day: { less_than_equal: toDay } }] },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { day: true, article: true, readCount: true, shareCount: true },
    }),
  ])
  return { byArticleBlock, byDay, stats: statsRes.docs as unknown as StatDoc[] }
}

type ArticleTally = StepCounts & { blocks: Map<number, StepCounts> }
type Tally = { totals: StepCounts; daily: Map<string, StepCounts>; byArticle: Map<string, ArticleTally>; products: Map<string, ProductAcc> }

/** Every sum added to its rows: the totals, each article and its product blocks, each day, each product. */
function tallyRows(days: string[], sums: FunnelSums): Tally {
  const totals = zero()
  const daily = new Map<string, StepCounts>(days.map((d) => [d, zero()]))
  const byArticle = new Map<string, ArticleTally>()
  const articleRow = (id: string) => {
    let row = byArticle.get(id)
    if (!row) byArticle.set(id, (row = { ...zero(), blocks: new Map() }))
    return row
  }
  tallyArticlesAndBlocks(sums.byArticleBlock, totals, articleRow)
  tallyDays(sums.byDay, daily)
  tallyWechatFigures(sums.stats, totals, daily, articleRow)
  const products = tallyProducts(sums.byArticleBlock.filter((r) => r.block !== ARTICLE_WIDE_BLOCK && PRODUCT_TYPES.has(r.type)))
  return { totals, daily, byArticle, products }
}

function tallyArticlesAndBlocks(rows: RollupSum[], totals: StepCounts, articleRow: (id: string) => ArticleTally): void {
  for (const r of rows) {
    const wide = r.block === ARTICLE_WIDE_BLOCK
    if (!r.article) {
      add(totals, r) // events of no article (e.g. a landing page opened directly) count in the totals only
      continue
    }
    const article = articleRow(r.article)
    if (wide) {
      add(article, visitorsOnly(r))
      add(totals, visitorsOnly(r))
      continue
    }
    add(article, countsOnly(r))
    add(totals, countsOnly(r))
    const index = r.block ?? NO_BLOCK
    if (index >= 0) {
      let block = article.blocks.get(index)
      if (!block) article.blocks.set(index, (block = zero()))
      add(block, r)
    }
  }
}

function tallyDays(rows: RollupSum[], daily: Map<string, StepCounts>): void {
  for (const r of rows) {
    const day = daily.get(r.day ?? '')
    if (day) add(day, r)
  }
}

function tallyWechatFigures(stats: StatDoc[], totals: StepCounts, daily: Map<string, StepCounts>, articleRow: (id: string) => ArticleTally): void {
  for (const s of stats) {
    const reads = s.readCount ?? 0
    const shares = s.shareCount ?? 0
    const article = idOf(s.article)
    for (const target of [totals, daily.get(s.day), article ? articleRow(article) : undefined]) {
      if (!target) continue
      target.wechatReads += reads
      target.reads += reads
      target.visitors.reads += reads // WeChat reports reads, not who read: counted as readers
      target.wechatShares += shares
    }
  }
}

type ArticleInfo = { id: string; title: string; slug?: string; brand?: unknown; content?: unknown; blocks: ReturnType<typeof productBlocksOf> }
type Names = { articles: Map<string, ArticleInfo>; productTitles: Map<string, string> }

/** The titles of the rows' articles and products, and each article's product blocks as it is now. */
async function readNames(payload: Payload, scope: BrandScope, { byArticle, products }: Tally): Promise<Names> {
  const articleIds = [...new Set([...byArticle.keys(), ...[...products.values()].flatMap((p) => [...p.byArticle.keys()]).filter(Boolean)])]
  const articleDocs = articleIds.length
    ? ((
        await payload.find({
          collection: 'articles',
          where: { id: { in: articleIds } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: { title: true, slug: true, brand: true, content: true },
        })
      ).docs as unknown as { id: string; title: string; slug?: string; brand?: unknown; content?: unknown }[])
    : []
  const articles = new Map(articleDocs.map((a) => [a.id, { ...a, blocks: productBlocksOf(a.content) }]))
  const productIds = new Set<string>([...products.keys()])
  for (const a of articles.values()) for (const b of a.blocks) b.products.forEach((p) => productIds.add(p))
  const productTitles = new Map(
    productIds.size
      ? (
          (
            await payload.find({
              collection: 'products',
              where: { and: [{ id: { in: [...productIds] } }, ...brandWhere(scope)] },
              pagination: false,
              depth: 0,
              overrideAccess: true,
              select: { title: true },
            })
          ).docs as { id: string; title: string }[]
        ).map((p) => [p.id, p.title])
      : [],
  )
  return { articles, productTitles }
}

function shapeReport(window: ReportWindow, rows: Tally, names: Names): FunnelReport {
  const { totals, daily } = rows
  return {
    window: { from: window.from.toISOString(), to: window.to.toISOString(), days: window.days.length, fromDay: window.fromDay, toDay: window.toDay },
    totals: { ...totals, conversion: conversionOf(totals.visitors) },
    articles: articleRows(rows.byArticle, names),
    products: productRows(rows.products, names),
    daily: window.days.map((day) => ({ day, ...daily.get(day)! })),
  }
}

/** Articles by revenue, then reads, then title; each with its product blocks in article order. */
function articleRows(byArticle: Map<string, ArticleTally>, { articles, productTitles }: Names): ArticleRow[] {
  return [...byArticle.entries()]
    .map(([id, row]) => {
      const { blocks, ...counts } = row
      const info = articles.get(id)
      return {
        article: id,
        title: info?.title ?? '（已删除的文章）',
        slug: info?.slug,
        brand: idOf(info?.brand),
        ...counts,
        conversion: conversionOf(counts.visitors),
        blocks: [...blocks.entries()]
          .sort((a, b) => a[0] - b[0])
          .map(([block, b]) => {
            const { reads: _r, webReads: _w, wechatReads: _wr, wechatShares: _ws, follows: _f, ...rest } = b
            const ids = info?.blocks[block]?.products ?? []
            return { block, name: blockName(block, ids, productTitles), products: ids, ...rest, conversion: conversionOf({ ...b.visitors, reads: undefined }) }
          }),
      }
    })
    .sort((a, b) => b.revenue - a.revenue || b.reads - a.reads || a.title.localeCompare(b.title))
}

/** Products by revenue, then landing views; each with the articles that sold it, by revenue. */
function productRows(products: Map<string, ProductAcc>, { articles, productTitles }: Names): ProductRow[] {
  const articleTitle = (id: string | null) => (id ? (articles.get(id)?.title ?? '（已删除的文章）') : '（无来源文章）')
  return [...products.values()]
    .map(({ byArticle: map, ...p }) => ({
      ...p,
      title: productTitles.get(p.product) ?? '（已删除的商品）',
      articles: [...map.values()].map((a) => ({ ...a, title: articleTitle(a.article) })).sort((x, y) => y.revenue - x.revenue),
    }))
    .sort((a, b) => b.revenue - a.revenue || b.landingViews - a.landingViews)
}

/** 「明前龙井」（第 1 个商品块）, 「A」等 3 件 for a grid; by position alone when the block is gone from the article. */
function blockName(block: number, products: string[], titles: Map<string, string>): string {
  const position = `第 ${block + 1} 个商品块`
  const first = products[0] && titles.get(products[0])
  if (!first) return position
  return `「${first}」${products.length > 1 ? `等 ${products.length} 件` : ''}（${position}）`
}

const PRODUCT_TYPES: ReadonlySet<string> = new Set(['landing_view', 'paid_item', 'refunded_item'])

type ProductAcc = Omit<ProductRow, 'articles' | 'title'> & { byArticle: Map<string, ProductRow['articles'][number]> }

/** Per product: landing views, and the paid / refunded lines (units and their share of the paid amount) by article. */
function tallyProducts(rows: RollupSum[]): Map<string, ProductAcc> {
  const products = new Map<string, ProductAcc>()
  for (const r of rows) {
    if (!r.product) continue
    let p = products.get(r.product)
    if (!p)
      products.set(r.product, (p = { product: r.product, landingViews: 0, orders: 0, units: 0, revenue: 0, refunds: 0, refundAmount: 0, byArticle: new Map() }))
    if (r.type === 'landing_view') {
      p.landingViews += r.count
      continue
    }
    if (r.type === 'refunded_item') {
      p.refunds += r.count
      p.refundAmount += r.amount
      continue
    }
    p.orders += r.count
    p.units += r.units
    p.revenue += r.amount
    const key = r.article ?? ''
    let a = p.byArticle.get(key)
    if (!a) p.byArticle.set(key, (a = { article: key || null, title: '', orders: 0, units: 0, revenue: 0 }))
    a.orders += r.count
    a.units += r.units
    a.revenue += r.amount
  }
  return products
}

// ---- 推送后 48 小时 ------------------------------------------------------------------------------------------

export type HourRow = {
  hour: string
  reads: number
  impressions: number
  taps: number
  landingViews: number
  checkouts: number
  orders: number
  revenue: number
}
export type ArticleHours = { article: string; title: string; start: string; startSource: 'push' | 'first_event' | 'none'; hours: HourRow[] }

const HOURS = 48

/**
 * The first 48 hours of an article, by hour from the hour of its push (群发/发表 time of the first push that
 * carried it), or from its first counted event when it was never pushed from here. Null: not in the scope.
 */
export async function articleHours(payload: Payload, input: { scope: BrandScope; article: string }): Promise<ArticleHours | null> {
  const article = (
    await payload.find({
      collection: 'articles',
      where: { and: [{ id: { equals: input.article } }, ...brandWhere(input.scope)] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { title: true },
    })
  ).docs[0] as { id: string; title: string } | undefined
  if (!article) return null
  const push = (
    await payload.find({
      collection: 'pushes',
      where: { and: [{ articles: { contains: input.article } }, { or: [{ sentAt: { exists: true } }, { publishedAt: { exists: true } }] }] },
      sort: 'createdAt',
      limit: 5,
      depth: 0,
      overrideAccess: true,
      select: { sentAt: true, publishedAt: true },
    })
  ).docs as { sentAt?: string | null; publishedAt?: string | null }[]
  const pushedAt = push
    .map((p) => p.sentAt ?? p.publishedAt)
    .filter((t): t is string => Boolean(t))
    .sort()[0]
  let startMs = pushedAt ? new Date(pushedAt).getTime() : undefined
  let startSource: ArticleHours['startSource'] = pushedAt ? 'push' : 'none'
  const brands = brandsOf(input.scope)
  if (startMs === undefined) {
    const first = await sumRollups(payload, {
      spans: [{ grain: 'hour', fromDay: '0000-01-01', toDay: '9999-12-31' }],
      brands,
      by: ['bucket'],
      article: input.article,
    })
    const earliest = first.map((r) => r.bucket!).sort()[0]
    if (earliest) {
      startMs = beijingHourStart(earliest).getTime()
      startSource = 'first_event'
    }
  }
  const hourStart = Math.floor((startMs ?? Date.now()) / 3_600_000) * 3_600_000
  const buckets = Array.from({ length: HOURS }, (_, i) => hourStart + i * 3_600_000)
  const rows =
    startMs === undefined
      ? []
      : await sumRollups(payload, {
          spans: [{ grain: 'hour', fromDay: beijingDay(buckets[0]), toDay: beijingDay(buckets[HOURS - 1]) }],
          brands,
          by: ['bucket'],
          article: input.article,
        })
  const byBucket = new Map<string, HourRow>(
    buckets.map((ms) => [
      beijingHour(ms),
      { hour: new Date(ms).toISOString(), reads: 0, impressions: 0, taps: 0, landingViews: 0, checkouts: 0, orders: 0, revenue: 0 },
    ]),
  )
  for (const r of rows) {
    const h = byBucket.get(r.bucket ?? '')
    if (!h) continue
    const counts = zero()
    add(counts, r)
    h.reads += counts.webReads
    h.impressions += counts.impressions
    h.taps += counts.taps
    h.landingViews += counts.landingViews
    h.checkouts += counts.checkouts
    h.orders += counts.orders
    h.revenue += counts.revenue
  }
  return { article: article.id, title: article.title, start: new Date(hourStart).toISOString(), startSource, hours: [...byBucket.values()] }
}
