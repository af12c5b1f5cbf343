import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { brandIdsOf, idOf, isAdminUser } from '../../../access/roles'

type Row = { brand?: unknown; role?: unknown }

const key = (rows: Row[] | null | undefined, brand: string) =>
  (rows ?? [])
    .filter((r) => idOf(r?.brand) === brand)
    .map((r) => String(r.role))
    .sort()
    .join(',')

const fail = (req: Parameters<CollectionBeforeValidateHook>[0]['req'], path: string, message: string): never => {
  throw new ValidationError({ collection: 'users', errors: [{ path, message }] }, req.t)
}

/**
 * A brand owner manages the memberships of the brands they own, and nothing else: rows for other brands
 * must come back unchanged, nobody changes their own memberships (no self-promotion, no orphaned brand),
 * and an owner cannot change another account's login (that account may own a brand elsewhere).
 * Admins and trusted server code (no user) are not limited.
 */
export const guardMemberships: CollectionBeforeValidateHook = ({ data, originalDoc, operation, req }) => {
  const actor = req.user
  if (!data || !actor || isAdminUser(actor)) return data
  if (actor.collection && actor.collection !== 'users') fail(req, 'brands', '无权管理账号')

  const before: Row[] = operation === 'create' ? [] : ((originalDoc?.brands as Row[] | undefined) ?? [])
  const after: Row[] | undefined = data.brands as Row[] | undefined
  const isSelf = operation === 'update' && originalDoc?.id === actor.id

  if (operation === 'update' && !isSelf) {
    if (typeof data.password === 'string' && data.password) fail(req, 'password', '只能由本人或平台管理员修改密码')
    if (data.email !== undefined && data.email !== originalDoc?.email) fail(req, 'email', '只能由本人或平台管理员修改登录邮箱')
  }
  if (operation === 'create' && !(after ?? []).length) fail(req, 'brands', '请至少添加一个品牌角色 (add at least one brand membership)')
  if (after === undefined) return data

  const owned = brandIdsOf(actor, 'settings')
  const brands = new Set([...before, ...after].map((r) => idOf(r?.brand)).filter((b): b is string => Boolean(b)))
  for (const brand of brands) {
    if (key(before, brand) === key(after, brand)) continue
    if (isSelf) fail(req, 'brands', '不能修改自己的品牌角色，请联系其他负责人或平台管理员')
    if (!owned.includes(brand)) fail(req, 'brands', '只能管理你负责的品牌的成员 (you can only manage members of brands you own)')
  }
  return data
}
