import type { DraftArticle, StoredDraftArticle } from '@/wechat/oa/types'

import type { Ctx } from './context'
import { rawJsonToken } from './raw-json'
import { randomId } from './respond'
import { isIssuedImageUrl } from './routes-media'
import { sanitizeDraftContent } from './sanitize-content'

const chars = (s: string) => [...s].length
const bytes = (s: string) => Buffer.byteLength(s, 'utf8')
const CROP = /^(0(\.\d{1,6})?|1(\.0{1,6})?)(_(0(\.\d{1,6})?|1(\.0{1,6})?)){3}$/

/** §5.2 item 10, first failing check wins (the real API answers one errcode). Returns an errcode or 0. */
export function checkDraftArticle(ctx: Ctx, input: unknown): number {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return 47001
  const a = input as Record<string, unknown>
  const { limits } = ctx.settings
  const type = a.article_type ?? 'news'
  if (type !== 'news' && type !== 'newspic') return 47001

  if (typeof a.title !== 'string' || a.title.length === 0) return 45003
  const rawTitle = rawJsonToken(ctx.rawBody, 'title', a.title)
  if (chars(rawTitle) > limits.titleChars || bytes(rawTitle) > limits.titleBytes) return 45003
  if (a.author !== undefined && (typeof a.author !== 'string' || chars(a.author) > limits.authorChars)) return 45110
  if (a.digest !== undefined && (typeof a.digest !== 'string' || chars(a.digest) > limits.digestChars)) return 45004
  if (typeof a.content !== 'string' || a.content.length === 0) return 44002
  if (chars(a.content) >= limits.contentChars || bytes(a.content) >= limits.contentBytes) return 45002
  const source = a.content_source_url
  if (source !== undefined && source !== '') {
    if (typeof source !== 'string' || bytes(source) > limits.contentSourceUrlBytes || !/^https?:\/\/\S+$/i.test(source)) return 41039
  }
  if (type === 'news') {
    const media = typeof a.thumb_media_id === 'string' ? ctx.state.media.get(a.thumb_media_id) : undefined
    if (!media || !media.permanent || media.appId !== ctx.account.appId || (media.type !== 'image' && media.type !== 'thumb')) return 40007
  } else {
    const list = (a.image_info as { image_list?: { image_media_id?: string }[] } | undefined)?.image_list
    if (!Array.isArray(list) || list.length === 0 || list.length > 20) return 40007
    if (list.some((i) => !ctx.state.media.get(String(i.image_media_id))?.permanent)) return 40007
  }
  if (a.need_open_comment === 1 && !ctx.account.commentPrivilege) return 88000
  for (const crop of ['pic_crop_235_1', 'pic_crop_1_1']) {
    const value = a[crop]
    if (value !== undefined && value !== '' && (typeof value !== 'string' || !CROP.test(value))) return 40097
  }
  return 0
}

/** The stored (sanitised) form that draft/get returns. */
export function storeArticle(ctx: Ctx, input: DraftArticle): StoredDraftArticle {
  const appId = ctx.account.appId
  return {
    article_type: input.article_type ?? 'news',
    title: input.title,
    author: input.author ?? '',
    digest: input.digest ?? defaultDigest(input.content),
    content: sanitizeDraftContent(input.content, (src) => isIssuedImageUrl(ctx, src, appId)),
    content_source_url: input.content_source_url ?? '',
    thumb_media_id: input.thumb_media_id ?? '',
    need_open_comment: input.need_open_comment ?? 0,
    only_fans_can_comment: input.only_fans_can_comment ?? 0,
    ...(input.pic_crop_235_1 ? { pic_crop_235_1: input.pic_crop_235_1 } : {}),
    ...(input.pic_crop_1_1 ? { pic_crop_1_1: input.pic_crop_1_1 } : {}),
    ...(input.image_info ? { image_info: input.image_info } : {}),
    show_cover_pic: 0,
    url: `http://mp.weixin.qq.com/s?__biz=${encodeURIComponent(ctx.account.originalId)}&tempkey=${randomId(24)}`,
  }
}

/** §1.4.1: an empty digest defaults to the first 54 characters of the body text. */
function defaultDigest(content: string): string {
  const text = content
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return [...text].slice(0, 54).join('')
}
