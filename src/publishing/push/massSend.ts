import { createHash } from 'node:crypto'

import { isWechatApiError } from '../../wechat/oa'
import { callWechat, type PushJob } from './job'
import type { PushTarget } from './target'

/**
 * Step 4 (mass send), once `checkQuota` allows it. The stable clientmsgid makes a repeated send the same send: WeChat
 * answers 45065/45066 with the msg_id it already accepted.
 */
export async function massSendDraft(job: PushJob, { client }: PushTarget, mediaId: string, checkQuota: () => Promise<void>): Promise<void> {
  const step = await job.start('massSend')
  await checkQuota()
  const clientmsgid = `tw${createHash('sha1').update(`${job.push.id}|${mediaId}`).digest('hex')}`
  let msgId: string
  try {
    msgId = (await callWechat(() => client.mass.sendAll({ media_id: mediaId, clientmsgid, is_to_all: true }))).msg_id
  } catch (error) {
    // 45065/45066: this exact send was already accepted (a retry after a lost response).
    if (isWechatApiError(error) && (error.errcode === 45065 || error.errcode === 45066) && error.body?.msg_id !== undefined) msgId = String(error.body.msg_id)
    else throw error
  }
  // A mass-sent draft leaves the draft box: the next send creates a new draft.
  await job.save({ msgId, status: 'sent', sentAt: new Date().toISOString(), mediaId: null, draftArticles: null })
  await job.finish(step, '已提交群发')
}
