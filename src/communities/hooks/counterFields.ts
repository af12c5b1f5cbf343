import { type CollectionAfterChangeHook, type CollectionBeforeChangeHook, type NumberField, ValidationError } from 'payload'

import { counterKey, type CounterKind, readCounter, setLimit } from '../../db/counters'

/**
 * The count taken so far (seats, coupons), shown read-only in the admin and the API. Virtual: the number lives
 * in `community-counters` (see src/db/counters.ts), so saving the document can never write back a stale count.
 */
export function usedCountField(kind: Exclude<CounterKind, 'members'>, name: string, label: { en: string; zh: string }): NumberField {
  return {
    name,
    type: 'number',
    virtual: true,
    label,
    access: { create: () => false, update: () => false },
    admin: { readOnly: true },
    hooks: {
      afterRead: [
        async ({ data, originalDoc, req }) => {
          const id = (originalDoc as { id?: string } | undefined)?.id ?? (data as { id?: string } | undefined)?.id
          return id ? ((await readCounter(req.payload, counterKey(kind, String(id)), req))?.used ?? 0) : 0
        },
      ],
    },
  }
}

export const counterLimitHooks = {
  /** The limit must be a whole number and not below what is already taken. */
  beforeChange:
    (kind: Exclude<CounterKind, 'members'>, limitField: string): CollectionBeforeChangeHook =>
    async ({ data, originalDoc, operation, req, collection }) => {
      const limit = data[limitField]
      if (limit === undefined) return data
      const fail = (message: string) => new ValidationError({ collection: collection.slug, errors: [{ path: limitField, message }], req })
      if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 1) throw fail('必须是大于 0 的整数 (a whole number ≥ 1)')
      if (operation === 'update' && originalDoc?.id) {
        const used = (await readCounter(req.payload, counterKey(kind, String(originalDoc.id)), req))?.used ?? 0
        if (limit < used) throw fail(`不能少于已领取/已报名的数量 ${used} (cannot go below ${used} already taken)`)
      }
      return data
    },
  /** Creates the counter with the document, and moves its limit when the limit is edited. */
  afterChange:
    (kind: Exclude<CounterKind, 'members'>, limitField: string): CollectionAfterChangeHook =>
    async ({ doc, previousDoc, operation, req }) => {
      if (operation === 'create' || previousDoc?.[limitField] !== doc[limitField]) {
        await setLimit(req.payload, counterKey(kind, String(doc.id)), Number(doc[limitField]), req)
      }
      return doc
    },
}
