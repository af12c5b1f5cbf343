import React from 'react'

import { formatFen } from '@/utilities/formatFen'

export function Price({ price, compareAtPrice }: { price: number; compareAtPrice?: number | null }) {
  return (
    <span className="price">
      <strong>{formatFen(price)}</strong>
      {compareAtPrice && compareAtPrice > price ? <s>{formatFen(compareAtPrice)}</s> : null}
    </span>
  )
}
