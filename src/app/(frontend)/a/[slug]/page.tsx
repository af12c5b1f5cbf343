import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import React from 'react'

import { ArticleBody } from '@/components/web/ArticleBody'
import { TrackView } from '@/components/web/TrackView'
import { WechatShare } from '@/components/web/WechatShare'
import type { Brand } from '@/payload-types'
import { publicBrand, publishedArticle } from '@/queries/published'
import { brandedTitle } from '@/utilities/brandedTitle'
import { mediaAt } from '@/utilities/mediaUrl'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> }

/** A sharer id travels with every product link, so a friend's purchase is credited to who shared. */
const SHARER = /^[A-Za-z0-9_-]{1,64}$/

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await publishedArticle((await params).slug)
  if (!article) return {}
  const cover = mediaAt(article.cover, 'card')
  return {
    title: brandedTitle(article.title, await publicBrand(article.brand as Brand | string)),
    description: article.digest ?? undefined,
    openGraph: { title: article.title, description: article.digest ?? undefined, images: cover ? [cover.url] : [] },
  }
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const article = await publishedArticle((await params).slug)
  const sharerParam = (await searchParams)?.sharer
  const sharer = typeof sharerParam === 'string' && SHARER.test(sharerParam) ? sharerParam : undefined
  if (!article) notFound()
  const brand = await publicBrand(article.brand as Brand | string)
  const date = new Date(article.createdAt).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai' })
  return (
    <article>
      <h1>{article.title}</h1>
      <p className="meta">
        {article.author ? `${article.author} ` : ''}
        {brand ? <b>{brand.name}</b> : null} {date}
      </p>
      <ArticleBody articleId={article.id} content={article.content as never} sharer={sharer} />
      <TrackView type="article_view" article={article.id} />
      <WechatShare title={article.title} desc={article.digest ?? ''} imgUrl={mediaAt(article.cover, 'card')?.url ?? ''} link={`/a/${article.slug}`} />
    </article>
  )
}
