import type { Article } from '../../payload-types'
import type { LoadedArticle } from '../../wechat/articleRenderInput'
import { type DraftArticle, validateDraftArticle } from '../../wechat/oa'
import { RenderImageError, RenderInputError, RenderLimitError, renderWechatArticle } from '../../wechat/render'
import { PublishError } from '../errors'
import { upsertDraft } from './draftBox'
import type { PushJob } from './job'
import type { PushTarget } from './target'

const LIMIT_MESSAGES: Record<string, string> = {
  chars: '正文（含排版代码）须少于 20000 个字符，请删减内容或拆成两篇',
  bytes: '正文须小于 1MB，请删减内容',
  title: '标题最多 32 个字',
  contentSourceUrl: '「阅读原文」链接不能超过 1KB',
}

export type DraftInput = {
  loaded: LoadedArticle[]
  /** The ids stored with the draft (which articles it holds). */
  articleIds: string[]
  /** Our image URL → its mmbiz URL (step 1). */
  imageUrlMap: Record<string, string>
  /** Each article's thumb_media_id (step 2). */
  thumbs: string[]
}

/**
 * Step 3: every article rendered in api mode and checked against every limit (all problems reported at once), then
 * the push's one draft created or updated and its media_id stored. Returns that media_id.
 */
export async function saveDraft(job: PushJob, { client, origin }: PushTarget, { loaded, articleIds, imageUrlMap, thumbs }: DraftInput): Promise<string> {
  const step = await job.start('draft', loaded.length)
  const articles = await draftArticles(loaded, origin, imageUrlMap, thumbs)
  const draft = await upsertDraft(client, job.push, articles)
  step.done = loaded.length
  await job.save({ mediaId: draft.mediaId, draftArticles: articleIds, status: 'drafted' })
  await job.finish(step, draft.created ? '已创建草稿' : '已更新草稿箱中的同一草稿')
  return draft.mediaId
}

async function draftArticles(loaded: LoadedArticle[], origin: string, imageUrlMap: Record<string, string>, thumbs: string[]): Promise<DraftArticle[]> {
  const articles: DraftArticle[] = []
  const problems: string[] = []
  for (const [index, item] of loaded.entries()) {
    const label = `第 ${index + 1} 篇《${item.article.title}》`
    try {
      const rendered = await renderWechatArticle({ ...item.input, mode: 'api', imageUrlMap })
      const draft = toDraftArticle(
        item.article,
        rendered.html,
        rendered.contentSourceUrl ?? `${origin}/a/${item.article.slug}`,
        thumbs[index]!,
        loaded.length === 1,
      )
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
  return articles
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
