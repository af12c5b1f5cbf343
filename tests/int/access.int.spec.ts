import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { User } from '@/payload-types'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
const tokens: Record<string, string> = {}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  for (const key of ['admin', 'editorA', 'ownerA', 'operatorA', 'editorB'] as const) tokens[key] = await login(w[key].email, w.password)
})
afterAll(() => shutdown(payload))

const asUser = (user: User) => ({ user: { ...user, collection: 'users' as const }, overrideAccess: false })

describe('public (anonymous) access', () => {
  it('lists only published products over REST', async () => {
    const res = await rest('GET', '/products?limit=100')
    const slugs = res.body.docs.map((p: { slug: string }) => p.slug)
    expect(slugs).toContain(w.productA.slug)
    expect(slugs).toContain(w.productB.slug)
    expect(slugs).not.toContain(w.draftProductA.slug)
  })
  it('cannot read a draft product by id', async () => {
    const res = await rest('GET', `/products/${w.draftProductA.id}`)
    expect(res.status).toBe(404)
  })
  it('cannot create, update or delete products', async () => {
    expect((await rest('POST', '/products', { json: { title: 'x', brand: w.brandA.id, price: 1, stock: 1 } })).status).toBe(403)
    expect((await rest('PATCH', `/products/${w.productA.id}`, { json: { price: 1 } })).status).toBe(403)
    expect((await rest('DELETE', `/products/${w.productA.id}`)).status).toBe(403)
  })
  it('cannot read orders, users or brands', async () => {
    for (const path of ['/orders', '/users', '/brands']) {
      const res = await rest('GET', path)
      expect([403, 401]).toContain(res.status)
    }
  })
})

describe('brand isolation', () => {
  it('a brand user lists only their own brand among non-public documents (Local API)', async () => {
    const { docs } = await payload.find({ collection: 'products', limit: 100, ...asUser(w.ownerA) })
    const slugs = docs.map((p) => p.slug)
    expect(slugs).toContain(w.draftProductA.slug)
    const { docs: drafts } = await payload.find({ collection: 'products', where: { status: { equals: 'draft' } }, ...asUser(w.editorB) })
    expect(drafts.map((p) => p.slug)).not.toContain(w.draftProductA.slug)
  })
  it("editor B cannot read brand A's draft product (REST)", async () => {
    const res = await rest('GET', `/products/${w.draftProductA.id}`, { token: tokens.editorB })
    expect(res.status).toBe(404)
  })
  it("editor B cannot update or delete brand A's product (REST)", async () => {
    const patch = await rest('PATCH', `/products/${w.productA.id}`, { token: tokens.editorB, json: { price: 1 } })
    expect(patch.status).toBe(403)
    const del = await rest('DELETE', `/products/${w.productA.id}`, { token: tokens.editorB })
    expect(del.status).toBe(403)
    const fresh = await payload.findByID({ collection: 'products', id: w.productA.id })
    expect(fresh.price).toBe(1290)
  })
  it("bulk update by editor B leaves brand A's products untouched", async () => {
    await rest('PATCH', `/products?where[title][exists]=true`, { token: tokens.editorB, json: { stock: 0 } })
    const fresh = await payload.findByID({ collection: 'products', id: w.productA.id })
    expect(fresh.stock).toBe(10)
  })
  it('editor B cannot create a product in brand A', async () => {
    const res = await rest('POST', '/products', {
      token: tokens.editorB,
      json: { title: '越权商品', brand: w.brandA.id, price: 100, stock: 1 },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/brand/)
    const { totalDocs } = await payload.count({ collection: 'products', where: { title: { equals: '越权商品' } } })
    expect(totalDocs).toBe(0)
  })
  it('editor B cannot move their own product into brand A', async () => {
    const res = await rest('PATCH', `/products/${w.productB.id}`, { token: tokens.editorB, json: { brand: w.brandA.id } })
    expect(res.status).toBe(400)
    const fresh = await payload.findByID({ collection: 'products', id: w.productB.id, depth: 0 })
    expect(fresh.brand).toBe(w.brandB.id)
  })
  it('editor A can create and update in brand A', async () => {
    const res = await rest('POST', '/products', { token: tokens.editorA, json: { title: '新品', brand: w.brandA.id, price: 990, stock: 5 } })
    expect(res.status).toBe(201)
    const patch = await rest('PATCH', `/products/${res.body.doc.id}`, { token: tokens.editorA, json: { price: 1990 } })
    expect(patch.status).toBe(200)
    expect(patch.body.doc.price).toBe(1990)
  })
  it('an operator reads but cannot edit products or communities; the owner runs the community', async () => {
    const patch = await rest('PATCH', `/products/${w.productA.id}`, { token: tokens.operatorA, json: { price: 1 } })
    expect(patch.status).toBe(403)
    expect((await rest('GET', `/products/${w.draftProductA.id}`, { token: tokens.operatorA })).status).toBe(200)
    expect((await rest('POST', '/communities', { token: tokens.operatorA, json: { name: '运营社区', brand: w.brandA.id } })).status).toBe(403)
    const created = await rest('POST', '/communities', { token: tokens.ownerA, json: { name: 'A 社区', brand: w.brandA.id } })
    expect(created.status).toBe(201)
    const foreign = await rest('POST', '/communities', { token: tokens.ownerA, json: { name: 'B 社区', brand: w.brandB.id } })
    expect(foreign.status).toBe(400)
  })
  it('users see only the brands they belong to', async () => {
    const res = await rest('GET', '/brands', { token: tokens.editorB })
    expect(res.body.docs.map((b: { id: string }) => b.id)).toEqual([w.brandB.id])
  })
  it('orders are visible to their brand only', async () => {
    const order = await payload.create({
      collection: 'orders',
      data: {
        number: `T${Date.now()}`,
        status: 'pending_payment',
        brand: w.brandA.id,
        total: 1290,
        items: [{ product: w.productA.id, title: 'x', unitPrice: 1290, quantity: 1 }],
      },
    })
    expect((await rest('GET', `/orders/${order.id}`, { token: tokens.operatorA })).status).toBe(200)
    expect((await rest('GET', `/orders/${order.id}`, { token: tokens.ownerA })).status).toBe(200)
    // editors write content; orders (and the readers' addresses in them) are for owners and operators
    expect((await rest('GET', `/orders/${order.id}`, { token: tokens.editorA })).status).toBe(403)
    expect((await rest('GET', `/orders/${order.id}`, { token: tokens.editorB })).status).toBe(403)
    expect((await rest('POST', '/orders', { token: tokens.editorA, json: { number: 'X1', brand: w.brandA.id, total: 1, items: [] } })).status).toBe(403)
  })
})

describe('users', () => {
  it('a non-admin cannot grant themselves admin or join another brand', async () => {
    const brands = [
      { brand: w.brandA.id, role: 'owner' },
      { brand: w.brandB.id, role: 'owner' },
    ]
    await rest('PATCH', `/users/${w.editorB.id}`, { token: tokens.editorB, json: { roles: ['admin'], brands } })
    const fresh = await payload.findByID({ collection: 'users', id: w.editorB.id, depth: 0 })
    expect(fresh.roles).toEqual(['member'])
    expect(fresh.brands?.map((m) => [m.brand, m.role])).toEqual([[w.brandB.id, 'editor']])
  })
  it('a non-admin cannot read other users', async () => {
    const res = await rest('GET', '/users?limit=100', { token: tokens.editorB })
    expect(res.body.docs.map((u: { id: string }) => u.id)).toEqual([w.editorB.id])
  })
  it('editors and operators cannot create accounts', async () => {
    for (const token of [tokens.editorA, tokens.operatorA]) {
      const res = await rest('POST', '/users', {
        token,
        json: { email: 'new@test.local', password: 'x-long-password', roles: ['admin'], brands: [{ brand: w.brandA.id, role: 'owner' }] },
      })
      expect(res.status).toBe(403)
    }
  })
})

describe('articles', () => {
  const content = {
    root: {
      type: 'root',
      version: 1,
      direction: 'ltr',
      format: '',
      indent: 0,
      children: [
        {
          type: 'paragraph',
          version: 1,
          direction: 'ltr',
          format: '',
          indent: 0,
          textFormat: 0,
          children: [{ type: 'text', text: '正文', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }],
        },
      ],
    },
  }
  it('drafts are hidden from the public and from other brands; published ones are public', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: '草稿', brand: w.brandA.id, content: content as never, _status: 'draft' },
      draft: true,
    })
    expect((await rest('GET', `/articles/${draft.id}`)).status).toBe(404)
    expect((await rest('GET', `/articles/${draft.id}?draft=true`, { token: tokens.editorB })).status).toBe(404)
    expect((await rest('GET', `/articles/${draft.id}?draft=true`, { token: tokens.editorA })).status).toBe(200)
    const published = await rest('PATCH', `/articles/${draft.id}`, { token: tokens.editorA, json: { _status: 'published' } })
    expect(published.status).toBe(200)
    expect((await rest('GET', `/articles/${draft.id}`)).status).toBe(200)
  })
  it("an article cannot sell another brand's product, whoever writes it", async () => {
    const card = {
      type: 'block',
      version: 2,
      format: '',
      fields: { id: 'b1', blockName: '', blockType: 'productCard', product: w.productB.id, layout: 'large' },
    }
    const body = { ...content, root: { ...content.root, children: [...content.root.children, card] } }
    const res = await rest('POST', '/articles', { token: tokens.admin, json: { title: '串货', brand: w.brandA.id, content: body } })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/本品牌/)
    const ok = await rest('POST', '/articles', { token: tokens.admin, json: { title: '正常', brand: w.brandB.id, content: body } })
    expect(ok.status).toBe(201)
  })
  it('version history is readable by its brand only', async () => {
    const mine = await rest('GET', '/articles/versions?limit=50', { token: tokens.editorA })
    expect(mine.status).toBe(200)
    expect(mine.body.docs.length).toBeGreaterThan(0)
    const theirs = await rest('GET', '/articles/versions?limit=50', { token: tokens.editorB })
    expect(theirs.status).toBe(200)
    const brandOf = (v: { version: { brand: string | { id: string } } }) => (typeof v.version.brand === 'string' ? v.version.brand : v.version.brand.id)
    expect(theirs.body.docs.map(brandOf).filter((b: string) => b !== w.brandB.id)).toEqual([])
    expect(mine.body.docs.map(brandOf).filter((b: string) => b !== w.brandA.id)).toEqual([])
    expect((await rest('GET', '/articles/versions')).status).toBe(403)
  })
})
