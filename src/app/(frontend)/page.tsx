import Link from 'next/link'
import React from 'react'

import { publicPayload } from '@/queries/publicPayload'

export const dynamic = 'force-dynamic'

/** The demo's front door: what a reader could reach from the Official Account. */
export default async function Home() {
  const payload = await publicPayload()
  const [articles, products, communities] = await Promise.all([
    payload.find({ collection: 'articles', limit: 20, depth: 0, overrideAccess: false, sort: '-createdAt', select: { title: true, slug: true } }),
    payload.find({ collection: 'products', limit: 20, depth: 0, overrideAccess: false, select: { title: true, slug: true } }),
    payload.find({ collection: 'communities', limit: 20, depth: 0, overrideAccess: false, select: { name: true, slug: true } }),
  ])
  return (
    <>
      <h1>推文 Tuiwen</h1>
      <p className="meta">
        公众号内容电商演示 · <Link href="/admin">进入后台</Link>
      </p>
      <h2 className="section-title">文章</h2>
      <ul className="list">
        {articles.docs.map((a) => (
          <li key={a.id}>
            <Link href={`/a/${a.slug}`}>{a.title}</Link>
          </li>
        ))}
      </ul>
      <h2 className="section-title">商品</h2>
      <ul className="list">
        {products.docs.map((p) => (
          <li key={p.id}>
            <Link href={`/p/${p.slug}`}>{p.title}</Link>
          </li>
        ))}
      </ul>
      <h2 className="section-title">粉丝社区</h2>
      <ul className="list">
        {communities.docs.map((c) => (
          <li key={c.id}>
            <Link href={`/c/${c.slug}`}>{c.name}</Link>
          </li>
        ))}
      </ul>
    </>
  )
}
