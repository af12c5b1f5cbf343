// Cached pages revalidated on every instance (src/platform/pageSignals): a page changed on one instance reaches the
// others' pollers once, never their own sender's, and the loopback route hears only holders of the instance key.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { POST as revalidateRoute } from '@/app/(frontend)/internal/revalidate/route'
import { PAGE_SIGNAL_HEADER, pageSignalPoller, revalidatePages } from '@/platform/pageSignals'

import { bootPayload, shutdown } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload()
})
afterAll(() => shutdown(payload))

const recorder = () => {
  const calls: string[][] = []
  return { calls, revalidate: async (paths: string[]) => void calls.push(paths) }
}

describe('page signals', () => {
  it("reach another instance's poller once, and not the sender's", async () => {
    const other = recorder()
    const sender = recorder()
    const otherPoll = pageSignalPoller(payload, other.revalidate, { self: 'instance-b' })
    const senderPoll = pageSignalPoller(payload, sender.revalidate)
    await revalidatePages(payload, ['/p/longjing', '/p/longjing', '/p/old-slug', 'https://evil.example/x'])
    expect(await otherPoll()).toEqual(['/p/longjing', '/p/old-slug'])
    expect(other.calls).toEqual([['/p/longjing', '/p/old-slug']])
    expect(await otherPoll()).toEqual([]) // read back over the overlap, but already applied
    expect(await senderPoll()).toEqual([])
    await revalidatePages(payload, ['/p/second'])
    expect(await otherPoll()).toEqual(['/p/second'])
  })

  it('a product saved in the admin signals its landing page, under its old and new slug', async () => {
    const other = recorder()
    const poll = pageSignalPoller(payload, other.revalidate, { self: 'instance-c' })
    await poll()
    const brand = await payload.create({ collection: 'brands', data: { name: '信号测试', slug: `signal-${Date.now()}` }, overrideAccess: true })
    const product = await payload.create({
      collection: 'products',
      data: { title: '信号茶', slug: `signal-tea-${Date.now()}`, price: 100, stock: 5, status: 'published', brand: brand.id },
      overrideAccess: true,
    })
    await payload.update({ collection: 'products', id: product.id, data: { slug: `${product.slug}-new` }, overrideAccess: true })
    // and the brand's shop home, which lists it
    expect((await poll()).sort()).toEqual([`/p/${product.slug}`, `/p/${product.slug}-new`, `/s/${brand.slug}`].sort())
  })

  it('a product with SKUs signals the page of each SKU, also of a SKU just removed', async () => {
    const other = recorder()
    const poll = pageSignalPoller(payload, other.revalidate, { self: 'instance-d' })
    await poll()
    const brand = await payload.create({ collection: 'brands', data: { name: '规格信号', slug: `sku-signal-${Date.now()}` }, overrideAccess: true })
    const slug = `sku-tea-${Date.now()}`
    const product = await payload.create({
      collection: 'products',
      data: {
        title: '规格茶',
        slug,
        price: 100,
        stock: 5,
        status: 'published',
        brand: brand.id,
        variants: [
          { sku: 'S-1', name: '小罐', stock: 3 },
          { sku: 'S-2', name: '大罐', price: 300, stock: 2 },
        ],
      },
      overrideAccess: true,
    })
    await poll()
    await payload.update({ collection: 'products', id: product.id, data: { variants: [{ sku: 'S-1', name: '小罐', stock: 3 }] }, overrideAccess: true })
    expect((await poll()).sort()).toEqual([`/p/${slug}`, `/p/${slug}/s/S-1`, `/p/${slug}/s/S-2`, `/s/${brand.slug}`].sort())
  })

  it('the loopback route refuses a caller without the instance key, and bad paths', async () => {
    const call = (headers: Record<string, string>, body: unknown) =>
      revalidateRoute(new Request('http://127.0.0.1/internal/revalidate', { method: 'POST', headers, body: JSON.stringify(body) }))
    expect((await call({}, { paths: ['/p/x'] })).status).toBe(403)
    expect((await call({ [PAGE_SIGNAL_HEADER]: 'guess' }, { paths: ['/p/x'] })).status).toBe(403)
    const { pageSignalKey } = await import('@/platform/pageSignals')
    const bad = await call({ [PAGE_SIGNAL_HEADER]: pageSignalKey() }, { paths: ['../../etc'] })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('INVALID_BODY')
  })
})
