import { type Admission, createAdmission } from '@/platform/admission'

const KEY = Symbol.for('tuiwen.commerce.checkoutAdmission')

/**
 * Checkouts running at once on this instance (one per process, shared by the JSON and the form route, which Next
 * may bundle apart). SQLite takes one write at a time, so more in flight only lengthens every buyer's wait; 64
 * keep both cores busy, up to 2,000 more wait their turn for at most 2 s, and beyond that a buyer is told at once to
 * try again (503 BUSY, 「排队人数较多，请稍后再试」). Overridable for other machines.
 */
export const checkoutAdmission: Admission = ((globalThis as { [KEY]?: Admission })[KEY] ??= createAdmission({
  maxInFlight: Number(process.env.TUIWEN_CHECKOUT_CONCURRENCY) || 64,
  maxQueue: Number(process.env.TUIWEN_CHECKOUT_QUEUE) || 2_000,
  maxWaitMs: Number(process.env.TUIWEN_CHECKOUT_WAIT_MS) || 2_000,
}))
