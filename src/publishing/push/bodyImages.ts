import { PublishError } from '../errors'
import { contentHash, httpsMmbiz, prepareBodyImage, readImageSource, uploadOnce } from '../images'
import type { ArticleImages } from './articleImages'
import { callWechat, type PushJob } from './job'
import type { PushTarget } from './target'

/** Step 1: every body image uploaded once (the cache answers for the rest). Returns our URL → its mmbiz URL. */
export async function uploadBodyImages(
  job: PushJob,
  { client, origin, scope }: PushTarget,
  { needed, qrCodes }: ArticleImages,
): Promise<Record<string, string>> {
  const step = await job.start('images', needed.length)
  const imageUrlMap: Record<string, string> = {}
  for (const url of needed) {
    const src = await readImageSource(url, { baseUrl: origin, qrCodes })
    const { value, uploaded } = await uploadOnce(job.payload, { scope, kind: 'body', hash: contentHash(src) }, async () => {
      const prepared = await prepareBodyImage(src)
      if (prepared.endpoint === 'body') {
        const { url: mmbiz } = await callWechat(() => client.uploadImage(prepared.file))
        return { url: mmbiz, bytes: prepared.file.data.length, format: prepared.format }
      }
      const material = await callWechat(() => client.addMaterial('image', prepared.file))
      return { url: material.url, mediaId: material.media_id, bytes: prepared.file.data.length, format: prepared.format }
    })
    if (!value.url) throw new PublishError(`图片上传后没有返回地址：${url}`)
    imageUrlMap[url] = httpsMmbiz(value.url)
    if (uploaded) job.uploaded.images++
    step.done++
    await job.progress()
  }
  await job.finish(step, job.uploaded.images ? `新上传 ${job.uploaded.images} 张` : '全部已上传过，无需重复上传')
  return imageUrlMap
}
