// The publishing job: upload images → upload covers → create or update the draft → publish / mass-send / preview,
// each a named step (src/publishing/push/). Every artefact is stored as soon as WeChat returns it (image cache, draft
// media_id, publish_id, msg_id), so a failed or repeated run resumes instead of duplicating: images hit the cache, an
// existing draft is updated in place, a submitted publish is only polled, and mass sends carry a stable clientmsgid.
import type { Payload } from 'payload'

import { beijingDayNumber } from '@/platform/beijingTime'
import { idOf } from '@/utilities/idOf'

import type { Push } from '../payload-types'
import { type AccountWithSecrets, clientFor, loadAccount } from '../wechat/account'
import { defaultOrigin, publishingRuntime } from '../wechat/account/runtime'
import { loadArticleToRender, type LoadedArticle } from '../wechat/articleRenderInput'
import { PublishError } from './errors'
import { articleImages } from './push/articleImages'
import { uploadBodyImages } from './push/bodyImages'
import { uploadCovers } from './push/covers'
import { saveDraft } from './push/draft'
import { openPushJob, type RunPushResult } from './push/job'
import { massSendDraft } from './push/massSend'
import { pollPublish } from './push/poll'
import { previewDraft } from './push/preview'
import { publishDraft } from './push/publish'
import type { PushTarget } from './push/target'
import { type PushAction, stepsFor } from './steps'

export type RunPushInput = { pushId: string; action: PushAction | 'poll'; to?: string; origin?: string; jobId?: string }
export type { RunPushResult }

export async function runPush(payload: Payload, input: RunPushInput): Promise<RunPushResult> {
  const origin = (input.origin || defaultOrigin()).replace(/\/+$/, '')
  const push = (await payload.findByID({ collection: 'pushes', id: input.pushId, depth: 0, overrideAccess: true })) as Push
  const job = openPushJob(payload, push)
  const { save } = job
  const action: PushAction = input.action === 'poll' ? 'publish' : input.action

  try {
    const account = await loadAccount(payload, idOf(push.account) ?? '')
    if (idOf(account.brand) !== idOf(push.brand)) throw new PublishError('所选公众号不属于该推送的品牌')
    const client = clientFor(account, origin)

    if (input.action === 'poll') {
      await pollPublish(payload, client, push, save)
      return job.result()
    }

    const articleIds = (push.articles ?? []).map(idOf).filter((id): id is string => !!id)
    if (articleIds.length < 1 || articleIds.length > 8) throw new PublishError('一条推送须包含 1–8 篇文章')

    const steps = stepsFor(action)
    await save({ status: 'uploading', action, steps, lastError: null, ...(input.jobId ? { jobId: input.jobId } : {}) })

    // ── render (paste mode) to learn which images each article needs ──
    const loaded: LoadedArticle[] = []
    for (const id of articleIds) {
      loaded.push(await loadArticleToRender(payload, id, { baseUrl: origin, miniProgramAppId: account.miniProgramAppId }))
    }
    const target: PushTarget = { client, origin, scope: uploadScope(account) }
    const images = await articleImages(loaded)
    const imageUrlMap = await uploadBodyImages(job, target, images)
    const thumbs = await uploadCovers(job, target, loaded, images)
    const mediaId = await saveDraft(job, target, { loaded, articleIds, imageUrlMap, thumbs })

    if (action === 'publish') await publishDraft(job, target, mediaId)
    else if (action === 'massSend') await massSendDraft(job, target, mediaId, () => checkDailyQuota(payload, account, push))
    else if (action === 'preview') await previewDraft(job, target, mediaId, input.to)
    return job.result()
  } catch (error) {
    return job.fail(error)
  }
}

/** The upload cache's scope: the account, or the 沙箱 instance whose in-memory uploads a sandbox account uses. */
const uploadScope = (account: AccountWithSecrets): string =>
  account.sandbox && !publishingRuntime.apiBase && publishingRuntime.sandboxUploadScope ? publishingRuntime.sandboxUploadScope(account.appId) : account.appId

async function checkDailyQuota(payload: Payload, account: AccountWithSecrets, push: Push): Promise<void> {
  if (account.accountType !== 'subscription') return
  const today = beijingDayNumber(Date.now())
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
