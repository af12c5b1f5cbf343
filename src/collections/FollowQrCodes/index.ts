import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'

/** Cache of parameterised follow QR codes (§1.9): one per account + scene, refreshed before it expires. */
export const FollowQrCodes: CollectionConfig = {
  slug: 'follow-qr-codes',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['account', 'scene'], unique: true }],
  fields: [
    { name: 'account', type: 'relationship', relationTo: 'wechat-accounts', required: true },
    { name: 'scene', type: 'text', required: true },
    { name: 'ticket', type: 'text', required: true },
    /** The QR payload (`http://weixin.qq.com/q/…`), for rendering the code ourselves. */
    { name: 'url', type: 'text' },
    /** Empty for permanent (QR_LIMIT_STR_SCENE) codes. */
    { name: 'expiresAt', type: 'date' },
    { name: 'brand', type: 'relationship', relationTo: 'brands', required: true },
  ],
}
