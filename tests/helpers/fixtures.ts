// Two brands, with an owner, an editor and an operator in A and an editor in B, and products: the smallest
// world in which access can be crossed, between brands and between roles inside one brand.
import type { Payload } from 'payload'

import type { Brand, Product, User } from '@/payload-types'

export type World = {
  brandA: Brand
  brandB: Brand
  admin: User
  editorA: User
  ownerA: User
  operatorA: User
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
  const user = (email: string, roles: User['roles'], brands: NonNullable<User['brands']>) =>
    payload.create({ collection: 'users', data: { email: `${email}-${n}@test.local`, password, roles, brands } })
  const admin = await user('admin', ['admin'], [])
  const editorA = await user('editor-a', ['member'], [{ brand: brandA.id, role: 'editor' }])
  const ownerA = await user('owner-a', ['member'], [{ brand: brandA.id, role: 'owner' }])
  const operatorA = await user('operator-a', ['member'], [{ brand: brandA.id, role: 'operator' }])
  const editorB = await user('editor-b', ['member'], [{ brand: brandB.id, role: 'editor' }])
  const product = (brand: Brand, slug: string, status: 'draft' | 'published') =>
    payload.create({ collection: 'products', data: { title: slug, slug: `${slug}-${n}`, brand: brand.id, price: 1290, stock: 10, status } })
  return {
    brandA,
    brandB,
    admin,
    editorA,
    ownerA,
    operatorA,
    editorB,
    productA: await product(brandA, 'product-a', 'published'),
    draftProductA: await product(brandA, 'draft-a', 'draft'),
    productB: await product(brandB, 'product-b', 'published'),
    password,
  }
}
