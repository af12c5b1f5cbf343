// A payment attempt row, written once WeChat Pay has answered the prepay. The data is the server's own (nothing
// to validate, no hooks to run), so the hot path writes it in one statement instead of Payload's create.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import type { Payment } from '@/payload-types'

import { activeEngine } from './engine'
import { bool, execute } from './relational'

export type NewPayment = Pick<Payment, 'outTradeNo' | 'attempt' | 'channel' | 'amount' | 'sandbox'> & {
  order: string
  brand: string
  prepayId?: string
  payUrl?: string
  payerOpenid?: string
}

export async function insertPayment(payload: Payload, p: NewPayment): Promise<void> {
  const data = { ...p, status: 'pending' as const }
  if (activeEngine() === 'mongodb') {
    await payload.db.create({ collection: 'payments', data })
    return
  }
  // created_at/updated_at come from the column defaults (the database clock), as for every other row.
  await execute(
    payload,
    sql`INSERT INTO payments (id, order_id, out_trade_no, attempt, channel, amount, status, sandbox, prepay_id, pay_url, payer_openid, brand_id)
    VALUES (${crypto.randomUUID()}, ${p.order}, ${p.outTradeNo}, ${p.attempt}, ${p.channel}, ${p.amount}, 'pending', ${bool(Boolean(p.sandbox))}, ${p.prepayId ?? null}, ${p.payUrl ?? null}, ${p.payerOpenid ?? null}, ${p.brand})`,
  )
}
