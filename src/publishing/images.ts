// The image pipeline: fetch every image the article needs, convert it to what WeChat accepts (sharp), and
// upload it once per content hash per account (the wechat-images collection is the cache).
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import sharp, { type Metadata } from 'sharp'

import { mediaDir } from '../collections/Media'
import type { UploadFile } from '../wechat/oa'
import { qrPngBuffer } from '../wechat/render'

/** Bump when the conversion changes, so cached uploads of the old conversion are not reused. */
const PIPELINE_VERSION = 'v1'
const MB = 1024 * 1024
export const UPLOADIMG_MAX = MB // uploadimg: jpg/png strictly under 1 MB (§1.2)
export const MATERIAL_MAX = 10 * MB // add_material image: 10 MB (§1.3)
const FETCH_MAX = 30 * MB

export class ImageSourceError extends Error {
  constructor(
    readonly url: string,
    reason: string,
  ) {
    super(`图片无法读取：${url.slice(0, 120)}（${reason}）`)
    this.name = 'ImageSourceError'
  }
}

export const contentHash = (bytes: Uint8Array) => createHash('sha256').update(PIPELINE_VERSION).update(bytes).digest('hex')

/**
 * Bytes behind an image URL of the rendered article: QR codes are drawn locally, our own media files are read
 * from MEDIA_DIR (no HTTP round trip to ourselves), anything else is fetched.
 */
export async function readImageSource(url: string, ctx: { baseUrl: string; qrCodes: Map<string, string> }): Promise<Buffer> {
  const landing = ctx.qrCodes.get(url)
  if (landing) return qrPngBuffer(landing)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new ImageSourceError(url, '地址无效')
  }
  const base = new URL(ctx.baseUrl)
  const prefix = '/api/media/file/'
  if (parsed.origin === base.origin && parsed.pathname.startsWith(prefix)) {
    const filename = path.basename(decodeURIComponent(parsed.pathname.slice(prefix.length)))
    try {
      return await fs.readFile(path.join(mediaDir(), filename))
    } catch {
      throw new ImageSourceError(url, '媒体文件不存在')
    }
  }
  let response: Response
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(20_000) })
  } catch (error) {
    throw new ImageSourceError(url, `下载失败 ${String(error).slice(0, 60)}`)
  }
  if (!response.ok) throw new ImageSourceError(url, `HTTP ${response.status}`)
  const bytes = Buffer.from(await response.arrayBuffer())
  if (bytes.length > FETCH_MAX) throw new ImageSourceError(url, '文件超过 30MB')
  return bytes
}

export type PreparedImage = {
  /** body → media/uploadimg (URL only); material → add_material?type=image (media_id + URL). */
  endpoint: 'body' | 'material'
  file: UploadFile
  format: 'jpeg' | 'png' | 'gif'
}

const file = (data: Buffer, format: 'jpeg' | 'png' | 'gif'): UploadFile => ({
  data: new Uint8Array(data),
  filename: `image.${format === 'jpeg' ? 'jpg' : format}`,
  contentType: `image/${format}`,
})

/** Re-encode as JPEG, shrinking until it fits `max` bytes. */
async function shrinkJpeg(src: Buffer, max: number): Promise<Buffer> {
  let width = 1280
  let quality = 85
  for (let i = 0; i < 8; i++) {
    const out = await sharp(src)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize({ width, withoutEnlargement: true })
      .jpeg({ quality, mozjpeg: true })
      .toBuffer()
    if (out.length < max) return out
    width = Math.round(width * 0.8)
    quality = Math.max(50, quality - 8)
  }
  throw new Error('image cannot be compressed under the limit')
}

/**
 * Body images: jpg/png under 1 MB go to uploadimg as they are; gif (animation kept) and jpg/png over 1 MB go to
 * add_material (≤ 10 MB); WebP/AVIF/SVG/HEIF/TIFF are transcoded (PNG when transparent, else JPEG) first.
 */
export async function prepareBodyImage(src: Buffer): Promise<PreparedImage> {
  let meta: Metadata
  try {
    meta = await sharp(src).metadata()
  } catch {
    throw new Error('不是可识别的图片文件')
  }
  const format = meta.format
  if (format === 'gif') {
    if (src.length <= MATERIAL_MAX) return { endpoint: 'material', file: file(src, 'gif'), format: 'gif' }
    return { endpoint: 'body', file: file(await shrinkJpeg(src, UPLOADIMG_MAX), 'jpeg'), format: 'jpeg' }
  }
  if (format === 'jpeg' || format === 'png') {
    if (src.length < UPLOADIMG_MAX) return { endpoint: 'body', file: file(src, format), format }
    if (src.length <= MATERIAL_MAX) return { endpoint: 'material', file: file(src, format), format }
    return { endpoint: 'body', file: file(await shrinkJpeg(src, UPLOADIMG_MAX), 'jpeg'), format: 'jpeg' }
  }
  // Transcode everything else.
  if (meta.hasAlpha) {
    const png = await sharp(src).rotate().png({ compressionLevel: 9 }).toBuffer()
    if (png.length < UPLOADIMG_MAX) return { endpoint: 'body', file: file(png, 'png'), format: 'png' }
    if (png.length <= MATERIAL_MAX) return { endpoint: 'material', file: file(png, 'png'), format: 'png' }
  }
  const jpeg = await sharp(src).rotate().flatten({ background: '#ffffff' }).jpeg({ quality: 88, mozjpeg: true }).toBuffer()
  if (jpeg.length < UPLOADIMG_MAX) return { endpoint: 'body', file: file(jpeg, 'jpeg'), format: 'jpeg' }
  return { endpoint: 'body', file: file(await shrinkJpeg(src, UPLOADIMG_MAX), 'jpeg'), format: 'jpeg' }
}

/** Cover → permanent image material (thumb_media_id): JPEG, at most 1080 px wide. */
export async function prepareCover(src: Buffer): Promise<UploadFile> {
  const out = await sharp(src)
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: 1080, withoutEnlargement: true })
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer()
  return { data: new Uint8Array(out.length < MATERIAL_MAX ? out : await shrinkJpeg(src, MATERIAL_MAX)), filename: 'cover.jpg', contentType: 'image/jpeg' }
}

export type CachedUpload = { url?: string | null; mediaId?: string | null }

/** Looks up (scope, kind, hash); on a miss runs `upload` and records it. Returns whether it uploaded. */
export async function uploadOnce(
  payload: Payload,
  key: { scope: string; kind: 'body' | 'material' | 'cover'; hash: string },
  upload: () => Promise<CachedUpload & { bytes?: number; format?: string }>,
): Promise<{ value: CachedUpload; uploaded: boolean }> {
  const id = `${key.scope}:${key.kind}:${key.hash}`
  const found = await payload.find({ collection: 'wechat-images', where: { key: { equals: id } }, limit: 1, depth: 0, overrideAccess: true })
  const hit = found.docs[0]
  if (hit) return { value: { url: hit.url, mediaId: hit.mediaId }, uploaded: false }
  const result = await upload()
  try {
    await payload.create({
      collection: 'wechat-images',
      overrideAccess: true,
      data: {
        key: id,
        scope: key.scope,
        kind: key.kind,
        hash: key.hash,
        url: result.url ?? undefined,
        mediaId: result.mediaId ?? undefined,
        bytes: result.bytes,
        format: result.format,
      },
    })
  } catch {
    // A concurrent job recorded the same image first; both uploads are valid, keep theirs.
  }
  return { value: { url: result.url, mediaId: result.mediaId }, uploaded: true }
}

/** The renderer only accepts https://mmbiz.qpic.cn; WeChat serves the same path over both schemes. */
export const httpsMmbiz = (url: string) => url.replace(/^http:\/\/mmbiz\.qpic\.cn\//i, 'https://mmbiz.qpic.cn/')
