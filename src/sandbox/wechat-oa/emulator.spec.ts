import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { decryptCallbackMessage, generateEncodingAESKey } from '@/wechat/oa/callbackCrypto'

import { createEmulatorClock } from './clock'
import { createOfficialAccountEmulator, type OfficialAccountEmulator } from './emulator'
import { sanitizeDraftContent } from './sanitize-content'

const APP = { appId: 'wxunit0000000001', appSecret: 's' }
const setup = () => {
  const clock = createEmulatorClock()
  const emulator = createOfficialAccountEmulator({ basePath: '/sandbox/wechat', clock, accounts: [APP] })
  const call = async (path: string, init?: RequestInit) =>
    (await (await emulator.handle(new Request(`http://emu/sandbox/wechat${path}`, init))).json()) as Record<string, unknown>
  const stable = (force = false) =>
    call('/cgi-bin/stable_token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: APP.appId, secret: APP.appSecret, force_refresh: force }),
    })
  const basic = () => call(`/cgi-bin/token?grant_type=client_credential&appid=${APP.appId}&secret=${APP.appSecret}`)
  const count = (token: unknown) => call(`/cgi-bin/draft/count?access_token=${String(token)}`)
  return { clock, emulator, call, stable, basic, count }
}

describe('emulator tokens (§5.1)', () => {
  it('stable_token: same token with remaining lifetime, rotated from T−300 s', async () => {
    const { clock, stable } = setup()
    const a = await stable()
    expect(a.expires_in).toBe(7200)
    clock.advance(1000_000)
    const b = await stable()
    expect(b.access_token).toBe(a.access_token)
    expect(b.expires_in).toBe(6200)
    clock.advance(5_901_000) // 299 s left
    expect((await stable()).access_token).not.toBe(a.access_token)
  })

  it('force_refresh rotates and invalidates the previous token; not twice within 30 s; 20 a day', async () => {
    const { clock, stable, count } = setup()
    const a = await stable()
    const b = await stable(true)
    expect(b.access_token).not.toBe(a.access_token)
    expect((await count(a.access_token)).errcode).toBe(40001)
    expect((await stable(true)).access_token).toBe(b.access_token)
    for (let i = 0; i < 19; i++) {
      clock.advance(31_000)
      await stable(true)
    }
    clock.advance(31_000)
    expect((await stable(true)).errcode).toBe(45009)
  })

  it('cgi-bin/token: a new call supersedes the old one after a 300 s overlap; expiry → 42001; junk → 40014', async () => {
    const { clock, basic, count, stable } = setup()
    const a = await basic()
    const s = await stable()
    const b = await basic()
    expect((await count(a.access_token)).errcode).toBeUndefined()
    clock.advance(300_000)
    expect((await count(a.access_token)).errcode).toBe(40001)
    expect((await count(b.access_token)).errcode).toBeUndefined()
    expect((await count(s.access_token)).errcode).toBeUndefined() // independent of cgi-bin/token
    clock.advance(6900_000)
    expect((await count(b.access_token)).errcode).toBe(42001)
    expect((await count('junk')).errcode).toBe(40014)
    expect((await count('')).errcode).toBe(41001)
  })

  it('credential errors and errmsg rid', async () => {
    const { call } = setup()
    const r = await call(`/cgi-bin/token?grant_type=client_credential&appid=${APP.appId}&secret=bad`)
    expect(r.errcode).toBe(40125)
    expect(String(r.errmsg)).toMatch(/^invalid appsecret rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/)
    expect((await call(`/cgi-bin/token?grant_type=x&appid=${APP.appId}&secret=s`)).errcode).toBe(40002)
    expect((await call(`/cgi-bin/token?grant_type=client_credential&secret=s`)).errcode).toBe(41002)
    expect((await call(`/cgi-bin/stable_token`)).errcode).toBe(43002)
  })

  it('daily token quota → 45009', async () => {
    const clock = createEmulatorClock()
    const emulator = createOfficialAccountEmulator({ clock, accounts: [APP], settings: { quotas: { '/cgi-bin/token': 2 } } })
    const get = async () =>
      (await (await emulator.handle(new Request(`http://emu/cgi-bin/token?grant_type=client_credential&appid=${APP.appId}&secret=s`))).json()) as {
        errcode?: number
      }
    expect((await get()).errcode).toBeUndefined()
    expect((await get()).errcode).toBeUndefined()
    expect((await get()).errcode).toBe(45009)
    clock.advance(86_400_000)
    expect((await get()).errcode).toBeUndefined()
  })

  it('serves nothing outside its base path', async () => {
    const { emulator } = setup()
    expect((await emulator.handle(new Request('http://emu/cgi-bin/token'))).status).toBe(404)
  })
})

describe('sanitizeDraftContent', () => {
  const keep = (src?: string) => src === 'http://mmbiz.qpic.cn/ok/0?wx_fmt=png'
  it('strips scripts, styles, handlers, ids, classes, embeds, foreign images and external hrefs', () => {
    const out = sanitizeDraftContent(
      '<html><body><section id="a" class="b" style="padding:8px" data-tool="x"><p onmouseover="x()">文<script>bad()</script></p>' +
        '<style>.b{}</style><iframe src="https://v.qq.com"></iframe><input type="checkbox">' +
        '<img src="http://mmbiz.qpic.cn/ok/0?wx_fmt=png"><img src="https://evil/x.png"><a href="javascript:alert(1)">j</a>' +
        '<a href="https://mp.weixin.qq.com/s/x">ok</a><a href="#fn1">fn</a><a data-miniprogram-appid="wx1" href="">mini</a></section></body></html>',
      keep,
    )
    expect(out).toBe(
      '<section style="padding:8px" data-tool="x"><p>文</p><img src="http://mmbiz.qpic.cn/ok/0?wx_fmt=png" />' +
        '<a>j</a><a href="https://mp.weixin.qq.com/s/x">ok</a><a>fn</a><a data-miniprogram-appid="wx1">mini</a></section>',
    )
  })
})

describe('callback pushes (§1.11, §5.5 item 30)', () => {
  const sha1 = (...parts: string[]) => createHash('sha1').update(parts.sort().join('')).digest('hex')

  it('安全模式: encrypted envelope, msg_signature, current timestamp and a fresh nonce on every attempt', async () => {
    const clock = createEmulatorClock()
    const seen: { url: URL; body: string }[] = []
    const key = generateEncodingAESKey()
    const emulator = createOfficialAccountEmulator({
      clock,
      accounts: [{ ...APP, callback: { url: 'http://us/cb', token: 'tok', encodingAESKey: key, mode: 'safe' } }],
      fetch: async (input, init) => {
        seen.push({ url: new URL(input), body: String(init?.body) })
        clock.advance(1_000)
        return new Response('busy', { status: 503 })
      },
    })
    const fields = { ToUserName: 'gh_x', FromUserName: 'o_reader_plaintext_openid', CreateTime: 42, MsgType: 'event', Event: 'subscribe' }
    const record = emulator.pushEvent(APP.appId, fields)
    await emulator.idle()
    expect(record).toMatchObject({ attempts: 3, delivered: false, lastStatus: 503 })
    expect(seen).toHaveLength(3)
    const start = Math.floor(Date.UTC(2026, 0, 5, 2, 0, 0) / 1000)
    seen.forEach(({ url, body }, i) => {
      const q = Object.fromEntries(url.searchParams)
      expect(q.timestamp).toBe(String(start + i))
      expect(q.encrypt_type).toBe('aes')
      const encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(body)?.[1] ?? ''
      // The openid must not travel in clear; a long marker can't appear by chance in the base64 ciphertext.
      expect(body).not.toContain('o_reader_plaintext_openid')
      expect(body).not.toContain('<FromUserName>')
      expect(q.signature).toBe(sha1('tok', q.timestamp!, q.nonce!))
      expect(q.msg_signature).toBe(sha1('tok', q.timestamp!, q.nonce!, encrypt))
      expect(decryptCallbackMessage({ encodingAESKey: key, encrypted: encrypt })).toEqual({ xml: record!.xml, appId: APP.appId })
    })
    expect(new Set(seen.map(({ url }) => url.searchParams.get('nonce'))).size).toBe(3)
  })

  it('明文模式 (the default) pushes the plain XML without encrypt_type', async () => {
    const bodies: string[] = []
    const urls: URL[] = []
    const emulator = createOfficialAccountEmulator({
      accounts: [{ ...APP, callback: { url: 'http://us/cb', token: 'tok', encodingAESKey: generateEncodingAESKey() } }],
      fetch: async (input, init) => {
        urls.push(new URL(input))
        bodies.push(String(init?.body))
        return new Response('success')
      },
    })
    const record = emulator.pushEvent(APP.appId, { ToUserName: 'gh_x', FromUserName: 'o1', CreateTime: 1, MsgType: 'event', Event: 'SCAN' })
    await emulator.idle()
    expect(record).toMatchObject({ delivered: true, attempts: 1 })
    expect(bodies).toEqual([record!.xml])
    expect(urls[0]!.searchParams.has('encrypt_type')).toBe(false)
  })
})

describe('emulator get_all_private_template (§1.7)', () => {
  const TPL = { appId: 'wxunit0000000002', appSecret: 's2' }
  const listFor = async (init: Parameters<OfficialAccountEmulator['accounts']['add']>[0]) => {
    const emulator = createOfficialAccountEmulator({ basePath: '/sandbox/wechat', clock: createEmulatorClock(), accounts: [init] })
    const call = async (path: string, init?: RequestInit) =>
      (await (await emulator.handle(new Request(`http://emu/sandbox/wechat${path}`, init))).json()) as Record<string, unknown>
    const { access_token } = await call('/cgi-bin/stable_token', {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credential', appid: init.appId, secret: init.appSecret }),
    })
    return call(`/cgi-bin/template/get_all_private_template?access_token=${String(access_token)}`)
  }

  it('lists the templates with their title and content; one without details gets its keys as content', async () => {
    const body = await listFor({
      ...TPL,
      type: 'service',
      templates: { T1: ['character_string1', 'thing2'], T2: ['amount1'] },
      templateDetails: { T1: { title: '订单支付成功通知', content: '订单号：{{character_string1.DATA}}\n商品名称：{{thing2.DATA}}' } },
    })
    expect(body.errcode).toBeUndefined()
    const list = body.template_list as Array<Record<string, string>>
    expect(list.map((t) => [t.template_id, t.title, t.content])).toEqual([
      ['T1', '订单支付成功通知', '订单号：{{character_string1.DATA}}\n商品名称：{{thing2.DATA}}'],
      ['T2', 'T2', 'amount1：{{amount1.DATA}}'],
    ])
  })

  it('a subscription account has no template messages: 48001', async () => {
    expect((await listFor({ ...TPL, type: 'subscription', templates: { T1: ['thing1'] } })).errcode).toBe(48001)
  })
})
