import React from 'react'

import { formatFen } from '@/utilities/formatFen'

type Image = { url: string; width?: number; height?: number; alt?: string } | null

/** What is being bought, as the product page left it; 修改 goes back there. */
export function OrderSummary(props: { title: string; image: Image; skuName?: string; unitPrice: number; quantity: number; back: string }) {
  const { title, image, skuName, unitPrice, quantity, back } = props
  return (
    <section className="order-summary" data-order-summary>
      {image ? <img src={image.url} width={image.width} height={image.height} alt={image.alt ?? ''} /> : null}
      <div>
        <p className="order-summary__title">{title}</p>
        {skuName ? <p className="order-summary__sku">规格：{skuName}</p> : null}
        <p className="order-summary__line">
          {formatFen(unitPrice)} × {quantity}
          <a href={back}>修改</a>
        </p>
      </div>
    </section>
  )
}
