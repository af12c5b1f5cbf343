import type { LoadedArticle } from '../../wechat/articleRenderInput'
import { PublishError } from '../errors'
import { contentHash, prepareCover, readImageSource, uploadOnce } from '../images'
import type { ArticleImages } from './articleImages'
import { callWechat, type PushJob } from './job'
import type { PushTarget } from './target'

/**
 * Step 2: each article's cover as permanent material (its cover, else its first body image that is not a QR code).
 * Returns the thumb_media_id of each article, in order.
 */
export async function uploadCovers(
  job: PushJob,
  { client, origin, scope }: PushTarget,
  loaded: LoadedArticle[],
  { perArticle, qrCodes }: ArticleImages,
): Promise<string[]> {
  const step = await job.start('cover', loaded.length)
  const thumbs: string[] = []
  for (const [index, item] of loaded.entries()) {
    const coverUrl = item.cover?.url ? new URL(item.cover.url, `${origin}/`).href : perArticle[index]!.find((u) => !qrCodes.has(u))
    if (!coverUrl) throw new PublishError(`第 ${index + 1} 篇《${item.article.title}》没有封面图，正文里也没有图片可用作封面，请先设置封面`)
    const src = await readImageSource(coverUrl, { baseUrl: origin, qrCodes })
    const { value, uploaded } = await uploadOnce(job.payload, { scope, kind: 'cover', hash: contentHash(src) }, async () => {
      const file = await prepareCover(src)
      const material = await callWechat(() => client.addMaterial('image', file))
      return { url: material.url, mediaId: material.media_id, bytes: file.data.length, format: 'jpeg' }
    })
    if (!value.mediaId) throw new PublishError('封面上传后没有返回 media_id')
    thumbs.push(value.mediaId)
    if (uploaded) job.uploaded.covers++
    step.done++
    await job.progress()
  }
  await job.finish(step)
  return thumbs
}
