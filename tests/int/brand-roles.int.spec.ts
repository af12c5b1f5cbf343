// Roles inside a brand (owner / editor / operator) and who manages memberships: what each role may do in
// its own brand over REST, what a brand owner may and may not change on accounts, and the brand selector's
// options and default. Cross-brand isolation for every collection is in brand-isolation.int.spec.ts.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Order, User } from '@/payload-types'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
const tokens: Record<string, string> = {}
let orderA: Order
let twoBrandUser: User

const appId = () => `wx${Array.from({ length: 16 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')}`
const membershipsOf = async (id: string) =>
  ((await payload.findByID({ collection: 'users', id, depth: 0, overrideAccess: true })).brands ?? []).map((m) => [m.brand, m.role])

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  for (const key of ['admin', 'editorA', 'ownerA', 'operatorA', 'editorB'] as const) tokens[key] = await login(w[key].email, w.password)
  orderA = await payload.create({
    collection: 'orders',
    data: {
      number: `R${Date.now()}`,
      status: 'paid',
      brand: w.brandA.id,
      total: 1290,
      items: [{ product: w.productA.id, title: 'x', unitPrice: 1290, quantity: 1 }],
    },
  })
  twoBrandUser = await payload.create({
    collection: 'users',
    data: {
      email: `two-brands-${Date.now()}@test.local`,
      password: w.password,
      roles: ['member'],
      brands: [
        { brand: w.brandA.id, role: 'editor' },
        { brand: w.brandB.id, role: 'owner' },
      ],
    },
  })
})
afterAll(() => shutdown(payload))

describe('what each role may do in its own brand', () => {
  it('editors write products and articles; operators and editors cannot touch WeChat account settings', async () => {
    const product = await rest('POST', '/products', { token: tokens.editorA, json: { title: '编辑新品', brand: w.brandA.id, price: 500, stock: 1 } })
    expect(product.status).toBe(201)
    expect((await rest('POST', '/products', { token: tokens.operatorA, json: { title: '运营新品', brand: w.brandA.id, price: 500, stock: 1 } })).status).toBe(
      403,
    )
    for (const token of [tokens.editorA, tokens.operatorA]) {
      const res = await rest('POST', '/wechat-accounts', { token, json: { name: '越权公众号', appId: appId(), brand: w.brandA.id } })
      expect(res.status).toBe(403)
    }
    expect((await payload.count({ collection: 'wechat-accounts', where: { name: { equals: '越权公众号' } } })).totalDocs).toBe(0)
  })

  it('the owner connects the WeChat account and edits the brand itself; others cannot edit the brand', async () => {
    const account = await rest('POST', '/wechat-accounts', { token: tokens.ownerA, json: { name: 'A 的公众号', appId: appId(), brand: w.brandA.id } })
    expect(account.status).toBe(201)
    expect((await rest('PATCH', `/brands/${w.brandA.id}`, { token: tokens.ownerA, json: { primaryColor: '#112233' } })).status).toBe(200)
    for (const token of [tokens.editorA, tokens.operatorA]) {
      expect([403, 404]).toContain((await rest('PATCH', `/brands/${w.brandA.id}`, { token, json: { primaryColor: '#000000' } })).status)
    }
    expect([403, 404]).toContain((await rest('PATCH', `/brands/${w.brandB.id}`, { token: tokens.ownerA, json: { primaryColor: '#000000' } })).status)
    const brandA = await payload.findByID({ collection: 'brands', id: w.brandA.id })
    expect(brandA.primaryColor).toBe('#112233')
    expect((await payload.findByID({ collection: 'brands', id: w.brandB.id })).primaryColor).not.toBe('#000000')
  })

  it('operators and owners handle after-sales; editors cannot act on orders', async () => {
    const ship = (token: string) =>
      rest('POST', `/orders/${orderA.id}/action`, { token, json: { action: 'ship', carrier: 'sf', trackingNumber: 'SF1234567890' } })
    expect([403, 404]).toContain((await ship(tokens.editorA)).status)
    expect((await payload.findByID({ collection: 'orders', id: orderA.id })).status).toBe('paid')
    const shipped = await ship(tokens.operatorA)
    expect(shipped.status).toBe(200)
    expect((await payload.findByID({ collection: 'orders', id: orderA.id })).status).toBe('shipped')
  })

  it('a member of two brands has a different role in each', async () => {
    const token = await login(twoBrandUser.email, w.password)
    // editor in A: content yes, settings no
    expect((await rest('POST', '/products', { token, json: { title: '两边的商品', brand: w.brandA.id, price: 100, stock: 1 } })).status).toBe(201)
    expect((await rest('PATCH', `/brands/${w.brandA.id}`, { token, json: { primaryColor: '#abcdef' } })).status).toBe(403)
    // owner in B: settings yes
    expect((await rest('PATCH', `/brands/${w.brandB.id}`, { token, json: { primaryColor: '#abcdef' } })).status).toBe(200)
    // orders: B's yes (owner), A's no (editor)
    const orders = await rest('GET', '/orders?limit=100&depth=0', { token })
    expect(orders.status).toBe(200)
    expect(orders.body.docs.map((o: { id: string }) => o.id)).not.toContain(orderA.id)
  })
})

describe('brand owners manage their members', () => {
  it('an owner invites a member into their brand; the new member works there with that role', async () => {
    const email = `invited-${Date.now()}@test.local`
    const res = await rest('POST', '/users', {
      token: tokens.ownerA,
      json: { email, password: 'invited-password-1', roles: ['admin'], brands: [{ brand: w.brandA.id, role: 'operator' }] },
    })
    expect(res.status).toBe(201)
    expect(res.body.doc.roles).toEqual(['member'])
    const token = await login(email, 'invited-password-1')
    expect((await rest('GET', `/orders/${orderA.id}`, { token })).status).toBe(200)
    expect((await rest('POST', '/products', { token, json: { title: '不该有', brand: w.brandA.id, price: 1, stock: 1 } })).status).toBe(403)
  })

  it('an owner cannot invite into another brand, nor create an account without a brand', async () => {
    const intoB = await rest('POST', '/users', {
      token: tokens.ownerA,
      json: { email: `sneaky-${Date.now()}@test.local`, password: 'x-long-password', brands: [{ brand: w.brandB.id, role: 'owner' }] },
    })
    expect(intoB.status).toBe(400)
    expect(JSON.stringify(intoB.body)).toMatch(/只能管理你负责的品牌/)
    const none = await rest('POST', '/users', { token: tokens.ownerA, json: { email: `nobrand-${Date.now()}@test.local`, password: 'x-long-password' } })
    expect(none.status).toBe(400)
    expect((await payload.count({ collection: 'users', where: { email: { like: 'sneaky-' } }, overrideAccess: true })).totalDocs).toBe(0)
  })

  it('a member has one role per brand: two rows for the same brand are refused', async () => {
    const res = await rest('PATCH', `/users/${w.editorA.id}`, {
      token: tokens.ownerA,
      json: {
        brands: [
          { brand: w.brandA.id, role: 'editor' },
          { brand: w.brandA.id, role: 'operator' },
        ],
      },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/同一品牌只能设置一个角色/)
    expect(await membershipsOf(w.editorA.id)).toEqual([[w.brandA.id, 'editor']])
  })

  it("an owner lists their brand's members only", async () => {
    const res = await rest('GET', '/users?limit=100&depth=0', { token: tokens.ownerA })
    const ids = res.body.docs.map((u: { id: string }) => u.id)
    expect(ids).toEqual(expect.arrayContaining([w.ownerA.id, w.editorA.id, w.operatorA.id, twoBrandUser.id]))
    expect(ids).not.toContain(w.editorB.id)
    expect(ids).not.toContain(w.admin.id)
    expect((await rest('GET', `/users/${w.editorB.id}`, { token: tokens.ownerA })).status).toBe(404)
  })

  it("an owner changes a member's role in their brand, and the new role takes effect", async () => {
    const res = await rest('PATCH', `/users/${w.operatorA.id}`, { token: tokens.ownerA, json: { brands: [{ brand: w.brandA.id, role: 'editor' }] } })
    expect(res.status).toBe(200)
    expect(await membershipsOf(w.operatorA.id)).toEqual([[w.brandA.id, 'editor']])
    // The session the member already has: the new role applies to its next request, no new login needed.
    const token = tokens.operatorA
    expect((await rest('POST', '/products', { token, json: { title: '改角色后', brand: w.brandA.id, price: 1, stock: 1 } })).status).toBe(201)
    expect((await rest('GET', `/orders/${orderA.id}`, { token })).status).toBe(403)
  })

  it("an owner cannot change, add or remove another brand's membership of a shared member", async () => {
    const before = await membershipsOf(twoBrandUser.id)
    for (const brands of [
      [{ brand: w.brandA.id, role: 'editor' }], // drops B
      [
        { brand: w.brandA.id, role: 'editor' },
        { brand: w.brandB.id, role: 'operator' },
      ], // demotes in B
    ]) {
      const res = await rest('PATCH', `/users/${twoBrandUser.id}`, { token: tokens.ownerA, json: { brands } })
      expect(res.status).toBe(400)
    }
    expect(await membershipsOf(twoBrandUser.id)).toEqual(before)
    // its own brand's row is theirs to change
    const ok = await rest('PATCH', `/users/${twoBrandUser.id}`, {
      token: tokens.ownerA,
      json: {
        brands: [
          { brand: w.brandA.id, role: 'operator' },
          { brand: w.brandB.id, role: 'owner' },
        ],
      },
    })
    expect(ok.status).toBe(200)
    expect(await membershipsOf(twoBrandUser.id)).toEqual([
      [w.brandA.id, 'operator'],
      [w.brandB.id, 'owner'],
    ])
  })

  it("an owner cannot take over a member's login, promote themselves, or delete accounts", async () => {
    const pw = await rest('PATCH', `/users/${w.editorA.id}`, { token: tokens.ownerA, json: { password: 'taken-over-123' } })
    expect(pw.status).toBe(400)
    const mail = await rest('PATCH', `/users/${w.editorA.id}`, { token: tokens.ownerA, json: { email: 'taken@test.local' } })
    expect(mail.status).toBe(400)
    await expect(login(w.editorA.email, w.password)).resolves.toBeTruthy()

    const self = await rest('PATCH', `/users/${w.ownerA.id}`, {
      token: tokens.ownerA,
      json: {
        roles: ['admin'],
        brands: [
          { brand: w.brandA.id, role: 'owner' },
          { brand: w.brandB.id, role: 'owner' },
        ],
      },
    })
    expect(self.status).toBe(400)
    const fresh = await payload.findByID({ collection: 'users', id: w.ownerA.id, depth: 0, overrideAccess: true })
    expect(fresh.roles).toEqual(['member'])
    expect(await membershipsOf(w.ownerA.id)).toEqual([[w.brandA.id, 'owner']])

    expect((await rest('DELETE', `/users/${w.editorA.id}`, { token: tokens.ownerA })).status).toBe(403)
  })

  it('members edit their own name, but cannot change their memberships', async () => {
    const res = await rest('PATCH', `/users/${w.editorB.id}`, {
      token: tokens.editorB,
      json: { name: '新名字', brands: [{ brand: w.brandB.id, role: 'owner' }] },
    })
    expect(res.status, JSON.stringify(res.body)).toBe(200)
    expect(res.body.doc.name).toBe('新名字')
    expect(await membershipsOf(w.editorB.id)).toEqual([[w.brandB.id, 'editor']])
  })

  it('removing a membership removes the access that came with it', async () => {
    const email = `leaver-${Date.now()}@test.local`
    await rest('POST', '/users', { token: tokens.ownerA, json: { email, password: 'leaver-password-1', brands: [{ brand: w.brandA.id, role: 'editor' }] } })
    const leaver = (await payload.find({ collection: 'users', where: { email: { equals: email } }, overrideAccess: true })).docs[0]
    expect((await rest('PATCH', `/users/${leaver.id}`, { token: tokens.ownerA, json: { brands: [] } })).status).toBe(200)
    const token = await login(email, 'leaver-password-1')
    expect([403, 404]).toContain((await rest('GET', `/products/${w.draftProductA.id}`, { token })).status)
    expect((await rest('POST', '/products', { token, json: { title: '离职后', brand: w.brandA.id, price: 1, stock: 1 } })).status).toBe(403)
  })
})

describe('brand selector (multi-tenant plugin)', () => {
  it('offers a member their own brands only, and an admin every brand', async () => {
    const own = await rest('GET', '/brands/populate-tenant-options', { token: tokens.editorB })
    expect(own.status).toBe(200)
    expect(own.body.tenantOptions.map((o: { value: string }) => o.value)).toEqual([w.brandB.id])
    const all = await rest('GET', '/brands/populate-tenant-options', { token: tokens.admin })
    expect(all.body.tenantOptions.map((o: { value: string }) => o.value)).toEqual(expect.arrayContaining([w.brandA.id, w.brandB.id]))
  })

  it('a new document goes to the brand selected in the admin, if the user may write there', async () => {
    const cookie = `payload-tenant=${w.brandB.id}`
    const asAdmin = await rest('POST', '/products', { token: tokens.admin, cookie, json: { title: '选中品牌的商品', price: 100, stock: 1 } })
    expect(asAdmin.status).toBe(201)
    expect(asAdmin.body.doc.brand).toMatchObject({ id: w.brandB.id })
    // a member with a stale or foreign selection falls back to their own brand
    const asEditorA = await rest('POST', '/products', { token: tokens.editorA, cookie, json: { title: '退回本品牌', price: 100, stock: 1 } })
    expect(asEditorA.status).toBe(201)
    expect(asEditorA.body.doc.brand).toMatchObject({ id: w.brandA.id })
  })
})

describe('deleting a brand', () => {
  it('is refused while the brand still owns documents or members, and allowed once it is empty', async () => {
    const owners = await rest('DELETE', `/brands/${w.brandA.id}`, { token: tokens.ownerA })
    expect([403, 404]).toContain(owners.status)
    const used = await rest('DELETE', `/brands/${w.brandA.id}`, { token: tokens.admin })
    expect(used.status).toBe(400)
    expect(JSON.stringify(used.body)).toMatch(/该品牌下还有数据（.*商品 \d+.*成员 \d+/)
    expect(await payload.findByID({ collection: 'brands', id: w.brandA.id, disableErrors: true })).toBeTruthy()

    const empty = await payload.create({ collection: 'brands', data: { name: '空品牌', slug: `empty-${Date.now()}` } })
    expect((await rest('DELETE', `/brands/${empty.id}`, { token: tokens.admin })).status).toBe(200)
  })
})
