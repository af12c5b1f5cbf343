import type { Payload, TaskConfig } from 'payload'

import { NOTIFY_EVENTS, type NotifyEvent, notifyOrder } from '../notifications/orderNotifications'

/** Sends the buyer's 服务号 notification for one order event; deduplicated, so retries and repeats send once. */
export const notifyOrderTask: TaskConfig<{
  input: { orderId: string; event: string }
  output: { status: string; reason: string }
}> = {
  slug: 'notifyOrder',
  label: '订单通知（服务号模板消息）',
  inputSchema: [
    { name: 'orderId', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'reason', type: 'text' },
  ],
  // Transient WeChat trouble that outlived the per-call retries (recorded on the notification): try again later.
  retries: { attempts: 3, backoff: { type: 'exponential', delay: 30_000 } },
  handler: async ({ input, req }) => {
    if (!NOTIFY_EVENTS.includes(input.event as NotifyEvent)) return { output: { status: 'skipped', reason: `unknown event ${input.event}` } }
    const result = await notifyOrder(req.payload, input.orderId, input.event as NotifyEvent)
    return { output: { status: result.status, reason: result.reason ?? '' } }
  },
}

/**
 * The buyers' messages have a queue of their own, run every few seconds (payload.config.ts): after a flash sale
 * thousands of them wait, and in the default queue they held back the expiry job that gives unpaid stock back.
 */
export const NOTIFICATIONS_QUEUE = 'notifications'

/** Queues the notification for a won transition (subscribed to order.transitioned in src/subscribers.ts). */
export async function queueOrderNotification(payload: Payload, orderId: string, event: string): Promise<void> {
  if (!NOTIFY_EVENTS.includes(event as NotifyEvent)) return
  await payload.jobs.queue({ task: 'notifyOrder', input: { orderId, event }, queue: NOTIFICATIONS_QUEUE })
}
