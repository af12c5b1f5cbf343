import type { Order } from '@/payload-types'
import { decryptSecret } from '@/platform/secrets'

import { orderPath } from './orderToken'

/** The buyer's order page path from the token kept encrypted on the order (read with showHiddenFields), or undefined. */
export function storedOrderPath(order: Pick<Order, 'number'> & { accessTokenEncrypted?: string | null }): string | undefined {
  if (!order.accessTokenEncrypted) return undefined
  try {
    return orderPath(order.number, decryptSecret(order.accessTokenEncrypted))
  } catch {
    return undefined
  }
}
