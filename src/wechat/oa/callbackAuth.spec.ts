import { describe, expect, it } from 'vitest'

import { callbackSignature } from './callback'
import { authenticateCallback, authenticateProbe, type CallbackAccount, type CallbackMode } from './callbackAuth'
import { encryptCallbackMessage, generateEncodingAESKey } from './callbackCrypto'

const NOW = Date.UTC(2026, 5, 1, 8, 0, 0)
const TS = String(NOW / 1000)
const XML = '<xml><ToUserName>gh_1</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>subscribe</Event></xml>'
const account = (mode: CallbackMode, over: Partial<CallbackAccount> = {}): CallbackAccount => ({
  appId: 'wx00000000000000a1',
  token: 'tok',
  encodingAESKey: generateEncodingAESKey(),
  mode,
  ...over,
})

const plainQuery = (a: CallbackAccount, timestamp = TS, nonce = 'n1') =>
  new URLSearchParams({ signature: callbackSignature({ token: a.token, timestamp, nonce }), timestamp, nonce })

function safeRequest(a: CallbackAccount, opts: { appId?: string; token?: string; timestamp?: string } = {}) {
  const timestamp = opts.timestamp ?? TS
  const nonce = 'n2'
  const encrypt = encryptCallbackMessage({ encodingAESKey: a.encodingAESKey, appId: opts.appId ?? a.appId, xml: XML })
  const token = opts.token ?? a.token
  const query = new URLSearchParams({
    signature: callbackSignature({ token, timestamp, nonce }),
    timestamp,
    nonce,
    encrypt_type: 'aes',
    msg_signature: callbackSignature({ token, timestamp, nonce, encrypt }),
  })
  return { query, body: `<xml><ToUserName><![CDATA[gh_1]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` }
}

describe('authenticateCallback', () => {
  it('plaintext: accepts a signed request within ±5 minutes, with the nonce to spend until the window closes', () => {
    const a = account('plaintext')
    expect(authenticateCallback(a, plainQuery(a), XML, NOW)).toEqual({
      ok: true,
      xml: XML,
      encrypted: false,
      nonce: 'n1',
      timestamp: NOW / 1000,
      expiresAtMs: NOW + 300_000,
    })
    expect(authenticateCallback(a, plainQuery(a), XML, NOW + 300_000).ok).toBe(true)
    expect(authenticateCallback(a, plainQuery(a), XML, NOW - 300_000).ok).toBe(true)
  })

  it('rejects stale or future timestamps, a forged signature, a missing token and odd nonces with 401', () => {
    const a = account('plaintext')
    expect(authenticateCallback(a, plainQuery(a), XML, NOW + 301_000)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/window/) })
    expect(authenticateCallback(a, plainQuery(a), XML, NOW - 301_000)).toMatchObject({ ok: false, status: 401 })
    const y2001 = String(Date.UTC(2001, 0, 1) / 1000)
    expect(authenticateCallback(a, plainQuery(a, y2001), XML, NOW)).toMatchObject({ ok: false, status: 401 })
    expect(authenticateCallback(account('plaintext', { token: 'other' }), plainQuery(a), XML, NOW)).toMatchObject({
      ok: false,
      status: 401,
      reason: 'invalid signature',
    })
    expect(authenticateCallback(account('plaintext', { token: '' }), plainQuery(a), XML, NOW)).toMatchObject({ ok: false, status: 401 })
    expect(authenticateCallback(a, plainQuery(a, TS, 'a b'), XML, NOW)).toMatchObject({ ok: false, status: 401, reason: 'invalid nonce' })
    expect(authenticateCallback(a, plainQuery(a, '1e9'), XML, NOW)).toMatchObject({ ok: false, status: 401, reason: 'invalid timestamp' })
  })

  it('safe: verifies msg_signature, decrypts and checks the appid', () => {
    const a = account('safe')
    const { query, body } = safeRequest(a)
    expect(authenticateCallback(a, query, body, NOW)).toMatchObject({ ok: true, xml: XML, encrypted: true, nonce: 'n2' })
    const forged = safeRequest(a, { token: 'forged' })
    expect(authenticateCallback(a, forged.query, forged.body, NOW)).toMatchObject({ ok: false, status: 401, reason: 'invalid msg_signature' })
    const foreign = safeRequest(a, { appId: 'wx00000000000000b2' })
    expect(authenticateCallback(a, foreign.query, foreign.body, NOW)).toMatchObject({ ok: false, status: 401, reason: expect.stringMatching(/appid/) })
    const stale = safeRequest(a, { timestamp: String(NOW / 1000 - 600) })
    expect(authenticateCallback(a, stale.query, stale.body, NOW)).toMatchObject({ ok: false, status: 401 })
    // The query signature alone does not cover the body: a signed plaintext request is refused in 安全模式.
    expect(authenticateCallback(a, plainQuery(a), XML, NOW)).toMatchObject({ ok: false, status: 401 })
    // Another key cannot open it: refused, not a server error.
    expect(authenticateCallback({ ...a, encodingAESKey: generateEncodingAESKey() }, query, body, NOW)).toMatchObject({ ok: false, status: 401 })
  })

  it('a tampered body fails msg_signature; a body without <Encrypt> is a 400', () => {
    const a = account('safe')
    const { query, body } = safeRequest(a)
    const tampered = body.replace(/(Encrypt><!\[CDATA\[)(.)/, (_, open: string, first: string) => `${open}${first === 'A' ? 'B' : 'A'}`)
    expect(tampered).not.toBe(body)
    expect(authenticateCallback(a, query, tampered, NOW)).toMatchObject({ ok: false, status: 401, reason: 'invalid msg_signature' })
    expect(authenticateCallback(a, query, XML, NOW)).toMatchObject({ ok: false, status: 400 })
    expect(authenticateCallback(a, query, 'junk', NOW)).toMatchObject({ ok: false, status: 400 })
  })

  it('compatible accepts both forms; plaintext refuses encrypted ones', () => {
    const c = account('compatible')
    const safe = safeRequest(c)
    expect(authenticateCallback(c, safe.query, safe.body, NOW)).toMatchObject({ ok: true, encrypted: true })
    expect(authenticateCallback(c, plainQuery(c), XML, NOW)).toMatchObject({ ok: true, encrypted: false })
    const p = account('plaintext')
    const enc = safeRequest(p)
    expect(authenticateCallback(p, enc.query, enc.body, NOW)).toMatchObject({ ok: false, status: 400 })
    expect(authenticateCallback({ ...c, encodingAESKey: '' }, safe.query, safe.body, NOW)).toMatchObject({ ok: false, status: 400 })
  })
})

describe('authenticateProbe', () => {
  it('echoes only with the plaintext signature inside the window, in every mode', () => {
    for (const mode of ['plaintext', 'compatible', 'safe'] as const) {
      const a = account(mode)
      const query = plainQuery(a)
      query.set('echostr', 'e123')
      expect(authenticateProbe(a, query, NOW)).toMatchObject({ ok: true, echostr: 'e123', nonce: 'n1' })
      expect(authenticateProbe(a, query, NOW + 10 * 60_000)).toMatchObject({ ok: false, status: 401 })
    }
  })
})
