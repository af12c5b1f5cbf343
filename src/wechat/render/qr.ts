import QRCode from 'qrcode'

/** PNG of a QR code; margin 2 and medium error correction keep it scannable when WeChat downsizes the image. */
export function qrPngBuffer(text: string): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 360 })
}

/** The image URL for a landing page's QR code, served by src/app/qr/route.ts. */
export function qrImageUrl(baseUrl: string, landingUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/qr?u=${encodeURIComponent(landingUrl)}`
}

/**
 * Only our own product landing pages may be encoded, so /qr cannot be used as an open QR generator.
 * `origin` is the site's public origin; returns the reason when `u` is refused.
 */
export function checkQrTarget(u: string | null, origin: string): { ok: true; url: string } | { ok: false; reason: string } {
  if (!u) return { ok: false, reason: 'missing "u" parameter' }
  if (u.length > 1024) return { ok: false, reason: '"u" is too long' }
  let url: URL
  try {
    url = new URL(u)
  } catch {
    return { ok: false, reason: '"u" must be an absolute URL' }
  }
  if (url.origin !== origin) return { ok: false, reason: '"u" must be on this site' }
  if (!/^\/p\/[^/]+$/.test(url.pathname)) return { ok: false, reason: '"u" must be a product landing page (/p/<slug>)' }
  if (url.username || url.password || url.hash) return { ok: false, reason: '"u" must not carry credentials or a fragment' }
  return { ok: true, url: url.href }
}
