import type { DraftArticle } from '@/wechat/oa/types'

import type { Ctx, Route } from './context'
import { checkDraftArticle, storeArticle } from './draft-checks'
import { json, ok, randomId, wxError } from './respond'
import type { DraftRecord } from './state'

/** A draft still in the draft box of the calling account (published/mass-sent ones left it, §1.4.1). */
export function liveDraft(ctx: Ctx, mediaId: unknown): DraftRecord | undefined {
  const draft = typeof mediaId === 'string' ? ctx.state.drafts.get(mediaId) : undefined
  return draft && draft.appId === ctx.account.appId && draft.state === 'draft' ? draft : undefined
}

const unixSeconds = (ms: number) => Math.floor(ms / 1000)

const add: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const articles = ctx.body.articles
    if (!Array.isArray(articles) || articles.length === 0 || articles.length > 8) return wxError(47001)
    for (const article of articles) {
      const errcode = checkDraftArticle(ctx, article)
      if (errcode) return wxError(errcode)
    }
    const now = ctx.clock.now()
    const mediaId = randomId(48)
    ctx.state.drafts.set(mediaId, {
      mediaId,
      appId: ctx.account.appId,
      articles: (articles as DraftArticle[]).map((a) => storeArticle(ctx, a)),
      createdAt: now,
      updatedAt: now,
      state: 'draft',
    })
    return json({ media_id: mediaId })
  },
}

const get: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const draft = liveDraft(ctx, ctx.body.media_id)
    if (!draft) return wxError(40007)
    return json({ news_item: draft.articles })
  },
}

const update: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const draft = liveDraft(ctx, ctx.body.media_id)
    if (!draft) return wxError(40007)
    const index = ctx.body.index
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= draft.articles.length) return wxError(40114)
    const article = ctx.body.articles
    // §1.4.3: `articles` is a single object here; an array is a format error.
    if (typeof article !== 'object' || article === null || Array.isArray(article)) return wxError(47001)
    const errcode = checkDraftArticle(ctx, article)
    if (errcode) return wxError(errcode)
    draft.articles[index] = storeArticle(ctx, article as DraftArticle)
    draft.updatedAt = ctx.clock.now()
    return ok()
  },
}

const remove: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const draft = liveDraft(ctx, ctx.body.media_id)
    if (!draft) return wxError(40007)
    draft.state = 'deleted'
    return ok()
  },
}

const listDrafts = (ctx: Ctx) =>
  [...ctx.state.drafts.values()].filter((d) => d.appId === ctx.account.appId && d.state === 'draft').sort((a, b) => b.updatedAt - a.updatedAt)

const batchget: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const offset = Number(ctx.body.offset ?? 0)
    const count = Number(ctx.body.count)
    if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20) return wxError(40097)
    const noContent = ctx.body.no_content === 1
    const all = listDrafts(ctx)
    const page = all.slice(offset, offset + count)
    return json({
      total_count: all.length,
      item_count: page.length,
      item: page.map((d) => ({
        media_id: d.mediaId,
        content: { news_item: d.articles.map((a) => (noContent ? { ...a, content: '' } : a)) },
        update_time: unixSeconds(d.updatedAt),
      })),
    })
  },
}

const count: Route = {
  method: 'GET',
  auth: true,
  json: false,
  handle: (ctx) => json({ total_count: listDrafts(ctx).length }),
}

export const draftRoutes: Record<string, Route> = {
  '/cgi-bin/draft/add': add,
  '/cgi-bin/draft/get': get,
  '/cgi-bin/draft/update': update,
  '/cgi-bin/draft/delete': remove,
  '/cgi-bin/draft/batchget': batchget,
  '/cgi-bin/draft/count': count,
}
