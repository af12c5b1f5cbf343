// A WeChat Pay success applied in ONE atomic step: the payment attempt pending → paid (with the transaction's
// details) AND its order pending_payment → paid, with the order's history row and its outbox messages. Done as
// separate writes, a process killed between them left a paid payment under an unpaid order: every retried notify
// then answered "duplicate", and the expiry job cancelled the order and sold its stock again. Only
// src/commerce/settle.ts calls this.
import crypto from 'node:crypto'

import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel, mongoSession } from './mongo'
import { outboxDocument, outboxInsertSql, type OutboxMessage } from './outbox'
import { onPostgres, pgTransaction } from './relational'
import { sqliteBatch } from './sqlite'

export type Settlement = {
  paymentId: string
  orderId: string
  brand: string
  transactionId?: string
  paidAt: string
  settledBy: 'callback' | 'query'
  payerOpenid?: string
  history: { reason: string; actor: string }
  /** Written only when this call moved the order. */
  outbox: OutboxMessage[]
  now?: number
}

/** `payment`: this call marked the attempt paid. `order`: this call moved the order to paid. */
export type SettlementResult = { payment: boolean; order: boolean }

export async function settleAtomically(payload: Payload, s: Settlement): Promise<SettlementResult> {
  if (activeEngine() === 'mongodb') return mongoSettle(payload, s)
  const now = s.now ?? Date.now()
  const at = new Date(now).toISOString()
  const markPaid = sql`UPDATE payments SET status = 'paid', transaction_id = ${s.transactionId ?? null}, paid_at = ${s.paidAt}, settled_by = ${s.settledBy},
      payer_openid = COALESCE(${s.payerOpenid ?? null}, payer_openid), updated_at = ${at} WHERE id = ${s.paymentId} AND status = 'pending'`
  // The order moves with a paid attempt of its own; that also completes an order left behind by a settlement done
  // in separate writes before this step existed.
  const moveOrder = sql`UPDATE orders SET status = 'paid', paid_at = ${s.paidAt}, updated_at = ${at}
      WHERE id = ${s.orderId} AND status = 'pending_payment' AND EXISTS (SELECT 1 FROM payments WHERE id = ${s.paymentId} AND order_id = ${s.orderId} AND status = 'paid')`
  const historyValues = sql`${crypto.randomUUID()}, ${s.orderId}, 'pending_payment', 'paid', ${s.history.reason}, ${s.history.actor}, ${s.brand}`
  if (onPostgres()) {
    return pgTransaction(payload, async (exec) => {
      const payment = (await exec(markPaid)).rowsAffected === 1
      const order = (await exec(moveOrder)).rowsAffected === 1
      if (order) {
        await exec(sql`INSERT INTO order_events (id, order_id, "from", "to", reason, actor, brand_id) VALUES (${historyValues})`)
        for (const message of s.outbox) await exec(outboxInsertSql(message, now))
      }
      return { payment, order }
    })
  }
  // SQLite: one write transaction. Each later row is written only if the statement before it changed a row
  // (changes() counts the previous statement's rows on this connection): order moved → history → each message.
  const moved = sql`changes() = 1`
  const results = await sqliteBatch(payload, [
    markPaid,
    moveOrder,
    sql`INSERT INTO order_events (id, order_id, "from", "to", reason, actor, brand_id) SELECT ${historyValues} WHERE ${moved}`,
    ...s.outbox.map((message) => outboxInsertSql(message, now, moved)),
  ])
  return { payment: (results[0].rowsAffected ?? 0) === 1, order: (results[1].rowsAffected ?? 0) === 1 }
}

type MongoModel = {
  updateOne: (filter: object, update: object, options?: object) => Promise<{ modifiedCount?: number }>
  exists: (filter: object) => { session: (s: unknown) => Promise<unknown> }
}

async function mongoSettle(payload: Payload, s: Settlement): Promise<SettlementResult> {
  const now = s.now ?? Date.now()
  const transactionID = await payload.db.beginTransaction()
  const session = mongoSession(payload, transactionID)
  const req = { transactionID } as never
  try {
    const payments = mongoModel<MongoModel>(payload, 'payments')
    const markPaid = await payments.updateOne(
      { _id: s.paymentId, status: 'pending' },
      {
        $set: {
          status: 'paid',
          transactionId: s.transactionId,
          paidAt: new Date(s.paidAt),
          settledBy: s.settledBy,
          ...(s.payerOpenid ? { payerOpenid: s.payerOpenid } : {}),
          updatedAt: new Date(now),
        },
      },
      { session },
    )
    const ownPaid = await payments.exists({ _id: s.paymentId, order: s.orderId, status: 'paid' }).session(session)
    const moveOrder = ownPaid
      ? await mongoModel<MongoModel>(payload, 'orders').updateOne(
          { _id: s.orderId, status: 'pending_payment' },
          { $set: { status: 'paid', paidAt: new Date(s.paidAt), updatedAt: new Date(now) } },
          { session },
        )
      : { modifiedCount: 0 }
    const order = (moveOrder.modifiedCount ?? 0) === 1
    if (order) {
      await payload.db.create({
        collection: 'order-events',
        data: { order: s.orderId, from: 'pending_payment', to: 'paid', reason: s.history.reason, actor: s.history.actor, brand: s.brand },
        req,
      })
      for (const message of s.outbox) await payload.db.create({ collection: 'outbox', data: outboxDocument(message, now), req })
    }
    if (transactionID) await payload.db.commitTransaction(transactionID)
    return { payment: (markPaid.modifiedCount ?? 0) === 1, order }
  } catch (error) {
    if (transactionID) await payload.db.rollbackTransaction(transactionID).catch(() => undefined)
    throw error
  }
}
