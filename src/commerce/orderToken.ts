import crypto from 'node:crypto'

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
  const d = new Date(now + 8 * 3600_000) // China time for the date part
  const ymd = d.toISOString().slice(2, 10).replace(/-/g, '')
  const rand = crypto.randomInt(0, 1e10).toString().padStart(10, '0')
  return `TW${ymd}${rand}`
}

export const orderPath = (number: string, token: string) => `/o/${encodeURIComponent(number)}?t=${encodeURIComponent(token)}`
