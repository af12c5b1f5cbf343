// Daily import of WeChat article statistics (datacube) through the emulator, matched to our articles via pushes.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { funnelReport } from '@/analytics/funnel'
import { importArticleStats, yesterdayBeijing } from '@/analytics/wechatStats'
import type { Article, ArticleStat, WechatAccount } from '@/payload-types'
import { beijingDay } from '@/platform/beijingTime'
import { createEmulatorClock, datacubeOf, startEmulator } from '@/sandbox/wechat-oa'
import { publishingRuntime } from '@/wechat/account/runtime'
import { createMemoryTokenCache, createOfficialAccountClient, type WechatApiError } from '@/wechat/oa'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { makeArticle } from './funnelBed'

const APP = 'wx00000000000dc001'
const clock = createEmulatorClock({ start: Date.now() })
let env: Awaited<ReturnType<typeof startEmulator>>
let payload: Payload
let w: World
let first: Article
let second: Article
let account: WechatAccount
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const yesterday = yesterdayBeijing()

const stats = async () => (await payload.find({ collection: 'article-stats', pagination: false, depth: 0, sort: 'key' })).docs as ArticleStat[]
const runImport = async (day?: string) => {
  await payload.jobs.queue({ task: 'importWechatStats', input: day ? { day } : {} })
  await payload.jobs.run({ silent: true })
}

beforeAll(async () => {
  env = await startEmulator({ basePath: '/sandbox/wechat', clock, accounts: [{ appId: APP, appSecret: 'secret-dc', type: 'service' }] })
  publishingRuntime.apiBase = env.apiBase
  payload = await bootPayload()
  w = await makeWorld(payload)
  first = await makeArticle(payload, w.brandA.id, '头条：明前龙井', [w.productA.id])
  second = await makeArticle(payload, w.brandA.id, '次条：冷泡方法')
  account = (await payload.create({
    collection: 'wechat-accounts',
    data: { name: '山野茶事', appId: APP, appSecret: 'secret-dc', accountType: 'service', verified: true, brand: w.brandA.id } as never,
  })) as WechatAccount
  await payload.create({
    collection: 'pushes',
    data: { account: account.id, articles: [first.id, second.id], brand: w.brandA.id, status: 'sent', msgId: '1000001' } as never,
  })
  const cube = datacubeOf(env.emulator)
  const sentOn = addDays(yesterday, -1)
  const base = { appId: APP, msgDataId: 3000001, refDate: sentOn, targetUser: 1200 }
  cube.record({ ...base, index: 1, title: first.title, day: sentOn, int_page_read_user: 300, int_page_read_count: 360, share_user: 20, share_count: 24 })
  cube.record({ ...base, index: 1, title: first.title, day: yesterday, int_page_read_user: 80, int_page_read_count: 90, share_user: 5, share_count: 6 })
  cube.record({ ...base, index: 2, title: second.title, day: yesterday, int_page_read_user: 10, int_page_read_count: 12 })
  // Another account's send that is not ours: imported but unmatched.
  cube.record({ ...base, index: 3, title: '别处的文章', day: yesterday, int_page_read_count: 7 })
})
afterAll(async () => {
  publishingRuntime.apiBase = undefined
  env?.server.close()
  await shutdown(payload)
})

describe('datacube emulator', () => {
  it('checks dates like WeChat: one day per call, at most yesterday', async () => {
    const client = createOfficialAccountClient({ apiBase: env.apiBase, appId: APP, appSecret: 'secret-dc', tokenCache: createMemoryTokenCache() })
    const errcode = (body: object) =>
      client.call('/datacube/getarticlesummary', { json: body }).then(
        () => 0,
        (e: WechatApiError) => e.errcode,
      )
    expect(await errcode({ begin_date: '2026/01/01', end_date: '2026/01/01' })).toBe(61500)
    expect(await errcode({ begin_date: addDays(yesterday, -1), end_date: yesterday })).toBe(61501)
    expect(await errcode({ begin_date: beijingDay(clock.now()), end_date: beijingDay(clock.now()) })).toBe(61501)
    const summary = await client.call<{ list: { msgid: string; int_page_read_count: number }[] }>('/datacube/getarticlesummary', {
      json: { begin_date: yesterday, end_date: yesterday },
    })
    expect(summary.list.map((i) => [i.msgid, i.int_page_read_count])).toEqual([
      ['3000001_1', 90],
      ['3000001_2', 12],
      ['3000001_3', 7],
    ])
    const total = await client.call<{ list: { msgid: string; details: { stat_date: string; int_page_read_count: number; target_user: number }[] }[] }>(
      '/datacube/getarticletotal',
      {
        json: { begin_date: addDays(yesterday, -1), end_date: addDays(yesterday, -1) },
      },
    )
    expect(total.list[0].details).toEqual([
      expect.objectContaining({ stat_date: addDays(yesterday, -1), int_page_read_count: 360, target_user: 1200 }),
      expect.objectContaining({ stat_date: yesterday, int_page_read_count: 450 }),
    ])
  })
})

describe('importWechatStats job', () => {
  it('imports yesterday’s daily rows and the cumulative totals, matched to our articles; re-running overwrites', async () => {
    await runImport()
    await runImport() // idempotent
    const rows = await stats()
    const daily = rows.filter((r) => r.kind === 'daily')
    expect(daily.map((r) => [r.msgid, r.day, r.readCount, r.shareCount, r.article ?? null])).toEqual([
      ['3000001_1', yesterday, 90, 6, first.id],
      ['3000001_2', yesterday, 12, 0, second.id],
      ['3000001_3', yesterday, 7, 0, null],
    ])
    const totals = rows.filter((r) => r.kind === 'total')
    expect(totals.find((r) => r.msgid === '3000001_1')).toMatchObject({
      day: yesterday,
      refDate: addDays(yesterday, -1),
      readCount: 450,
      readUser: 380,
      shareCount: 30,
      targetUser: 1200,
      article: first.id,
      brand: w.brandA.id,
    })
    expect(rows.every((r) => r.brand === w.brandA.id)).toBe(true)

    // The day before as well (backfill with an explicit day).
    await runImport(addDays(yesterday, -1))
    expect(
      (await stats())
        .filter((r) => r.kind === 'daily' && r.msgid === '3000001_1')
        .map((r) => r.readCount)
        .sort(),
    ).toEqual([360, 90].sort())
  })

  it('feeds WeChat reads into the funnel of the brand, and only that brand', async () => {
    const a = await funnelReport(payload, { scope: [w.brandA.id], days: 7 })
    expect(a.articles.find((r) => r.article === first.id)).toMatchObject({ wechatReads: 450, wechatShares: 30, reads: 450 })
    const b = await funnelReport(payload, { scope: [w.brandB.id], days: 7 })
    expect(b.totals.wechatReads).toBe(0)
  })

  it('a failing account is reported in the job output, not fatal', async () => {
    env.emulator.faults.configure({ rate: 1, kinds: ['daily_quota'], paths: ['/datacube/'] })
    try {
      const result = await importArticleStats(payload, { day: yesterday })
      expect(result).toMatchObject({ accounts: 0, rows: 0 })
      expect(result.errors).toEqual([expect.stringContaining('errcode 45009')])
    } finally {
      env.emulator.faults.disable()
    }
  })
})
