// Jobs-queue tasks of the commerce module; scheduled every minute, also runnable on demand (tests run them directly).
import type { TaskConfig } from 'payload'

import { expireOrders } from '@/commerce/expire'
import { paymentsAvailable } from '@/commerce/payGateway'
import { reconcilePayments } from '@/commerce/reconcile'

/** Without a merchant or the sandbox no order can be pending a payment, and there is nobody to ask. */
const skipped = { output: { skipped: 'payments are not configured' } }

export const expireOrdersTask: TaskConfig = {
  slug: 'expireOrders',
  label: 'Cancel unpaid orders after the payment window (releases stock)',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  handler: async ({ req }) => (paymentsAvailable() ? { output: await expireOrders(req.payload) } : skipped),
}

export const reconcilePaymentsTask: TaskConfig = {
  slug: 'reconcilePayments',
  label: 'Query WeChat Pay for payments still pending and settle them',
  schedule: [{ cron: '30 * * * * *', queue: 'default' }],
  // Give the callback a minute to arrive before asking (§4.5 polling advice).
  handler: async ({ req }) => (paymentsAvailable() ? { output: await reconcilePayments(req.payload, { olderThanMs: 60_000 }) } : skipped),
}

export const commerceTasks: TaskConfig[] = [expireOrdersTask, reconcilePaymentsTask]
