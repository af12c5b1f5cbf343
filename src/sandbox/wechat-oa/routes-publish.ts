import type { Ctx, Route } from './context'
import { json, ok, randomId, wxError } from './respond'
import { liveDraft } from './routes-draft'
import type { EmulatorAccount, PublishJob } from './state'

/** §1.5: "公众号: 仅认证; 服务号: ✔" — everything else gets 48001 on every freepublish call. */
export const canPublish = (account: EmulatorAccount) => account.type === 'service' || account.type === 'subscription'

const publishIdOut = (ctx: Ctx, id: number) => (ctx.settings.publishIdAsString ? String(id) : id)

function finishJob(ctx: Ctx, job: PublishJob, outcome: { status: 0 | 2 | 3 | 4; failIdx?: number[] }) {
  job.status = outcome.status
  if (outcome.status === 0) {
    job.articleId = randomId(30)
    job.articleUrls = job.articles.map(() => `http://mp.weixin.qq.com/s/${randomId(16)}`)
  } else if (outcome.status === 2 || outcome.status === 4) {
    job.failIdx = outcome.failIdx ?? [1]
  }
  const account = ctx.state.accounts.get(job.appId)
  if (!account) return
  ctx.push(account, {
    ToUserName: account.originalId,
    FromUserName: 'oV5CrjpxgaGXNHIQigzNlgLTnwic',
    CreateTime: Math.floor(ctx.clock.now() / 1000),
    MsgType: 'event',
    Event: 'PUBLISHJOBFINISH',
    PublishEventInfo: {
      publish_id: job.publishId,
      publish_status: job.status,
      ...(job.status === 0
        ? {
            article_id: job.articleId ?? '',
            article_detail: { count: job.articles.length, item: job.articleUrls.map((url, i) => ({ idx: i + 1, article_url: url })) },
          }
        : { fail_idx: job.failIdx }),
    },
  })
}

const submit: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!canPublish(ctx.account)) return wxError(48001)
    const draft = liveDraft(ctx, ctx.body.media_id)
    if (!draft) return wxError(40007)
    const scripted = ctx.scripts.publish.shift() ?? { status: 0 as const }
    if ('errcode' in scripted) return wxError(scripted.errcode)
    const publishId = ctx.state.seq.publishId++
    const job: PublishJob = {
      publishId,
      appId: ctx.account.appId,
      draftMediaId: draft.mediaId,
      articles: draft.articles,
      status: 1,
      submittedAt: ctx.clock.now(),
      articleUrls: [],
      failIdx: [],
    }
    ctx.state.publishJobs.set(publishId, job)
    draft.state = 'published'
    ctx.clock.schedule(ctx.settings.publishDelayMs, () => finishJob(ctx, job, scripted))
    return ok({ publish_id: publishIdOut(ctx, publishId), msg_data_id: publishId + 1_000_000 })
  },
}

const findJob = (ctx: Ctx): PublishJob | undefined => {
  const job = ctx.state.publishJobs.get(Number(ctx.body.publish_id))
  return job && job.appId === ctx.account.appId ? job : undefined
}

const get: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!canPublish(ctx.account)) return wxError(48001)
    const job = findJob(ctx)
    if (!job) return wxError(40002, 'invalid argument')
    return json({
      publish_id: publishIdOut(ctx, job.publishId),
      publish_status: job.status,
      ...(job.status === 0
        ? {
            article_id: job.articleId,
            article_detail: { count: job.articles.length, item: job.articleUrls.map((url, i) => ({ idx: i + 1, article_url: url })) },
          }
        : {}),
      fail_idx: job.status === 2 || job.status === 4 ? job.failIdx : [],
    })
  },
}

const byArticleId = (ctx: Ctx) =>
  [...ctx.state.publishJobs.values()].find((j) => j.appId === ctx.account.appId && j.articleId !== undefined && j.articleId === ctx.body.article_id)

const getArticle: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!canPublish(ctx.account)) return wxError(48001)
    const job = byArticleId(ctx)
    if (!job) return wxError(53600)
    return json({
      news_item: job.articles.map((a, i) => ({ ...a, url: job.articleUrls[i], thumb_url: '', is_deleted: job.deleted === true })),
    })
  },
}

const remove: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!canPublish(ctx.account)) return wxError(48001)
    const job = byArticleId(ctx)
    if (!job) return wxError(53600)
    job.deleted = true
    job.status = 5
    return ok()
  },
}

export const publishRoutes: Record<string, Route> = {
  '/cgi-bin/freepublish/submit': submit,
  '/cgi-bin/freepublish/get': get,
  '/cgi-bin/freepublish/getarticle': getArticle,
  '/cgi-bin/freepublish/delete': remove,
}
