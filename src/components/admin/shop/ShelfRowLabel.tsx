'use client'
// A 店铺货架 row in the brand's admin is labelled by its title (「春茶上新」), not 「货架 01」.
import { useRowLabel } from '@payloadcms/ui'
import React from 'react'

export function ShelfRowLabel() {
  const { data, rowNumber } = useRowLabel<{ title?: string; products?: unknown[] }>()
  const count = data?.products?.length ?? 0
  return (
    <span>
      {data?.title || `货架 ${String((rowNumber ?? 0) + 1).padStart(2, '0')}`}
      {count ? ` · ${count} 件商品` : ''}
    </span>
  )
}
