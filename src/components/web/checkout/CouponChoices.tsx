import React from 'react'

import type { CouponChoice } from '@/commerce/couponChoices'
import { formatFen } from '@/utilities/formatFen'

import { followChoiceCss } from '../variantChoice'

/** Marks the i-th coupon radio (0: none) and its copy of the totals. */
const COUPON_INDEX = 'data-ci'

function Totals({ subtotal, discount }: { subtotal: number; discount: number }) {
  return (
    <span className="totals">
      <span>商品金额 {formatFen(subtotal)}</span>
      {discount ? <span className="totals__discount">优惠 −{formatFen(discount)}</span> : null}
      <span className="totals__due">
        应付 <strong data-total>{formatFen(subtotal - discount)}</strong>
      </span>
    </span>
  )
}

/**
 * The reader's claimed coupons as choices (the best preselected; one that does not apply says why and cannot be
 * chosen), then what is due: one copy of the totals per choice, the chosen one shown by CSS without JavaScript.
 * The server prices the order again when it is placed; these figures use the same math.
 */
export function CouponChoices({ choices, chosen, subtotal, invalid }: { choices: CouponChoice[]; chosen?: string; subtotal: number; invalid?: boolean }) {
  const options = [{ code: '', discount: 0 }, ...choices.map((c) => ({ code: c.code, discount: c.usable ? c.discount : 0 }))]
  return (
    <>
      {choices.length ? (
        <fieldset className={`coupon-choices${invalid ? ' is-invalid' : ''}`} data-coupons>
          <legend>优惠券</legend>
          <style dangerouslySetInnerHTML={{ __html: followChoiceCss({ input: 'coupon', index: COUPON_INDEX, copies: 'data-by-coupon' }, options.length) }} />
          {choices.map((c, i) => (
            <label key={c.code} className={`coupon-choice${c.usable ? '' : ' is-unusable'}`}>
              <input type="radio" name="coupon" value={c.code} defaultChecked={c.code === chosen} disabled={!c.usable} {...{ [COUPON_INDEX]: i + 1 }} />
              <span className="coupon-choice__title">
                {c.title}
                <small>{c.headline}</small>
              </span>
              <span className="coupon-choice__off">{c.usable ? `−${formatFen(c.discount)}` : c.reason}</span>
            </label>
          ))}
          <label className="coupon-choice">
            <input type="radio" name="coupon" value="" defaultChecked={!chosen} {...{ [COUPON_INDEX]: 0 }} />
            <span className="coupon-choice__title">不使用优惠券</span>
          </label>
        </fieldset>
      ) : null}
      <p className="order-due" data-by-coupon={choices.length ? '' : undefined} aria-live="polite">
        {choices.length ? (
          options.map((o, i) => (
            <span key={o.code || 'none'} {...{ [COUPON_INDEX]: i }} className={o.code === (chosen ?? '') ? 'is-initial' : undefined}>
              <Totals subtotal={subtotal} discount={o.discount} />
            </span>
          ))
        ) : (
          <Totals subtotal={subtotal} discount={0} />
        )}
      </p>
    </>
  )
}
