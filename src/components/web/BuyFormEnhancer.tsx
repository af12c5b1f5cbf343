'use client'

import { useEffect } from 'react'

import { stockLabel } from './StockState'

/**
 * Progressive enhancement of the plain buy form (which works without JS): copies ?from/b/sharer of the current URL
 * into the form and refreshes the stock label from /api/stock, because the page itself is served from cache.
 */
export function BuyFormEnhancer({ formId, productId }: { formId: string; productId: string }) {
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null
    if (!form) return
    const query = new URLSearchParams(window.location.search)
    for (const key of ['from', 'b', 'sharer']) {
      const input = form.elements.namedItem(key) as HTMLInputElement | null
      const value = query.get(key)
      if (input && value) input.value = value
    }
    const controller = new AbortController()
    fetch(`/api/stock?ids=${encodeURIComponent(productId)}`, { cache: 'no-store', signal: controller.signal })
      .then((r) => r.json())
      .then((data: { stock?: Record<string, number> }) => {
        const n = data.stock?.[productId]
        if (typeof n !== 'number') return
        const label = form.querySelector('[data-stock] span')
        const button = form.querySelector<HTMLButtonElement>('[data-buy]')
        if (label) {
          label.textContent = stockLabel(n)
          label.className = n <= 0 ? 'stock soldout' : n <= 20 ? 'stock low' : 'stock'
        }
        if (button) {
          button.disabled = n <= 0
          button.textContent = n <= 0 ? '已售罄' : '立即购买'
        }
      })
      .catch(() => undefined)
    return () => controller.abort()
  }, [formId, productId])
  return null
}
