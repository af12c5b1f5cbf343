import type { Push } from '../../payload-types'
import { type DraftArticle, isWechatApiError, type OfficialAccountClient } from '../../wechat/oa'
import { callWechat } from './job'

/**
 * One push = one draft. With a stored media_id still in the draft box and the same number of articles, each
 * article is updated in place; otherwise a new draft is added (the stale one deleted). If an add attempt failed
 * without an answer, the draft box is searched for it before trying again, so it is never created twice.
 */
export async function upsertDraft(client: OfficialAccountClient, push: Push, articles: DraftArticle[]): Promise<{ mediaId: string; created: boolean }> {
  if (push.mediaId) {
    let existing: number | undefined
    try {
      existing = (await callWechat(() => client.draft.get(push.mediaId!))).news_item.length
    } catch (error) {
      if (!(isWechatApiError(error) && error.errcode === 40007)) throw error
    }
    if (existing === articles.length) {
      for (const [index, article] of articles.entries()) await callWechat(() => client.draft.update(push.mediaId!, index, article))
      return { mediaId: push.mediaId, created: false }
    }
    if (existing !== undefined) {
      await callWechat(() => client.draft.delete(push.mediaId!)).catch((error: unknown) => {
        if (!(isWechatApiError(error) && error.errcode === 40007)) throw error
      })
    }
  }
  let attempted = false
  const { media_id } = await callWechat(async () => {
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
