// WeChat group QR codes expire 7 days after they are generated and a group stops joining by QR at 200
// members. The brand uploads several; readers see the newest one that still works, else the admin's
// contact QR. Pure functions of (codes, now) so rotation is tested with a fixed clock.

export type GroupQrInput = {
  id?: string | null
  image?: unknown
  label?: string | null
  expiresAt?: string | Date | null
  full?: boolean | null
}

export const WARN_BEFORE_MS = 2 * 24 * 3600_000

const time = (value: string | Date | null | undefined): number => {
  if (!value) return Number.NaN
  return (value instanceof Date ? value : new Date(value)).getTime()
}

/** A code works while it is not marked full and has not reached its expiry. */
export const isUsable = (qr: GroupQrInput, now: Date): boolean => !qr.full && time(qr.expiresAt) > now.getTime()

/** Usable codes, newest first (the newest is the one that expires last). */
export function usableGroupQrs<T extends GroupQrInput>(qrs: readonly T[] | null | undefined, now: Date): T[] {
  return (qrs ?? []).filter((qr) => isUsable(qr, now)).sort((a, b) => time(b.expiresAt) - time(a.expiresAt))
}

export type GroupQrChoice<T> = { kind: 'group'; qr: T } | { kind: 'contact' } | { kind: 'none' }

/** What the page shows: the newest usable group QR, else the admin contact QR (when there is one). */
export function pickGroupQr<T extends GroupQrInput>(qrs: readonly T[] | null | undefined, hasContactQr: boolean, now: Date): GroupQrChoice<T> {
  const [best] = usableGroupQrs(qrs, now)
  if (best) return { kind: 'group', qr: best }
  return hasContactQr ? { kind: 'contact' } : { kind: 'none' }
}

export type GroupQrWarning = { level: 'ok'; lastExpiresAt: Date } | { level: 'expiring'; lastExpiresAt: Date; msLeft: number } | { level: 'none-usable' }

/**
 * The admin warning: "expiring" from two days before the last usable code expires, "none-usable" once
 * every code is expired or full (readers then see the contact QR).
 */
export function groupQrWarning(qrs: readonly GroupQrInput[] | null | undefined, now: Date): GroupQrWarning {
  const [last] = usableGroupQrs(qrs, now)
  if (!last) return { level: 'none-usable' }
  const lastExpiresAt = new Date(time(last.expiresAt))
  const msLeft = lastExpiresAt.getTime() - now.getTime()
  return msLeft <= WARN_BEFORE_MS ? { level: 'expiring', lastExpiresAt, msLeft } : { level: 'ok', lastExpiresAt }
}

/** Chinese wording shared by the admin banner and its tests. */
export function groupQrWarningText(warning: GroupQrWarning): string | null {
  if (warning.level === 'ok') return null
  if (warning.level === 'none-usable') return '没有可用的群二维码（均已过期或已满），社区页正在显示管理员联系二维码。请上传新的群二维码。'
  const hours = Math.max(1, Math.round(warning.msLeft / 3600_000))
  const left = hours >= 24 ? `${Math.floor(hours / 24)} 天 ${hours % 24} 小时` : `${hours} 小时`
  return `最后一个可用的群二维码将在 ${left} 后过期，请尽快上传新的群二维码。`
}
