// Parameterised follow QR codes (§1.9), cached per account + scene in `follow-qr-codes`.
//
// Articles get temporary QR_STR_SCENE codes at the 30-day maximum, renewed when less than a day is left: there is
// no bound on the number of articles, and permanent codes are capped at 100 000 per account and can never be freed.
// Communities get permanent QR_LIMIT_STR_SCENE codes: there are few of them and their codes end up on printed
// posters and table cards, which must not stop working after 30 days.
import type { Payload, Where } from 'payload'

import { idOf } from '../../access/roles'
import type { FollowQrCode, WechatAccount } from '../../payload-types'
import { clientFor, loadAccount } from '../../wechat/account'
import { defaultOrigin } from '../../wechat/account/runtime'
import { type FollowTarget, sceneFor } from './scene'

export const TEMP_QR_SECONDS = 2_592_000
const RENEW_BEFORE_MS = 24 * 3600_000

export type FollowQr = { url: string; scene: string; expiresAt: string | null; account: string }

export const showQrUrl = (ticket: string) => `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`

/** The brand's Official Account used for follow codes: the one asked for (same brand only), else the oldest. */
export async function followAccountFor(payload: Payload, brand: string, accountId?: string): Promise<WechatAccount | undefined> {
  const found = await payload.find({
    collection: 'wechat-accounts',
    where: { and: [{ brand: { equals: brand } }, ...(accountId ? [{ id: { equals: accountId } }] : [])] },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return found.docs[0] as WechatAccount | undefined
}

export async function followQrFor(payload: Payload, target: FollowTarget, opts: { brand: string; account: string; now?: number }): Promise<FollowQr> {
  const now = opts.now ?? Date.now()
  const scene = sceneFor(target)
  const permanent = target.kind === 'community'
  const where: Where = { and: [{ account: { equals: opts.account } }, { scene: { equals: scene } }] }
  const cached = (await payload.find({ collection: 'follow-qr-codes', where, limit: 1, depth: 0, overrideAccess: true })).docs[0] as FollowQrCode | undefined
  const fresh = (doc: FollowQrCode) => !doc.expiresAt || Date.parse(doc.expiresAt) - now > RENEW_BEFORE_MS
  const out = (doc: Pick<FollowQrCode, 'ticket' | 'expiresAt'>): FollowQr => ({
    url: showQrUrl(doc.ticket),
    scene,
    expiresAt: doc.expiresAt ?? null,
    account: opts.account,
  })
  if (cached && fresh(cached)) return out(cached)

  const account = await loadAccount(payload, opts.account)
  const client = clientFor(account, defaultOrigin())
  const created = permanent
    ? await client.createQrCode({ action_name: 'QR_LIMIT_STR_SCENE', scene_str: scene })
    : await client.createQrCode({ action_name: 'QR_STR_SCENE', scene_str: scene, expire_seconds: TEMP_QR_SECONDS })
  const data = {
    account: opts.account,
    scene,
    ticket: created.ticket,
    url: created.url,
    // A minute of slack so we never hand out a code WeChat already considers expired.
    expiresAt: created.expire_seconds ? new Date(now + (created.expire_seconds - 60) * 1000).toISOString() : null,
    brand: idOf(account.brand) ?? opts.brand,
  }
  if (cached) {
    await payload.update({ collection: 'follow-qr-codes', id: cached.id, data, overrideAccess: true, depth: 0 })
  } else {
    try {
      await payload.create({ collection: 'follow-qr-codes', data, overrideAccess: true, depth: 0 })
    } catch (error) {
      // Lost a race on the (account, scene) unique index: the other request's code is as good as ours.
      const winner = (await payload.find({ collection: 'follow-qr-codes', where, limit: 1, depth: 0, overrideAccess: true })).docs[0] as
        FollowQrCode | undefined
      if (winner) return out(winner)
      throw error
    }
  }
  return out(data)
}
