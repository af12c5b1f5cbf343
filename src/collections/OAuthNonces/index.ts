import type { CollectionConfig } from 'payload'

import { nobody } from '../../access/nobody'

/** Single-use ids (src/db/usedStates.ts): spent OAuth `state` nonces, OA callback nonces and handled callback messages; the unique index makes "mark used" atomic across server processes. */
export const OAuthNonces: CollectionConfig = {
  slug: 'oauth-nonces',
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  fields: [
    { name: 'nonce', type: 'text', required: true, unique: true },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
