// GET /p/<slug>/poster[?sku=&sharer=]: the published product's share poster for 朋友圈, a PNG
// (src/commerce/sharePoster.ts). Cached for five minutes (the product may change); the ETag answers a revalidation
// without drawing again. An unknown or unpublished product is a 404.
import { productPoster } from '@/commerce/sharePoster'
import type { Brand } from '@/payload-types'
import { publicOrigin } from '@/platform/http/origin'
import { publicBrand, publishedProduct } from '@/queries/published'

export const dynamic = 'force-dynamic'

const CACHE = 'public, max-age=300'

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const { slug } = await params
  const product = await publishedProduct(slug)
  if (!product) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })
  const brand = await publicBrand(product.brand as Brand | string)
  const poster = productPoster(product, brand?.name ?? null, new URL(request.url).searchParams, publicOrigin(request))
  if (request.headers.get('if-none-match') === poster.etag) return new Response(null, { status: 304, headers: { ETag: poster.etag, 'Cache-Control': CACHE } })
  const png = await poster.draw()
  return new Response(new Uint8Array(png), {
    status: 200,
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(png.length), 'Cache-Control': CACHE, ETag: poster.etag },
  })
}
