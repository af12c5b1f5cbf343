import type { Payload } from 'payload'

import { readerFromHeaders } from '@/wechat/identity/readerSession'

/** The `customers` id behind a valid reader cookie, if that reader still exists (a stale id would fail the order). */
export async function readerIdFor(payload: Payload, headers: Headers): Promise<string | undefined> {
  const id = readerFromHeaders(headers)?.customerId
  if (!id) return undefined
  const found = await payload.findByID({ collection: 'customers', id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
  return found ? String(found.id) : undefined
}
