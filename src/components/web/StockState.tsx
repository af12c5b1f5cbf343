import React from 'react'

/** 有货 / 仅剩 N 件 / 已售罄, the way Chinese shops say it. */
export function stockLabel(stock: number): string {
  if (stock <= 0) return '已售罄'
  if (stock <= 20) return `仅剩 ${stock} 件`
  return '有货'
}

export function StockState({ stock }: { stock: number }) {
  return <span className={stock <= 0 ? 'stock soldout' : stock <= 20 ? 'stock low' : 'stock'}>{stockLabel(stock)}</span>
}
