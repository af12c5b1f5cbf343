import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { type RunningServer, serveFetchHandler } from '@/sandbox/http'
import { createEmulatorClock, fakeJpeg, startEmulator } from '@/sandbox/wechat-oa'
import {
  type CallbackMessage,
  createMemoryTokenCache,
  createOfficialAccountClient,
  parseCallbackXml,
  verifyCallbackSignature,
  WechatApiError,
} from '@/wechat/oa'

const SVC = { appId: 'wxmsgservice0001', appSecret: 'svc' }
const SUBS = { appId: 'wxmsgsubscr00002', appSecret: 'sub' }
const clock = createEmulatorClock({ start: Date.UTC(2026, 4, 4, 1, 0, 0) })
const events: CallbackMessage[] = []
let env: Awaited<ReturnType<typeof startEmulator>>
let receiver: RunningServer

const users = [
  { openid: 'o_fan', subscribed: true, wxname: 'fan_wx' },
  { openid: 'o_gone', subscribed: false },
]

beforeAll(async () => {
  receiver = await serveFetchHandler(async (request) => {
    const q = new URL(request.url).searchParams
    if (!verifyCallbackSignature({ token: 't', timestamp: q.get('timestamp'), nonce: q.get('nonce'), signature: q.get('signature') }))
      return new Response('forbidden', { status: 403 })
    events.push(parseCallbackXml(await request.text()))
    return new Response('')
  })
  const callback = { url: `${receiver.url}/cb`, token: 't' }
  env = await startEmulator({
    clock,
    accounts: [
      { ...SVC, type: 'service', callback, users, templates: { TPL_PAID: ['character_string1', 'amount2', 'thing3', 'time4', 'phrase5'] } },
      { ...SUBS, type: 'subscription', callback, users },
    ],
  })
})
afterAll(async () => {
  await env.server.close()
  await receiver.close()
})

const client = (app: typeof SVC) => createOfficialAccountClient({ apiBase: env.apiBase, ...app, clock, tokenCache: createMemoryTokenCache(clock) })
const errcodeOf = (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e: WechatApiError) => e.errcode,
  )
async function draftFor(c: ReturnType<typeof client>, title = '群发') {
  const cover = await c.addMaterial('image', { data: fakeJpeg(), filename: 'c.jpg' })
  return (await c.draft.add([{ title, content: '<p>x</p>', thumb_media_id: cover.media_id }])).media_id
}

describe('mass messages', () => {
  it('preview by towxname / touser is logged; unfollowed → 43004, unknown → 40003, bad media → 40007', async () => {
    const c = client(SVC)
    const media = await draftFor(c, '预览')
    const { msg_id } = await c.mass.preview({ towxname: 'fan_wx', media_id: media })
    expect(env.emulator.messages.find((m) => m.kind === 'preview' && String(m.msgId) === msg_id)).toMatchObject({ towxname: 'fan_wx', mediaId: media })
    await c.mass.preview({ touser: 'o_fan', media_id: media })
    expect(await errcodeOf(c.mass.preview({ touser: 'o_gone', media_id: media }))).toBe(43004)
    expect(await errcodeOf(c.mass.preview({ touser: 'o_who', media_id: media }))).toBe(40003)
    expect(await errcodeOf(c.mass.preview({ touser: 'o_fan', media_id: 'nope' }))).toBe(40007)
  })

  it('subscription account: one mass send a day; clientmsgid dedupes; MASSSENDJOBFINISH is pushed', async () => {
    const c = client(SUBS)
    const first = await draftFor(c, '第一次')
    const sent = await c.mass.sendAll({ media_id: first, clientmsgid: 'push-1' })
    expect(await errcodeOf(c.draft.get(first))).toBe(40007) // mass-sent drafts leave the box
    const retry = (await c.mass.sendAll({ media_id: first, clientmsgid: 'push-1' }).catch((e: unknown) => e)) as WechatApiError
    expect(retry.errcode).toBe(45066) // retried within 60 s
    expect(retry.body?.msg_id).toBe(Number(sent.msg_id))
    clock.advance(61_000)
    expect(await errcodeOf(c.mass.sendAll({ media_id: first, clientmsgid: 'push-1' }))).toBe(45065)
    const second = await draftFor(c, '第二次')
    expect(await errcodeOf(c.mass.sendAll({ media_id: second, clientmsgid: 'push-2' }))).toBe(45028)
    expect(await errcodeOf(c.mass.sendAll({ media_id: second, clientmsgid: 'x'.repeat(65) }))).toBe(45067)
    await env.emulator.idle()
    expect(events.find((e) => e.type === 'MASSSENDJOBFINISH' && e.msgId === sent.msg_id)).toMatchObject({ status: 'send success', sentCount: 1 })
    clock.advance(86_400_000) // next day: quota is back
    expect((await c.mass.sendAll({ media_id: second, clientmsgid: 'push-2' })).msg_id).toBeTruthy()
  })

  it('scripted review failure err(20002) arrives in the event', async () => {
    const c = client(SVC)
    env.emulator.scripts.massStatus.push('err(20002)')
    const sent = await c.mass.sendAll({ media_id: await draftFor(c), clientmsgid: 'svc-1' })
    clock.advance(2_000)
    await env.emulator.idle()
    expect(events.find((e) => e.type === 'MASSSENDJOBFINISH' && e.msgId === sent.msg_id)).toMatchObject({ status: 'err(20002)', errorCount: 1 })
  })
})

describe('template messages', () => {
  const data = {
    character_string1: { value: 'ORDER_123' },
    amount2: { value: '¥99.00' },
    thing3: { value: '订单已支付' },
    time4: { value: '2026年5月4日 10:00~2026年5月4日 12:00' },
    phrase5: { value: '配送中' },
  }
  it('sends once per client_msg_id, validates keyword rules, pushes TEMPLATESENDJOBFINISH', async () => {
    const c = client(SVC)
    const sent = await c.template.send({ touser: 'o_fan', template_id: 'TPL_PAID', client_msg_id: 'ORDER_123_PAID', data })
    const again = await c.template.send({ touser: 'o_fan', template_id: 'TPL_PAID', client_msg_id: 'ORDER_123_PAID', data })
    expect(again.msgid).toBe(sent.msgid)
    expect(env.emulator.messages.filter((m) => m.kind === 'template' && m.clientMsgId === 'ORDER_123_PAID')).toHaveLength(1)
    const bad = (value: Partial<typeof data>) => errcodeOf(c.template.send({ touser: 'o_fan', template_id: 'TPL_PAID', data: { ...data, ...value } }))
    expect(await bad({ thing3: { value: '字'.repeat(21) } })).toBe(47003)
    expect(await bad({ phrase5: { value: '正在配送中啦' } })).toBe(47003)
    expect(await bad({ time4: { value: '10:00～12:00' } })).toBe(47003)
    expect(await bad({ amount2: { value: '99块' } })).toBe(47003)
    expect(await bad({ character_string1: { value: 'ORDER 123' } })).toBe(47003)
    expect(await bad({ thing3: { value: '换行\n不行' } })).toBe(47003)
    expect(await errcodeOf(c.template.send({ touser: 'o_fan', template_id: 'NOPE', data }))).toBe(40037)
    expect(await errcodeOf(c.template.send({ touser: 'o_gone', template_id: 'TPL_PAID', data }))).toBe(43004)
    env.emulator.scripts.templateStatus.push('failed:user block')
    const blocked = await c.template.send({ touser: 'o_fan', template_id: 'TPL_PAID', data })
    clock.advance(500)
    await env.emulator.idle()
    expect(events.find((e) => e.type === 'TEMPLATESENDJOBFINISH' && e.msgId === sent.msgid)).toMatchObject({ status: 'success' })
    expect(events.find((e) => e.type === 'TEMPLATESENDJOBFINISH' && e.msgId === blocked.msgid)).toMatchObject({ status: 'failed:user block' })
  })
})

describe('template list (get_all_private_template)', () => {
  it("lists the account's templates, their content naming the keys; a subscription account gets 48001", async () => {
    const list = await client(SVC).template.list()
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({ template_id: 'TPL_PAID', title: 'TPL_PAID' })
    expect(list[0]!.content).toContain('{{character_string1.DATA}}')
    expect(list[0]!.content).toContain('{{phrase5.DATA}}')
    expect(await errcodeOf(client(SUBS).template.list())).toBe(48001)
  })
})

describe('QR codes and users', () => {
  it('QR_STR_SCENE scan by a new follower → subscribe(qrscene_…), then SCAN; user/info reflects it', async () => {
    const c = client(SVC)
    const qr = await c.createQrCode({ action_name: 'QR_STR_SCENE', scene_str: 'post-123', expire_seconds: 604800 })
    expect(qr).toMatchObject({ expire_seconds: 604800, url: expect.stringMatching(/^http:\/\/weixin\.qq\.com\/q\//) })
    expect((await c.createQrCode({ action_name: 'QR_LIMIT_STR_SCENE', scene_str: 'home' })).expire_seconds).toBeUndefined()
    expect(await errcodeOf(c.createQrCode({ action_name: 'QR_SCENE', scene_id: 0 }))).toBe(40097)
    expect(await errcodeOf(c.createQrCode({ action_name: 'QR_STR_SCENE', scene_str: 'x'.repeat(65) }))).toBe(40097)
    expect(await errcodeOf(c.createQrCode({ action_name: 'QR_LIMIT_SCENE', scene_id: 100_001 }))).toBe(40097)

    expect(await errcodeOf(c.getUserInfo('o_new'))).toBe(40003)
    env.emulator.qr.scan(qr.ticket, 'o_new')
    await env.emulator.idle()
    expect(events.find((e) => e.type === 'subscribe' && e.fromUserName === 'o_new')).toMatchObject({ scene: 'post-123', ticket: qr.ticket })
    expect(await c.getUserInfo('o_new')).toMatchObject({ subscribe: 1, subscribe_scene: 'ADD_SCENE_QR_CODE', qr_scene_str: 'post-123' })
    env.emulator.qr.scan(qr.ticket, 'o_new')
    await env.emulator.idle()
    expect(events.find((e) => e.type === 'SCAN' && e.fromUserName === 'o_new')).toMatchObject({ scene: 'post-123' })

    const info = await c.getUserInfo('o_gone')
    expect(info).toEqual({ subscribe: 0, openid: 'o_gone' })
    const fan = await c.getUserInfo('o_fan')
    expect(fan).not.toHaveProperty('nickname')
    expect(fan).not.toHaveProperty('headimgurl')

    const png = await fetch(`${env.apiBase}/cgi-bin/showqrcode?ticket=${encodeURIComponent(qr.ticket)}`)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await png.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    clock.advance(604_800_000)
    expect((await fetch(`${env.apiBase}/cgi-bin/showqrcode?ticket=${encodeURIComponent(qr.ticket)}`)).status).toBe(404)
  })
})
