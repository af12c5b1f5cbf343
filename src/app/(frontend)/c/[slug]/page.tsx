import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import React from 'react'

import { landingHref } from '@/blocks/attribution'
import { now } from '@/communities/clock'
import { outcomeFor, parseOutcome } from '@/communities/outcome'
import { communityPage } from '@/communities/queries'
import { noteOf } from '@/components/web/community/ActionMessage'
import { CouponCard } from '@/components/web/community/CouponCard'
import { EventCard } from '@/components/web/community/EventCard'
import { GroupQrCard } from '@/components/web/community/GroupQrCard'
import { ReaderAction } from '@/components/web/community/ReaderAction'
import { ProductTile } from '@/components/web/ProductTile'
import { WechatShare } from '@/components/web/WechatShare'
import type { Brand } from '@/payload-types'
import { publicBrand, publishedCommunity } from '@/queries/published'
import { brandedTitle } from '@/utilities/brandedTitle'
import { mediaAt } from '@/utilities/mediaUrl'

import '@/components/web/community/community.css'

export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string }>; searchParams?: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const community = await publishedCommunity((await params).slug)
  return community
    ? { title: brandedTitle(community.name, await publicBrand(community.brand as Brand | string)), description: community.intro ?? undefined }
    : {}
}

export default async function CommunityPage({ params, searchParams }: Props) {
  const community = await publishedCommunity((await params).slug)
  if (!community) notFound()
  const data = await communityPage(community)
  // What a no-JavaScript form post just did (the endpoints' 303 names it), shown next to its card.
  const outcome = parseOutcome((await searchParams) ?? {})
  const brand = await publicBrand(community.brand as Brand | string)
  const cover = mediaAt(community.cover, 'hero')
  return (
    <article className="community">
      {cover ? <img className="community-cover" src={cover.url} width={cover.width} height={cover.height} alt={cover.alt} /> : null}
      <h1>{community.name}</h1>
      <WechatShare title={community.name} desc={community.intro ?? ''} imgUrl={cover?.url ?? ''} link={`/c/${community.slug}`} />
      {brand ? (
        <p className="brand-line">
          {brand.name} · 粉丝社区 · <a href={`/s/${encodeURIComponent(brand.slug)}`}>进入店铺</a>
        </p>
      ) : null}
      <div className="community-stats" id="join">
        <span data-testid="member-count">{community.memberCount ?? 0} 位成员</span>
        <ReaderAction
          endpoint={`/api/communities/${community.id}/join`}
          label="加入社区"
          doneLabel={data.member ? `我是第 ${data.member.number} 位成员` : ''}
          done={Boolean(data.member)}
          testId="join"
          outcome={noteOf(outcomeFor(outcome, 'join', community.id), data.member ? `欢迎！你是第 ${data.member.number} 位成员` : '已加入社区')}
        />
      </div>
      {community.intro ? <p>{community.intro}</p> : null}
      {community.story ? (
        <>
          <h2 className="section-title">品牌故事</h2>
          <p className="community-story">{community.story}</p>
        </>
      ) : null}

      <h2 className="section-title">加入粉丝群</h2>
      <GroupQrCard choice={data.groupQr} contact={community.adminContactQr} />

      {data.events.length ? (
        <>
          <h2 className="section-title">近期活动</h2>
          <ul className="community-list">
            {data.events.map((e) => (
              <EventCard key={e.id} event={e} outcome={outcomeFor(outcome, 'signup', e.id)} />
            ))}
          </ul>
        </>
      ) : null}

      {data.coupons.length ? (
        <>
          <h2 className="section-title">社区专享券</h2>
          <ul className="community-list">
            {data.coupons.map((c) => (
              <CouponCard key={c.id} coupon={c} now={now()} outcome={outcomeFor(outcome, 'claim', c.id)} />
            ))}
          </ul>
        </>
      ) : null}

      <h2 className="section-title">最新文章</h2>
      <ul className="list">
        {data.pinned.map((a) => (
          <li key={a.id} data-pinned="true">
            <span className="pinned-tag">置顶</span>
            <Link href={`/a/${a.slug}`}>{a.title}</Link>
          </li>
        ))}
        {data.latest.map((a) => (
          <li key={a.id}>
            <Link href={`/a/${a.slug}`}>{a.title}</Link>
          </li>
        ))}
      </ul>

      {data.products.length ? (
        <>
          <h2 className="section-title">精选好物</h2>
          <div className="product-grid">
            {data.products.map((p) => (
              <ProductTile key={p.id} product={p} layout="small" href={landingHref(p.slug)} />
            ))}
          </div>
        </>
      ) : null}
    </article>
  )
}
