'use client'
import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** Re-reads the order every few seconds while it waits for a payment made elsewhere (e.g. a scanned QR). */
export function RefreshWhilePending({ everyMs = 4000, forMs = 15 * 60_000 }: { everyMs?: number; forMs?: number }) {
  const router = useRouter()
  useEffect(() => {
    const started = Date.now()
    const timer = setInterval(() => {
      if (Date.now() - started > forMs) clearInterval(timer)
      else router.refresh()
    }, everyMs)
    return () => clearInterval(timer)
  }, [router, everyMs, forMs])
  return null
}
