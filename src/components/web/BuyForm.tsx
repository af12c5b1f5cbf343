import React from 'react'

import { countdownText, instantOf, saleStartLabel } from '@/platform/beijingTime'
import { formatFen } from '@/utilities/formatFen'

import { BuyFormEnhancer } from './BuyFormEnhancer'
import { SaleCountdown } from './SaleCountdown'
import { StockState } from './StockState'
import { initialVariant, VARIANT_INDEX, variantChoiceCss } from './variantChoice'

export type BuyFormVariant = { sku: string; name: string; price?: number | null; stock: number; image?: { url: string; alt?: string | null } | null }
/** 秒杀 settings of the product and the render time they are judged at (the server's clock). */
export type BuyFormSale = { startsAt?: string | null; limitPerBuyer?: number | null; renderedAt: number }

/** Shown with a sold-out 秒杀 product: unpaid orders expire and give their stock back. */
export const RESTOCK_NOTE = '未支付订单超时后会释放库存，可稍后再来看看'

/**
 * The 「立即购买」 bar as a plain GET form to the 确认订单 page (address, coupons, final price: ../../app/(frontend)/
 * p/[slug]/confirm/page.tsx), so it works with JavaScript disabled and this page stays the same for every reader.
 * A product with variants adds radio buttons named `variant`, styled as pills (a sold-out SKU is disabled and says
 * 已售罄); the one `sku` names (the card's) is checked, and the stock label follows the choice without JavaScript
 * (variantChoice.ts).
 * BuyFormEnhancer only enhances it: it copies ?from/b/sharer into the form (the server also falls back to the
 * Referer) and refreshes the stock labels from /api/stock, since the page itself is cached.
 * A 秒杀 product (`sale.startsAt`) rendered before its start has a disabled 「X月X日 HH:mm 开抢」 button and a countdown
 * (SaleCountdown enables the button at the start; without JavaScript the page reloads at the start, see
 * src/commerce/flashSaleCache.ts); sold out, it says 已抢光 and that unpaid orders give stock back. With a limit per
 * buyer, the phone number on the 确认订单 page is the buyer's identity outside WeChat.
 */
export function BuyForm({
  productId,
  slug,
  stock,
  sandbox,
  price,
  variants = [],
  sku,
  sale,
}: {
  productId: string
  slug: string
  stock: number
  sandbox: boolean
  price: number
  variants?: BuyFormVariant[]
  /** The SKU the link asked for (`?sku=`), checked if in stock. */
  sku?: string
  sale?: BuyFormSale
}) {
  const soldOut = stock <= 0
  const chosen = initialVariant(variants, price, sku)
  const startsAt = instantOf(sale?.startsAt)
  const flash = startsAt !== null
  const upcoming = startsAt !== null && sale !== undefined && startsAt > sale.renderedAt
  const limit = sale?.limitPerBuyer && sale.limitPerBuyer > 0 ? sale.limitPerBuyer : null
  const startLabel = startsAt !== null ? saleStartLabel(startsAt) : undefined
  const formId = `buy-${productId}`
  const buttonText = upcoming ? startLabel : soldOut ? (flash ? '已抢光' : '已售罄') : '立即购买'
  return (
    <form
      id={formId}
      method="get"
      action={`/p/${encodeURIComponent(slug)}/confirm`}
      className="buy-form"
      data-buy-form
      data-flash={flash ? '1' : undefined}
      data-sale-state={flash ? (upcoming ? 'upcoming' : 'live') : undefined}
      data-sale-starts-at={startsAt !== null ? new Date(startsAt).toISOString() : undefined}
      data-start-label={startLabel}
      data-server-now={flash ? sale?.renderedAt : undefined}
    >
      <input type="hidden" name="from" defaultValue="" />
      <input type="hidden" name="b" defaultValue="" />
      <input type="hidden" name="sharer" defaultValue="" />
      {variants.length ? (
        <fieldset className="variants" data-variants>
          <legend>规格</legend>
          <style dangerouslySetInnerHTML={{ __html: variantChoiceCss(variants.length) }} />
          {variants.map((v, i) => {
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
                  {...{ [VARIANT_INDEX]: i }}
                  data-variant-stock={v.stock}
                />
                {v.image ? <img className="variant-image" src={v.image.url} width={28} height={28} alt="" loading="lazy" /> : null}
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
      {upcoming ? (
        <p className="flash-countdown" data-countdown role="timer">
          <span>距开抢</span>
          <strong>{countdownText(startsAt! - sale!.renderedAt)}</strong>
          <span>{startLabel}</span>
        </p>
      ) : null}
      {flash ? (
        <p className="flash-restock" data-restock-note hidden={!soldOut}>
          {RESTOCK_NOTE}
        </p>
      ) : null}
      {sandbox ? <p className="sandbox-note">沙箱演示：支付不会真实扣款</p> : null}
      <div className="buy-bar">
        <span data-stock data-count={chosen ? chosen.stock : stock} data-by-variant={variants.length ? '' : undefined}>
          {variants.length ? (
            variants.map((v, i) => (
              <span key={v.sku} {...{ [VARIANT_INDEX]: i }} className={v === chosen ? 'is-initial' : undefined}>
                <StockState stock={v.stock} flash={flash} />
              </span>
            ))
          ) : (
            <StockState stock={stock} flash={flash} />
          )}
        </span>
        <label className="qty">
          数量
          <select name="quantity" defaultValue="1">
            {Array.from({ length: Math.min(5, limit ?? 5) }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={soldOut || upcoming} data-buy>
          {buttonText}
        </button>
      </div>
      <BuyFormEnhancer formId={formId} productId={productId} />
      {upcoming ? <SaleCountdown formId={formId} slug={slug} startsAt={new Date(startsAt!).toISOString()} serverNow={sale!.renderedAt} /> : null}
    </form>
  )
}
