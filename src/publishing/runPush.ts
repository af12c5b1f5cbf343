// The publishing job: upload images → upload covers → create or update the draft → publish / mass-send / preview.
// Every artefact is stored as soon as WeChat returns it (image cache, draft media_id, publish_id, msg_id), so a
// failed or repeated run resumes instead of duplicating: images hit the cache, an existing draft is updated in
// place, a submitted publish is only polled, and mass sends carry a stable clientmsgid.
import { createHash } from 'node:crypto'

import type { Payload } from 'payload'

import type { Article, Push } from '../payload-types'
import {
  type DraftArticle,
  isWechatApiError,
  type OfficialAccountClient,
  validateDraftArticle,
  withRetry,
} from '../wechat/oa'
import { RenderImageError, RenderInputError, RenderLimitError, renderWechatArticle } from '../wechat/render'
import { AccountSetupError, type AccountWithSecrets, clientFor, loadAccount } from '../wechat/account'
import { PublishError } from './errors'
import { contentHash, httpsMmbiz, prepareBodyImage, prepareCover, readImageSource, uploadOnce } from './images'
import { type LoadedArticle, loadArticleToRender } from '../wechat/articleRenderInput'
import { applyPublishResult } from './results'
import { defaultOrigin, publishingRuntime } from '../wechat/account/runtime'
import { MANUAL_PUBLISH_MESSAGE, type PushAction, type PushStatus, type Step, type StepKey, stepsFor } from './steps'
import { idOf } from '@/utilities/idOf'

export type RunPushInput = { pushId: string; action: PushAction | 'poll'; to?: string; origin?: string; jobId?: string }
export type RunPushResult = { status: PushStatus; uploadedImages: number; uploadedCovers: number; error?: string }

/** Beijing calendar day (mass-send quotas reset at midnight UTC+8). */
export const beijingDay = (ms: number) => Math.floor((ms + 8 * 3600_000) / 86_400_000)

const LIMIT_MESSAGES: Record<string, string> = {
  chars: '正文（含排版代码）须少于 20000 个字符，请删减内容或拆成两篇',
  bytes: '正文须小于 1MB，请删减内容',
  title: '标题最多 32 个字',
  contentSourceUrl: '「阅读原文」链接不能超过 1KB',
}

export async function runPush(payload: Payload, input: RunPushInput): Promise<RunPushResult> {
  const origin = (input.origin || defaultOrigin()).replace(/\/+$/, '')
  const push = (await payload.findByID({ collection: 'pushes', id: input.pushId, depth: 0, overrideAccess: true })) as Push
  const result: RunPushResult = { status: push.status as PushStatus, uploadedImages: 0, uploadedCovers: 0 }
  const action: PushAction = input.action === 'poll' ? 'publish' : input.action
  let steps: Step[] =
    input.action === 'poll' && Array.isArray(push.steps) ? (push.steps as Step[]) : stepsFor(action)
  let current: Step | undefined

  const save = async (data: Partial<Push>) => {
    Object.assign(push, data)
    await payload.update({ collection: 'pushes', id: push.id, data, overrideAccess: true, depth: 0, context: { publishing: true } })
  }
  const saveSteps = () => save({ steps })
  const step = (key: StepKey) => steps.find((s) => s.key === key)!
  const start = async (key: StepKey, total = 0) => {
    current = step(key)
    Object.assign(current, { state: 'running', done: 0, total, message: undefined })
    await saveSteps()
    return current
  }
  const finish = async (s: Step, message?: string, state: Step['state'] = 'done') => {
    Object.assign(s, { state, message })
    current = undefined
    await saveSteps()
  }
  const api = <T>(fn: () => Promise<T>) => withRetry(fn, { attempts: publishingRuntime.retryAttempts, sleep: publishingRuntime.sleep })

  try {
    const account = await loadAccount(payload, idOf(push.account) ?? '')
    if (idOf(account.brand) !== idOf(push.brand)) throw new PublishError('所选公众号不属于该推送的品牌')
    const client = clientFor(account, origin)

    if (input.action === 'poll') {
      await pollPublish(payload, client, push, save)
      result.status = push.status as PushStatus
      return result
    }

    const articleIds = (push.articles ?? []).map(idOf).filter((id): id is string => !!id)
    if (articleIds.length < 1 || articleIds.length > 8) throw new PublishError('一条推送须包含 1–8 篇文章')

    await save({ status: 'uploading', action, steps, lastError: null, ...(input.jobId ? { jobId: input.jobId } : {}) })

    // ── render (paste mode) to learn which images each article needs ──
    const loaded: LoadedArticle[] = []
    for (const id of articleIds) {
      loaded.push(await loadArticleToRender(payload, id, { baseUrl: origin, miniProgramAppId: account.miniProgramAppId }))
    }
    const qrCodes = new Map<string, string>()
    const needed: string[] = []
    const pasteImages: string[][] = []
    for (const item of loaded) {
      const paste = await renderWechatArticle({ ...item.input, mode: 'paste' })
      for (const qr of paste.qrCodes) qrCodes.set(qr.imageUrl, qr.landingUrl)
      pasteImages.push(paste.images)
      for (const url of paste.images) if (!needed.includes(url)) needed.push(url)
    }
    const scope = account.sandbox && !publishingRuntime.apiBase && publishingRuntime.sandboxUploadScope ? publishingRuntime.sandboxUploadScope(account.appId) : account.appId

    // ── step 1: body images ──
    const images = await start('images', needed.length)
    const imageUrlMap: Record<string, string> = {}
    for (const url of needed) {
      const src = await readImageSource(url, { baseUrl: origin, qrCodes })
      const { value, uploaded } = await uploadOnce(payload, { scope, kind: 'body', hash: contentHash(src) }, async () => {
        const prepared = await prepareBodyImage(src)
        if (prepared.endpoint === 'body') {
          const { url: mmbiz } = await api(() => client.uploadImage(prepared.file))
          return { url: mmbiz, bytes: prepared.file.data.length, format: prepared.format }
        }
        const material = await api(() => client.addMaterial('image', prepared.file))
        return { url: material.url, mediaId: material.media_id, bytes: prepared.file.data.length, format: prepared.format }
      })
      if (!value.url) throw new PublishError(`图片上传后没有返回地址：${url}`)
      imageUrlMap[url] = httpsMmbiz(value.url)
      if (uploaded) result.uploadedImages++
      images.done++
      await saveSteps()
    }
    await finish(images, result.uploadedImages ? `新上传 ${result.uploadedImages} 张` : '全部已上传过，无需重复上传')

    // ── step 2: covers (permanent material → thumb_media_id) ──
    const covers = await start('cover', loaded.length)
    const thumbs: string[] = []
    for (const [index, item] of loaded.entries()) {
      const coverUrl = item.cover?.url
        ? new URL(item.cover.url, `${origin}/`).href
        : pasteImages[index]!.find((u) => !qrCodes.has(u))
      if (!coverUrl) throw new PublishError(`第 ${index + 1} 篇《${item.article.title}》没有封面图，正文里也没有图片可用作封面，请先设置封面`)
      const src = await readImageSource(coverUrl, { baseUrl: origin, qrCodes })
      const { value, uploaded } = await uploadOnce(payload, { scope, kind: 'cover', hash: contentHash(src) }, async () => {
        const file = await prepareCover(src)
        const material = await api(() => client.addMaterial('image', file))
        return { url: material.url, mediaId: material.media_id, bytes: file.data.length, format: 'jpeg' }
      })
      if (!value.mediaId) throw new PublishError('封面上传后没有返回 media_id')
      thumbs.push(value.mediaId)
      if (uploaded) result.uploadedCovers++
      covers.done++
      await saveSteps()
    }
    await finish(covers)

    // ── step 3: render in api mode, check every limit, then create or update the one draft ──
    const draftStep = await start('draft', loaded.length)
    const articles: DraftArticle[] = []
    const problems: string[] = []
    for (const [index, item] of loaded.entries()) {
      const label = `第 ${index + 1} 篇《${item.article.title}》`
      try {
        const rendered = await renderWechatArticle({ ...item.input, mode: 'api', imageUrlMap })
        const draft = toDraftArticle(item.article, rendered.html, rendered.contentSourceUrl ?? `${origin}/a/${item.article.slug}`, thumbs[index]!, loaded.length === 1)
        for (const e of validateDraftArticle(draft)) problems.push(`${label}：${e.message}`)
        articles.push(draft)
      } catch (error) {
        if (error instanceof RenderLimitError) problems.push(`${label}：${LIMIT_MESSAGES[error.limit] ?? error.message}（当前 ${error.actual}）`)
        else if (error instanceof RenderImageError) problems.push(`${label}：有 ${error.missing.length} 张图片未能上传到微信`)
        else if (error instanceof RenderInputError) problems.push(`${label}：${error.message}`)
        else throw error
      }
    }
    if (problems.length) throw new PublishError(problems.join('\n'))

    const mediaId = await upsertDraft(client, push, articles, api)
    draftStep.done = loaded.length
    await save({ mediaId: mediaId.mediaId, draftArticles: articleIds, status: 'drafted' })
    await finish(draftStep, mediaId.created ? '已创建草稿' : '已更新草稿箱中的同一草稿')
    result.status = 'drafted'

    // ── step 4: the requested action ──
    if (action === 'publish') {
      const s = await start('publish')
      try {
        const submitted = await api(() => client.publish.submit(mediaId.mediaId))
        await save({ publishId: submitted.publish_id, status: 'publishing' })
      } catch (error) {
        if (isWechatApiError(error) && error.errcode === 48001) {
          await save({ status: 'needs_manual_publish', lastError: null })
          await finish(s, MANUAL_PUBLISH_MESSAGE, 'skipped')
          result.status = 'needs_manual_publish'
          return result
        }
        throw error
      }
      await finish(s, '已提交发表，等待微信审核结果', 'running')
      await pollPublish(payload, client, push, save)
      if (push.status === 'publishing') await queuePoll(payload, push.id, origin, 1)
    } else if (action === 'massSend') {
      const s = await start('massSend')
      await checkDailyQuota(payload, account, push)
      const clientmsgid = `tw${createHash('sha1').update(`${push.id}|${mediaId.mediaId}`).digest('hex')}`
      let msgId: string
      try {
        msgId = (await api(() => client.mass.sendAll({ media_id: mediaId.mediaId, clientmsgid, is_to_all: true }))).msg_id
      } catch (error) {
        // 45065/45066: this exact send was already accepted (a retry after a lost response).
        if (isWechatApiError(error) && (error.errcode === 45065 || error.errcode === 45066) && error.body?.msg_id !== undefined) msgId = String(error.body.msg_id)
        else throw error
      }
      // A mass-sent draft leaves the draft box: the next send creates a new draft.
      await save({ msgId, status: 'sent', sentAt: new Date().toISOString(), mediaId: null, draftArticles: null })
      await finish(s, '已提交群发')
    } else if (action === 'preview') {
      const s = await start('preview')
      const to = input.to?.trim()
      if (!to) throw new PublishError('请填写接收预览的微信号或 openid')
      const recipient = /^o[\w-]{20,}$/.test(to) ? { touser: to } : { towxname: to }
      await api(() => client.mass.preview({ ...recipient, media_id: mediaId.mediaId }))
      await finish(s, `已发送预览给 ${to}`)
    }
    result.status = push.status as PushStatus
    return result
  } catch (error) {
    const message = errorMessage(error)
    if (current) await finish(current, message, 'failed').catch(() => undefined)
    await save({ status: 'failed', lastError: message }).catch(() => undefined)
    result.status = 'failed'
    result.error = message
    // Transient trouble that outlived our retries: let the job queue retry the whole (resumable) job.
    if (isWechatApiError(error) && error.retryable) throw error
    return result
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof PublishError || error instanceof AccountSetupError) return error.message
  if (isWechatApiError(error)) return `微信接口错误 ${error.errcode}：${error.messageZh}`
  if (error instanceof Error && error.name === 'SecretDecryptError') return error.message
  if (error instanceof Error && error.name === 'ImageSourceError') return error.message
  return `推送失败：${error instanceof Error ? error.message : String(error)}`
}

function toDraftArticle(article: Article, html: string, sourceUrl: string, thumb: string, single: boolean): DraftArticle {
  return {
    article_type: 'news',
    title: article.title,
    ...(article.author ? { author: article.author } : {}),
    // Only single-article messages have a digest (§1.4.1).
    ...(single && article.digest ? { digest: article.digest } : {}),
    content: html,
    content_source_url: sourceUrl,
    thumb_media_id: thumb,
    need_open_comment: 0,
    only_fans_can_comment: 0,
  }
}

type Api = <T>(fn: () => Promise<T>) => Promise<T>

/**
 * One push = one draft. With a stored media_id still in the draft box and the same number of articles, each
 * article is updated in place; otherwise a new draft is added (the stale one deleted). If an add attempt failed
 * without an answer, the draft box is searched for it before trying again, so it is never created twice.
 */
async function upsertDraft(client: OfficialAccountClient, push: Push, articles: DraftArticle[], api: Api): Promise<{ mediaId: string; created: boolean }> {
  if (push.mediaId) {
    let existing: number | undefined
    try {
      existing = (await api(() => client.draft.get(push.mediaId!))).news_item.length
    } catch (error) {
      if (!(isWechatApiError(error) && error.errcode === 40007)) throw error
    }
    if (existing === articles.length) {
      for (const [index, article] of articles.entries()) await api(() => client.draft.update(push.mediaId!, index, article))
      return { mediaId: push.mediaId, created: false }
    }
    if (existing !== undefined) {
      await api(() => client.draft.delete(push.mediaId!)).catch((error: unknown) => {
        if (!(isWechatApiError(error) && error.errcode === 40007)) throw error
      })
    }
  }
  let attempted = false
  const { media_id } = await api(async () => {
    if (attempted) {
      const found = await findMatchingDraft(client, articles)
      if (found) return { media_id: found }
    }
    attempted = true
    return client.draft.add(articles)
  })
  return { mediaId: media_id, created: true }
}

async function findMatchingDraft(client: OfficialAccountClient, articles: DraftArticle[]): Promise<string | undefined> {
  const page = await client.draft.batchGet({ offset: 0, count: 20, noContent: true })
  const match = page.item.find(
    (d) =>
      d.content.news_item.length === articles.length &&
      d.content.news_item.every((a, i) => a.title === articles[i]!.title && (!a.thumb_media_id || a.thumb_media_id === articles[i]!.thumb_media_id)),
  )
  return match?.media_id
}

async function checkDailyQuota(payload: Payload, account: AccountWithSecrets, push: Push): Promise<void> {
  if (account.accountType !== 'subscription') return
  const today = beijingDay(Date.now())
  const since = new Date(today * 86_400_000 - 8 * 3600_000).toISOString()
  const sent = await payload.find({
    collection: 'pushes',
    where: { and: [{ account: { equals: account.id } }, { sentAt: { greater_than_equal: since } }, { id: { not_equals: push.id } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const other = sent.docs[0]
  if (other) throw new PublishError(`订阅号每天只能群发 1 次：今天已群发「${other.title ?? other.id}」，请明天再发，或改为「发表」`)
}

/** Asks WeChat how a submitted publish is doing; applies the outcome when it is final. */
export async function pollPublish(payload: Payload, client: OfficialAccountClient, push: Push, save: (data: Partial<Push>) => Promise<void>): Promise<void> {
  if (!push.publishId || push.status !== 'publishing') return
  const status = await withRetry(() => client.publish.get(push.publishId!), { attempts: publishingRuntime.retryAttempts, sleep: publishingRuntime.sleep })
  if (status.publish_status === 1) return
  await applyPublishResult(payload, push, {
    publishStatus: status.publish_status,
    articleId: status.article_id,
    articles: (status.article_detail?.item ?? []).map((i) => ({ idx: i.idx, url: i.article_url })),
    failIdx: status.fail_idx,
  })
  const fresh = (await payload.findByID({ collection: 'pushes', id: push.id, depth: 0, overrideAccess: true })) as Push
  Object.assign(push, fresh)
  void save
}

export async function queuePoll(payload: Payload, pushId: string, origin: string, attempt: number): Promise<void> {
  if (attempt > publishingRuntime.maxPolls) return
  await payload.jobs.queue({
    task: 'publishPush',
    input: { pushId, action: 'poll', origin, attempt },
    waitUntil: new Date(Date.now() + publishingRuntime.pollDelaySeconds * 1000),
  })
}
