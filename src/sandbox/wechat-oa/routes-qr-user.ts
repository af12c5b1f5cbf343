import QRCode from 'qrcode'

import type { Ctx, Route } from './context'
import { json, randomId, wxError } from './respond'
import type { QrTicket } from './state'

const MAX_TEMP_EXPIRE = 2_592_000

/** §5.3 item 23. Invalid arguments answer 40097 [unverified code]. */
const create: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const action = ctx.body.action_name
    const scene = ((ctx.body.action_info as { scene?: Record<string, unknown> } | undefined)?.scene ?? {}) as {
      scene_id?: unknown
      scene_str?: unknown
    }
    const permanent = action === 'QR_LIMIT_SCENE' || action === 'QR_LIMIT_STR_SCENE'
    const isInt = action === 'QR_SCENE' || action === 'QR_LIMIT_SCENE'
    if (!permanent && !isInt && action !== 'QR_STR_SCENE') return wxError(40097)
    let sceneValue: string
    if (isInt) {
      const id = scene.scene_id
      if (typeof id !== 'number' || !Number.isInteger(id)) return wxError(40097)
      if (permanent ? id < 1 || id > 100_000 : id === 0 || id < -(2 ** 31) || id >= 2 ** 31) return wxError(40097)
      sceneValue = String(id)
    } else {
      const str = scene.scene_str
      if (typeof str !== 'string' || [...str].length < 1 || [...str].length > 64) return wxError(40097)
      sceneValue = str
    }
    if (permanent && [...ctx.state.qrTickets.values()].filter((t) => t.appId === ctx.account.appId && t.permanent).length >= 100_000)
      return wxError(40097, 'permanent qrcode limit reached')
    const expire = permanent ? undefined : Math.min(MAX_TEMP_EXPIRE, Number(ctx.body.expire_seconds ?? 60) || 60)
    const ticket: QrTicket = {
      ticket: `gQ${randomId(40)}`,
      appId: ctx.account.appId,
      scene: sceneValue,
      isInt,
      permanent,
      expiresAt: expire === undefined ? undefined : ctx.clock.now() + expire * 1000,
      url: `http://weixin.qq.com/q/${randomId(16)}`,
    }
    ctx.state.qrTickets.set(ticket.ticket, ticket)
    return json({ ticket: ticket.ticket, ...(expire === undefined ? {} : { expire_seconds: expire }), url: ticket.url })
  },
}

export function liveQrTicket(ctx: Pick<Ctx, 'state' | 'clock'>, ticket: string | null): QrTicket | undefined {
  const record = ticket ? ctx.state.qrTickets.get(ticket) : undefined
  return record && (record.expiresAt === undefined || ctx.clock.now() < record.expiresAt) ? record : undefined
}

/** `showqrcode?ticket=` needs no token; serves a PNG of the QR payload URL. */
const show: Route = {
  method: 'GET',
  auth: false,
  json: false,
  async handle(ctx) {
    const record = liveQrTicket(ctx, ctx.url.searchParams.get('ticket'))
    if (!record) return new Response('ticket not found or expired', { status: 404 })
    const png = await QRCode.toBuffer(record.url, { type: 'png', margin: 1, width: 258 })
    return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } })
  },
}

/** §1.10 / §5.3 item 24: no nickname/headimgurl; unfollowed users get only subscribe:0 + openid. */
const userInfo: Route = {
  method: 'GET',
  auth: true,
  json: false,
  handle(ctx) {
    const openid = ctx.url.searchParams.get('openid') ?? ''
    const user = ctx.account.users.get(openid)
    if (!user) return wxError(40003)
    if (!user.subscribed) return json({ subscribe: 0, openid })
    return json({
      subscribe: 1,
      openid,
      subscribe_time: user.subscribeTime ?? Math.floor(ctx.clock.now() / 1000),
      ...(ctx.account.openPlatformBound && user.unionid ? { unionid: user.unionid } : {}),
      remark: '',
      groupid: 0,
      tagid_list: user.tagIds ?? [],
      subscribe_scene: user.subscribeScene ?? 'ADD_SCENE_OTHERS',
      qr_scene: user.qrScene ?? 0,
      qr_scene_str: user.qrSceneStr ?? '',
    })
  },
}

export const qrUserRoutes: Record<string, Route> = {
  '/cgi-bin/qrcode/create': create,
  '/cgi-bin/showqrcode': show,
  '/cgi-bin/user/info': userInfo,
}
