import type { Payload } from 'payload'

import type { Reader } from '@/platform/reader'

/** The `customers` id of the WeChat reader, if that reader still exists (a stale id would fail the order). */
export async function readerIdFor(payload: Payload, reader: Reader): Promise<string | undefined> {
  const id = reader.customerId
  if (!id) return undefined
  const found = await payload.findByID({ collection: 'customers', id, depth: 0, overrideAccess: true, disableErrors: true }).catch(() => null)
  return found ? String(found.id) : undefined
}
