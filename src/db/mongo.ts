// The MongoDB engine's handles, as the primitives of src/db use them: Payload's mongoose models and sessions.
import type { Payload } from 'payload'

/** The mongoose model of a collection, typed as the caller uses it. */
export const mongoModel = <Model>(payload: Payload, slug: string) => (payload.db as unknown as { collections: Record<string, Model> }).collections[slug]

/** The session of a Payload transaction (to pass to mongoose calls), if one is open. */
export const mongoSession = (payload: Payload, transactionID: string | number | null | undefined) =>
  transactionID ? (payload.db as unknown as { sessions: Record<string, unknown> }).sessions[String(transactionID)] : undefined
