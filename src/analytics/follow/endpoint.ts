// GET /api/follow-qr?kind=article|community&id=…[&account=…] — the follow QR code of one of the caller's brand's
// articles or communities: `{ url, scene, expiresAt }` (url: the showqrcode image; expiresAt null when permanent).
import type { Endpoint } from 'payload'

import { brandIdsOf, hasRole, idOf } from '../../access/roles'
import { PublishError } from '../../publishing/errors'
import { isWechatApiError } from '../../wechat/oa'
import { followAccountFor, followQrFor } from './qr'
import { isFollowKind, isTargetId } from './scene'

export const followQrEndpoint: Endpoint = {
  path: '/follow-qr',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return Response.json({ error: 'login required' }, { status: 401 })
    const q = new URL(req.url ?? 'http://localhost').searchParams
    const kind = q.get('kind')
    const id = q.get('id')
    const accountParam = q.get('account') || undefined
    if (!isFollowKind(kind)) return Response.json({ error: 'kind must be article or community' }, { status: 400 })
    if (!isTargetId(id) || (accountParam && !isTargetId(accountParam))) return Response.json({ error: 'malformed id' }, { status: 400 })

    const doc = await req.payload
      .findByID({ collection: kind === 'article' ? 'articles' : 'communities', id, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)
    const brand = idOf((doc as { brand?: unknown } | null)?.brand)
    // Another brand's document is reported exactly like a missing one.
    if (!doc || !brand || (!hasRole(req.user, 'admin') && !brandIdsOf(req.user).includes(brand)))
      return Response.json({ error: 'not found' }, { status: 404 })

    const account = await followAccountFor(req.payload, brand, accountParam)
    if (!account) return Response.json({ error: '该品牌尚未配置公众号 (no Official Account for this brand)' }, { status: 409 })
    try {
      const qr = await followQrFor(req.payload, { kind, id }, { brand, account: account.id })
      return Response.json({ url: qr.url, scene: qr.scene, expiresAt: qr.expiresAt })
    } catch (error) {
      if (error instanceof PublishError) return Response.json({ error: error.message }, { status: 409 })
      if (isWechatApiError(error)) return Response.json({ error: error.message }, { status: 502 })
      throw error
    }
  },
}
