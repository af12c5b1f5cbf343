import { beijingDayNumber } from '@/platform/beijingTime'

import type { Ctx } from './context'

/** Counts one call of `path` for `appId` today; true when the daily quota (if any) is exceeded (→ 45009). */
export function overQuota(ctx: Pick<Ctx, 'state' | 'settings' | 'clock'>, appId: string, path: string): boolean {
  const limit = ctx.settings.quotas[path]
  const key = `${appId}|${path}|${beijingDayNumber(ctx.clock.now())}`
  const used = (ctx.state.quotaCounts.get(key) ?? 0) + 1
  ctx.state.quotaCounts.set(key, used)
  return limit !== undefined && used > limit
}

export function clearQuota(ctx: Pick<Ctx, 'state'>, appId: string): void {
  for (const key of [...ctx.state.quotaCounts.keys()]) if (key.startsWith(`${appId}|`)) ctx.state.quotaCounts.delete(key)
}
