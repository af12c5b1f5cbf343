import type { Payload } from 'payload'

import type { Push } from '../../payload-types'
import { publishingRuntime } from '../../wechat/account/runtime'
import type { OfficialAccountClient } from '../../wechat/oa'
import { publishOutcomeData } from '../results'
import { callWechat } from './job'

/**
 * Asks WeChat how a submitted publish is doing. A final outcome is stored through `save` (the job's one writer,
 * which keeps `push` current); while WeChat still reviews it nothing changes.
 */
export async function pollPublish(payload: Payload, client: OfficialAccountClient, push: Push, save: (data: Partial<Push>) => Promise<void>): Promise<void> {
  if (!push.publishId || push.status !== 'publishing') return
  const status = await callWechat(() => client.publish.get(push.publishId!))
  const data = await publishOutcomeData(payload, push, {
    publishStatus: status.publish_status,
    articleId: status.article_id,
    articles: (status.article_detail?.item ?? []).map((i) => ({ idx: i.idx, url: i.article_url })),
    failIdx: status.fail_idx,
  })
  if (data) await save(data)
}

/** Polls again in pollDelaySeconds, up to maxPolls times. */
export async function queuePoll(payload: Payload, pushId: string, origin: string, attempt: number): Promise<void> {
  if (attempt > publishingRuntime.maxPolls) return
  await payload.jobs.queue({
    task: 'publishPush',
    input: { pushId, action: 'poll', origin, attempt },
    waitUntil: new Date(Date.now() + publishingRuntime.pollDelaySeconds * 1000),
  })
}
