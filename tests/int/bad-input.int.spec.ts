// Bad input answers 400 with a message naming what is wrong, never 500 (src/plugins/inputGuards.ts): malformed
// where operators on every publicly readable collection, anonymous and as an editor; bodies nested absurdly deep;
// rich text with javascript:/data:/vbscript: links at save time.
import config from '@payload-config'
import { GRAPHQL_POST, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { MAX_BODY_DEPTH, nestsDeeperThan } from '@/plugins/inputGuards'
import { WHERE_LIMITS } from '@/plugins/whereGuard'
import { articles as seedArticles } from '@/seed/articles'
import * as L from '@/wechat/render/testing/lexical'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { fieldErrors, login, rest, type ValidationErrorBody } from '../helpers/rest'

let payload: Payload
let w: World
let token: string

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  token = await login(w.editorA.email, w.password)
})
afterAll(() => shutdown(payload))

const messageOf = (body: ValidationErrorBody): string => (body?.errors ?? []).map((e) => e.message).join(' | ')

/** Malformed where shapes that used to answer 500 (found against SQLite), with the field and operator the 400 names. */
const MALFORMED: [collection: string, query: string, field: string, operator?: string][] = [
  // not a date on a date field
  ['products', 'where[createdAt][greater_than]=not-a-date', 'createdAt', 'greater_than'],
  ['products', 'where[createdAt][equals]=not-a-date', 'createdAt', 'equals'],
  ['products', 'where[createdAt][not_equals]=zzz', 'createdAt', 'not_equals'],
  ['products', 'where[updatedAt][less_than]=zzz', 'updatedAt', 'less_than'],
  ['products', 'where[createdAt][less_than_equal]=zzz', 'createdAt', 'less_than_equal'],
  ['products', 'where[createdAt][greater_than_equal]=zzz', 'createdAt', 'greater_than_equal'],
  ['products', 'where[createdAt][greater_than]=99999999999999999999', 'createdAt', 'greater_than'],
  ['products', 'where[createdAt][greater_than][a]=1', 'createdAt', 'greater_than'],
  ['products', 'where[createdAt][greater_than][0]=1', 'createdAt', 'greater_than'],
  ['products', 'where[createdAt][contains]=zz', 'createdAt', 'contains'],
  ['products', 'where[or][0][createdAt][equals]=nope', 'createdAt', 'equals'],
  ['products', 'where[and][0][or][0][and][0][createdAt][equals]=x', 'createdAt', 'equals'],
  ['products', 'where={"createdAt":{"greater_than":"nope"}}', 'createdAt', 'greater_than'],
  ['articles', 'where[scheduledAt][greater_than]=nope', 'scheduledAt', 'greater_than'],
  ['communities', 'where[updatedAt][greater_than]=nope', 'updatedAt', 'greater_than'],
  ['community-events', 'where[startsAt][greater_than]=nope', 'startsAt', 'greater_than'],
  ['coupons', 'where[validFrom][less_than]=nope', 'validFrom', 'less_than'],
  ['media', 'where[createdAt][less_than]=nope', 'createdAt', 'less_than'],
  // geo operators on fields that are not points, or with values that are not coordinates
  ['products', 'where[title][near]=garbage', 'title', 'near'],
  ['products', 'where[title][near]=1,2', 'title', 'near'],
  ['products', 'where[price][near]=1,2,3,4', 'price', 'near'],
  ['products', 'where[createdAt][near]=1,2', 'createdAt', 'near'],
  ['products', 'where[variants.sku][near]=1,2', 'variants.sku', 'near'],
  ['products', 'where[id][near]=1,2', 'id', 'near'],
  ['articles', 'where[title][within]=garbage', 'title', 'within'],
  ['articles', 'where[title][within][type]=Polygon', 'title', 'within'],
  ['community-events', 'where[title][intersects]=garbage', 'title', 'intersects'],
  // an operator the SQLite adapter does not implement
  ['products', 'where[title][all]=x', 'title', 'all'],
  ['communities', 'where[brand][all]=x', 'brand', 'all'],
  // objects and lists where a single value belongs
  ['products', 'where[title][equals][nested]=1', 'title', 'equals'],
  ['articles', 'where[title][equals][0]=1&where[title][equals][1]=2', 'title', 'equals'],
  ['communities', 'where[status][equals][a]=nope', 'status', 'equals'],
  ['media', 'where[filename][equals][a]=b', 'filename', 'equals'],
  ['coupons', 'where={"title":{"equals":{"$gt":""}}}', 'title', 'equals'],
  // queries inside rich text (the SQLite JSON query Payload builds for them is invalid SQL)
  ['articles', 'where[content.root.children.type][equals]=paragraph', 'content.root.children.type', 'equals'],
  ['articles', 'where[content.root.children.children.text][contains]=hi', 'content.root.children.children.text', 'contains'],
  // relationship paths with bad values
  ['communities', 'where[pinnedArticles.createdAt][greater_than]=nope', 'pinnedArticles.createdAt', 'greater_than'],
  ['products', 'where[images][contains][createdAt][greater_than]=nope', 'images.createdAt', 'greater_than'],
  // a list of 50,000 values (SQLite: too many SQL variables)
  ['products', `where[price][in]=${Array.from({ length: 50_000 }, (_, i) => i).join(',')}`, 'price', 'in'],
  // `_id` does not exist on SQLite
  ['articles', 'where[_id][equals]=x', '_id'],
]

/** Nonsense that used to answer 200 with silently wrong results (or everything); now a 400 naming the field too. */
const NONSENSE: [collection: string, query: string, field: string, operator: string][] = [
  ['products', 'where[price][in][a]=abc', 'price', 'in'],
  ['products', 'where[price][not_in]=abc', 'price', 'not_in'],
  ['articles', 'where[title][in][a]=abc', 'title', 'in'],
  ['products', 'where[createdAt][in]=zzz,2020-01-01', 'createdAt', 'in'],
  ['products', 'where[title][exists]=maybe', 'title', 'exists'],
  ['community-events', 'where[capacity][exists]=1', 'capacity', 'exists'],
  ['products', 'where[price][equals]=abc', 'price', 'equals'],
  ['products', 'where[price][contains]=abc', 'price', 'contains'],
  ['products', 'where[createdAt][like]=2020', 'createdAt', 'like'],
  ['media', 'where[width][less_than]=abc', 'width', 'less_than'],
  ['products', 'where[title][bogus]=1', 'title', 'bogus'],
]

describe('malformed where operators answer 400 naming the field and the operator', () => {
  for (const [collection, query, field, operator] of [...MALFORMED, ...NONSENSE]) {
    it(`${collection}?${query.slice(0, 70)}`, async () => {
      for (const caller of [undefined, token]) {
        const res = await rest('GET', `/${collection}?${query}`, { token: caller })
        expect(res.status, `${caller ? 'editor' : 'anonymous'}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(400)
        const message = messageOf(res.body)
        expect(message).toContain(field)
        if (operator) expect(message).toContain(operator)
      }
    })
  }

  it('answers count, bulk update and bulk delete with the same 400', async () => {
    const count = await rest('GET', '/products/count?where[createdAt][greater_than]=nope')
    expect(count.status).toBe(400)
    const update = await rest('PATCH', '/products?where[createdAt][greater_than]=nope', { token, json: { stock: 3 } })
    expect(update.status).toBe(400)
    expect(messageOf(update.body)).toContain('createdAt')
    const remove = await rest('DELETE', '/products?where[title][near]=1,2', { token })
    expect(remove.status).toBe(400)
    expect(messageOf(remove.body)).toContain('near')
  })

  it('answers a where that is not JSON with a 400 naming the parameter', async () => {
    for (const path of ['/products?where=x', '/articles/count?where={oops']) {
      const res = await rest('GET', path)
      expect(res.status).toBe(400)
      expect(messageOf(res.body)).toContain('where')
    }
  })

  it('refuses and/or nested deeper than the limit, and too many list values in one query', async () => {
    let deep: unknown = { title: { equals: 'x' } }
    for (let i = 0; i <= WHERE_LIMITS.depth; i++) deep = { and: [deep] }
    const nested = await rest('GET', `/products?where=${encodeURIComponent(JSON.stringify(deep))}`)
    expect(nested.status).toBe(400)
    expect(messageOf(nested.body)).toContain(String(WHERE_LIMITS.depth))
    const list = Array.from({ length: 900 }, (_, i) => `x${i}`).join(',')
    const many = await rest('GET', `/products?${Array.from({ length: 6 }, (_, i) => `where[or][${i}][title][in]=${list}`).join('&')}`)
    expect(many.status).toBe(400)
    expect(messageOf(many.body)).toContain(String(WHERE_LIMITS.totalListItems))
  })

  it('answers a caller without access as before (403), not with the field types', async () => {
    const res = await rest('GET', '/orders?where[createdAt][greater_than]=nope')
    expect(res.status).toBe(403)
  })

  it('answers /versions of a collection without versions with 404', async () => {
    const res = await rest('GET', '/products/versions?where[version.title][equals]=x', { token })
    expect(res.status).toBe(404)
  })

  it('answers a bad where over GraphQL with a GraphQL error, not a 500', async () => {
    const graphql = GRAPHQL_POST(config)
    for (const query of [
      '{ Products(where: { createdAt: { greater_than: "nope" } }) { docs { id } } }',
      '{ Products(where: { title: { all: ["x"] } }) { docs { id } } }',
      '{ Products(where: { title: { near: "1,2" } }) { docs { id } } }',
    ]) {
      const res = await graphql(
        new Request('http://localhost/api/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query }) }),
      )
      expect(res.status).toBeLessThan(500)
      const body = await res.json()
      expect(body.errors?.length, query).toBeGreaterThan(0)
      expect(JSON.stringify(body.errors)).not.toContain('Something went wrong')
    }
  })
})

describe('valid operators still work', () => {
  it('a real date greater_than returns exactly the newer documents', async () => {
    const older = await payload.create({
      collection: 'products',
      data: { title: 'older', slug: 'date-older', brand: w.brandA.id, price: 100, stock: 1, status: 'published' },
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const cut = new Date().toISOString()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const newer = await payload.create({
      collection: 'products',
      data: { title: 'newer', slug: 'date-newer', brand: w.brandA.id, price: 200, stock: 1, status: 'published' },
    })
    const res = await rest('GET', `/products?where[createdAt][greater_than]=${encodeURIComponent(cut)}&where[slug][in]=date-older,date-newer`)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { id: string }) => d.id)).toEqual([newer.id])
    const before = await rest('GET', `/products?where[createdAt][less_than_equal]=${encodeURIComponent(cut)}&where[slug][in]=date-older,date-newer`, { token })
    expect(before.body.docs.map((d: { id: string }) => d.id)).toEqual([older.id])
  })

  it('numbers, lists, exists, like, and/or, relationship ids and empty values keep their meaning', async () => {
    const slugs = (res: { body: { docs: { slug: string }[] } }) => res.body.docs.map((d) => d.slug).sort()
    expect(slugs(await rest('GET', `/products?where[price][greater_than_equal]=1290&where[slug][in]=${w.productA.slug},${w.productB.slug}`))).toEqual(
      [w.productA.slug, w.productB.slug].sort(),
    )
    expect(slugs(await rest('GET', `/products?where[price][in]=1290,1&where[brand][equals]=${w.brandA.id}`))).toEqual([w.productA.slug])
    expect(slugs(await rest('GET', `/products?where[or][0][slug][equals]=${w.productA.slug}&where[or][1][title][like]=product-b`))).toEqual(
      [w.productA.slug, w.productB.slug].sort(),
    )
    expect((await rest('GET', '/products?where[compareAtPrice][exists]=false')).body.totalDocs).toBeGreaterThan(0)
    expect((await rest('GET', '/products?where[brand][equals]=not-an-id')).status).toBe(200)
    expect((await rest('GET', '/products?where[createdAt][equals]=')).status).toBe(200)
    expect((await rest('GET', `/products?where[title][in]=${Array.from({ length: 500 }, (_, i) => `x${i}`).join(',')}`)).status).toBe(200)
    // The admin's list search runs `like` on the useAsTitle field, a number for community members.
    expect((await rest('GET', '/community-members?where[or][0][number][like]=12', { token })).status).toBe(200)
  })

  it('the Local API keeps typed values (Date objects, booleans, arrays)', async () => {
    const { docs } = await payload.find({
      collection: 'products',
      where: { createdAt: { greater_than: new Date(0) }, compareAtPrice: { exists: false }, brand: { in: [w.brandA.id] } },
    })
    expect(docs.length).toBeGreaterThan(0)
  })
})

// JSON.stringify itself overflows on 10,000 levels, so the deep bodies are written as text.
const deepObject = (levels: number) => `${'{"x":'.repeat(levels)}"leaf"${'}'.repeat(levels)}`
const post = (path: string, body: string) =>
  REST_POST(config)(
    new Request(`http://localhost/api${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `JWT ${token}` }, body }),
    {
      params: Promise.resolve({ slug: path.replace(/^\//, '').split('/') }),
    },
  )

describe('bodies nested too deeply answer 400 and create nothing', () => {
  const countTitled = async (collection: 'articles' | 'products', title: string) =>
    (await payload.count({ collection, where: { title: { equals: title } }, overrideAccess: true })).totalDocs

  it('POST /api/articles and /api/products with a 10,000-deep object', async () => {
    const brand = JSON.stringify(w.brandA.id)
    const content = JSON.stringify(L.doc(L.paragraph(L.text('hi'))))
    const bodies: [collection: 'articles' | 'products', title: string, body: string][] = [
      ['articles', 'deep-a', `{"title":"deep-a","slug":"deep-a","brand":${brand},"content":${content},"x":${deepObject(10_000)}}`],
      ['articles', 'deep-b', `{"title":"deep-b","slug":"deep-b","brand":${brand},"content":{"root":${deepObject(10_000)}}}`],
      ['products', 'deep-c', `{"title":"deep-c","brand":${brand},"price":100,"stock":1,"variants":${deepObject(10_000)}}`],
    ]
    for (const [collection, title, body] of bodies) {
      const res = await post(`/${collection}`, body)
      const json = await res.json()
      expect(res.status, JSON.stringify(json).slice(0, 200)).toBe(400)
      expect(messageOf(json)).toMatch(new RegExp(`嵌套过深.*${MAX_BODY_DEPTH}`))
      expect(await countTitled(collection, title)).toBe(0)
    }
  })

  it('PATCH with a deep body leaves the document as it was (by id and in bulk)', async () => {
    // As the admin sends it: multipart with the document as JSON text in `_payload`.
    const form = () => {
      const f = new FormData()
      f.append('_payload', `{"title":"changed","x":${deepObject(10_000)}}`)
      return f
    }
    for (const path of [`/products/${w.productA.id}`, `/products?where[id][equals]=${w.productA.id}`]) {
      const res = await rest('PATCH', path, { token, form: form() })
      expect(res.status).toBe(400)
      expect(messageOf(res.body)).toContain(String(MAX_BODY_DEPTH))
    }
    expect((await payload.findByID({ collection: 'products', id: w.productA.id })).title).toBe(w.productA.title)
  })

  it('a normal article with nested lists and a table still saves; the seed stays far below the limit', async () => {
    const nestedList = L.list(
      'bullet',
      L.listItem(L.text('一级')),
      L.listItem(
        L.list(
          'bullet',
          L.listItem(L.text('二级')),
          L.listItem(L.list('number', L.listItem(L.text('三级')), L.listItem(L.list('bullet', L.listItem(L.text('四级')))))),
        ),
      ),
    )
    const content = L.doc(L.paragraph(L.text('正文')), nestedList, L.table(L.row(L.cell('甲'), L.cell([L.text('乙')]))))
    const res = await rest('POST', '/articles', { token, json: { title: '嵌套列表', slug: 'nested-lists', brand: w.brandA.id, content } })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201)
    expect(nestsDeeperThan({ content }, 32)).toBe(false)
    for (const article of seedArticles) {
      const seeded = { ...article, content: article.content({ product: () => 'p', media: () => 'm' }) }
      expect(nestsDeeperThan(seeded, MAX_BODY_DEPTH / 2), article.slug).toBe(false)
    }
  })
})

describe('rich text with unsafe links is refused at save time', () => {
  const article = (slug: string, url: string) => ({ title: slug, slug, brand: w.brandA.id, content: L.doc(L.paragraph(L.link(url, L.text('点这里')))) })

  it.each(['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '&#106;avascript:alert(1)'])(
    'refuses %j with a field error on content',
    async (url) => {
      const slug = `unsafe-${Math.random().toString(36).slice(2, 8)}`
      const res = await rest('POST', '/articles', { token, json: article(slug, url) })
      expect(res.status).toBe(400)
      const errors = fieldErrors(res.body)
      expect(errors.map((e) => e.path)).toContain('content')
      expect(errors.find((e) => e.path === 'content')?.message).toMatch(/不安全|unsafe/)
      expect((await payload.count({ collection: 'articles', where: { slug: { equals: slug } }, overrideAccess: true })).totalDocs).toBe(0)
    },
  )

  it.each(['https://ok.example', 'mailto:a@b.c', 'tel:+8613800000000', '/p/mingqian-longjing'])('saves %j', async (url) => {
    const res = await rest('POST', '/articles', { token, json: article(`safe-${Math.random().toString(36).slice(2, 8)}`, url) })
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(201)
  })
})
