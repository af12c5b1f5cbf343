// The funnel at scale: `npx tsx bench/funnel.ts` (BENCH_EVENTS, default 1,000,000; BENCH_ORDER=random). It starts itself again under
// `payload run` on a fresh SQLite file (the database must be chosen before the config loads). Beacon events go
// through the real flush path (enqueueEvents → flushEvents: normalise, brand lookup, raw rows and rollups in one
// transaction per batch); then the report is timed for 7/30/90 days and the process's memory watched. Baseline in
// the same run: the old path (every raw event of the window read into Node and added up there) at 100,000 events.
// Writes bench/out/funnel.json. Not a test: numbers depend on the machine; results go in bench/README.md.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { FunnelEventInput } from '@/analytics/types'

import { payloadRunOrFail } from '../scripts/lib/app.mjs'

if (!process.env.TUIWEN_FUNNEL_BENCH_DB) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-funnel-bench-'))
  const db = path.join(dir, 'bench.db')
  await payloadRunOrFail('bench/funnel.ts', {
    DATABASE_URI: `file:${db}`,
    TUIWEN_FUNNEL_BENCH_DB: db,
    MEDIA_DIR: path.join(dir, 'media'),
    PAYLOAD_SECRET: 'bench-only-secret',
    TUIWEN_JOBS_AUTORUN: 'false',
  })
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

// Loaded only under `payload run`: the launcher above must not load the config (plain tsx cannot).
const [{ default: config }, { getPayload }, { funnelReport }, { enqueueEvents, flushEvents }, { doc, paragraph, productCard }] = await Promise.all([
  import('@payload-config'),
  import('payload'),
  import('@/analytics/funnel'),
  import('@/analytics/record'),
  import('@/seed/lexical'),
])

const TOTAL = Number(process.env.BENCH_EVENTS || 1_000_000)
const ORDER = process.env.BENCH_ORDER === 'random' ? 'random' : 'arrival'
const BASELINE_AT = 100_000
const CHUNK = 10_000
const DAY = 86_400_000

const payload = await getPayload({ config })
const brand = await payload.create({ collection: 'brands', data: { name: '压测品牌', slug: `bench-${Date.now()}` } as never, overrideAccess: true })
const products = await Promise.all(
  [0, 1, 2, 3].map((i) =>
    payload.create({
      collection: 'products',
      data: { title: `压测商品 ${i}`, slug: `bench-p${i}-${Date.now()}`, brand: brand.id, price: 9900, stock: 100, status: 'published' } as never,
      overrideAccess: true,
    }),
  ),
)
const articles: string[] = []
for (let i = 0; i < 30; i++) {
  const a = await payload.create({
    collection: 'articles',
    data: {
      title: `压测文章 ${i}`,
      slug: `bench-a${i}-${Date.now()}`,
      brand: brand.id,
      content: doc(paragraph('正文'), ...products.map((p) => productCard(p.id))),
      _status: 'published',
    } as never,
    overrideAccess: true,
  })
  articles.push(String(a.id))
}

let seed = 42
const rand = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32
const TYPES: [FunnelEventInput['type'], number][] = [
  ['article_view', 0.35],
  ['block_impression', 0.7],
  ['block_tap', 0.85],
  ['landing_view', 0.95],
  ['checkout_started', 0.98],
  ['paid', 1],
]
const CHANNELS = ['qr', 'share', 'moments', undefined] as const
const now = Date.now()
/** In arrival order: the newest moment of the history once `n` events are written (the last one arrives now). */
const arrivedBy = (n: number) => now - 90 * DAY + (n / TOTAL) * 90 * DAY

function event(): FunnelEventInput {
  const x = rand()
  const type = TYPES.find(([, upTo]) => x < upTo)![0]
  const article = articles[Math.floor(rand() * articles.length)]
  const block = Math.floor(rand() * products.length)
  // Traffic arrives as it happens: the run walks through 90 days of history in time order (BENCH_ORDER=random
  // scatters every batch over the 90 days instead, the worst case of late beacons).
  const at =
    ORDER === 'random' ? new Date(now - Math.floor(rand() * 90) * DAY - Math.floor(rand() * DAY)) : new Date(arrivedBy(written) - Math.floor(rand() * 600_000))
  const visitor = `v${Math.floor(rand() * 200_000)}`
  const base = { article, visitor, at, channel: CHANNELS[Math.floor(rand() * CHANNELS.length)] }
  if (type === 'article_view') return { ...base, type }
  if (type === 'block_impression' || type === 'block_tap') return { ...base, type, block }
  return {
    ...base,
    type,
    block,
    product: String(products[block].id),
    ...(type === 'paid' ? { amount: 9900, items: [{ product: String(products[block].id), units: 1, amount: 9900 }] } : {}),
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const gc = () => (globalThis as { gc?: () => void }).gc?.()
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]

/** The old path, for the baseline: every raw event of the window into Node, added up there. */
async function oldPathReport(days: number, end: number) {
  const from = new Date(end - days * DAY).toISOString()
  const res = await payload.find({
    collection: 'funnel-events',
    where: { and: [{ brand: { equals: brand.id } }, { occurredAt: { greater_than_equal: from } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { type: true, article: true, block: true, product: true, day: true },
  })
  const counts = new Map<string, number>()
  for (const e of res.docs as unknown as { type: string; article?: string; block?: number }[])
    counts.set(`${e.article}|${e.block}|${e.type}`, (counts.get(`${e.article}|${e.block}|${e.type}`) ?? 0) + 1)
  return counts.size
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; rssGrowthMb: number }> {
  gc()
  const rss = process.memoryUsage().rss
  const t = performance.now()
  await fn()
  const ms = performance.now() - t
  return { ms, rssGrowthMb: mb(process.memoryUsage().rss - rss) }
}

let written = 0
let flushMs = 0
let baseline: { events: number; reportMs: number; rssGrowthMb: number } | undefined
console.log(`Writing ${TOTAL.toLocaleString('en')} events through the beacon flush…`)
while (written < TOTAL) {
  const n = Math.min(CHUNK, TOTAL - written)
  enqueueEvents(payload, Array.from({ length: n }, event))
  const t = performance.now()
  await flushEvents(payload)
  flushMs += performance.now() - t
  written += n
  if (written % 100_000 === 0) console.log(`  ${written.toLocaleString('en')} events, ${Math.round(written / (flushMs / 1000)).toLocaleString('en')} events/s`)
  if (!baseline && written >= BASELINE_AT) {
    // The 30 days up to the newest event written, so the window holds the events written so far.
    const end = ORDER === 'random' ? now : arrivedBy(written)
    await oldPathReport(30, end) // warm-up
    const runs = [await timed(() => oldPathReport(30, end)), await timed(() => oldPathReport(30, end)), await timed(() => oldPathReport(30, end))]
    const rollups = await timed(() => funnelReport(payload, { scope: [String(brand.id)], days: 30, now: end }))
    baseline = {
      events: written,
      reportMs: quantile(
        runs.map((r) => r.ms),
        0.5,
      ),
      rssGrowthMb: Math.max(...runs.map((r) => r.rssGrowthMb)),
    }
    console.log(`  baseline at ${written.toLocaleString('en')} events: old path ${baseline.reportMs.toFixed(0)} ms, rollups ${rollups.ms.toFixed(0)} ms`)
  }
}

const report: Record<string, unknown> = {}
gc()
const rssBefore = process.memoryUsage().rss
let rssPeak = rssBefore
for (const days of [7, 30, 90] as const) {
  await funnelReport(payload, { scope: [String(brand.id)], days, now })
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    const t = performance.now()
    await funnelReport(payload, { scope: [String(brand.id)], days, now })
    times.push(performance.now() - t)
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss)
  }
  report[`${days}d`] = { p50Ms: +quantile(times, 0.5).toFixed(1), p95Ms: +quantile(times, 0.95).toFixed(1) }
}
const rows = (await payload.count({ collection: 'funnel-rollups', overrideAccess: true })).totalDocs
const result = {
  date: new Date().toISOString(),
  node: process.version,
  events: written,
  order: ORDER,
  flushEventsPerSec: Math.round(written / (flushMs / 1000)),
  rollupRows: rows,
  report,
  reportRssGrowthMb: mb(rssPeak - rssBefore),
  baselineOldPath: baseline,
}
fs.mkdirSync(path.resolve('bench/out'), { recursive: true })
fs.writeFileSync(path.resolve('bench/out/funnel.json'), JSON.stringify(result, null, 2))
console.log(JSON.stringify(result, null, 2))
if (process.env.PAYLOAD_RUN_DONE_FILE) fs.writeFileSync(process.env.PAYLOAD_RUN_DONE_FILE, new Date().toISOString())
process.exit(0)
