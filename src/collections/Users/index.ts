import type { CollectionConfig } from 'payload'

import { adminOrSelf } from '../../access/adminOrSelf'
import { isAdmin, isAdminField } from '../../access/isAdmin'
import { hasRole } from '../../access/roles'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: { en: 'User', zh: '用户' }, plural: { en: 'Users', zh: '用户' } },
  auth: true,
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles', 'brands'], group: { en: 'Settings', zh: '设置' } },
  access: {
    // Only admins manage accounts; everyone may read and edit themselves (roles and brands excepted).
    admin: ({ req }) => Boolean(req.user),
    create: isAdmin,
    read: adminOrSelf,
    update: adminOrSelf,
    delete: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: { en: 'Name', zh: '姓名' } },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['editor'],
      saveToJWT: true,
      label: { en: 'Roles', zh: '角色' },
      options: [
        { label: { en: 'Admin', zh: '管理员' }, value: 'admin' },
        { label: { en: 'Editor', zh: '编辑' }, value: 'editor' },
        { label: { en: 'Brand team', zh: '品牌方' }, value: 'brand' },
      ],
      access: { create: isAdminField, update: isAdminField },
      // Hidden on /admin/create-first-user: the first account always becomes the admin.
      admin: { condition: (_data, _sibling, { user }) => Boolean(user) },
    },
    {
      name: 'brands',
      type: 'relationship',
      relationTo: 'brands',
      hasMany: true,
      saveToJWT: true,
      label: { en: 'Brands', zh: '所属品牌' },
      access: { create: isAdminField, update: isAdminField },
      admin: { condition: (_data, _sibling, { user }) => Boolean(user) },
      validate: (value: unknown, { data }: { data: Partial<{ roles: string[] }> }) => {
        const roles = data?.roles ?? []
        const count = Array.isArray(value) ? value.length : 0
        if (!roles.includes('admin') && count === 0) return '编辑和品牌方账号必须属于至少一个品牌 (pick at least one brand)'
        return true
      },
    },
  ],
  hooks: {
    beforeValidate: [
      // The very first account (created from /admin/create-first-user) becomes the admin.
      async ({ req, operation, data }) => {
        if (operation !== 'create' || req.user) return data
        const { totalDocs } = await req.payload.count({ collection: 'users', req, overrideAccess: true })
        if (totalDocs === 0) return { ...data, roles: ['admin'] }
        return data
      },
    ],
  },
}
