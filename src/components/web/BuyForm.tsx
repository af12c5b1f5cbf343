import React from 'react'

import { BuyFormEnhancer } from './BuyFormEnhancer'
import { StockState } from './StockState'

/**
 * The 「立即购买」 bar as a plain POST form: it works with JavaScript disabled (the server redirects to payment).
 * BuyFormEnhancer only enhances it: it copies ?from/b/sharer into the form (the server also falls back to the
 * Referer) and refreshes the stock label from /api/stock, since the page itself is cached.
 */
export function BuyForm({ productId, slug, stock, sandbox }: { productId: string; slug: string; stock: number; sandbox: boolean }) {
  const soldOut = stock <= 0
  return (
    <form id={`buy-${productId}`} method="post" action={`/p/${encodeURIComponent(slug)}/buy`} className="buy-form" data-buy-form>
      <input type="hidden" name="product" value={productId} />
      <input type="hidden" name="from" defaultValue="" />
      <input type="hidden" name="b" defaultValue="" />
      <input type="hidden" name="sharer" defaultValue="" />
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
      {sandbox ? <p className="sandbox-note">沙箱演示：支付不会真实扣款</p> : null}
      <div className="buy-bar">
        <span data-stock>
          <StockState stock={stock} />
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
