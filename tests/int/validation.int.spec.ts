import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { fieldErrors, login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let token: string

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  token = await login(w.editorA.email, w.password)
})
afterAll(() => shutdown(payload))

describe('bad input gets a 400 naming the field, and loses nothing', () => {
  it('missing title', async () => {
    const res = await rest('POST', '/products', { token, json: { brand: w.brandA.id, price: 100, stock: 1 } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).map((e) => e.path)).toContain('title')
  })
  it('negative and fractional prices', async () => {
    const neg = await rest('POST', '/products', { token, json: { title: 't', brand: w.brandA.id, price: -100, stock: 1 } })
    expect(neg.status).toBe(400)
    expect(fieldErrors(neg.body).find((e) => e.path === 'price')?.message).toBeTruthy()
    const frac = await rest('POST', '/products', { token, json: { title: 't', brand: w.brandA.id, price: 12.5, stock: 1 } })
    expect(frac.status).toBe(400)
    expect(fieldErrors(frac.body).find((e) => e.path === 'price')?.message).toMatch(/整数/)
  })
  it('negative stock and a compare-at price below the price', async () => {
    const res = await rest('POST', '/products', { token, json: { title: 't', brand: w.brandA.id, price: 1000, compareAtPrice: 500, stock: -1 } })
    expect(res.status).toBe(400)
    const paths = fieldErrors(res.body).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['stock', 'compareAtPrice']))
  })
  it('unknown brand', async () => {
    const adminToken = await login(w.admin.email, w.password)
    const res = await rest('POST', '/products', {
      token: adminToken,
      json: { title: 't', brand: '00000000-0000-4000-8000-000000000000', price: 100, stock: 1 },
    })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).map((e) => e.path)).toContain('brand')
  })
  it('a failed update leaves the saved product as it was', async () => {
    const before = await payload.findByID({ collection: 'products', id: w.productA.id, depth: 0 })
    const res = await rest('PATCH', `/products/${w.productA.id}`, { token, json: { title: '', price: -1 } })
    expect(res.status).toBe(400)
    const after = await payload.findByID({ collection: 'products', id: w.productA.id, depth: 0 })
    expect(after.title).toBe(before.title)
    expect(after.price).toBe(before.price)
  })
  it('a duplicate slug is rejected', async () => {
    const res = await rest('POST', '/products', { token, json: { title: 'dup', slug: w.productA.slug, brand: w.brandA.id, price: 100, stock: 1 } })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).map((e) => e.path)).toContain('slug')
  })
  it('a malformed slug is rejected and an empty one is generated', async () => {
    const bad = await rest('POST', '/products', { token, json: { title: 'x', slug: 'Not A Slug!', brand: w.brandA.id, price: 100, stock: 1 } })
    expect(bad.status).toBe(400)
    const generated = await rest('POST', '/products', { token, json: { title: 'Blue Mug 蓝杯', brand: w.brandA.id, price: 100, stock: 1 } })
    expect(generated.status).toBe(201)
    expect(generated.body.doc.slug).toBe('blue-mug')
  })
  it('a non-image upload is rejected, an image is accepted with WebP sizes', async () => {
    const notImage = new FormData()
    notImage.append('file', new Blob(['just text, not a picture'], { type: 'image/png' }), 'fake.png')
    notImage.append('_payload', JSON.stringify({ alt: '假图片' }))
    const bad = await rest('POST', '/media', { token, form: notImage })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/不是有效的图片/)

    // Bytes that start like a JPEG but do not decode: caught by our own sharp check.
    const broken = new FormData()
    broken.append('file', new Blob([Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)])], { type: 'image/jpeg' }), 'broken.jpg')
    broken.append('_payload', JSON.stringify({ alt: '坏图' }))
    const corrupt = await rest('POST', '/media', { token, form: broken })
    expect(corrupt.status).toBe(400)
    expect(JSON.stringify(corrupt.body)).toMatch(/不是有效的图片/)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)

    const real = new FormData()
    const bytes = await fs.readFile(path.resolve('src/seed/assets/gaiwan.jpg'))
    real.append('file', new Blob([bytes], { type: 'image/jpeg' }), 'gaiwan-upload.jpg')
    real.append('_payload', JSON.stringify({ alt: '盖碗' }))
    const ok = await rest('POST', '/media', { token, form: real })
    expect(ok.status).toBe(201)
    expect(ok.body.doc.brand?.id ?? ok.body.doc.brand).toBe(w.brandA.id)
    expect(ok.body.doc.sizes.card.mimeType).toBe('image/webp')
    expect(ok.body.doc.sizes.thumbnail.width).toBe(400)
  })
})
