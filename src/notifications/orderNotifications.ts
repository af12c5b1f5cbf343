// Buyer notifications for order events (服务号模板消息, wechat-api.md §1.7.1), run by the notifyOrder job.
//
// Exactly-once: the `order-notifications` document keyed `order:<id>:<event>` (unique) is claimed before
// sending. A finished claim (sent / skipped / failed for good) makes every later run a no-op; a claim left
// pending or failed-transiently is resumed with the same `client_msg_id`, so WeChat itself drops a repeat
// of a send whose answer we lost (§1.7.1: one delivery per openid + client_msg_id within 10 min).
import type { Payload } from 'payload'

import { carrierLabel } from '@/commerce/carriers'
import { storedOrderPath } from '@/commerce/orderLink'
import { isUniqueViolation } from '@/communities/uniqueViolation'
import type { Customer, Order, OrderNotification, WechatAccount } from '@/payload-types'
import { beijingMinute } from '@/platform/beijingTime'
import { idOf } from '@/utilities/idOf'
import { AccountSetupError, clientFor, loadAccount } from '@/wechat/account'
import { defaultOrigin, publishingRuntime } from '@/wechat/account/runtime'
import { isWechatApiError, withRetry } from '@/wechat/oa'

import { formatAmount, templateData } from './format'

export type NotifyEvent = 'paid' | 'shipped' | 'refunded'
export const NOTIFY_EVENTS: readonly NotifyEvent[] = ['paid', 'shipped', 'refunded']

const STATUS_TEXT: Record<NotifyEvent, string> = { paid: '支付成功', shipped: '已发货', refunded: '已退款' }
const NOTE_TEXT: Record<NotifyEvent, string> = { paid: '我们正在为您备货', shipped: '商品已发出，请留意查收', refunded: '退款已原路退回' }

export const notificationKey = (orderId: string, event: NotifyEvent) => `order:${orderId}:${event}`
/** WeChat's idempotency key for the send (short, ASCII). */
const clientMsgId = (orderId: string, event: NotifyEvent) => `order_${orderId}_${event}`.slice(0, 64)

export type NotifyResult = { status: 'sent' | 'skipped' | 'failed' | 'already'; reason?: string }

/** Thrown for a transient failure after it was recorded, so the jobs queue retries the task. */
export class NotifyRetryableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'NotifyRetryableError'
  }
}

async function findByKey(payload: Payload, key: string): Promise<OrderNotification | undefined> {
  const found = await payload.find({ collection: 'order-notifications', where: { key: { equals: key } }, limit: 1, depth: 0, overrideAccess: true })
  return found.docs[0] as OrderNotification | undefined
}

/** The claim for this notification, or undefined when an earlier run finished it. */
async function claim(payload: Payload, order: Order, event: NotifyEvent): Promise<OrderNotification | undefined> {
  const key = notificationKey(order.id, event)
  let doc = await findByKey(payload, key)
  if (!doc) {
    try {
      doc = (await payload.create({
        collection: 'order-notifications',
        data: { key, order: order.id, event, status: 'pending', brand: idOf(order.brand)! },
        overrideAccess: true,
        depth: 0,
      })) as OrderNotification
      return doc
    } catch (error) {
      if (!isUniqueViolation(error, 'key')) throw error
      doc = await findByKey(payload, key)
    }
  }
  if (!doc) return undefined
  return doc.status === 'pending' || (doc.status === 'failed' && doc.retryable) ? doc : undefined
}

const finish = (payload: Payload, id: string, data: Partial<OrderNotification>) =>
  payload.update({ collection: 'order-notifications', id, data, overrideAccess: true, depth: 0 })

/** Where the buyer's notification goes: their openid on the brand's account and the template for the event. */
async function target(payload: Payload, order: Order, event: NotifyEvent) {
  const readerId = idOf(order.reader)
  if (!readerId) return { skip: '下单时未识别微信读者（未授权或非微信内下单），无法发送通知' }
  const reader = (await payload.findByID({ collection: 'customers', id: readerId, depth: 0, overrideAccess: true, disableErrors: true })) as Customer | null
  if (!reader?.openid) return { skip: '该读者没有 openid，无法发送通知' }
  const accounts = await payload.find({ collection: 'wechat-accounts', where: { appId: { equals: reader.appId } }, limit: 1, depth: 0, overrideAccess: true })
  const account = accounts.docs[0] as WechatAccount | undefined
  if (!account) return { skip: `找不到读者所属公众号（AppID ${reader.appId}）的配置` }
  if (idOf(account.brand) !== idOf(order.brand)) return { skip: '读者所属公众号不属于该订单的品牌，不发送通知' }
  const row = account.templateIds?.find((t) => t.key?.trim() === `order_${event}`)
  if (!row?.templateId) return { skip: `公众号「${account.name}」未配置模板 order_${event}（设置 → 公众号 → 模板消息 ID）` }
  return { account, openid: reader.openid, templateId: row.templateId.trim(), keywords: row.keywords }
}

/** The shipped message names the parcel when the 发货 action recorded one. */
function noteText(order: Order, event: NotifyEvent): string {
  const parcel = order.shipment
  if (event !== 'shipped' || !parcel?.carrier || !parcel.trackingNumber) return NOTE_TEXT[event]
  return `${carrierLabel(parcel.carrier)} ${parcel.trackingNumber}`
}

function orderUrl(order: Order & { accessTokenEncrypted?: string | null }): string | undefined {
  const path = storedOrderPath(order)
  return path ? `${defaultOrigin()}${path}` : undefined
}

/** Sends (at most once) the buyer's notification for an order event. Throws NotifyRetryableError for transient trouble. */
export async function notifyOrder(payload: Payload, orderId: string, event: NotifyEvent): Promise<NotifyResult> {
  const order = (await payload.findByID({ collection: 'orders', id: orderId, depth: 0, overrideAccess: true, showHiddenFields: true, disableErrors: true })) as
    (Order & { accessTokenEncrypted?: string | null }) | null
  if (!order) return { status: 'skipped', reason: 'order not found' }
  const doc = await claim(payload, order, event)
  if (!doc) return { status: 'already' }
  const attempts = (doc.attempts ?? 0) + 1

  const to = await target(payload, order, event)
  if ('skip' in to) {
    await finish(payload, doc.id, { status: 'skipped', retryable: false, error: to.skip, attempts })
    return { status: 'skipped', reason: to.skip }
  }

  const firstItem = order.items?.[0]
  const more = (order.items?.length ?? 0) > 1 ? `等${order.items.length}件` : ''
  const data = templateData(to.keywords, {
    number: order.number,
    product: `${firstItem?.title ?? ''}${more}`,
    total: formatAmount(order.total),
    time: beijingMinute(event === 'paid' && order.paidAt ? order.paidAt : Date.now()),
    status: STATUS_TEXT[event],
    note: noteText(order, event),
  })
  try {
    const account = await loadAccount(payload, to.account.id)
    const client = clientFor(account, defaultOrigin())
    const url = orderUrl(order)
    const result = await withRetry(
      () => client.template.send({ touser: to.openid, template_id: to.templateId, ...(url ? { url } : {}), client_msg_id: clientMsgId(order.id, event), data }),
      { attempts: publishingRuntime.retryAttempts, sleep: publishingRuntime.sleep },
    )
    await finish(payload, doc.id, {
      status: 'sent',
      retryable: false,
      error: null,
      attempts,
      templateId: to.templateId,
      msgId: result.msgid,
      sentAt: new Date().toISOString(),
    })
    return { status: 'sent' }
  } catch (error) {
    // Account misconfiguration (AccountSetupError) and WeChat's permanent refusals (40037, 43004, 47003…) are final.
    const transient = isWechatApiError(error) ? error.retryable : !(error instanceof AccountSetupError)
    const reason = isWechatApiError(error)
      ? `${error.messageZh}（${error.errcode}）`
      : error instanceof AccountSetupError
        ? error.message
        : `发送失败：${(error as Error)?.message ?? String(error)}`
    await finish(payload, doc.id, { status: 'failed', retryable: transient, error: reason.slice(0, 500), attempts, templateId: to.templateId })
    if (transient) throw new NotifyRetryableError(reason)
    return { status: 'failed', reason }
  }
}
