// GET /api/follow-qr?kind=article|community&id=…[&account=…] — the follow QR code of one of the caller's brand's
// articles or communities: `{ url, scene, expiresAt }` (url: the showqrcode image; expiresAt null when permanent).
import type { Endpoint } from 'payload'

import { brandIdsOf, hasRole, idOf } from '../../access/roles'
import { answersErrors, AppError } from '../../platform/errors'
import { AccountSetupError } from '../../wechat/account'
import { isWechatApiError } from '../../wechat/oa'
import { followAccountFor, followQrFor } from './qr'
import { isFollowKind, isTargetId } from './scene'

const invalidQuery = (field: string, message: string) => new AppError('INVALID_QUERY', 400, message, { field })

export const followQrEndpoint: Endpoint = {
  path: '/follow-qr',
  method: 'get',
  handler: answersErrors(async (req) => {
    if (!req.user) throw new AppError('LOGIN_REQUIRED', 401, 'login required')
    const q = new URL(req.url ?? 'http://localhost').searchParams
    const kind = q.get('kind')
    const id = q.get('id')
    const accountParam = q.get('account') || undefined
    if (!isFollowKind(kind)) throw invalidQuery('kind', 'kind must be article or community')
    if (!isTargetId(id)) throw invalidQuery('id', 'malformed id')
    if (accountParam && !isTargetId(accountParam)) throw invalidQuery('account', 'malformed id')

    const doc = await req.payload
      .findByID({ collection: kind === 'article' ? 'articles' : 'communities', id, depth: 0, overrideAccess: true, disableErrors: true })
      .catch(() => null)
    const brand = idOf((doc as { brand?: unknown } | null)?.brand)
    // Another brand's document is reported exactly like a missing one.
    if (!doc || !brand || (!hasRole(req.user, 'admin') && !brandIdsOf(req.user).includes(brand))) throw new AppError('NOT_FOUND', 404, 'not found')

    const account = await followAccountFor(req.payload, brand, accountParam)
    if (!account) throw new AccountSetupError('该品牌尚未配置公众号 (no Official Account for this brand)')
    try {
      const qr = await followQrFor(req.payload, { kind, id }, { brand, account: account.id })
      return Response.json({ url: qr.url, scene: qr.scene, expiresAt: qr.expiresAt })
    } catch (error) {
      if (isWechatApiError(error)) throw new AppError('WECHAT_API_ERROR', 502, error.message)
      throw error
    }
  }),
}
