// Production safety of POST/GET /api/wechat-accounts/:id/callback (§1.11, §10.2): stale timestamps and reused
// nonces are refused, WeChat's retries of one message are processed once, and 安全模式 messages are opened and
// checked; plus the EncodingAESKey field and the sandbox account's per-installation secrets.
import { randomBytes } from 'node:crypto'

import config from '@payload-config'
import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Follow, WechatAccount } from '@/payload-types'
import { callbackRuntime } from '@/publishing/callbackRuntime'
import { createEmulatorClock, createOfficialAccountEmulator, type OfficialAccountEmulator } from '@/sandbox/wechat-oa'
import { syncSandboxAccounts } from '@/sandbox/wechat-oa/accounts'
import { SANDBOX_ACCOUNT, seedWechatSandbox } from '@/seed/wechatSandbox'
import { loadAccount } from '@/wechat/account'
import { buildXml, callbackSignature, encryptCallbackMessage, generateEncodingAESKey } from '@/wechat/oa'

import { makeWorld, type World } from '../helpers/fixtures'
import { bootPayload, shutdown } from '../helpers/payload'
import { login, rest } from '../helpers/rest'

let payload: Payload
let w: World
let emulator: OfficialAccountEmulator
const clock = createEmulatorClock()
/** Every URL the emulator pushed to. */
const sent: string[] = []

const handlers = { GET: REST_GET(config), POST: REST_POST(config) }
const inProcessFetch = async (input: string, init?: RequestInit): Promise<Response> => {
  const request = new Request(input, init)
  const slug = new URL(input).pathname.replace(/^\/api\//, '').split('/')
  return handlers[(request.method === 'GET' ? 'GET' : 'POST') as 'GET' | 'POST'](request, { params: Promise.resolve({ slug }) })
}

type Secrets = { appId: string; token: string; key: string }
let hex = 0xcb00
const secretsFor = (): Secrets => ({
  appId: `wx${(hex++).toString(16).padStart(16, '0')}`,
  token: randomBytes(12).toString('hex'),
  key: generateEncodingAESKey(),
})

async function createAccount(mode: 'plaintext' | 'compatible' | 'safe'): Promise<WechatAccount & { s: Secrets }> {
  const s = secretsFor()
  const doc = (await payload.create({
    collection: 'wechat-accounts',
    data: {
      name: `安全测试 ${s.appId.slice(-4)}`,
      appId: s.appId,
      appSecret: randomBytes(16).toString('hex'),
      callbackToken: s.token,
      encodingAESKey: mode === 'plaintext' ? undefined : s.key,
      callbackMode: mode,
      accountType: 'service',
      verified: true,
      brand: w.brandA.id,
    },
  })) as WechatAccount
  return { ...doc, s }
}

const nowSeconds = () => String(Math.floor(clock.now() / 1000))
let nonceN = 0
const freshNonce = () => `${Date.now()}${++nonceN}`

const subscribe = (openid: string, createTime = Number(nowSeconds()), event = 'subscribe') =>
  buildXml({ ToUserName: 'gh_test', FromUserName: openid, CreateTime: createTime, MsgType: 'event', Event: event, EventKey: '' })

type Call = { timestamp?: string; nonce?: string; token?: string }
function plainQuery(acc: { s: Secrets }, call: Call = {}) {
  const timestamp = call.timestamp ?? nowSeconds()
  const nonce = call.nonce ?? freshNonce()
  return new URLSearchParams({ signature: callbackSignature({ token: call.token ?? acc.s.token, timestamp, nonce }), timestamp, nonce })
}

function encrypted(acc: { s: Secrets }, xml: string, call: Call & { appId?: string } = {}) {
  const timestamp = call.timestamp ?? nowSeconds()
  const nonce = call.nonce ?? freshNonce()
  const token = call.token ?? acc.s.token
  const encrypt = encryptCallbackMessage({ encodingAESKey: acc.s.key, appId: call.appId ?? acc.s.appId, xml })
  const query = new URLSearchParams({
    signature: callbackSignature({ token, timestamp, nonce }),
    timestamp,
    nonce,
    encrypt_type: 'aes',
    msg_signature: callbackSignature({ token, timestamp, nonce, encrypt }),
  })
  return { query, body: buildXml({ ToUserName: 'gh_test', Encrypt: encrypt }) }
}

async function call(method: 'GET' | 'POST', accountId: string, query: URLSearchParams, body?: string) {
  const response = await inProcessFetch(`http://localhost/api/wechat-accounts/${accountId}/callback?${query}`, { method, body })
  return { status: response.status, text: await response.text() }
}

const follows = async (openid: string) =>
  (await payload.find({ collection: 'follows', where: { openid: { equals: openid } }, depth: 0, overrideAccess: true })).docs as Follow[]

beforeAll(async () => {
  payload = await bootPayload()
  w = await makeWorld(payload)
  callbackRuntime.now = () => clock.now()
  emulator = createOfficialAccountEmulator({
    clock,
    fetch: (input, init) => {
      sent.push(input)
      return inProcessFetch(input, init)
    },
  })
})
afterAll(async () => {
  callbackRuntime.now = () => Date.now()
  await shutdown(payload)
})

describe('plaintext callbacks: signature, timestamp window, nonce', () => {
  let acc: Awaited<ReturnType<typeof createAccount>>
  beforeAll(async () => {
    acc = await createAccount('plaintext')
  })

  it('a forged signature → 401, nothing recorded', async () => {
    const res = await call('POST', acc.id, plainQuery(acc, { token: 'not-the-token' }), subscribe('oForged0000000000000000000001'))
    expect(res).toEqual({ status: 401, text: 'invalid signature' })
    expect(await follows('oForged0000000000000000000001')).toHaveLength(0)
  })

  it('a correctly signed callback from 2001 → 401, no follow recorded; the GET probe too', async () => {
    const y2001 = String(Date.UTC(2001, 8, 9, 1, 46, 40) / 1000)
    const res = await call('POST', acc.id, plainQuery(acc, { timestamp: y2001 }), subscribe('oReplay2001000000000000000001', Number(y2001)))
    expect(res.status).toBe(401)
    expect(res.text).toMatch(/timestamp/)
    expect(await follows('oReplay2001000000000000000001')).toHaveLength(0)
    const probe = plainQuery(acc, { timestamp: y2001 })
    probe.set('echostr', 'echo-2001')
    expect((await call('GET', acc.id, probe)).status).toBe(401)
  })

  it('the window is ±5 minutes of server time', async () => {
    const at = (offsetSeconds: number) => String(Number(nowSeconds()) + offsetSeconds)
    expect((await call('POST', acc.id, plainQuery(acc, { timestamp: at(-290) }), subscribe('oWindowEdge00000000000000001', 1))).status).toBe(200)
    expect((await call('POST', acc.id, plainQuery(acc, { timestamp: at(290) }), subscribe('oWindowEdge00000000000000002', 2))).status).toBe(200)
    expect((await call('POST', acc.id, plainQuery(acc, { timestamp: at(-310) }), subscribe('oWindowEdge00000000000000003', 3))).status).toBe(401)
    expect((await call('POST', acc.id, plainQuery(acc, { timestamp: at(310) }), subscribe('oWindowEdge00000000000000004', 4))).status).toBe(401)
  })

  it('the same nonce twice → the second is 401 (POST and GET), even when sent concurrently', async () => {
    const query = plainQuery(acc)
    const xml = subscribe('oNonceTwice00000000000000001')
    expect(await call('POST', acc.id, query, xml)).toEqual({ status: 200, text: 'success' })
    expect(await call('POST', acc.id, query, xml)).toEqual({ status: 401, text: 'nonce already used' })

    const probe = plainQuery(acc)
    probe.set('echostr', 'echo-1')
    expect(await call('GET', acc.id, probe)).toEqual({ status: 200, text: 'echo-1' })
    expect((await call('GET', acc.id, probe)).status).toBe(401)

    const racing = plainQuery(acc)
    const both = await Promise.all([
      call('POST', acc.id, racing, subscribe('oNonceRace000000000000000001')),
      call('POST', acc.id, racing, subscribe('oNonceRace000000000000000001')),
    ])
    expect(both.map((r) => r.status).sort()).toEqual([200, 401])
  })

  it('a nonce is per account: another account may use the same one', async () => {
    const other = await createAccount('plaintext')
    const nonce = freshNonce()
    expect((await call('POST', acc.id, plainQuery(acc, { nonce }), subscribe('oPerAccount0000000000000001'))).status).toBe(200)
    expect((await call('POST', other.id, plainQuery(other, { nonce }), subscribe('oPerAccount0000000000000001'))).status).toBe(200)
  })

  it('a retried subscribe (same FromUserName+CreateTime, fresh timestamp and nonce) → success both times, one follow', async () => {
    const xml = subscribe('oRetried000000000000000000001', 1_767_600_000)
    expect(await call('POST', acc.id, plainQuery(acc), xml)).toEqual({ status: 200, text: 'success' })
    clock.advance(5_000) // WeChat retries after 5 s without an answer
    expect(await call('POST', acc.id, plainQuery(acc), xml)).toEqual({ status: 200, text: 'success' })
    const concurrent = await Promise.all([call('POST', acc.id, plainQuery(acc), xml), call('POST', acc.id, plainQuery(acc), xml)])
    expect(concurrent.map((r) => r.text)).toEqual(['success', 'success'])
    expect(await follows('oRetried000000000000000000001')).toHaveLength(1)
  })

  it('the dedupe key is checked before any handler runs (a second message with the same key is not handled)', async () => {
    // recordFollow dedupes per event type, so only the endpoint can keep this SCAN from being recorded.
    const openid = 'oSameKey000000000000000000001'
    expect((await call('POST', acc.id, plainQuery(acc), subscribe(openid, 1_767_600_100, 'subscribe'))).text).toBe('success')
    expect((await call('POST', acc.id, plainQuery(acc), subscribe(openid, 1_767_600_100, 'SCAN'))).text).toBe('success')
    expect((await follows(openid)).map((f) => f.event)).toEqual(['subscribe'])
    // A different CreateTime is a different message.
    expect((await call('POST', acc.id, plainQuery(acc), subscribe(openid, 1_767_600_101, 'SCAN'))).text).toBe('success')
    expect((await follows(openid)).map((f) => f.event).sort()).toEqual(['scan', 'subscribe'])
  })

  it('an encrypted callback to a plaintext-mode account is refused (400)', async () => {
    const { query, body } = encrypted(acc, subscribe('oPlainGotAes0000000000000001'))
    expect((await call('POST', acc.id, query, body)).status).toBe(400)
    expect(await follows('oPlainGotAes0000000000000001')).toHaveLength(0)
  })
})

describe('安全模式 callbacks', () => {
  let acc: Awaited<ReturnType<typeof createAccount>>
  beforeAll(async () => {
    acc = await createAccount('safe')
  })

  it('a message encrypted as WeChat does it is processed', async () => {
    const { query, body } = encrypted(acc, subscribe('oSafeMode00000000000000000001'))
    expect(body).not.toContain('oSafeMode')
    expect(await call('POST', acc.id, query, body)).toEqual({ status: 200, text: 'success' })
    expect(await follows('oSafeMode00000000000000000001')).toHaveLength(1)
  })

  it('a wrong msg_signature, another appid, a stale timestamp or a plaintext body are refused; nothing recorded', async () => {
    const openid = 'oSafeRejected0000000000000001'
    const forged = encrypted(acc, subscribe(openid), { token: 'forged-token' })
    expect(await call('POST', acc.id, forged.query, forged.body)).toEqual({ status: 401, text: 'invalid msg_signature' })

    // The right signature over a body swapped for another message.
    const good = encrypted(acc, subscribe(openid))
    const swapped = encrypted(acc, subscribe(`${openid}x`))
    expect((await call('POST', acc.id, good.query, swapped.body)).status).toBe(401)

    const foreign = encrypted(acc, subscribe(openid), { appId: 'wx00000000000000ff' })
    expect(await call('POST', acc.id, foreign.query, foreign.body)).toEqual({ status: 401, text: 'message is for another appid' })

    const stale = encrypted(acc, subscribe(openid), { timestamp: String(Number(nowSeconds()) - 3600) })
    expect((await call('POST', acc.id, stale.query, stale.body)).status).toBe(401)

    expect((await call('POST', acc.id, plainQuery(acc), subscribe(openid))).status).toBe(401)
    expect(await follows(openid)).toHaveLength(0)
  })

  it('a garbled Encrypt with a valid msg_signature is a 401, not a server error', async () => {
    const timestamp = nowSeconds()
    const nonce = freshNonce()
    const encrypt = randomBytes(64).toString('base64')
    const query = new URLSearchParams({
      signature: callbackSignature({ token: acc.s.token, timestamp, nonce }),
      timestamp,
      nonce,
      encrypt_type: 'aes',
      msg_signature: callbackSignature({ token: acc.s.token, timestamp, nonce, encrypt }),
    })
    expect(await call('POST', acc.id, query, buildXml({ ToUserName: 'gh_test', Encrypt: encrypt }))).toEqual({
      status: 401,
      text: 'cannot decrypt the message',
    })
  })

  it('the GET probe answers with the plaintext signature (echostr in clear, §1.11)', async () => {
    const probe = plainQuery(acc)
    probe.set('echostr', 'safe-echo')
    expect(await call('GET', acc.id, probe)).toEqual({ status: 200, text: 'safe-echo' })
  })

  it('the emulator sends the encrypted form with a current timestamp and a fresh nonce per attempt, and it is processed', async () => {
    emulator.accounts.add({
      appId: acc.s.appId,
      appSecret: 'unused',
      callback: { url: `http://localhost/api/wechat-accounts/${acc.id}/callback`, token: acc.s.token, encodingAESKey: acc.s.key, mode: 'safe' },
    })
    const record = emulator.pushEvent(acc.s.appId, {
      ToUserName: 'gh_test',
      FromUserName: 'oEmulatorSafe0000000000000001',
      CreateTime: Number(nowSeconds()),
      MsgType: 'event',
      Event: 'subscribe',
      EventKey: '',
    })
    await emulator.idle()
    expect(record).toMatchObject({ delivered: true, lastStatus: 200, attempts: 1 })
    expect(record!.body).toMatch(/^<xml><ToUserName><!\[CDATA\[gh_test\]\]><\/ToUserName><Encrypt><!\[CDATA\[[A-Za-z0-9+/=]+\]\]><\/Encrypt><\/xml>$/)
    expect(record!.query).toMatchObject({ encrypt_type: 'aes', timestamp: nowSeconds(), msg_signature: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(await follows('oEmulatorSafe0000000000000001')).toHaveLength(1)

    // A forged push is retried 3 times, each with a new nonce, and refused every time.
    const before = sent.length
    const forged = emulator.pushEvent(
      acc.s.appId,
      { ToUserName: 'gh_test', FromUserName: 'oEmulatorForged000000000000001', CreateTime: Number(nowSeconds()), MsgType: 'event', Event: 'subscribe' },
      { forgeSignature: true },
    )
    await emulator.idle()
    expect(forged).toMatchObject({ delivered: false, attempts: 3, lastStatus: 401 })
    const nonces = sent.slice(before).map((url) => new URL(url).searchParams.get('nonce'))
    expect(new Set(nonces).size).toBe(3)
    expect(await follows('oEmulatorForged000000000000001')).toHaveLength(0)
  })
})

describe('兼容模式', () => {
  it('accepts both the encrypted and the plaintext form', async () => {
    const acc = await createAccount('compatible')
    const enc = encrypted(acc, subscribe('oCompatible000000000000000001'))
    expect((await call('POST', acc.id, enc.query, enc.body)).status).toBe(200)
    expect((await call('POST', acc.id, plainQuery(acc), subscribe('oCompatible000000000000000002'))).status).toBe(200)
    expect(await follows('oCompatible000000000000000001')).toHaveLength(1)
    expect(await follows('oCompatible000000000000000002')).toHaveLength(1)
  })
})

describe('EncodingAESKey and mode on the account', () => {
  let owner: string
  beforeAll(async () => {
    owner = await login(w.ownerA.email, w.password)
  })
  const create = (json: Record<string, unknown>) =>
    rest('POST', '/wechat-accounts', {
      token: owner,
      json: { name: '密钥校验', appId: secretsFor().appId, accountType: 'service', brand: w.brandA.id, ...json },
    })

  it('refuses a malformed key and safe mode without a key, with a field error', async () => {
    const bad = await create({ encodingAESKey: 'too-short', callbackMode: 'safe' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('encodingAESKey')
    expect(JSON.stringify(bad.body)).toContain('43')
    expect((await create({ encodingAESKey: `${generateEncodingAESKey().slice(0, 42)}/` })).status).toBe(400)
    const missing = await create({ callbackMode: 'safe' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toContain('encodingAESKey')
  })

  it('stores the key encrypted, never returns it, and keeps it when other fields change', async () => {
    const key = generateEncodingAESKey()
    const created = await create({ encodingAESKey: key, callbackMode: 'safe', callbackToken: 'tok-key-test' })
    expect(created.status, JSON.stringify(created.body)).toBe(201)
    expect(JSON.stringify(created.body)).not.toContain(key)
    expect(created.body.doc).toMatchObject({ hasEncodingAESKey: true, callbackMode: 'safe' })
    const id = created.body.doc.id
    expect((await rest('PATCH', `/wechat-accounts/${id}`, { token: owner, json: { name: '改名' } })).status).toBe(200)
    const raw = (await payload.findByID({ collection: 'wechat-accounts', id, showHiddenFields: true, overrideAccess: true })) as WechatAccount
    expect(raw.encodingAESKeyEncrypted).toMatch(/^enc:v1:/)
    expect(raw.encodingAESKey ?? '').toBe('')
    expect((await loadAccount(payload, id)).encodingAESKeyPlain).toBe(key)
  })
})

describe('the sandbox account', () => {
  it('gets random secrets and 安全模式 at seed time, kept when seeding again', async () => {
    const created: Record<string, number> = {}
    await seedWechatSandbox(payload, w.brandA.id, created)
    expect(created['wechat-accounts']).toBe(1)
    const find = async () =>
      (await payload.find({ collection: 'wechat-accounts', where: { appId: { equals: SANDBOX_ACCOUNT.appId } }, showHiddenFields: true, overrideAccess: true }))
        .docs as WechatAccount[]
    const [doc] = await find()
    expect(doc).toMatchObject({ sandbox: true, callbackMode: 'safe', hasAppSecret: true, hasCallbackToken: true, hasEncodingAESKey: true })
    const first = await loadAccount(payload, doc!.id)
    expect(first.appSecretPlain).toMatch(/^[0-9a-f]{32}$/)
    expect(first.callbackTokenPlain).toMatch(/^[0-9a-f]{32}$/)
    expect(first.encodingAESKeyPlain).toMatch(/^[A-Za-z0-9]{43}$/)
    expect(first.appSecretPlain).not.toBe('sandbox-secret-tuiwen-demo')
    expect(first.callbackTokenPlain).not.toBe('sandbox-callback-token')
    expect(SANDBOX_ACCOUNT).not.toHaveProperty('appSecret')
    expect(SANDBOX_ACCOUNT).not.toHaveProperty('callbackToken')

    const again: Record<string, number> = {}
    await seedWechatSandbox(payload, w.brandA.id, again)
    expect(again['wechat-accounts']).toBeUndefined()
    const docs = await find()
    expect(docs).toHaveLength(1)
    const second = await loadAccount(payload, doc!.id)
    expect([second.appSecretPlain, second.callbackTokenPlain, second.encodingAESKeyPlain]).toEqual([
      first.appSecretPlain,
      first.callbackTokenPlain,
      first.encodingAESKeyPlain,
    ])

    // The in-app emulator learns the secrets from the database, and pushes in 安全模式.
    const sandbox = await syncSandboxAccounts(payload, 'http://localhost', true)
    const emulated = sandbox.accounts.get(SANDBOX_ACCOUNT.appId)
    expect(emulated.appSecret).toBe(first.appSecretPlain)
    expect(emulated.callback).toEqual({
      url: `http://localhost/api/wechat-accounts/${doc!.id}/callback`,
      token: first.callbackTokenPlain,
      encodingAESKey: first.encodingAESKeyPlain,
      mode: 'safe',
    })
  })
})
