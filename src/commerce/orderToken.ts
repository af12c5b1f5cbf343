import crypto from 'node:crypto'

import { beijingDay } from '@/platform/beijingTime'

/** An unguessable guest token (128 bits, base64url); only its sha256 is stored on the order. */
export function newOrderToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(16).toString('base64url')
  return { token, hash: hashOrderToken(token) }
}

export const hashOrderToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex')

export function tokenMatches(token: string | null | undefined, hash: string | null | undefined): boolean {
  if (!token || !hash || token.length > 64) return false
  const a = Buffer.from(hashOrderToken(token), 'hex')
  const b = Buffer.from(hash, 'hex')
  return a.length === b.length && crypto.timingSafeEqual(a, b)
}

/** Order numbers: TW + yymmdd + 10 random digits (readable, unique, and not the payment's out_trade_no). */
export function newOrderNumber(now: number): string {
  const ymd = beijingDay(now).slice(2).replace(/-/g, '')
  const rand = crypto.randomInt(0, 1e10).toString().padStart(10, '0')
  return `TW${ymd}${rand}`
}

export const orderPath = (number: string, token: string) => `/o/${encodeURIComponent(number)}?t=${encodeURIComponent(token)}`
/** The buyer's 去支付 (GET, a page): obtains the prepay and sends the buyer to pay (src/app/(frontend)/o/[number]/pay). */
export const payPath = (number: string, token: string) => `/o/${encodeURIComponent(number)}/pay?t=${encodeURIComponent(token)}`
/** The same for a page's script (POST, JSON): src/commerce/endpoints.ts. */
export const prepayPath = (number: string, token: string) => `/api/checkout/${encodeURIComponent(number)}/prepay?t=${encodeURIComponent(token)}`
