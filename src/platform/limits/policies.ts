// Abuse limits, per client address (as resolved by scripts/server.mjs) unless said otherwise. They are sized for
// one person or script hammering an endpoint, not for crowds: a push that sends thousands of readers from thousands
// of addresses never meets them. SECURITY.md lists them; counters live in the database (src/db/rateLimits.ts).
const MINUTE = 60_000

export type LimitPolicy = { limit: number; windowMs: number; message: string }

export const LIMITS = {
  /** Checkout attempts (JSON and no-JavaScript form). */
  checkout: { limit: 30, windowMs: MINUTE, message: '下单太频繁，请稍后再试 (too many checkouts)' },
  /** Stock holds created (orders placed, paid or not) per address in a payment window. */
  holds: { limit: 20, windowMs: 15 * MINUTE, message: '未支付的订单太多，请先支付或稍后再试 (too many unpaid orders)' },
  claim: { limit: 30, windowMs: MINUTE, message: '领取太频繁，请稍后再试 (too many claims)' },
  signup: { limit: 20, windowMs: MINUTE, message: '报名太频繁，请稍后再试 (too many sign-ups)' },
  join: { limit: 20, windowMs: MINUTE, message: '操作太频繁，请稍后再试 (too many joins)' },
  /** Funnel beacon events (a batch costs its number of events). */
  beacon: { limit: 1200, windowMs: MINUTE, message: 'too many events' },
  /** Failed logins per address, per account + address, and per account from anywhere. */
  loginPerIp: { limit: 30, windowMs: 15 * MINUTE, message: '登录尝试太多，请稍后再试 (too many login attempts)' },
  loginPerAccountAndIp: { limit: 5, windowMs: 15 * MINUTE, message: '登录尝试太多，请稍后再试 (too many login attempts)' },
  loginPerAccount: { limit: 100, windowMs: 60 * MINUTE, message: '登录尝试太多，请稍后再试 (too many login attempts)' },
} satisfies Record<string, LimitPolicy>

export type LimitName = keyof typeof LIMITS
