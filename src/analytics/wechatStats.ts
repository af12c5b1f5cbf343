// Daily import of WeChat's own article statistics (datacube getarticlesummary / getarticletotal) into
// article-stats, matched to our articles through the pushes that sent them. Re-running a day overwrites it.
import type { Payload } from 'payload'

import { idOf } from '../access/roles'
import type { Push, WechatAccount } from '../payload-types'
import { beijingDay } from '../platform/beijingTime'
import { clientFor, loadAccount } from '../wechat/account'
import { defaultOrigin } from '../wechat/account/runtime'
import { isWechatApiError } from '../wechat/oa'

type Counts = {
  int_page_read_user?: number
  int_page_read_count?: number
  ori_page_read_count?: number
  share_user?: number
  share_count?: number
  add_to_fav_count?: number
}
type SummaryItem = { ref_date: string; msgid: string; title: string } & Counts
type TotalItem = { ref_date: string; msgid: string; title: string; details?: ({ stat_date: string; target_user?: number } & Counts)[] }

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
export const yesterdayBeijing = (now = Date.now()) => addDays(beijingDay(now), -1)

export type ImportResult = { day: string; accounts: number; rows: number; matched: number; errors: string[] }

/** Our article for a datacube msgid (`<msg_data_id>_<index>`): the push of this account whose article at that index has this title. */
function matcherFor(pushes: Push[], titles: Map<string, string>) {
  return (msgid: string, title: string): string | undefined => {
    const index = Number(msgid.split('_').pop())
    for (const push of pushes) {
      const ids = (push.articles ?? []).map((a) => idOf(a)).filter((id): id is string => Boolean(id))
      const atIndex = Number.isInteger(index) && index >= 1 ? ids[index - 1] : undefined
      if (atIndex && titles.get(atIndex) === title) return atIndex
    }
    // Fall back to the title alone among this account's sent articles.
    for (const push of pushes) for (const a of push.articles ?? []) if (titles.get(idOf(a) ?? '') === title) return idOf(a)
    return undefined
  }
}

async function upsert(payload: Payload, key: string, data: Record<string, unknown>) {
  const found = await payload.find({ collection: 'article-stats', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  if (found.docs[0]) await payload.update({ collection: 'article-stats', id: found.docs[0].id, data, overrideAccess: true })
  else await payload.create({ collection: 'article-stats', data: { key, ...data } as never, overrideAccess: true })
}

export async function importArticleStats(payload: Payload, options: { day?: string; origin?: string; now?: number } = {}): Promise<ImportResult> {
  const day = options.day ?? yesterdayBeijing(options.now)
  const origin = options.origin ?? defaultOrigin()
  const result: ImportResult = { day, accounts: 0, rows: 0, matched: 0, errors: [] }
  const accounts = (
    await payload.find({ collection: 'wechat-accounts', where: { hasAppSecret: { equals: true } }, pagination: false, depth: 0, overrideAccess: true })
  ).docs as WechatAccount[]
  for (const doc of accounts) {
    try {
      const account = await loadAccount(payload, doc.id)
      const client = clientFor(account, origin)
      const brand = idOf(account.brand)!
      const pushes = (
        await payload.find({
          collection: 'pushes',
          where: { and: [{ account: { equals: account.id } }, { status: { in: ['sent', 'published'] } }] },
          sort: '-updatedAt',
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
      ).docs as Push[]
      const articleIds = [...new Set(pushes.flatMap((p) => (p.articles ?? []).map((a) => idOf(a)).filter((id): id is string => Boolean(id))))]
      const titles = new Map<string, string>()
      if (articleIds.length) {
        const found = await payload.find({
          collection: 'articles',
          where: { id: { in: articleIds } },
          pagination: false,
          depth: 0,
          overrideAccess: true,
          select: { title: true },
        })
        for (const a of found.docs as { id: string; title: string }[]) titles.set(a.id, a.title)
      }
      const match = matcherFor(pushes, titles)
      const base = (msgid: string, title: string) => {
        const article = match(msgid, title)
        if (article) result.matched++
        return { msgid, title, article: article ?? null, account: account.id, brand }
      }

      const summary = await client.call<{ list?: SummaryItem[] }>('/datacube/getarticlesummary', { json: { begin_date: day, end_date: day } })
      for (const item of summary.list ?? []) {
        await upsert(payload, `daily:${account.appId}:${item.msgid}:${item.ref_date}`, {
          ...base(item.msgid, item.title),
          kind: 'daily',
          day: item.ref_date,
          readUser: item.int_page_read_user ?? 0,
          readCount: item.int_page_read_count ?? 0,
          oriReadCount: item.ori_page_read_count ?? 0,
          shareUser: item.share_user ?? 0,
          shareCount: item.share_count ?? 0,
          favCount: item.add_to_fav_count ?? 0,
        })
        result.rows++
      }
      // Cumulative figures of everything sent in the last 7 days (getarticletotal spans one send day per call).
      for (let i = 0; i < 7; i++) {
        const sentOn = addDays(day, -i)
        const totals = await client.call<{ list?: TotalItem[] }>('/datacube/getarticletotal', { json: { begin_date: sentOn, end_date: sentOn } })
        for (const item of totals.list ?? []) {
          const latest = (item.details ?? [])
            .filter((d) => d.stat_date <= day)
            .sort((a, b) => a.stat_date.localeCompare(b.stat_date))
            .pop()
          if (!latest) continue
          await upsert(payload, `total:${account.appId}:${item.msgid}`, {
            ...base(item.msgid, item.title),
            kind: 'total',
            day: latest.stat_date,
            refDate: item.ref_date,
            targetUser: latest.target_user ?? 0,
            readUser: latest.int_page_read_user ?? 0,
            readCount: latest.int_page_read_count ?? 0,
            oriReadCount: latest.ori_page_read_count ?? 0,
            shareUser: latest.share_user ?? 0,
            shareCount: latest.share_count ?? 0,
            favCount: latest.add_to_fav_count ?? 0,
          })
          result.rows++
        }
      }
      result.accounts++
    } catch (error) {
      const reason = isWechatApiError(error) ? `errcode ${error.errcode}` : error instanceof Error ? error.message : String(error)
      result.errors.push(`${doc.name} (${doc.appId}): ${reason}`)
      payload.logger.warn({ msg: 'wechat article stats import failed', account: doc.appId, reason })
    }
  }
  return result
}
