import { isWechatApiError } from '../../wechat/oa'
import { MANUAL_PUBLISH_MESSAGE } from '../steps'
import { callWechat, type PushJob } from './job'
import { pollPublish, queuePoll } from './poll'
import type { PushTarget } from './target'

/**
 * Step 4 (publish): the draft submitted and its publish_id stored, then polled at once and again later while WeChat
 * reviews it. An account without publish permission (48001) ends at "publish manually", not failed.
 */
export async function publishDraft(job: PushJob, { client, origin }: PushTarget, mediaId: string): Promise<void> {
  const step = await job.start('publish')
  try {
    const submitted = await callWechat(() => client.publish.submit(mediaId))
    await job.save({ publishId: submitted.publish_id, status: 'publishing' })
  } catch (error) {
    if (isWechatApiError(error) && error.errcode === 48001) {
      await job.save({ status: 'needs_manual_publish', lastError: null })
      await job.finish(step, MANUAL_PUBLISH_MESSAGE, 'skipped')
      return
    }
    throw error
  }
  await job.finish(step, '已提交发表，等待微信审核结果', 'running')
  await pollPublish(job.payload, client, job.push, job.save)
  if (job.push.status === 'publishing') await queuePoll(job.payload, job.push.id, origin, 1)
}
