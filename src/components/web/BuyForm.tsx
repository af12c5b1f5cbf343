import React from 'react'

import { formatFen } from '@/utilities/formatFen'

import { BuyFormEnhancer } from './BuyFormEnhancer'
import { StockState } from './StockState'

export type BuyFormVariant = { sku: string; name: string; price?: number | null; stock: number }

/** The SKU chosen when the page loads: the first one still in stock (else the first, and the form is sold out). */
export const initialVariant = (variants: BuyFormVariant[]) => variants.find((v) => v.stock > 0) ?? variants[0]

/**
 * The 「立即购买」 bar as a plain POST form: it works with JavaScript disabled (the server redirects to payment).
 * A product with variants adds radio buttons named `variant` (a sold-out SKU is disabled and says 已售罄).
 * BuyFormEnhancer only enhances it: it copies ?from/b/sharer into the form (the server also falls back to the
 * Referer), refreshes the stock labels from /api/stock, since the page itself is cached, and shows the chosen
 * SKU's price and stock.
 */
export function BuyForm({
  productId,
  slug,
  stock,
  sandbox,
  price,
  variants = [],
}: {
  productId: string
  slug: string
  stock: number
  sandbox: boolean
  price: number
  variants?: BuyFormVariant[]
}) {
  const soldOut = stock <= 0
  const chosen = initialVariant(variants)
  return (
    <form id={`buy-${productId}`} method="post" action={`/p/${encodeURIComponent(slug)}/buy`} className="buy-form" data-buy-form>
      <input type="hidden" name="product" value={productId} />
      <input type="hidden" name="from" defaultValue="" />
      <input type="hidden" name="b" defaultValue="" />
      <input type="hidden" name="sharer" defaultValue="" />
      {variants.length ? (
        <fieldset className="variants" data-variants>
          <legend>规格</legend>
          {variants.map((v) => {
            const out = v.stock <= 0
            const unit = v.price ?? price
            return (
              <label key={v.sku} className="variant">
                <input
                  type="radio"
                  name="variant"
                  value={v.sku}
                  required
                  defaultChecked={!out && v.sku === chosen?.sku}
                  disabled={out}
                  data-price={unit}
                  data-own-price={v.price != null ? '1' : undefined}
                  data-variant-stock={v.stock}
                />
                <span className="variant-name">{v.name}</span>
                <span className="variant-price">{formatFen(unit)}</span>
                <span className="variant-soldout" hidden={!out}>
                  已售罄
                </span>
              </label>
            )
          })}
        </fieldset>
      ) : null}
      <details className="buyer">
        <summary>收货信息（选填）</summary>
        <label>
          收货人 <input name="name" maxLength={40} autoComplete="name" />
        </label>
        <label>
          手机号 <input name="phone" type="tel" maxLength={20} autoComplete="tel" />
        </label>
        <label>
          地址 <input name="address" maxLength={200} autoComplete="street-address" />
        </label>
      </details>
      <details className="coupon">
        <summary>使用优惠券（选填）</summary>
        <label>
          券码 <input name="coupon" maxLength={32} autoComplete="off" autoCapitalize="characters" spellCheck={false} pattern="[A-Za-z0-9]{4,32}" placeholder="在社区页领取的券码" />
        </label>
        <p className="coupon-note">优惠金额在下单时由服务器计算，每笔订单限用一张。</p>
      </details>
      {sandbox ? <p className="sandbox-note">沙箱演示：支付不会真实扣款</p> : null}
      <div className="buy-bar">
        <span data-stock>
          <StockState stock={chosen ? chosen.stock : stock} />
        </span>
        <label className="qty">
          数量
          <select name="quantity" defaultValue="1">
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={soldOut} data-buy>
          {soldOut ? '已售罄' : '立即购买'}
        </button>
      </div>
      <BuyFormEnhancer formId={`buy-${productId}`} productId={productId} />
    </form>
  )
}
