// Group QR rotation with a fixed clock: newest usable code, skip full/expired, fall back to the contact QR,
// and the admin warning two days before the last usable code expires.
import { describe, expect, it } from 'vitest'

import { type GroupQrInput, groupQrWarning, groupQrWarningText, pickGroupQr } from '@/communities/groupQr'

const H = 3600_000
const t0 = new Date('2026-11-20T08:00:00Z')
const at = (hours: number) => new Date(t0.getTime() + hours * H)
const qr = (id: string, expiresInHours: number, full = false): GroupQrInput => ({ id, expiresAt: at(expiresInHours).toISOString(), full })

describe('pickGroupQr', () => {
  const codes = [qr('old', 24), qr('newest', 7 * 24), qr('middle', 4 * 24)]
  it('shows the newest usable code (the one expiring last), in any input order', () => {
    expect(pickGroupQr(codes, true, t0)).toMatchObject({ kind: 'group', qr: { id: 'newest' } })
  })
  it('skips a code marked full', () => {
    const withFull = codes.map((c) => (c.id === 'newest' ? { ...c, full: true } : c))
    expect(pickGroupQr(withFull, true, t0)).toMatchObject({ kind: 'group', qr: { id: 'middle' } })
  })
  it('moves to the next code as time passes and codes expire', () => {
    const rotating = [qr('a', 24), qr('b', 48, true), qr('c', 72)]
    expect(pickGroupQr(rotating, true, at(0))).toMatchObject({ qr: { id: 'c' } })
    const onlyUnfullA = [qr('a', 72), qr('b', 24)]
    expect(pickGroupQr(onlyUnfullA, true, at(23))).toMatchObject({ qr: { id: 'a' } })
    const order = [qr('x', 24), qr('y', 48, false)]
    expect(
      pickGroupQr(
        order.map((c) => (c.id === 'y' ? { ...c, full: true } : c)),
        true,
        at(23.9),
      ),
    ).toMatchObject({ qr: { id: 'x' } })
    expect(
      pickGroupQr(
        order.map((c) => (c.id === 'y' ? { ...c, full: true } : c)),
        true,
        at(24),
      ),
    ).toEqual({ kind: 'contact' })
  })
  it('treats the expiry instant as expired', () => {
    expect(pickGroupQr([qr('a', 10)], false, at(10))).toEqual({ kind: 'none' })
    expect(pickGroupQr([qr('a', 10)], false, at(9.99))).toMatchObject({ kind: 'group' })
  })
  it('falls back to the admin contact QR when every code is full or expired, else to nothing', () => {
    const dead = [qr('expired', -1), qr('full', 100, true)]
    expect(pickGroupQr(dead, true, t0)).toEqual({ kind: 'contact' })
    expect(pickGroupQr(dead, false, t0)).toEqual({ kind: 'none' })
    expect(pickGroupQr([], true, t0)).toEqual({ kind: 'contact' })
    expect(pickGroupQr(null, false, t0)).toEqual({ kind: 'none' })
  })
  it('ignores codes without a valid expiry', () => {
    expect(pickGroupQr([{ id: 'no-date' }, { id: 'bad', expiresAt: 'soon' }], true, t0)).toEqual({ kind: 'contact' })
  })
})

describe('groupQrWarning', () => {
  const codes = [qr('a', 24), qr('b', 5 * 24), qr('full-late', 9 * 24, true)]
  it('is quiet while the last usable code has more than two days left (full codes do not count)', () => {
    expect(groupQrWarning(codes, t0)).toMatchObject({ level: 'ok', lastExpiresAt: at(5 * 24) })
    expect(groupQrWarningText(groupQrWarning(codes, t0))).toBeNull()
    expect(groupQrWarning(codes, at(3 * 24 - 0.01)).level).toBe('ok')
  })
  it('warns from exactly two days before the last usable code expires', () => {
    const w = groupQrWarning(codes, at(3 * 24))
    expect(w).toMatchObject({ level: 'expiring', msLeft: 48 * H })
    expect(groupQrWarningText(w)).toBe('最后一个可用的群二维码将在 2 天 0 小时 后过期，请尽快上传新的群二维码。')
    expect(groupQrWarningText(groupQrWarning(codes, at(5 * 24 - 5)))).toContain('5 小时')
  })
  it('warns that none is usable once the last one expires', () => {
    const w = groupQrWarning(codes, at(5 * 24))
    expect(w).toEqual({ level: 'none-usable' })
    expect(groupQrWarningText(w)).toContain('管理员联系二维码')
    expect(groupQrWarning([], t0)).toEqual({ level: 'none-usable' })
  })
})
