'use client'
// The 秒杀 countdown of a landing page, ticking on the SERVER's clock, and never early (checkout would answer
// NOT_STARTED): the page embeds its render time (`serverNow`, a first estimate — a cached page is older than it
// looks, which only makes the countdown longer), then /p/<slug>/clock gives the server's time (see clockOffset),
// again whenever the page is shown after being hidden. At the start it marks the form live and tells
// BuyFormEnhancer (event `flash-sale:start`), which enables the button with fresh stock. Without JavaScript the
// page's <noscript> meta refresh does the same through /p/<slug>/start (src/commerce/flashSaleCache.ts).
import { useEffect } from 'react'

import { countdownText } from '@/platform/beijingTime'

export const SALE_START_EVENT = 'flash-sale:start'

/**
 * Server time minus client time from one /clock answer, as a lower bound: the server read its clock before the answer
 * arrived, so `client now + offset` never runs ahead of the server (at worst it lags by the round trip).
 */
export const clockOffset = (serverNow: number, receivedAt: number) => serverNow - receivedAt

export function SaleCountdown({ formId, slug, startsAt, serverNow }: { formId: string; slug: string; startsAt: string; serverNow: number }) {
  useEffect(() => {
    const form = document.getElementById(formId) as HTMLFormElement | null
    const panel = form?.querySelector<HTMLElement>('[data-countdown]')
    if (!form || !panel) return
    let target = Date.parse(startsAt)
    let offset = serverNow - Date.now()
    let timer: ReturnType<typeof setTimeout> | undefined
    let done = false
    const controller = new AbortController()

    const start = () => {
      if (done) return
      done = true
      form.dataset.saleState = 'live'
      panel.hidden = true
      form.dispatchEvent(new Event(SALE_START_EVENT))
    }
    const tick = () => {
      if (timer) clearTimeout(timer)
      const remaining = target - (Date.now() + offset)
      if (remaining <= 0) return start()
      const text = panel.querySelector('strong')
      if (text) text.textContent = countdownText(remaining)
      // Wake at the next whole second of the remaining time (and exactly at the start).
      timer = setTimeout(tick, Math.max(20, remaining % 1000 || 1000))
    }
    const sync = () => {
      fetch(`/p/${encodeURIComponent(slug)}/clock`, { cache: 'no-store', signal: controller.signal })
        .then((r) => r.json())
        .then((data: { now?: number; startsAt?: string | null }) => {
          if (typeof data.now !== 'number') return
          offset = clockOffset(data.now, Date.now())
          if (data.startsAt === null)
            target = 0 // no longer a timed sale
          else if (typeof data.startsAt === 'string' && Number.isFinite(Date.parse(data.startsAt))) target = Date.parse(data.startsAt)
          tick()
        })
        .catch(() => undefined)
    }
    // Phones freeze timers in the background: look at the clock again when the page is shown.
    const onVisible = () => {
      if (document.visibilityState === 'visible' && !done) sync()
    }
    tick()
    sync()
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      controller.abort()
      if (timer) clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [formId, slug, startsAt, serverNow])
  return null
}
