'use client'
// Funnel beacon for public pages. Renders nothing; after hydration it sends one view event, plus (on article
// pages) one impression per product block seen and a tap per product link clicked. Uses navigator.sendBeacon
// (text/plain, no preflight) so page rendering and navigation never wait on it.
import { useEffect } from 'react'

type Channel = 'web' | 'qr' | 'read_more' | 'mini_program' | 'share' | 'moments' | 'community' | 'other'
type BeaconEvent = { type: string; article?: string; product?: string; block?: number; channel?: Channel; sharer?: string }

export type TrackViewProps = {
  /** 'article_view' on /a/[slug]; 'landing_view' on /p/[slug]. */
  type: 'article_view' | 'landing_view'
  /** Article id (article pages). On landing pages it defaults to the `from` query parameter. */
  article?: string
  /** Product id (landing pages). */
  product?: string
  /** Block index; on landing pages it defaults to the `b` query parameter. */
  block?: number
  /** Defaults to the `ch` query parameter, else 'web'. */
  channel?: Channel
  /** Defaults to the `sharer` query parameter. */
  sharer?: string
  /** Article pages: also report product-block impressions and taps (links carrying from=&b=). Default true. */
  trackBlocks?: boolean
  /** Defaults to '/api/funnel/events'. */
  endpoint?: string
}

const ID = /^[A-Za-z0-9_-]{1,64}$/
const CHANNELS = new Set(['web', 'qr', 'read_more', 'mini_program', 'share', 'moments', 'community', 'other'])

export function TrackView(props: TrackViewProps) {
  const { type, article, product, block, channel, sharer, trackBlocks = true, endpoint = '/api/funnel/events' } = props
  useEffect(() => {
    const queue: BeaconEvent[] = []
    let timer: ReturnType<typeof setTimeout> | undefined
    const flush = () => {
      timer = undefined
      while (queue.length) {
        const body = JSON.stringify({ events: queue.splice(0, 20) })
        const sent = typeof navigator.sendBeacon === 'function' && navigator.sendBeacon(endpoint, new Blob([body], { type: 'text/plain;charset=UTF-8' }))
        if (!sent)
          void fetch(endpoint, {
            method: 'POST',
            body,
            keepalive: true,
            credentials: 'same-origin',
            headers: { 'content-type': 'text/plain;charset=UTF-8' },
          }).catch(() => undefined)
      }
    }
    const send = (event: BeaconEvent) => {
      queue.push(event)
      if (!timer) timer = setTimeout(flush, 300)
    }

    const q = new URLSearchParams(window.location.search)
    const param = (name: string) => {
      const v = q.get(name)
      return v && ID.test(v) ? v : undefined
    }
    const chParam = q.get('ch')
    const ch = (channel ?? (chParam && CHANNELS.has(chParam) ? chParam : 'web')) as Channel
    const b = block ?? (q.get('b') !== null && /^\d{1,4}$/.test(q.get('b')!) ? Number(q.get('b')) : undefined)
    const view: BeaconEvent = {
      type,
      article: article ?? (type === 'landing_view' ? param('from') : undefined),
      product,
      block: type === 'landing_view' ? b : undefined,
      channel: ch,
      sharer: sharer ?? param('sharer'),
    }
    if (view.article || view.product) send(view)

    const cleanups: (() => void)[] = []
    if (type === 'article_view' && article && trackBlocks) {
      // Product links are /p/<slug>?from=<article>&b=<index> (src/blocks/attribution.ts).
      const blockOf = (a: Element | null): number | undefined => {
        const href = a?.getAttribute('href')
        if (!href || !href.startsWith('/p/')) return undefined
        const u = new URL(href, window.location.origin)
        const bi = u.searchParams.get('b')
        return u.searchParams.get('from') === article && bi !== null && /^\d{1,4}$/.test(bi) ? Number(bi) : undefined
      }
      const onClick = (e: MouseEvent) => {
        const a = (e.target as Element | null)?.closest?.('a[href^="/p/"]') ?? null
        const bi = blockOf(a)
        if (bi !== undefined) {
          send({ type: 'block_tap', article, block: bi, channel: ch, sharer: view.sharer })
          flush() // the page is about to navigate
        }
      }
      document.addEventListener('click', onClick, true)
      cleanups.push(() => document.removeEventListener('click', onClick, true))
      if ('IntersectionObserver' in window) {
        const seen = new Set<number>()
        const observer = new IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              const bi = blockOf(entry.target)
              if (!entry.isIntersecting || bi === undefined || seen.has(bi)) continue
              seen.add(bi)
              send({ type: 'block_impression', article, block: bi, channel: ch, sharer: view.sharer })
            }
          },
          { threshold: 0.5 },
        )
        document.querySelectorAll('a[href^="/p/"]').forEach((el) => observer.observe(el))
        cleanups.push(() => observer.disconnect())
      }
    }
    const onHide = () => document.visibilityState === 'hidden' && flush()
    document.addEventListener('visibilitychange', onHide)
    return () => {
      document.removeEventListener('visibilitychange', onHide)
      cleanups.forEach((fn) => fn())
      flush()
    }
  }, [type, article, product, block, channel, sharer, trackBlocks, endpoint])
  return null
}
