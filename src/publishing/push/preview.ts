import { PublishError } from '../errors'
import { callWechat, type PushJob } from './job'
import type { PushTarget } from './target'

/** Step 4 (preview): the draft sent to one WeChat ID or openid. */
export async function previewDraft(job: PushJob, { client }: PushTarget, mediaId: string, to: string | undefined): Promise<void> {
  const step = await job.start('preview')
  const recipient = to?.trim()
  if (!recipient) throw new PublishError('请填写接收预览的微信号或 openid')
  const address = /^o[\w-]{20,}$/.test(recipient) ? { touser: recipient } : { towxname: recipient }
  await callWechat(() => client.mass.preview({ ...address, media_id: mediaId }))
  await job.finish(step, `已发送预览给 ${recipient}`)
}
