import type { Metadata } from 'next'

import { landingMetadata, ProductLanding } from '../../landing'

// The landing page opened on one SKU, cached (ISR) like /p/<slug> (see ../../landing.tsx); /p/<slug>?sku=<sku> is
// served by it (src/platform/http/skuPages.ts).
export const revalidate = 300
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string; sku: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, sku } = await params
  return landingMetadata(slug, sku)
}

export default async function ProductSkuPage({ params }: Props) {
  const { slug, sku } = await params
  return <ProductLanding slug={slug} sku={sku} />
}
