// Outcomes of a publish or a mass send, whether learnt by polling or from WeChat's callback. Idempotent.
import type { Payload } from 'payload'

import { idOf } from '@/utilities/idOf'

import type { Article, Push } from '../payload-types'
import type { Step } from './steps'

const PUBLISH_FAILURES: Record<number, string> = {
  2: '原创校验未通过',
  3: '发表失败（微信常规失败），请稍后重试',
  4: '平台审核未通过',
  5: '发表成功后文章已被删除',
  6: '发表成功后文章已被系统封禁',
}

export type PublishOutcome = { publishStatus: number; articleId?: string; articles: { idx: number; url: string }[]; failIdx: number[] }

export type PublishedUrl = { articleId: string; title?: string; idx: number; url: string }

const updateStep = (push: Push, key: Step['key'], patch: Partial<Step>): Step[] | undefined => {
  if (!Array.isArray(push.steps)) return undefined
  return (push.steps as Step[]).map((s) => (s.key === key ? { ...s, ...patch } : s))
}

/** Stores a publish outcome learnt from WeChat's callback (the poller stores it through its job: src/publishing/push/poll.ts). */
export async function applyPublishResult(payload: Payload, push: Push, outcome: PublishOutcome): Promise<void> {
  const data = await publishOutcomeData(payload, push, outcome)
  if (data) await payload.update({ collection: 'pushes', id: push.id, overrideAccess: true, context: { publishing: true }, data })
}

/** What a publish outcome changes on the push; null when nothing does (still in review, or already published). */
export async function publishOutcomeData(payload: Payload, push: Push, outcome: PublishOutcome): Promise<Partial<Push> | null> {
  const articleIds = (Array.isArray(push.draftArticles) ? (push.draftArticles as string[]) : (push.articles ?? []).map(idOf)).filter((id): id is string => !!id)
  if (outcome.publishStatus === 0) {
    if (push.status === 'published') return null
    const titles = new Map<string, string>()
    if (articleIds.length) {
      const found = await payload.find({
        collection: 'articles',
        where: { id: { in: articleIds } },
        depth: 0,
        limit: 8,
        overrideAccess: true,
        draft: true,
        select: { title: true },
      })
      for (const a of found.docs as Article[]) titles.set(a.id, a.title)
    }
    const publishedUrls: PublishedUrl[] = outcome.articles
      .filter((item) => articleIds[item.idx - 1])
      .map((item) => ({ articleId: articleIds[item.idx - 1]!, title: titles.get(articleIds[item.idx - 1]!), idx: item.idx, url: item.url }))
    return {
      status: 'published',
      publishedUrls,
      wechatArticleId: outcome.articleId ?? null,
      publishedAt: new Date().toISOString(),
      // The published draft has left the draft box.
      mediaId: null,
      lastError: null,
      steps: updateStep(push, 'publish', { state: 'done', message: '发表成功' }),
    }
  }
  if (outcome.publishStatus === 1) return null
  const reason = PUBLISH_FAILURES[outcome.publishStatus] ?? `发表失败（状态 ${outcome.publishStatus}）`
  const which = outcome.failIdx.length ? `：第 ${outcome.failIdx.join('、')} 篇` : ''
  return {
    status: 'failed',
    lastError: `${reason}${which}`,
    mediaId: null,
    steps: updateStep(push, 'publish', { state: 'failed', message: `${reason}${which}` }),
  }
}

const MASS_REASONS: Record<string, string> = {
  '10001': '涉嫌广告',
  '20001': '涉嫌政治',
  '20002': '涉嫌色情',
  '20004': '涉嫌社会',
  '20006': '涉嫌违法犯罪',
  '20008': '涉嫌欺诈',
  '20013': '涉嫌版权',
  '22000': '涉嫌互推',
  '21000': '涉嫌其他',
}

export async function applyMassResult(payload: Payload, push: Push, outcome: { status: string; sentCount: number; totalCount: number }): Promise<void> {
  if (outcome.status === 'send success') {
    await payload.update({
      collection: 'pushes',
      id: push.id,
      overrideAccess: true,
      context: { publishing: true },
      data: { status: 'sent', steps: updateStep(push, 'massSend', { state: 'done', message: `群发完成：送达 ${outcome.sentCount}/${outcome.totalCount} 人` }) },
    })
    return
  }
  const code = /err\((\d+)\)/.exec(outcome.status)?.[1]
  const reason = code ? `群发未通过审核：${MASS_REASONS[code] ?? `原因 ${code}`}` : '群发失败'
  await payload.update({
    collection: 'pushes',
    id: push.id,
    overrideAccess: true,
    context: { publishing: true },
    data: { status: 'failed', lastError: reason, steps: updateStep(push, 'massSend', { state: 'failed', message: reason }) },
  })
}
