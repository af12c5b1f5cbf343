import type { DraftArticle } from './types'

// Conservative limits from wechat-api.md §6 (and wechat-html.md (b)): the docs and field reports disagree,
// so the client enforces the strictest reading and the editor sees the problem before WeChat does.
export const DRAFT_LIMITS = {
  titleChars: 32,
  titleBytes: 64,
  authorChars: 8,
  digestChars: 120,
  contentSourceUrlBytes: 1024,
  /** Exclusive: content must be < 20 000 characters, counted over the whole HTML string incl. tags. */
  contentChars: 20_000,
  /** Exclusive: content must be < 1 MB of UTF-8. */
  contentBytes: 1024 * 1024,
  newspicImages: 20,
} as const

export type DraftField = keyof DraftArticle

export type DraftFieldError = {
  field: DraftField
  /** The errcode WeChat would answer with, so callers can treat both the same way. */
  errcode: number
  message: string
  /** 0-based article position, set by assertValidDraftArticles. */
  index?: number
}

export class DraftValidationError extends Error {
  readonly errors: DraftFieldError[]
  constructor(errors: DraftFieldError[]) {
    super(errors.map((e) => `${e.index === undefined ? '' : `第 ${e.index + 1} 篇 `}${e.field}: ${e.message}`).join('; '))
    this.name = 'DraftValidationError'
    this.errors = errors
  }
}

/** Characters as an editor counts them: code points, so an emoji is 1, not 2 UTF-16 units. */
export const charCount = (text: string): number => [...text].length
export const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8')

const CROP = /^(0(\.\d{1,6})?|1(\.0{1,6})?)(_(0(\.\d{1,6})?|1(\.0{1,6})?)){3}$/

export function validateDraftArticle(article: DraftArticle): DraftFieldError[] {
  const errors: DraftFieldError[] = []
  const add = (field: DraftField, errcode: number, message: string) => errors.push({ field, errcode, message })
  const type = article.article_type ?? 'news'

  if (type !== 'news' && type !== 'newspic') add('article_type', 47001, '文章类型只能是 news（图文）或 newspic（图片消息）')

  const title = typeof article.title === 'string' ? article.title : ''
  if (!title.trim()) add('title', 45003, '标题不能为空')
  else if (charCount(title) > DRAFT_LIMITS.titleChars || byteLength(title) > DRAFT_LIMITS.titleBytes)
    add(
      'title',
      45003,
      `标题过长：最多 ${DRAFT_LIMITS.titleChars} 个字且不超过 ${DRAFT_LIMITS.titleBytes} 字节（中文每字 3 字节），当前 ${charCount(title)} 字 / ${byteLength(title)} 字节`,
    )

  if (article.author !== undefined && charCount(article.author) > DRAFT_LIMITS.authorChars)
    add('author', 45110, `作者名过长：最多 ${DRAFT_LIMITS.authorChars} 个字，当前 ${charCount(article.author)} 字`)

  if (article.digest !== undefined && charCount(article.digest) > DRAFT_LIMITS.digestChars)
    add('digest', 45004, `摘要过长：最多 ${DRAFT_LIMITS.digestChars} 个字，当前 ${charCount(article.digest)} 字`)

  const content = typeof article.content === 'string' ? article.content : ''
  if (!content.trim()) add('content', 44002, '正文不能为空')
  else if (charCount(content) >= DRAFT_LIMITS.contentChars)
    add('content', 45002, `正文过长：须少于 ${DRAFT_LIMITS.contentChars} 个字符（含排版代码），当前 ${charCount(content)} 个字符`)
  else if (byteLength(content) >= DRAFT_LIMITS.contentBytes)
    add('content', 45002, `正文过大：须小于 1MB，当前 ${(byteLength(content) / 1024 / 1024).toFixed(2)}MB`)

  const source = article.content_source_url
  if (source !== undefined && source !== '') {
    if (byteLength(source) > DRAFT_LIMITS.contentSourceUrlBytes) add('content_source_url', 41039, '“阅读原文”链接过长：不超过 1KB')
    else if (!/^https?:\/\/[^\s]+$/i.test(source)) add('content_source_url', 41039, '“阅读原文”链接必须是以 http:// 或 https:// 开头的完整网址')
  }

  if (type === 'news' && !article.thumb_media_id?.trim()) add('thumb_media_id', 40007, '缺少封面图：请先上传封面（永久素材），图文消息必须有封面')

  for (const flag of ['need_open_comment', 'only_fans_can_comment'] as const) {
    const value = article[flag]
    if (value !== undefined && value !== 0 && value !== 1) add(flag, 47001, '留言设置只能是 0 或 1')
  }

  for (const crop of ['pic_crop_235_1', 'pic_crop_1_1'] as const) {
    const value = article[crop]
    if (value !== undefined && value !== '' && !CROP.test(value)) add(crop, 40097, '封面裁剪参数格式应为 X1_Y1_X2_Y2，每个值在 0–1 之间且最多 6 位小数')
  }

  if (type === 'newspic') {
    const images = article.image_info?.image_list ?? []
    if (images.length === 0) add('image_info', 40007, '图片消息至少需要 1 张图片')
    else if (images.length > DRAFT_LIMITS.newspicImages) add('image_info', 47003, '图片消息最多 20 张图片')
  }

  return errors
}

export function assertValidDraftArticles(articles: DraftArticle[]): void {
  if (articles.length === 0 || articles.length > 8)
    throw new DraftValidationError([{ field: 'content', errcode: 47001, message: '一条图文消息须包含 1–8 篇文章' }])
  const errors = articles.flatMap((article, index) => validateDraftArticle(article).map((e) => ({ ...e, index })))
  if (errors.length) throw new DraftValidationError(errors)
}
