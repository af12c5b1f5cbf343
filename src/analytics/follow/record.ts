// subscribe / SCAN callbacks (§1.9, §1.11) → a `follows` row (idempotent on the callback's dedupe key) and the
// customer upserted with the article that brought them, when none is known yet.
import type { Payload, Where } from 'payload'

import { idOf } from '../../access/roles'
import type { Customer, WechatAccount } from '../../payload-types'
import type { CallbackMessage } from '../../wechat/oa'
import { type FollowTarget, parseScene } from './scene'

type ScanMessage = Extract<CallbackMessage, { type: 'subscribe' | 'SCAN' }>

const collectionOf = { article: 'articles', community: 'communities' } as const

async function targetOfBrand(payload: Payload, target: FollowTarget | undefined, brand: string): Promise<FollowTarget | undefined> {
  if (!target) return undefined
  const doc = await payload
    .findByID({ collection: collectionOf[target.kind], id: target.id, depth: 0, overrideAccess: true, disableErrors: true })
    .catch(() => null)
  // A scene naming another brand's document (or a deleted one) is not attributed.
  return doc && idOf((doc as { brand?: unknown }).brand) === brand ? target : undefined
}

export type RecordFollowResult = { recorded: boolean; follow?: string; target?: FollowTarget }

export async function recordFollow(payload: Payload, accountId: string, message: ScanMessage): Promise<RecordFollowResult> {
  const event = message.type === 'subscribe' ? 'subscribe' : 'scan'
  const openid = message.fromUserName
  if (!openid) return { recorded: false }
  const dedupeKey = `${accountId}|${event}|${message.dedupeKey}`
  const exists = await payload.count({ collection: 'follows', where: { dedupeKey: { equals: dedupeKey } }, overrideAccess: true })
  if (exists.totalDocs > 0) return { recorded: false }

  const account = (await payload.findByID({ collection: 'wechat-accounts', id: accountId, depth: 0, overrideAccess: true })) as WechatAccount
  const brand = idOf(account.brand)
  if (!brand) return { recorded: false }
  const target = await targetOfBrand(payload, parseScene(message.scene), brand)
  const at = new Date(message.createTime ? message.createTime * 1000 : Date.now()).toISOString()

  let followId: string
  try {
    const row = await payload.create({
      collection: 'follows',
      data: {
        account: accountId,
        openid,
        event,
        scene: message.scene || undefined,
        sceneKind: target?.kind,
        article: target?.kind === 'article' ? target.id : undefined,
        community: target?.kind === 'community' ? target.id : undefined,
        at,
        brand,
        dedupeKey,
      },
      overrideAccess: true,
      depth: 0,
    })
    followId = String(row.id)
  } catch (error) {
    // A concurrent retry of the same callback won the unique index.
    const again = await payload.count({ collection: 'follows', where: { dedupeKey: { equals: dedupeKey } }, overrideAccess: true })
    if (again.totalDocs > 0) return { recorded: false }
    throw error
  }

  await upsertCustomer(payload, { account, brand, openid, article: target?.kind === 'article' ? target.id : undefined, at })
  return { recorded: true, follow: followId, target }
}

async function upsertCustomer(payload: Payload, input: { account: WechatAccount; brand: string; openid: string; article?: string; at: string }): Promise<void> {
  const where: Where = { and: [{ appId: { equals: input.account.appId } }, { openid: { equals: input.openid } }] }
  const find = async () => (await payload.find({ collection: 'customers', where, limit: 1, depth: 0, overrideAccess: true })).docs[0] as Customer | undefined
  let customer = await find()
  if (!customer) {
    try {
      await payload.create({
        collection: 'customers',
        data: {
          openid: input.openid,
          appId: input.account.appId,
          account: input.account.id,
          brand: input.brand,
          firstSeenArticle: input.article,
          lastSeenAt: input.at,
        },
        overrideAccess: true,
        depth: 0,
      })
      return
    } catch (error) {
      customer = await find() // created meanwhile (OAuth landing or a concurrent callback)
      if (!customer) throw error
    }
  }
  if (input.article && !customer.firstSeenArticle) {
    await payload.update({ collection: 'customers', id: customer.id, data: { firstSeenArticle: input.article }, overrideAccess: true, depth: 0 })
  }
}
