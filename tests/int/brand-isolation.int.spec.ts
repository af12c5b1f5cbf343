// Brand isolation for EVERY brand-owned collection (modelled on Payload's test/plugin-multi-tenant/int.spec.ts).
// One document per collection is made in brand A and in brand B (plus a draft in A where the public sees
// published documents only). Then the strongest member of brand B (its owner) and an editor of B try every
// way in over REST and GraphQL: list, read by id, update, delete, create into A, bulk update and bulk delete.
// None may reveal or change brand A's data. The list comes from BRAND_OWNED_COLLECTIONS, so a collection
// added there without a factory below fails this suite. Anonymous visitors see published documents only.
import crypto from 'node:crypto'

import { type CollectionSlug, formatNames, type Payload, toWords } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type BrandRole, type Capability, roleCan } from '@/access/roles'
import type { Brand, User } from '@/payload-types'
import { BRAND_OWNED_COLLECTIONS } from '@/plugins/brandWorkspaces'
import { doc, paragraph } from '@/seed/lexical'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest, type RestResponse } from '../helpers/rest'
import { gql } from './communityHelpers'

type Slug = (typeof BRAND_OWNED_COLLECTIONS)[number]

/**
 * Who may read a collection's documents (admins aside): `published` = the public its published documents
 * and members their brand's; `public` = anyone everything (media); a capability = members whose role in
 * the document's brand grants it; `nobody` = server code only.
 */
type ReadRule = 'published' | 'public' | Capability | 'nobody'

type Spec = {
  read: ReadRule
  /** Collections whose brand document this one's data points at (created first). */
  deps?: Slug[]
  /** The status field behind published-only public read. */
  status?: 'status' | '_status'
  /** A complete, valid document in `brand`; `rel` gives the same brand's document of another collection. */
  data: (brand: string, rel: (slug: Slug) => string, tag: string) => Record<string, unknown>
  /** A harmless change the intruder tries to make. */
  patch: Record<string, unknown>
}

const HACK = '越权修改'
const hex16 = () => crypto.randomBytes(8).toString('hex')
const day = '2025-06-01'
const now = () => new Date().toISOString()
const inDays = (n: number) => new Date(Date.now() + n * 86400_000).toISOString()

const SPECS: Record<Slug, Spec> = {
  articles: {
    read: 'published',
    status: '_status',
    data: (brand, _rel, tag) => ({ title: `文章 ${tag}`, slug: `art-${tag}`, brand, content: doc(paragraph('正文')), _status: 'published' }),
    patch: { title: HACK },
  },
  products: {
    read: 'published',
    status: 'status',
    data: (brand, _rel, tag) => ({ title: `商品 ${tag}`, slug: `prd-${tag}`, brand, price: 1290, stock: 10, status: 'published' }),
    patch: { title: HACK },
  },
  media: {
    read: 'public',
    data: (brand, _rel, tag) => ({ alt: `图片 ${tag}`, brand }),
    patch: { alt: HACK },
  },
  communities: {
    read: 'published',
    status: 'status',
    data: (brand, _rel, tag) => ({ name: `社区 ${tag}`, slug: `club-${tag}`, brand, status: 'published' }),
    patch: { name: HACK },
  },
  'community-events': {
    read: 'published',
    status: 'status',
    deps: ['communities'],
    data: (brand, rel, tag) => ({
      title: `活动 ${tag}`,
      community: rel('communities'),
      brand,
      startsAt: inDays(7),
      mode: 'offline',
      place: '杭州',
      capacity: 10,
      status: 'published',
    }),
    patch: { title: HACK },
  },
  'event-signups': {
    read: 'view',
    deps: ['community-events', 'communities'],
    data: (brand, rel, tag) => ({
      event: rel('community-events'),
      community: rel('communities'),
      name: '甲',
      phone: '13800000001',
      reader: `reader-${tag}`,
      uniqueKey: `signup-${tag}`,
      brand,
    }),
    patch: { name: HACK },
  },
  coupons: {
    read: 'published',
    status: 'status',
    deps: ['communities'],
    data: (brand, rel, tag) => ({
      title: `券 ${tag}`,
      community: rel('communities'),
      brand,
      kind: 'fixed',
      amountOff: 1000,
      minSpend: 10000,
      validFrom: inDays(-1),
      validUntil: inDays(30),
      totalQuantity: 100,
      perPersonLimit: 1,
      status: 'published',
    }),
    patch: { title: HACK },
  },
  'coupon-claims': {
    read: 'view',
    deps: ['coupons', 'communities'],
    data: (brand, rel, tag) => ({
      coupon: rel('coupons'),
      community: rel('communities'),
      code: `CODE-${tag}`,
      status: 'claimed',
      reader: `reader-${tag}`,
      uniqueKey: `claim-${tag}`,
      brand,
    }),
    patch: { orderRef: HACK },
  },
  'community-members': {
    read: 'view',
    deps: ['communities'],
    data: (brand, rel, tag) => ({ community: rel('communities'), number: 1, source: 'joined', reader: `reader-${tag}`, uniqueKey: `member-${tag}`, brand }),
    patch: { number: 999 },
  },
  orders: {
    read: 'commerce',
    deps: ['products'],
    data: (brand, rel, tag) => ({
      number: `T-${tag}`,
      status: 'pending_payment',
      brand,
      total: 1290,
      items: [{ product: rel('products'), title: '商品', unitPrice: 1290, quantity: 1 }],
      buyer: { name: '买家' },
    }),
    patch: { buyer: { name: HACK } },
  },
  payments: {
    read: 'commerce',
    deps: ['orders'],
    data: (brand, rel, tag) => ({ order: rel('orders'), outTradeNo: `P-${tag}`, attempt: 1, channel: 'jsapi', amount: 1290, status: 'pending', brand }),
    patch: { note: HACK },
  },
  'order-events': {
    read: 'commerce',
    deps: ['orders'],
    data: (brand, rel) => ({ order: rel('orders'), from: 'pending_payment', to: 'paid', reason: '测试', brand }),
    patch: { reason: HACK },
  },
  'order-notifications': {
    read: 'commerce',
    deps: ['orders'],
    data: (brand, rel, tag) => ({ key: `notify-${tag}`, order: rel('orders'), event: 'paid', status: 'pending', brand }),
    patch: { error: HACK },
  },
  customers: {
    read: 'commerce',
    data: (brand, _rel, tag) => ({ openid: `openid-${tag}`, appId: `wx${hex16()}`, nickname: '读者', brand }),
    patch: { nickname: HACK },
  },
  pushes: {
    read: 'view',
    deps: ['wechat-accounts', 'articles'],
    data: (brand, rel, tag) => ({ title: `推送 ${tag}`, account: rel('wechat-accounts'), articles: [rel('articles')], brand }),
    patch: { title: HACK },
  },
  'wechat-accounts': {
    read: 'view',
    data: (brand, _rel, tag) => ({ name: `公众号 ${tag}`, appId: `wx${hex16()}`, accountType: 'service', brand }),
    patch: { name: HACK },
  },
  'funnel-events': {
    read: 'view',
    deps: ['articles'],
    data: (brand, rel, tag) => ({ type: 'article_view', brand, article: rel('articles'), occurredAt: now(), day, dedupeKey: `funnel-${tag}` }),
    patch: { sharer: HACK },
  },
  'article-stats': {
    read: 'view',
    deps: ['articles', 'wechat-accounts'],
    data: (brand, rel, tag) => ({
      key: `stat-${tag}`,
      kind: 'daily',
      day,
      msgid: `msg-${tag}`,
      title: '图文数据',
      article: rel('articles'),
      account: rel('wechat-accounts'),
      readCount: 10,
      brand,
    }),
    patch: { title: HACK },
  },
  follows: {
    read: 'view',
    deps: ['wechat-accounts'],
    data: (brand, rel, tag) => ({ account: rel('wechat-accounts'), openid: `openid-${tag}`, event: 'subscribe', at: now(), brand, dedupeKey: `follow-${tag}` }),
    patch: { scene: HACK },
  },
  'follow-qr-codes': {
    read: 'nobody',
    deps: ['wechat-accounts'],
    data: (brand, rel, tag) => ({ account: rel('wechat-accounts'), scene: `scene-${tag}`, ticket: `ticket-${tag}`, brand }),
    patch: { url: HACK },
  },
}

/** Fails loudly when a brand-owned collection was added without a factory above. */
function specOf(slug: string): Spec {
  const spec = (SPECS as Record<string, Spec | undefined>)[slug]
  if (!spec) throw new Error(`brand-isolation: no factory for brand-owned collection "${slug}"; add it to SPECS`)
  return spec
}

const canRead = (slug: Slug, role: BrandRole) => {
  const { read } = specOf(slug)
  return read === 'published' || read === 'public' || (read !== 'nobody' && roleCan(role, read))
}

let payload: Payload
let w: World
let ownerB: User
const tokens: Record<string, string> = {}
/** Per collection: brand A's published (or only) document, A's draft if the collection has one, and B's document. */
const docs = {} as Record<Slug, { a: string; aDraft?: string; b: string }>
let seq = 0

const image = () =>
  sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
    .jpeg()
    .toBuffer()

async function createDoc(slug: Slug, brand: Brand, rel: (slug: Slug) => string, draft = false): Promise<string> {
  const spec = specOf(slug)
  const tag = `${brand.slug}-${++seq}`
  const data = spec.data(brand.id, rel, tag)
  if (draft && spec.status) data[spec.status] = 'draft'
  if (slug === 'media') {
    const buffer = await image()
    const created = await payload.create({
      collection: 'media',
      data: data as never,
      file: { data: buffer, mimetype: 'image/jpeg', name: `isolation-${tag}.jpg`, size: buffer.length },
      overrideAccess: true,
    })
    return created.id
  }
  const created = await payload.create({ collection: slug, data: data as never, overrideAccess: true, draft: draft && spec.status === '_status' })
  return String(created.id)
}

/** Creates one document of every brand-owned collection in `brand`, dependencies first. */
async function populate(brand: Brand): Promise<Record<string, string>> {
  const made: Record<string, string> = {}
  const rel = (slug: Slug) => {
    if (!made[slug]) throw new Error(`brand-isolation: ${slug} is used before it is created; list it in deps`)
    return made[slug]
  }
  const pending: Slug[] = [...BRAND_OWNED_COLLECTIONS]
  while (pending.length) {
    const ready = pending.filter((slug) => (specOf(slug).deps ?? []).every((dep) => made[dep]))
    if (!ready.length) throw new Error(`brand-isolation: unresolvable deps among ${pending.join(', ')}`)
    for (const slug of ready) {
      made[slug] = await createDoc(slug, brand, rel)
      pending.splice(pending.indexOf(slug), 1)
    }
  }
  return made
}

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  ownerB = await payload.create({
    collection: 'users',
    data: { email: `owner-b-${Date.now()}@test.local`, password: w.password, roles: ['member'], brands: [{ brand: w.brandB.id, role: 'owner' }] },
  })
  for (const slug of BRAND_OWNED_COLLECTIONS) specOf(slug)
  const inA = await populate(w.brandA)
  const inB = await populate(w.brandB)
  for (const slug of BRAND_OWNED_COLLECTIONS) {
    const relA = (s: Slug) => inA[s]
    docs[slug] = { a: inA[slug], b: inB[slug], aDraft: specOf(slug).status ? await createDoc(slug, w.brandA, relA, true) : undefined }
  }
  tokens.ownerB = await login(ownerB.email, w.password)
  for (const key of ['editorB', 'ownerA', 'editorA', 'operatorA'] as const) tokens[key] = await login(w[key].email, w.password)
})
afterAll(() => shutdown(payload))

// ---------------------------------------------------------------------------------------------- helpers

const idsOf = (res: RestResponse) => ((res.body?.docs ?? []) as { id: string }[]).map((d) => String(d.id))
const brandOf = (d: { brand?: unknown }) => (d.brand && typeof d.brand === 'object' ? String((d.brand as { id: unknown }).id) : String(d.brand))
const aIds = (slug: Slug) => [docs[slug].a, docs[slug].aDraft].filter((id): id is string => Boolean(id))

/** The stored document, whatever access says, at its newest (draft) version if any; null once deleted. */
const stored = (slug: Slug, id: string) =>
  payload.findByID({ collection: slug as CollectionSlug, id, depth: 0, draft: true, overrideAccess: true, disableErrors: true }) as Promise<Record<
    string,
    unknown
  > | null>

/** Every brand-A document of the collection, as stored: compared before and after an attack. */
const snapshotA = async (slug: Slug) => Promise.all(aIds(slug).map((id) => stored(slug, id)))

const countA = async (slug: Slug) =>
  (await payload.count({ collection: slug as CollectionSlug, where: { brand: { equals: w.brandA.id } }, overrideAccess: true })).totalDocs

/** A POST body creating a complete, valid document in brand A (REST JSON, or multipart for media). */
async function postIntoA(slug: Slug, token: string): Promise<RestResponse> {
  const data = specOf(slug).data(w.brandA.id, (s) => docs[s].a, `intruder-${++seq}`)
  if (slug !== 'media') return rest('POST', `/${slug}`, { token, json: data })
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(await image())], { type: 'image/jpeg' }), `intruder-${seq}.jpg`)
  form.append('_payload', JSON.stringify(data))
  return rest('POST', `/${slug}`, { token, form })
}

/** GraphQL names as Payload derives them (collection `graphQL` names, else from the slug). */
function gqlNames(slug: Slug): { singular: string; plural: string } {
  const graphQL = payload.collections[slug as CollectionSlug].config.graphQL
  const fromSlug = formatNames(slug)
  const singular = graphQL && graphQL.singularName ? toWords(graphQL.singularName, true) : fromSlug.singular
  let plural = graphQL && graphQL.pluralName ? toWords(graphQL.pluralName, true) : fromSlug.plural
  if (singular === plural) plural = `all${singular}`
  return { singular, plural }
}

const gqlLiteral = (value: unknown): string =>
  value && typeof value === 'object'
    ? `{ ${Object.entries(value)
        .map(([k, v]) => `${k}: ${gqlLiteral(v)}`)
        .join(', ')} }`
    : JSON.stringify(value)

type GqlError = { message?: string; extensions?: { name?: string } }
/** Refused by access (Forbidden / NotFound), not a malformed query that would pass vacuously. */
const refused = (errors: GqlError[] | undefined) =>
  Boolean(errors?.length) && errors!.every((e) => ['Forbidden', 'NotFound'].includes(e.extensions?.name ?? ''))

const ACTORS = [
  { name: 'ownerB', role: 'owner' },
  { name: 'editorB', role: 'editor' },
] as const satisfies readonly { name: string; role: BrandRole }[]

// ------------------------------------------------------------------------------------------------ tests

describe('coverage', () => {
  it('has a factory for every brand-owned collection, and every collection with a brand field is brand-owned', () => {
    for (const slug of BRAND_OWNED_COLLECTIONS) expect(() => specOf(slug)).not.toThrow()
    const withBrandField = payload.config.collections
      .filter((c) => c.fields.some((f) => 'name' in f && f.name === 'brand' && f.type === 'relationship' && f.relationTo === 'brands'))
      .map((c) => c.slug)
    expect(withBrandField.filter((slug) => !(BRAND_OWNED_COLLECTIONS as readonly string[]).includes(slug))).toEqual([])
  })
  it('made one document per collection and brand, in the right brand', async () => {
    for (const slug of BRAND_OWNED_COLLECTIONS) {
      for (const id of aIds(slug)) expect(brandOf((await stored(slug, id))!), `${slug} A`).toBe(w.brandA.id)
      expect(brandOf((await stored(slug, docs[slug].b))!), `${slug} B`).toBe(w.brandB.id)
    }
  })
})

describe("positive control: brand A's owner sees brand A's documents only", () => {
  for (const slug of BRAND_OWNED_COLLECTIONS) {
    it(`${slug}`, async () => {
      const res = await rest('GET', `/${slug}?limit=500&depth=0`, { token: tokens.ownerA })
      if (!canRead(slug, 'owner')) return expect(res.status).toBe(403)
      expect(res.status).toBe(200)
      for (const id of aIds(slug)) expect(idsOf(res)).toContain(id)
      if (specOf(slug).read !== 'public') expect(idsOf(res)).not.toContain(docs[slug].b)
    })
  }
  it('the bodies the intruders POST are valid: brand A’s owner may create them (201) or is refused outright (403)', async () => {
    for (const slug of BRAND_OWNED_COLLECTIONS) {
      const res = await postIntoA(slug, tokens.ownerA)
      expect([201, 403], `${slug}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status)
    }
  })
})

for (const actor of ACTORS) {
  describe(`REST: ${actor.name} (${actor.role} of brand B) against brand A`, () => {
    const token = () => tokens[actor.name]

    for (const slug of BRAND_OWNED_COLLECTIONS) {
      describe(slug, () => {
        const isPublic = () => specOf(slug).read === 'public'

        it('lists none of brand A’s documents (and its own brand’s where its role reads them)', async () => {
          const res = await rest('GET', `/${slug}?limit=500&depth=0`, { token: token() })
          if (isPublic()) {
            expect(res.status).toBe(200)
            expect(idsOf(res)).toContain(docs[slug].a)
            return
          }
          if (!canRead(slug, actor.role)) {
            expect(res.status).toBe(403)
            expect(idsOf(res)).toEqual([])
            return
          }
          expect(res.status).toBe(200)
          expect(idsOf(res)).toContain(docs[slug].b)
          for (const id of aIds(slug)) expect(idsOf(res)).not.toContain(id)
          expect((res.body.docs as { brand?: unknown }[]).map(brandOf).filter((b) => b !== w.brandB.id)).toEqual([])
        })

        it('cannot read brand A’s documents by id', async () => {
          for (const id of aIds(slug)) {
            const res = await rest('GET', `/${slug}/${id}?depth=0`, { token: token() })
            if (isPublic()) expect(res.status).toBe(200)
            else expect([403, 404], `GET ${id}`).toContain(res.status)
          }
        })

        it('cannot update brand A’s document', async () => {
          const before = await snapshotA(slug)
          for (const id of aIds(slug)) {
            const res = await rest('PATCH', `/${slug}/${id}`, { token: token(), json: specOf(slug).patch })
            expect([403, 404], `PATCH ${id}: ${JSON.stringify(res.body)}`).toContain(res.status)
          }
          expect(await snapshotA(slug)).toEqual(before)
        })

        it('cannot delete brand A’s document', async () => {
          for (const id of aIds(slug)) {
            const res = await rest('DELETE', `/${slug}/${id}`, { token: token() })
            expect([403, 404], `DELETE ${id}`).toContain(res.status)
          }
          for (const doc of await snapshotA(slug)) expect(doc).toBeTruthy()
        })

        it('cannot create a document in brand A', async () => {
          const before = await countA(slug)
          const res = await postIntoA(slug, token())
          expect([400, 403], JSON.stringify(res.body)).toContain(res.status)
          expect(await countA(slug)).toBe(before)
        })

        it('bulk update, by brand A or by everything, leaves brand A’s documents unchanged', async () => {
          const before = await snapshotA(slug)
          await rest('PATCH', `/${slug}?where[brand][equals]=${w.brandA.id}`, { token: token(), json: specOf(slug).patch })
          await rest('PATCH', `/${slug}?where[id][exists]=true`, { token: token(), json: specOf(slug).patch })
          expect(await snapshotA(slug)).toEqual(before)
        })

        it('bulk delete of brand A’s documents deletes nothing', async () => {
          await rest('DELETE', `/${slug}?where[brand][equals]=${w.brandA.id}`, { token: token() })
          for (const doc of await snapshotA(slug)) expect(doc).toBeTruthy()
          expect(await stored(slug, docs[slug].b)).toBeTruthy()
        })
      })
    }
  })
}

describe('GraphQL: owner of brand B against brand A', () => {
  it('every brand-owned collection has the list query and the mutations these tests use', async () => {
    const { body } = await gql('{ __schema { queryType { fields { name } } mutationType { fields { name } } } }', tokens.ownerB)
    const queries = (body.data.__schema.queryType.fields as { name: string }[]).map((f) => f.name)
    const mutations = (body.data.__schema.mutationType.fields as { name: string }[]).map((f) => f.name)
    for (const slug of BRAND_OWNED_COLLECTIONS) {
      const { singular, plural } = gqlNames(slug)
      expect(queries, slug).toContain(plural)
      expect(mutations, slug).toEqual(expect.arrayContaining([`update${singular}`, `delete${singular}`]))
    }
  })

  for (const slug of BRAND_OWNED_COLLECTIONS) {
    describe(slug, () => {
      it('the list holds no brand A document', async () => {
        const { plural } = gqlNames(slug)
        const { body } = await gql(`{ ${plural}(limit: 500) { docs { id } } }`, tokens.ownerB)
        const ids = ((body.data?.[plural]?.docs ?? []) as { id: string }[]).map((d) => String(d.id))
        if (specOf(slug).read === 'public') return expect(ids).toContain(docs[slug].a)
        if (canRead(slug, 'owner')) expect(ids, JSON.stringify(body.errors)).toContain(docs[slug].b)
        else expect(refused(body.errors), JSON.stringify(body.errors)).toBe(true)
        for (const id of aIds(slug)) expect(ids).not.toContain(id)
      })

      it('update and delete of brand A’s document fail and change nothing', async () => {
        const { singular } = gqlNames(slug)
        const before = await snapshotA(slug)
        const update = await gql(`mutation { update${singular}(id: "${docs[slug].a}", data: ${gqlLiteral(specOf(slug).patch)}) { id } }`, tokens.ownerB)
        expect(update.body.data?.[`update${singular}`] ?? null).toBeNull()
        expect(refused(update.body.errors), JSON.stringify(update.body.errors)).toBe(true)
        const remove = await gql(`mutation { delete${singular}(id: "${docs[slug].a}") { id } }`, tokens.ownerB)
        expect(remove.body.data?.[`delete${singular}`] ?? null).toBeNull()
        expect(refused(remove.body.errors), JSON.stringify(remove.body.errors)).toBe(true)
        expect(await snapshotA(slug)).toEqual(before)
      })
    })
  }
})

describe('anonymous', () => {
  for (const slug of BRAND_OWNED_COLLECTIONS) {
    it(`${slug}: lists published documents only, and nothing where the public has no read`, async () => {
      const { read, status } = specOf(slug)
      const res = await rest('GET', `/${slug}?limit=500&depth=0`)
      if (read === 'public') {
        expect(res.status).toBe(200)
        expect(idsOf(res)).toContain(docs[slug].a)
      } else if (read === 'published' && status) {
        expect(res.status).toBe(200)
        expect(idsOf(res)).toEqual(expect.arrayContaining([docs[slug].a, docs[slug].b]))
        expect(idsOf(res)).not.toContain(docs[slug].aDraft)
        expect((res.body.docs as Record<string, unknown>[]).filter((d) => d[status] !== 'published')).toEqual([])
        expect((await rest('GET', `/${slug}/${docs[slug].aDraft}`)).status).toBe(404)
      } else {
        expect(res.status === 403 || idsOf(res).length === 0, `${res.status} ${idsOf(res).length} docs`).toBe(true)
        expect([403, 404]).toContain((await rest('GET', `/${slug}/${docs[slug].a}`)).status)
      }
    })
  }
})

describe('roles inside brand A', () => {
  it('an operator cannot edit products', async () => {
    const res = await rest('PATCH', `/products/${docs.products.a}`, { token: tokens.operatorA, json: { title: HACK } })
    expect(res.status).toBe(403)
    expect((await stored('products', docs.products.a))?.title).not.toBe(HACK)
  })
  it('an editor cannot read orders; the operator can', async () => {
    const list = await rest('GET', '/orders?limit=500&depth=0', { token: tokens.editorA })
    expect(list.status === 403 || !idsOf(list).includes(docs.orders.a)).toBe(true)
    expect([403, 404]).toContain((await rest('GET', `/orders/${docs.orders.a}`, { token: tokens.editorA })).status)
    expect((await rest('GET', `/orders/${docs.orders.a}`, { token: tokens.operatorA })).status).toBe(200)
  })
  it('only the owner changes the WeChat account', async () => {
    for (const token of [tokens.editorA, tokens.operatorA]) {
      const res = await rest('PATCH', `/wechat-accounts/${docs['wechat-accounts'].a}`, { token, json: { name: HACK } })
      expect([403, 404]).toContain(res.status)
    }
    expect((await stored('wechat-accounts', docs['wechat-accounts'].a))?.name).not.toBe(HACK)
  })
})

// Last: deletes brand B's own documents where B's owner may, so nothing after this may rely on them.
describe('REST: bulk delete of everything by the owner of brand B', () => {
  for (const slug of BRAND_OWNED_COLLECTIONS) {
    it(`${slug}: brand A's documents survive`, async () => {
      await rest('DELETE', `/${slug}?where[id][exists]=true`, { token: tokens.ownerB })
      for (const doc of await snapshotA(slug)) expect(doc).toBeTruthy()
    })
  }
})
