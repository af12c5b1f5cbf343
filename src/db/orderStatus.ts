// The compare-and-set of a status column (orders, payments): a state change such as pending_payment → cancelled has
// exactly one winner, however many callers race for it. Only src/commerce/ calls this.
import { sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { activeEngine } from './engine'
import { mongoModel } from './mongo'
import { execute } from './relational'

type MongoModel = { updateOne: (filter: object, update: object) => Promise<{ modifiedCount?: number }> }

const STATUS_TABLES = { orders: 'orders', payments: 'payments' } as const
export type StatusCollection = keyof typeof STATUS_TABLES

/**
 * Moves `status` from `from` to `to` only if it still is `from`; returns whether this call won.
 * One UPDATE … WHERE status = ? (SQLite, PostgreSQL) / updateOne({ status }) (MongoDB): concurrent callers cannot both win.
 */
export async function compareAndSetStatus(payload: Payload, collection: StatusCollection, id: string, from: string, to: string): Promise<boolean> {
  const now = new Date()
  if (activeEngine() === 'mongodb') {
    const result = await mongoModel<MongoModel>(payload, collection).updateOne({ _id: id, status: from }, { $set: { status: to, updatedAt: now } })
    return (result.modifiedCount ?? 0) === 1
  }
  const table = sql.raw(STATUS_TABLES[collection])
  const result = await execute(payload, sql`UPDATE ${table} SET status = ${to}, updated_at = ${now.toISOString()} WHERE id = ${id} AND status = ${from}`)
  return result.rowsAffected === 1
}
