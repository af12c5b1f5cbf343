import { multiTenantPlugin } from '@payloadcms/plugin-multi-tenant'
import type { CollectionSlug, Config as PayloadConfig, Plugin } from 'payload'

import { isAdminUser } from '../access/roles'
import type { Config } from '../payload-types'

/**
 * Every brand-owned collection. Each carries our own `brand` field (`brandField`: role-aware validation and
 * default), which the plugin uses as its tenant field.
 */
export const BRAND_OWNED_COLLECTIONS = [
  'articles',
  'products',
  'media',
  'communities',
  'community-events',
  'event-signups',
  'coupons',
  'coupon-claims',
  'community-members',
  'orders',
  'payments',
  'order-events',
  'order-notifications',
  'customers',
  'pushes',
  'wechat-accounts',
  'funnel-events',
  'article-stats',
  'follows',
  'follow-qr-codes',
] as const satisfies readonly CollectionSlug[]

type Options = NonNullable<Parameters<typeof multiTenantPlugin<Config>>[0]['collections'][CollectionSlug]>

/**
 * Brand workspaces through `@payloadcms/plugin-multi-tenant`: the brand selector in the admin nav, lists
 * and relationship pickers scoped to the selected brand, and every access rule of a brand-owned
 * collection narrowed to the user's brands. What the plugin does not cover is ours and tested: front-end
 * reads (anonymous, published only), pickers inside Lexical blocks (`productsOfOwnBrands`), roles within
 * a brand (`access/roles.ts`), and which memberships an owner may change (Users `guardMemberships`).
 */
const multiTenant = multiTenantPlugin<Config>({
  tenantsSlug: 'brands',
  tenantField: { name: 'brand' },
  tenantsArrayField: { includeDefaultField: false, arrayFieldName: 'brands', arrayTenantFieldName: 'brand' },
  userHasAccessToAllTenants: (user) => isAdminUser(user),
  // Deleting a brand must not silently delete its orders and payments: admins remove brands deliberately.
  cleanupAfterTenantDelete: false,
  collections: Object.fromEntries(
    BRAND_OWNED_COLLECTIONS.map((slug): [string, Options] => [
      slug,
      {
        customTenantField: true,
        // Article and product images are public files (`read: anyone`): a logged-in member of another brand
        // must still see them on the public pages. Writes stay scoped by our own predicates.
        ...(slug === 'media' ? { useTenantAccess: false } : {}),
      },
    ]),
  ),
  i18n: {
    translations: {
      zh: {
        'nav-tenantSelector-label': '当前品牌',
        'assign-tenant-button-label': '移到其他品牌',
        'assign-tenant-modal-title': '把「{{title}}」移到',
        'field-assignedTenant-label': '品牌',
      },
      en: { 'nav-tenantSelector-label': 'Brand', 'field-assignedTenant-label': 'Brand' },
    },
  },
})

/**
 * The plugin's 「移到其他品牌」 edit-menu item opens a modal that only its own tenant field renders; with our
 * visible `brand` field (customTenantField) it would do nothing, so it is removed. Moving a document is
 * done in the `brand` field, which validates the move.
 */
function withoutAssignTenantMenuItem(config: PayloadConfig): PayloadConfig {
  for (const collection of config.collections ?? []) {
    const edit = collection.admin?.components?.edit
    if (!edit?.editMenuItems) continue
    edit.editMenuItems = edit.editMenuItems.filter(
      (item) => !(typeof item === 'object' && item && 'path' in item && String(item.path).endsWith('#AssignTenantFieldTrigger')),
    )
  }
  return config
}

export const brandWorkspaces: Plugin = async (config) => withoutAssignTenantMenuItem(await multiTenant(config))
