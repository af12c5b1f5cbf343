import React from 'react'

/** 有货 / 仅剩 N 件 / 已售罄, the way Chinese shops say it; a 秒杀 product that sold out is 已抢光. */
export function stockLabel(stock: number, flash = false): string {
  if (stock <= 0) return flash ? '已抢光' : '已售罄'
  if (stock <= 20) return `仅剩 ${stock} 件`
  return '有货'
}

export const stockClass = (stock: number) => (stock <= 0 ? 'stock soldout' : stock <= 20 ? 'stock low' : 'stock')

export function StockState({ stock, flash = false }: { stock: number; flash?: boolean }) {
  return <span className={stockClass(stock)}>{stockLabel(stock, flash)}</span>
}
