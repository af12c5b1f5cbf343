import type { Metadata } from 'next'

import { landingMetadata, ProductLanding } from './landing'

// Cached (ISR): see ./landing.tsx.
export const revalidate = 300
export const dynamicParams = true
export function generateStaticParams() {
  return []
}

type Props = { params: Promise<{ slug: string }> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return landingMetadata((await params).slug)
}

export default async function ProductPage({ params }: Props) {
  return <ProductLanding slug={(await params).slug} />
}
