'use client'

import { useEffect } from 'react'

import { SALE_START_EVENT } from './SaleCountdown'
import { stockClass, stockLabel } from './StockState'
import { VARIANT_INDEX } from './variantChoice'

type StockResponse = { stock?: Record<string, number>; variants?: Record<string, Record<string, number>> }

/**
 * Progressive enhancement of the plain buy form (which works without JS): copies ?from/b/sharer of the current URL
 * into the form, refreshes stock from /api/stock (the page itself is served from cache) and, for a product with
 * variants, each SKU's stock label, marks sold-out SKUs and follows the chosen one in the buy button. The price and
 * stock label of the chosen SKU are shown by CSS (variantChoice.ts), with or without JavaScript.
 * 秒杀 (the form's data-flash / data-sale-state, set by BuyForm): the button stays 「X月X日 HH:mm 开抢」 until
 * SaleCountdown marks the form live (event `flash-sale:start`), then stock is fetched again; sold out says 已抢光 and
 * shows the note that unpaid orders give stock back.
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
    const radios = [...form.querySelectorAll<HTMLInputElement>('input[type=radio][name=variant]')]
    let total: number | undefined

    const flash = form.dataset.flash === '1'
    const label = (n: number, index?: number) => {
      const at = index === undefined ? '[data-stock] > .stock' : `[data-stock] > [${VARIANT_INDEX}="${index}"] > .stock`
      const element = form.querySelector(at)
      if (!element) return
      element.textContent = stockLabel(n, flash)
      element.className = stockClass(n)
    }
    const show = (n: number) => {
      const upcoming = form.dataset.saleState === 'upcoming'
      const button = form.querySelector<HTMLButtonElement>('[data-buy]')
      const note = form.querySelector<HTMLElement>('[data-restock-note]')
      if (!radios.length) label(n)
      if (button) {
        button.disabled = n <= 0 || upcoming
        button.textContent = upcoming ? (form.dataset.startLabel ?? '即将开抢') : n <= 0 ? (flash ? '已抢光' : '已售罄') : '立即购买'
      }
      if (note) note.hidden = n > 0
    }
    // The chosen SKU's stock drives the buy button.
    const update = () => {
      if (!radios.length) {
        if (total !== undefined) show(total)
        return
      }
      const chosen = radios.find((r) => r.checked)
      show(chosen ? Number(chosen.dataset.variantStock) : 0)
    }
    form.addEventListener('change', update)
    update()

    const controller = new AbortController()
    const refresh = () =>
      fetch(`/api/stock?ids=${encodeURIComponent(productId)}`, { cache: 'no-store', signal: controller.signal })
        .then((r) => r.json())
        .then((data: StockResponse) => {
          const n = data.stock?.[productId]
          if (typeof n !== 'number') return
          total = n
          const skus = data.variants?.[productId] ?? {}
          radios.forEach((radio, index) => {
            const left = skus[radio.value] ?? 0
            label(left, index)
            radio.dataset.variantStock = String(left)
            radio.disabled = left <= 0
            if (left <= 0) radio.checked = false
            const badge = radio.parentElement?.querySelector<HTMLElement>('.variant-soldout')
            if (badge) badge.hidden = left > 0
          })
          if (radios.length && !radios.some((r) => r.checked)) {
            const first = radios.find((r) => !r.disabled)
            if (first) first.checked = true
          }
          update()
        })
        .catch(() => undefined)
    // At the start of a 秒杀: enable the button at once (with the stock known so far), then with fresh stock.
    const onSaleStart = () => {
      if (!radios.length && total === undefined) show(Number(form.querySelector('[data-stock]')?.getAttribute('data-count') ?? 0))
      else update()
      void refresh()
    }
    form.addEventListener(SALE_START_EVENT, onSaleStart)
    void refresh()
    return () => {
      controller.abort()
      form.removeEventListener('change', update)
      form.removeEventListener(SALE_START_EVENT, onSaleStart)
    }
  }, [formId, productId])
  return null
}
