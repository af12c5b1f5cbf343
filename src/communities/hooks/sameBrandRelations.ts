import { type CollectionBeforeChangeHook, type CollectionSlug, ValidationError } from 'payload'

import { idOf } from '../../access/roles'

export type BrandRelation = { field: string; collection: CollectionSlug; array?: string; optionalBrand?: boolean }

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? value : [value]).map(idOf).filter((id): id is string => Boolean(id))

/**
 * Rejects (400) a relationship to a document of another brand: a community's pinned articles, an event's
 * community, a group QR image. Runs on every create/update, whichever fields were sent, so moving the
 * document to another brand is checked against its existing relations too. Media may have no brand
 * (`optionalBrand`): then only a different brand is rejected.
 */
export const sameBrandRelations =
  (relations: BrandRelation[]): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req, collection }) => {
    const doc = { ...(originalDoc ?? {}), ...data } as Record<string, unknown>
    const brand = idOf(doc.brand)
    if (!brand) return data
    const errors: { path: string; message: string }[] = []
    for (const rel of relations) {
      const rows = rel.array ? ((doc[rel.array] as Record<string, unknown>[] | null | undefined) ?? []) : [doc]
      for (const [index, row] of rows.entries()) {
        const ids = idsIn(row?.[rel.field])
        if (!ids.length) continue
        const { docs } = await req.payload.find({
          collection: rel.collection,
          where: { id: { in: ids } },
          depth: 0,
          limit: ids.length,
          pagination: false,
          overrideAccess: true,
          req,
        })
        const found = new Map(docs.map((d) => [String(d.id), idOf((d as { brand?: unknown }).brand)]))
        for (const id of ids) {
          const path = rel.array ? `${rel.array}.${index}.${rel.field}` : rel.field
          if (!found.has(id)) errors.push({ path, message: '关联的内容不存在 (related document not found)' })
          else {
            const other = found.get(id)
            if (other === brand || (rel.optionalBrand && !other)) continue
            errors.push({ path, message: '不能关联其他品牌的内容 (belongs to another brand)' })
          }
        }
      }
    }
    if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
