import React from 'react'

import { couponHeadline } from '@/communities/coupons/computeCouponDiscount'
import type { Outcome } from '@/communities/outcome'
import type { Coupon } from '@/payload-types'
import { formatFen } from '@/utilities/formatFen'

import { ActionMessage, noteOf } from './ActionMessage'
import { ReaderAction } from './ReaderAction'

const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric' })

type Props = {
  coupon: Coupon & { mine: number; myCodes?: { code: string; used: boolean }[] }
  now: Date
  /** A no-JS claim of this coupon that just came back (its code is named only if it is one of the reader's). */
  outcome?: Outcome | null
}

export function CouponCard({ coupon, now, outcome = null }: Props) {
  const left = Math.max(0, coupon.totalQuantity - (coupon.claimed ?? 0))
  const limit = coupon.perPersonLimit ?? 1
  const started = new Date(coupon.validFrom).getTime() <= now.getTime()
  const full = coupon.mine >= limit
  const code = outcome?.ok && coupon.myCodes?.some((c) => c.code === outcome.code) ? outcome.code : undefined
  const note = noteOf(outcome, code ? `领取成功，券码 ${code}` : '领取成功', limit)
  return (
    <li className="coupon" data-coupon={coupon.id} id={`coupon-${coupon.id}`}>
      <div className="coupon__value">{couponHeadline(coupon, formatFen)}</div>
      <div className="coupon__body">
        <strong>{coupon.title}</strong>
        <span>
          {day.format(new Date(coupon.validFrom))}–{day.format(new Date(coupon.validUntil))} 有效 · 每人限领 {limit} 张 · 剩余 {left} 张
        </span>
        {!started ? (
          <>
            <span className="reader-action reader-action--done">{day.format(new Date(coupon.validFrom))} 开抢</span>
            <ActionMessage note={note} />
          </>
        ) : left === 0 && !coupon.mine ? (
          <>
            <span className="reader-action reader-action--done">已领完</span>
            <ActionMessage note={note} />
          </>
        ) : (
          <ReaderAction
            endpoint={`/api/coupons/${coupon.id}/claim`}
            label={coupon.mine ? '再领一张' : '领取'}
            doneLabel="✓ 已领取"
            done={full || left === 0}
            testId="claim"
            outcome={note}
          />
        )}
        {coupon.myCodes?.length ? (
          <ul className="coupon__codes" data-testid="my-codes" aria-label="我的券码">
            {coupon.myCodes.map(({ code, used }) => (
              <li key={code} data-used={used}>
                券码 <code>{code}</code> {used ? '（已使用）' : '· 下单时可选用'}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  )
}
