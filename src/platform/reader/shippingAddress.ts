// The reader's shipping address, remembered on their device (`tw_addr`) after they type it once: the 确认订单 page
// fills it in again, also after a refused order (the form's values survive the redirect without travelling in a URL).
import { readCookie, readerCookieHeader } from './cookies'

export const ADDRESS_COOKIE = 'tw_addr'
const TTL_SECONDS = 180 * 24 * 3600

export type ShippingAddress = { name: string; phone: string; address: string }

export const ADDRESS_LIMITS = { name: 40, phone: 20, address: 200 } as const

const fits = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max

export function addressCookie(address: ShippingAddress, secure: boolean): string {
  const value = Buffer.from(JSON.stringify(address), 'utf8').toString('base64url')
  return readerCookieHeader(ADDRESS_COOKIE, value, TTL_SECONDS, secure)
}

/** The remembered address, or undefined if none or not one we wrote (a cookie is the client's to change). */
export function addressFromHeaders(headers: Pick<Headers, 'get'>): ShippingAddress | undefined {
  const raw = readCookie(headers, ADDRESS_COOKIE)
  if (!raw || raw.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(raw)) return undefined
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Record<string, unknown>
    const { name, phone, address } = parsed
    if (!fits(name, ADDRESS_LIMITS.name) || !fits(phone, ADDRESS_LIMITS.phone) || !fits(address, ADDRESS_LIMITS.address)) return undefined
    return { name, phone, address }
  } catch {
    return undefined
  }
}
