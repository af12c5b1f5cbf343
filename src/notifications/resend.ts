// Sending a buyer's notification again, on an operator's request: after a template was configured, or the
// reader followed the account, a skipped or failed notification is worth another try. Sent ones are never
// sent twice (the reader would get the same message again), and one already on its way is left alone.
import type { Payload } from 'payload'

import { queueOrderNotification } from '@/jobs/notifyOrder'
import type { OrderNotification } from '@/payload-types'
import { idOf } from '@/utilities/idOf'

export type ResendResult = { ok: true } | { ok: false; status: 409; code: 'ALREADY_SENT' | 'SENDING' | 'STATUS_CHANGED'; message: string }

export async function resendNotification(payload: Payload, notification: OrderNotification): Promise<ResendResult> {
  if (notification.status === 'sent') return { ok: false, status: 409, code: 'ALREADY_SENT', message: '已发送成功，不重复发送' }
  if (notification.status === 'pending') return { ok: false, status: 409, code: 'SENDING', message: '正在发送中，请稍后刷新' }
  // Compare-and-set on the status, so two clicks queue one send.
  const { docs } = await payload.update({
    collection: 'order-notifications',
    where: { and: [{ id: { equals: notification.id } }, { status: { equals: notification.status } }] },
    data: { status: 'pending', retryable: false, error: null },
    overrideAccess: true,
    depth: 0,
  })
  if (!docs.length) return { ok: false, status: 409, code: 'STATUS_CHANGED', message: '状态已变化，请刷新后重试' }
  await queueOrderNotification(payload, idOf(notification.order) as string, notification.event)
  return { ok: true }
}
