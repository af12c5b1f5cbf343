import type { CollectionConfig } from 'payload'

import { brandOwnerCreate } from '../../access/brandOwnerCreate'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { selfOrOwnedMembers } from '../../access/selfOrOwnedMembers'
import { authCookieOptions } from '../../platform/http/origin'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { guardMemberships } from './hooks/guardMemberships'
import { refuseDemoLogins } from './hooks/refuseDemoLogins'
import { forgiveSuccessfulLogin, throttleLogin } from './hooks/throttleLogin'
import { membershipsField } from './memberships'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'User', zh: '用户' }, plural: { en: 'Users', zh: '用户' } },
  // Failed logins are limited per address and per account by ./hooks/throttleLogin, which answers every account
  // alike; Payload's per-account lock (5 tries → 10 min, with a message that confirms the account) is off.
  // The session cookie is Secure when the configured public origin is https.
  auth: { maxLoginAttempts: 0, cookies: authCookieOptions() },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles', 'brands'], group: { en: 'Settings', zh: '设置' } },
  access: {
    // Admins manage every account; brand owners invite and manage their brands' members; everyone edits themselves.
    admin: ({ req }) => Boolean(req.user),
    create: brandOwnerCreate,
    read: selfOrOwnedMembers,
    update: selfOrOwnedMembers,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '姓名' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['member'],
      saveToJWT: true,
      label: { en: 'Installation role', zh: '平台角色' },
      options: [
        { label: { en: 'Admin (all brands)', zh: '平台管理员（全部品牌）' }, value: 'admin' },
        { label: { en: 'Brand member', zh: '品牌成员' }, value: 'member' },
      ],
      access: { create: isAdminField, update: isAdminField },
      // Hidden on /admin/create-first-user: the first account always becomes the admin.
      admin: { condition: (_data, _sibling, { user }) => Boolean(user) },
    },
    membershipsField,
  ],
  hooks: { beforeValidate: [firstUserIsAdmin, guardMemberships], beforeOperation: [refuseDemoLogins, throttleLogin], afterLogin: [forgiveSuccessfulLogin] },
}
