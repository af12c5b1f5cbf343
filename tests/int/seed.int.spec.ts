import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '@/seed'

import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdown(payload))

type ContentNode = { type?: unknown; tag?: unknown; fields?: { blockType?: unknown }; children?: ContentNode[] }

const typesIn = (node: ContentNode | undefined, found = new Set<string>()): Set<string> => {
  if (typeof node?.type === 'string')
    found.add(node.type === 'heading' ? `heading:${node.tag}` : node.type === 'block' ? `block:${node.fields?.blockType}` : node.type)
  for (const child of node?.children ?? []) typesIn(child, found)
  return found
}

describe('seed', () => {
  it('creates the demo and is idempotent', async () => {
    const first = await seed({ payload })
    expect(first.created.products).toBe(7)
    expect(first.created.articles).toBe(3)
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          (['brands', 'users', 'media', 'products', 'articles', 'communities'] as const).map(async (c) => [
            c,
            (await payload.count({ collection: c })).totalDocs,
          ]),
        ),
      )
    const before = await counts()
    const second = await seed({ payload })
    expect(second.created).toEqual({})
    expect(await counts()).toEqual(before)
  })

  it('seeds articles with headings, lists, quotes, links, images and product blocks', async () => {
    const { docs } = await payload.find({ collection: 'articles', limit: 10 })
    expect(docs).toHaveLength(3)
    const all = new Set<string>()
    for (const a of docs) typesIn(a.content.root, all)
    expect([...all]).toEqual(expect.arrayContaining(['heading:h2', 'list', 'listitem', 'quote', 'link', 'upload', 'block:productCard']))
  })

  it('every seeded product has a real image and a price in fen', async () => {
    const { docs } = await payload.find({ collection: 'products', limit: 20, depth: 1 })
    for (const p of docs) {
      expect(Number.isInteger(p.price)).toBe(true)
      const image = p.images?.[0]
      expect(typeof image === 'object' && image?.width).toBeGreaterThan(100)
    }
  })
})
