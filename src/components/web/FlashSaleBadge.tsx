import React from 'react'

import { instantOf, saleStartLabel } from '@/platform/beijingTime'

import './flashSale.css'

/**
 * 「秒杀」 for a product with a sale start, plus 「12月1日 10:00 开抢」 while the start is ahead (Beijing time) and
 * 「每人限购 N 件」 when the product has a limit per buyer. Nothing for an ordinary product. `now` is the render time:
 * on cached pages (articles, landing pages) the start label may outlive the start until the next render.
 */
export function FlashSaleBadge({
  saleStartsAt,
  limitPerBuyer,
  // eslint-disable-next-line react-hooks/purity -- a server component, rendered once per cache fill: the render time is the input
  now = Date.now(),
  className,
}: {
  saleStartsAt?: string | null
  limitPerBuyer?: number | null
  now?: number
  className?: string
}) {
  const at = instantOf(saleStartsAt)
  const limit = limitPerBuyer && limitPerBuyer > 0 ? limitPerBuyer : null
  if (at === null && !limit) return null
  const upcoming = at !== null && at > now
  return (
    <span className={`flash-sale${className ? ` ${className}` : ''}`} data-flash-sale={at === null ? 'limit' : upcoming ? 'upcoming' : 'live'}>
      {at !== null ? <span className="flash-badge">秒杀</span> : null}
      {upcoming ? <span className="flash-start">{saleStartLabel(at)}</span> : null}
      {limit ? <span className="flash-limit">每人限购 {limit} 件</span> : null}
    </span>
  )
}
