// Two brands with an editor, a brand user and a product each: the smallest world in which access can be crossed.
import type { Payload } from 'payload'

import type { Brand, Product, User } from '@/payload-types'

export type World = {
  brandA: Brand
  brandB: Brand
  admin: User
  editorA: User
  brandUserA: User
  editorB: User
  productA: Product
  draftProductA: Product
  productB: Product
  password: string
}

let counter = 0

export async function makeWorld(payload: Payload): Promise<World> {
  const n = ++counter
  const password = 'correct-horse-battery'
  const brandA = await payload.create({ collection: 'brands', data: { name: `A 品牌 ${n}`, slug: `brand-a-${n}` } })
  const brandB = await payload.create({ collection: 'brands', data: { name: `B 品牌 ${n}`, slug: `brand-b-${n}` } })
  const user = (email: string, roles: User['roles'], brands: string[]) =>
    payload.create({ collection: 'users', data: { email: `${email}-${n}@test.local`, password, roles, brands } })
  const admin = await user('admin', ['admin'], [])
  const editorA = await user('editor-a', ['editor'], [brandA.id])
  const brandUserA = await user('brand-a', ['brand'], [brandA.id])
  const editorB = await user('editor-b', ['editor'], [brandB.id])
  const product = (brand: Brand, slug: string, status: 'draft' | 'published') =>
    payload.create({ collection: 'products', data: { title: slug, slug: `${slug}-${n}`, brand: brand.id, price: 1290, stock: 10, status } })
  return {
    brandA,
    brandB,
    admin,
    editorA,
    brandUserA,
    editorB,
    productA: await product(brandA, 'product-a', 'published'),
    draftProductA: await product(brandA, 'draft-a', 'draft'),
    productB: await product(brandB, 'product-b', 'published'),
    password,
  }
}
