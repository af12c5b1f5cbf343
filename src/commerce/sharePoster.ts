// The share poster of a product (GET /p/<slug>/poster): one phone-sized PNG a WeChat reader long-presses, saves and
// posts to 朋友圈 — the product's first image, its title (two lines at most), the price (with its 划线价), the brand
// and a QR code of the product's public page. Drawn by sharp: the image resized, the text an SVG overlay (escaped),
// the QR code from `qrcode`.
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import QRCode from 'qrcode'
import sharp, { type OverlayOptions } from 'sharp'

import { mediaDir } from '../collections/Media'
import type { Media, Product } from '../payload-types'
import { formatFen } from '../utilities/formatFen'
import { skuPrice, variantOf } from './skuView'

export const POSTER_WIDTH = 750
export const POSTER_HEIGHT = 1334
/** Bump when the drawing changes, so ETags of the old drawing are not answered 304. */
const DRAWING_VERSION = 'p1'

const FONT = 'WenQuanYi Micro Hei, Noto Sans CJK SC, sans-serif'
const MARGIN = 48
const IMAGE_SIZE = POSTER_WIDTH
const QR_SIZE = 210
const TITLE_SIZE = 40
const TITLE_WIDTH = POSTER_WIDTH - 2 * MARGIN

const SHARER = /^[A-Za-z0-9_-]{1,64}$/

/** `sharer` as a link may carry it (the reader who shares), or undefined. */
export const sharerOf = (value: unknown): string | undefined => (typeof value === 'string' && SHARER.test(value) ? value : undefined)

/** The product's public page the QR code opens: `/p/<slug>`, with `sku` and `sharer` when given (already validated). */
export function posterUrl(origin: string, slug: string, { sku, sharer }: { sku?: string; sharer?: string } = {}): string {
  const url = new URL(`/p/${encodeURIComponent(slug)}`, origin)
  if (sku) url.searchParams.set('sku', sku)
  if (sharer) url.searchParams.set('sharer', sharer)
  return url.href
}

/** The poster's own query (`?sku=&sharer=`) for a product: a SKU the product does not have, or a malformed sharer, is dropped. */
export function posterQuery(product: Pick<Product, 'variants'>, search: URLSearchParams): { sku?: string; sharer?: string } {
  const sku = variantOf(product, search.get('sku'))?.sku
  const sharer = sharerOf(search.get('sharer'))
  return { ...(sku ? { sku } : {}), ...(sharer ? { sharer } : {}) }
}

// Characters XML 1.0 forbids (an SVG with one does not parse), and the text escapes.
// eslint-disable-next-line no-control-regex -- exactly the control characters are what is removed
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
export function escapeXml(text: string): string {
  return text.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')
}

/** Width of a character in em, near enough for wrapping: ASCII about half a CJK character. */
const charEm = (ch: string) => (ch === ' ' ? 0.35 : /^[\x20-\x7e]$/.test(ch) ? (/[A-Z@MWmw%]/.test(ch) ? 0.68 : 0.56) : 1)

/** The title in at most `maxLines` lines of `widthEm` each, the last ending in … when cut. */
export function wrapTitle(title: string, widthEm: number, maxLines = 2): string[] {
  const chars = [...title.replace(/\s+/g, ' ').trim()]
  const lines: string[] = []
  let line = ''
  let width = 0
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]
    const w = charEm(ch)
    if (width + w > widthEm && line) {
      if (lines.length === maxLines - 1) {
        // The last line is full and more follows: cut it to leave room for the ellipsis.
        const cut = [...line]
        let cutWidth = width
        while (cut.length && cutWidth + 1 > widthEm) cutWidth -= charEm(cut.pop() as string)
        lines.push(`${cut.join('').trimEnd()}…`)
        return lines
      }
      lines.push(line.trimEnd())
      line = ch === ' ' ? '' : ch
      width = ch === ' ' ? 0 : w
    } else {
      line += ch
      width += w
    }
  }
  if (line.trim()) lines.push(line.trimEnd())
  return lines
}

export type PosterContent = {
  title: string
  /** Integer fen. */
  price: number
  compareAtPrice: number | null
  /** The SKU the poster is for, when it names one. */
  variantName?: string
  brandName: string | null
  /** The product image's bytes (any format sharp reads), or null for a plain background. */
  image: Buffer | null
  /** What the QR code encodes. */
  url: string
}

function overlaySvg(c: PosterContent): string {
  const lines = wrapTitle(c.title, TITLE_WIDTH / TITLE_SIZE)
  const text = (x: number, y: number, size: number, fill: string, body: string, extra = '') =>
    `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}" font-family="${FONT}"${extra}>${body}</text>`
  const titleY = IMAGE_SIZE + 76
  const title = lines.map((line, i) => text(MARGIN, titleY + i * 58, TITLE_SIZE, '#222222', escapeXml(line))).join('')
  const priceY = titleY + 58 * Math.max(lines.length, 1) + 56
  const compare =
    c.compareAtPrice !== null
      ? `<tspan dx="16" font-size="30" font-weight="normal" fill="#999999" text-decoration="line-through">${escapeXml(formatFen(c.compareAtPrice))}</tspan>`
      : ''
  const price = text(MARGIN, priceY, 60, '#e4393c', `${escapeXml(formatFen(c.price))}${compare}`, ' font-weight="bold"')
  const oneLine = (value: string, widthPx: number, size: number) => escapeXml(wrapTitle(value, widthPx / size, 1)[0] ?? '')
  const variant = c.variantName ? text(MARGIN, priceY + 48, 28, '#666666', `规格：${oneLine(c.variantName, TITLE_WIDTH - 3 * 28, 28)}`) : ''
  const qrY = POSTER_HEIGHT - QR_SIZE - 28
  const footerY = qrY + 70
  // Left of the QR code, 24 px clear of it.
  const brand = c.brandName
    ? text(MARGIN, footerY, 34, '#222222', oneLine(c.brandName, POSTER_WIDTH - 2 * MARGIN - QR_SIZE - 24, 34), ' font-weight="bold"')
    : ''
  const hint = text(MARGIN, footerY + 52, 26, '#888888', '长按识别二维码，查看商品')
  const placeholder = c.image
    ? ''
    : `<rect width="${IMAGE_SIZE}" height="${IMAGE_SIZE}" fill="#f3efe6"/>${c.brandName ? text(POSTER_WIDTH / 2, IMAGE_SIZE / 2, 48, '#b8ab8f', escapeXml(c.brandName), ' text-anchor="middle"') : ''}`
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}">`,
    placeholder,
    `<line x1="${MARGIN}" y1="${qrY - 24}" x2="${POSTER_WIDTH - MARGIN}" y2="${qrY - 24}" stroke="#eeeeee" stroke-width="2"/>`,
    title,
    price,
    variant,
    brand,
    hint,
    '</svg>',
  ].join('')
}

/** The poster as PNG bytes, POSTER_WIDTH × POSTER_HEIGHT. An image sharp cannot read is left out, not an error. */
export async function drawPoster(c: PosterContent): Promise<Buffer> {
  let image: Buffer | null = null
  if (c.image) {
    try {
      image = await sharp(c.image).rotate().flatten({ background: '#ffffff' }).resize(IMAGE_SIZE, IMAGE_SIZE, { fit: 'cover' }).png().toBuffer()
    } catch {
      image = null
    }
  }
  const qr = await QRCode.toBuffer(c.url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: QR_SIZE })
  const layers: OverlayOptions[] = [
    ...(image ? [{ input: image, left: 0, top: 0 }] : []),
    { input: Buffer.from(overlaySvg({ ...c, image })), left: 0, top: 0 },
    { input: qr, left: POSTER_WIDTH - MARGIN - QR_SIZE, top: POSTER_HEIGHT - QR_SIZE - 28 },
  ]
  return sharp({ create: { width: POSTER_WIDTH, height: POSTER_HEIGHT, channels: 3, background: '#ffffff' } })
    .composite(layers)
    .png({ compressionLevel: 8 })
    .toBuffer()
}

/** The bytes of a media document, at its `card` size when there is one, read from MEDIA_DIR; null when missing. */
export async function mediaBytes(media: Media | string | null | undefined): Promise<Buffer | null> {
  if (!media || typeof media === 'string') return null
  for (const filename of [media.sizes?.card?.filename, media.filename]) {
    if (!filename) continue
    try {
      return await fs.readFile(path.join(mediaDir(), path.basename(filename)))
    } catch {
      // try the next one
    }
  }
  return null
}

export type ProductPoster = { etag: string; draw: () => Promise<Buffer> }

/**
 * The poster of a product as `?sku=&sharer=` ask for it (a SKU it does not have, a malformed sharer: ignored), its
 * QR code on `origin`. The ETag is known before drawing, so a revalidation costs no drawing.
 */
export function productPoster(
  product: Pick<Product, 'id' | 'slug' | 'title' | 'price' | 'compareAtPrice' | 'variants' | 'images' | 'updatedAt'>,
  brandName: string | null,
  search: URLSearchParams,
  origin: string,
): ProductPoster {
  const query = posterQuery(product, search)
  const variant = variantOf(product, query.sku)
  const first = product.images?.[0]
  const url = posterUrl(origin, product.slug, query)
  const etag = `"${createHash('sha256')
    .update(JSON.stringify([DRAWING_VERSION, product.id, product.updatedAt, brandName, url, typeof first === 'object' ? first?.updatedAt : null]))
    .digest('base64url')
    .slice(0, 27)}"`
  return {
    etag,
    draw: async () =>
      drawPoster({ title: product.title, ...skuPrice(product, variant), variantName: variant?.name, brandName, image: await mediaBytes(first), url }),
  }
}
