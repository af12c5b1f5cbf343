import type { Metadata } from 'next'
import { headers } from 'next/headers'
import { notFound } from 'next/navigation'
import React from 'react'

import { refusalMessage, refusedFields } from '@/commerce/checkoutMessages'
import { bestCoupon, couponChoices } from '@/commerce/couponChoices'
import { sandboxEnabled } from '@/commerce/payGateway'
import { variantOf } from '@/commerce/skuView'
import { now } from '@/communities/clock'
import { AddressFields } from '@/components/web/checkout/AddressFields'
import { CouponChoices } from '@/components/web/checkout/CouponChoices'
import { OrderSummary } from '@/components/web/checkout/OrderSummary'
import type { Brand, Media } from '@/payload-types'
import { readerOf } from '@/platform/reader'
import { addressFromHeaders } from '@/platform/reader/shippingAddress'
import { publicPayload } from '@/queries/publicPayload'
import { publishedProduct } from '@/queries/published'
import { idOf } from '@/utilities/idOf'
import { mediaAt } from '@/utilities/mediaUrl'

// 确认订单: between the product page (cached, the same for every reader) and payment, the page that knows the
// reader: their remembered address (required: everything sold here ships), their claimed coupons as choices (the
// best preselected) and the final price before paying, and any refusal inline. A plain form: it works without
// JavaScript, and the total follows the coupon chosen by CSS (variantChoice.ts).
export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '确认订单', robots: { index: false, follow: false } }

type Query = Record<string, string | string[] | undefined>
type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Query> }

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined)

/** ?from/b/sharer of the product page the reader came from: the form's (JavaScript copied them), else its Referer. */
function attributionOf(query: Query, referer: string | null, slug: string) {
  let ref: URLSearchParams | undefined
  try {
    const url = new URL(referer ?? '')
    if (decodeURIComponent(url.pathname).startsWith(`/p/${slug}`)) ref = url.searchParams
  } catch {
    ref = undefined
  }
  const pick = (key: string) => (one(query[key]) || ref?.get(key) || '').slice(0, 64)
  return { from: pick('from'), b: pick('b'), sharer: pick('sharer') }
}

export default async function ConfirmOrderPage({ params, searchParams }: Props) {
  const { slug } = await params
  const query = await searchParams
  const product = await publishedProduct(slug)
  if (!product) notFound()
  const request = await headers()
  const variants = product.variants ?? []
  const variant = variants.length ? variantOf(product, one(query.variant)) : undefined
  const limit = product.limitPerBuyer && product.limitPerBuyer > 0 ? product.limitPerBuyer : 5
  const quantity = Math.min(Math.max(Number.parseInt(one(query.quantity) ?? '1', 10) || 1, 1), Math.min(5, limit))
  const unitPrice = variant?.price ?? product.price
  const subtotal = unitPrice * quantity
  const brand = String(idOf(product.brand as Brand | string))
  const choices = await couponChoices(await publicPayload(), { readerKey: readerOf({ headers: request }).readerKey, brand, subtotal, now: now() })
  const asked = one(query.coupon)
  const chosen = choices.find((c) => c.usable && c.code === asked) ?? (asked === '' ? undefined : bestCoupon(choices))
  const code = one(query.error)
  const fields = refusedFields(one(query.fields), one(query.field))
  const error = code ? refusalMessage(code, new URLSearchParams(query as Record<string, string>)) : undefined
  const needsVariant = variants.length > 0 && !variant
  const image = mediaAt((variant?.image ?? product.images?.[0]) as Media | undefined, 'thumbnail')
  const back = `/p/${encodeURIComponent(product.slug)}${variant ? `?sku=${encodeURIComponent(variant.sku)}` : ''}`
  const attribution = attributionOf(query, request.get('referer'), product.slug)
  return (
    <article className="confirm-page">
      <h1>确认订单</h1>
      {error ? (
        <p className="form-error" role="alert" data-error={code}>
          {error}
        </p>
      ) : null}
      <OrderSummary title={product.title} image={image} skuName={variant?.name} unitPrice={unitPrice} quantity={quantity} back={back} />
      {needsVariant ? (
        <p className="form-error" role="alert">
          请先在商品页选择规格。<a href={back}>返回商品页</a>
        </p>
      ) : (
        <form method="post" action={`/p/${encodeURIComponent(product.slug)}/buy`} className="confirm-form" data-confirm-form>
          <input type="hidden" name="product" value={product.id} />
          {variant ? <input type="hidden" name="variant" value={variant.sku} /> : null}
          <input type="hidden" name="quantity" value={quantity} />
          <input type="hidden" name="from" value={attribution.from} />
          <input type="hidden" name="b" value={attribution.b} />
          <input type="hidden" name="sharer" value={attribution.sharer} />
          <AddressFields remembered={addressFromHeaders(request)} invalid={fields.filter((f) => f.startsWith('buyer.'))} />
          <CouponChoices choices={choices} chosen={chosen?.code} subtotal={subtotal} invalid={fields.includes('coupon') || code?.startsWith('COUPON_')} />
          {sandboxEnabled() ? <p className="sandbox-note">沙箱演示：支付不会真实扣款</p> : null}
          <button type="submit" className="buy" data-place-order>
            提交订单
          </button>
        </form>
      )}
    </article>
  )
}
