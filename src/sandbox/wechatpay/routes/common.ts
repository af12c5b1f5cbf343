import type { MerchantRegistration } from '../types'

export type RouteRequest = {
  merchant: MerchantRegistration
  /** Parsed JSON body (POST). */
  body: Record<string, unknown>
  query: URLSearchParams
  params: Record<string, string>
  origin: string
}
