// How a cached (ISR) landing page of a 秒杀 product flips at saleStartsAt, with and without JavaScript.
//
// The page is rendered once and served from Next's cache, so whatever it says about the sale was true when it was
// rendered, not when it is served. Without JavaScript only a fresh render can show the buyable page, so:
//   1. tagSalePage (in the page render, only while the sale is ahead): the cache entry carries two tags of the
//      product and goes stale by the start at the latest (its revalidate is lowered to the time left);
//   2. armSaleStart (in a request context: the product's afterChange hook, the /p/<slug>/clock and /start routes):
//      revalidateTag(tag, { expire }) makes every entry rendered before the start a hard miss exactly at the start
//      (and the "hold" tag HOLD_MS before it): Next then renders the page afresh instead of serving it stale
//      (src: next/dist/server/lib/incremental-cache — an expired tag answers isStale = -1, a blocking revalidation);
//   3. the pre-start page has a <noscript> meta refresh to /p/<slug>/start, which waits (≤ HOLD_MS) until the start and
//      redirects to the page, by then rendered afresh. See metaRefreshSeconds for why this never fires late.
// With JavaScript, SaleCountdown (src/components/web) ticks from the server's clock (/p/<slug>/clock) and enables
// the buy button in place. Checkout answers NOT_STARTED on its own clock in any case (src/commerce/flashSale.ts).
//
// Limits: the tag manifest is per process and in memory (Next's default cache handler), so after a restart or on
// another instance it is re-armed by the first /clock or /start request of that product; until then the lowered
// revalidate bounds what a stale page can cost (one stale answer after the start, the usual stale-while-revalidate).

/** How long /p/<slug>/start holds a no-JavaScript reader before the start (a proxy's read timeout is usually 60 s). */
export const HOLD_MS = 25_000
/** The longest a pre-start page waits before asking /start again; below HOLD_MS (see metaRefreshSeconds). */
export const STEP_S = 20
/** /start redirects this long after the start, so the tag has expired on the cache's clock too. */
export const START_MARGIN_MS = 100

export const saleTags = (productId: string) => ({ start: `flash-sale-start:${productId}`, hold: `flash-sale-hold:${productId}` })

/**
 * The meta refresh delay of a page rendered `remainingMs` before the start: 0 within HOLD_MS (straight to /start,
 * which holds until the start), else at most STEP_S. Pages served within HOLD_MS of the start were rendered within it
 * (the hold tag expires every older entry), so a page served earlier fires before `start − HOLD_MS + STEP_S`, i.e.
 * before the start, however stale it was: every reader reaches /start in time and is redirected at the start.
 */
export function metaRefreshSeconds(remainingMs: number): number {
  if (remainingMs <= HOLD_MS) return 0
  return Math.min(Math.ceil((remainingMs - HOLD_MS) / 1000), STEP_S)
}

/** Seconds until the page rendered at `nowMs` must be rendered again: the hold point, then the start (1–300 s). */
export function pageRevalidateSeconds(startsAtMs: number, nowMs: number): number {
  const next = startsAtMs - HOLD_MS > nowMs ? startsAtMs - HOLD_MS : startsAtMs
  return Math.max(1, Math.min(300, Math.ceil((next - nowMs) / 1000)))
}

/**
 * In the page render of a product whose sale is ahead: tags the cached page (for armSaleStart) and lowers its
 * revalidate to the next flip point. Outside Next (tests, scripts) it does nothing.
 */
export async function tagSalePage(productId: string, startsAtMs: number, nowMs = Date.now()): Promise<void> {
  try {
    const { unstable_cache } = await import('next/cache')
    const tags = saleTags(productId)
    // The cached value is irrelevant; calling it adds the tags and the revalidate time to the page being rendered.
    await unstable_cache(async () => startsAtMs, ['flash-sale-page', productId, String(startsAtMs)], {
      tags: [tags.start, tags.hold],
      revalidate: pageRevalidateSeconds(startsAtMs, nowMs),
    })()
  } catch {
    // not inside a Next.js render
  }
}

const armed = new Map<string, number>()

/**
 * Schedules the cached pages of a product to expire at its sale's start (and HOLD_MS before it), once per process and
 * start time (each call also marks the pages stale now, so repeating it would re-render them for nothing). Must run
 * in a request context (route handler, Payload REST request); elsewhere it does nothing. Returns whether it armed.
 */
export async function armSaleStart(productId: string, startsAtMs: number, nowMs = Date.now()): Promise<boolean> {
  if (startsAtMs <= nowMs || armed.get(productId) === startsAtMs) return false
  try {
    const { revalidateTag } = await import('next/cache')
    const tags = saleTags(productId)
    revalidateTag(tags.start, { expire: (startsAtMs - nowMs) / 1000 })
    if (startsAtMs - HOLD_MS > nowMs) revalidateTag(tags.hold, { expire: (startsAtMs - HOLD_MS - nowMs) / 1000 })
    armed.set(productId, startsAtMs)
    return true
  } catch {
    return false // not inside a Next.js request (CLI, seed, tests)
  }
}
