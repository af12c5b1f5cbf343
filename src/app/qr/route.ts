import { publicOrigin } from '@/platform/http/origin'
import { checkQrTarget, qrPngBuffer } from '@/wechat/render/qr'

/** GET /qr?u=<landing URL> → PNG QR code of one of our own /p/<slug> pages (used by paste-mode articles). */
export async function GET(request: Request): Promise<Response> {
  const u = new URL(request.url).searchParams.get('u')
  const check = checkQrTarget(u, publicOrigin(request))
  if (check.ok) {
    const png = await qrPngBuffer(check.url)
    return new Response(new Uint8Array(png), {
      status: 200,
      headers: {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
        'Cache-Control': 'public, max-age=31536000, immutable',
      },
    })
  }
  return new Response(`Bad request: ${check.reason}`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
}
