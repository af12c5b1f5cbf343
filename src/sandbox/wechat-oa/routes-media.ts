import type { Ctx, Route } from './context'
import { acceptedFormat } from './image-format'
import { json, randomId, wxError } from './respond'
import type { MediaRecord } from './state'

async function readMediaPart(ctx: Ctx): Promise<File | undefined> {
  let form: FormData
  try {
    form = await ctx.request.formData()
  } catch {
    return undefined
  }
  const media = form.get('media')
  return media instanceof File ? media : undefined
}

const stripScheme = (url: string) => url.replace(/^https?:\/\//i, '')

function registerImage(ctx: Ctx, record: Omit<MediaRecord, 'url'>, format: string): MediaRecord {
  const base = ctx.settings.imageUrlBase.replace(/\/$/, '')
  const url = `${base}/sz_mmbiz_${format === 'jpeg' ? 'jpg' : format}/${record.mediaId}/0?wx_fmt=${format}`
  const full = { ...record, url }
  ctx.state.imageUrls.set(stripScheme(url), full)
  return full
}

/** Is `src` an image URL this emulator issued (scheme ignored: wenyan and others force https)? */
export const isIssuedImageUrl = (ctx: Pick<Ctx, 'state'>, src: string | undefined, appId: string) =>
  !!src && ctx.state.imageUrls.get(stripScheme(src))?.appId === appId

const uploadImg: Route = {
  method: 'POST',
  auth: true,
  json: false,
  async handle(ctx) {
    const file = await readMediaPart(ctx)
    if (!file) return wxError(41005)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const format = acceptedFormat(bytes, file.name, ['jpeg', 'png'])
    if (!format) return wxError(40005)
    if (bytes.length >= ctx.settings.limits.uploadImgBytes) return wxError(40009)
    // Body images are not library material: no media_id for clients, only the URL.
    const record = registerImage(
      ctx,
      { mediaId: randomId(24), appId: ctx.account.appId, type: 'image', permanent: false, bytes, contentType: `image/${format}`, createdAt: ctx.clock.now() },
      format,
    )
    return json({ url: record.url })
  },
}

const addMaterial: Route = {
  method: 'POST',
  auth: true,
  json: false,
  async handle(ctx) {
    const type = ctx.url.searchParams.get('type')
    if (type !== 'image' && type !== 'thumb' && type !== 'voice' && type !== 'video') return wxError(40004)
    const file = await readMediaPart(ctx)
    if (!file) return wxError(41005)
    const bytes = new Uint8Array(await file.arrayBuffer())
    const { limits } = ctx.settings
    const mediaId = randomId(32)
    const base = { mediaId, appId: ctx.account.appId, type, permanent: true, bytes, createdAt: ctx.clock.now() } as const
    if (type === 'image' || type === 'thumb') {
      // §1.3 table: image 10 MB bmp/png/jpeg/gif; thumb 64 KB jpg only.
      const format = acceptedFormat(bytes, file.name, type === 'image' ? ['jpeg', 'png', 'gif', 'bmp'] : ['jpeg'])
      if (!format) return wxError(40005)
      if (type === 'image' && bytes.length > limits.imageBytes) return wxError(40009)
      if (type === 'thumb' && bytes.length > limits.thumbBytes) return wxError(40012)
      const record = registerImage(ctx, { ...base, contentType: `image/${format}` }, format)
      ctx.state.media.set(mediaId, record)
      return json(type === 'image' ? { media_id: mediaId, url: record.url, item: [] } : { media_id: mediaId, item: [] })
    }
    const ext = file.name.toLowerCase().split('.').pop() ?? ''
    const allowed = type === 'voice' ? ['mp3', 'wma', 'wav', 'amr'] : ['mp4']
    if (!allowed.includes(ext)) return wxError(40005)
    if (bytes.length > (type === 'voice' ? 2 : 10) * 1024 * 1024) return wxError(45001, 'media size out of limit')
    ctx.state.media.set(mediaId, { ...base, contentType: file.type || 'application/octet-stream' })
    return json({ media_id: mediaId, item: [] })
  },
}

export const mediaRoutes: Record<string, Route> = {
  '/cgi-bin/media/uploadimg': uploadImg,
  '/cgi-bin/material/add_material': addMaterial,
}
