import { describe, expect, it } from 'vitest'

import { productsOfOwnBrands } from './productsOfOwnBrands'

const member = (rows: { brand: string; role: string }[]) => ({ id: 'u', roles: ['member'], brands: rows })
const admin = { id: 'a', roles: ['admin'], brands: [] }
const headers = (cookie?: string) => new Headers(cookie ? { cookie } : {})
const filter = (user: unknown, data: Record<string, unknown> = {}, cookie?: string) =>
  (productsOfOwnBrands as (args: unknown) => unknown)({
    user,
    data,
    req: { headers: headers(cookie) },
    siblingData: {},
    id: undefined,
    relationTo: 'products',
    blockData: {},
  })

describe('product picker inside article blocks', () => {
  it("offers only the article's brand, when the editor writes there", () => {
    expect(
      filter(
        member([
          { brand: 'A', role: 'editor' },
          { brand: 'C', role: 'owner' },
        ]),
        { brand: 'A' },
      ),
    ).toEqual({ brand: { equals: 'A' } })
  })
  it("never offers another brand's products, whatever the article or the selector says", () => {
    const editorB = member([{ brand: 'B', role: 'editor' }])
    expect(filter(editorB, { brand: 'A' })).toEqual({ brand: { in: ['B'] } })
    expect(filter(editorB, {}, 'payload-tenant=A')).toEqual({ brand: { in: ['B'] } })
  })
  it("an operator (no content rights) is offered nothing of the brand's to embed", () => {
    expect(filter(member([{ brand: 'A', role: 'operator' }]), { brand: 'A' })).toEqual({ brand: { in: [] } })
  })
  it('admins get the article brand, else the selected brand, else everything', () => {
    expect(filter(admin, { brand: 'B' })).toEqual({ brand: { equals: 'B' } })
    expect(filter(admin, {}, 'payload-tenant=A')).toEqual({ brand: { equals: 'A' } })
    expect(filter(admin)).toBe(true)
  })
  it('server-side writes without a user are not filtered (the Local API trusts them)', () => {
    expect(filter(undefined, { brand: 'A' })).toBe(true)
  })
})
