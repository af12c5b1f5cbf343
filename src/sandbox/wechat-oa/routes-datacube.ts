// Datacube article statistics (图文分析): getarticlesummary (per stat day) and getarticletotal (cumulative per
// article for up to 7 days after sending). [doc: developers.weixin.qq.com/doc/service/api/wedata/news/
// api_getarticlesummary, api_getarticletotal]. Both take {begin_date, end_date} (YYYY-MM-DD, Beijing days),
// span at most 1 day, end_date at most yesterday; answers `{list:[…]}` without errcode. Only mass-sent articles
// are counted by these (old) endpoints. Error codes for bad dates are [unverified]: 61500 format, 61501 range.
// Reads are scripted by tests through datacubeOf(emulator).record(…).
import { beijingDay } from '@/platform/beijingTime'

import type { Route } from './context'
import { json, wxError } from './respond'
import type { EmulatorState } from './state'

export type ArticleDayCounts = {
  int_page_read_user: number
  int_page_read_count: number
  ori_page_read_user: number
  ori_page_read_count: number
  share_user: number
  share_count: number
  add_to_fav_user: number
  add_to_fav_count: number
}

type ArticleRecord = { appId: string; msgid: string; title: string; refDate: string; targetUser: number; days: Map<string, ArticleDayCounts> }
type Store = { articles: Map<string, ArticleRecord> }

const stores = new WeakMap<EmulatorState, Store>()
const storeOf = (state: EmulatorState): Store => {
  let store = stores.get(state)
  if (!store) stores.set(state, (store = { articles: new Map() }))
  return store
}

const EMPTY: ArticleDayCounts = {
  int_page_read_user: 0,
  int_page_read_count: 0,
  ori_page_read_user: 0,
  ori_page_read_count: 0,
  share_user: 0,
  share_count: 0,
  add_to_fav_user: 0,
  add_to_fav_count: 0,
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/
const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`)
const addDays = (day: string, n: number) => new Date(dayMs(day) + n * 86_400_000).toISOString().slice(0, 10)

type Range = { begin: string; end: string } | { errcode: number }

function range(body: Record<string, unknown>, nowMs: number): Range {
  const begin = body.begin_date
  const end = body.end_date
  if (
    typeof begin !== 'string' ||
    typeof end !== 'string' ||
    !DATE_RE.test(begin) ||
    !DATE_RE.test(end) ||
    Number.isNaN(dayMs(begin)) ||
    Number.isNaN(dayMs(end))
  )
    return { errcode: 61500 }
  const yesterday = addDays(beijingDay(nowMs), -1)
  // Max span 1 day (begin = end), end at most yesterday.
  if (begin > end || end > yesterday || dayMs(end) - dayMs(begin) > 0) return { errcode: 61501 }
  return { begin, end }
}

const allowed = (type: string) => type === 'service' || type === 'subscription'

const summary: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!allowed(ctx.account.type)) return wxError(48001)
    const r = range(ctx.body, ctx.clock.now())
    if ('errcode' in r) return wxError(r.errcode, r.errcode === 61500 ? 'date format error' : 'date range error')
    const list = []
    for (const a of storeOf(ctx.state).articles.values()) {
      if (a.appId !== ctx.account.appId) continue
      for (let day = r.begin; day <= r.end; day = addDays(day, 1)) {
        const counts = a.days.get(day)
        if (counts) list.push({ ref_date: day, msgid: a.msgid, title: a.title, user_source: 0, ...counts })
      }
    }
    return json({ list })
  },
}

const total: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!allowed(ctx.account.type)) return wxError(48001)
    const r = range(ctx.body, ctx.clock.now())
    if ('errcode' in r) return wxError(r.errcode, r.errcode === 61500 ? 'date format error' : 'date range error')
    const yesterday = addDays(beijingDay(ctx.clock.now()), -1)
    const list = []
    for (const a of storeOf(ctx.state).articles.values()) {
      if (a.appId !== ctx.account.appId || a.refDate < r.begin || a.refDate > r.end) continue
      const details = []
      const sum: ArticleDayCounts = { ...EMPTY }
      // Cumulative from the send day, at most 7 days, never past yesterday.
      for (let i = 0; i < 7; i++) {
        const day = addDays(a.refDate, i)
        if (day > yesterday) break
        const counts = a.days.get(day) ?? EMPTY
        for (const key of Object.keys(sum) as (keyof ArticleDayCounts)[]) sum[key] += counts[key]
        details.push({ stat_date: day, target_user: a.targetUser, ...sum })
      }
      list.push({ ref_date: a.refDate, msgid: a.msgid, title: a.title, user_source: 0, details })
    }
    return json({ list })
  },
}

export const datacubeRoutes: Record<string, Route> = {
  '/datacube/getarticlesummary': summary,
  '/datacube/getarticletotal': total,
}

/** Test/demo hooks: script the reads WeChat would count for a sent article. */
export function datacubeOf(emulator: { state: EmulatorState }) {
  const store = storeOf(emulator.state)
  return {
    /**
     * Adds one day's counts for article `index` (1-based) of the send `msgDataId` (the msg_data_id sendall
     * returned). `refDate` is the send day (Beijing); repeated calls for the same day add up.
     */
    record(
      input: {
        appId: string
        msgDataId: string | number
        index: number
        title: string
        refDate: string
        day: string
        targetUser?: number
      } & Partial<ArticleDayCounts>,
    ) {
      const msgid = `${input.msgDataId}_${input.index}`
      const key = `${input.appId}|${msgid}`
      let article = store.articles.get(key)
      if (!article)
        store.articles.set(
          key,
          (article = { appId: input.appId, msgid, title: input.title, refDate: input.refDate, targetUser: input.targetUser ?? 0, days: new Map() }),
        )
      if (input.targetUser !== undefined) article.targetUser = input.targetUser
      const counts = { ...(article.days.get(input.day) ?? EMPTY) }
      for (const k of Object.keys(EMPTY) as (keyof ArticleDayCounts)[]) counts[k] += input[k] ?? 0
      article.days.set(input.day, counts)
    },
    list: (appId?: string) => [...store.articles.values()].filter((a) => !appId || a.appId === appId),
  }
}
