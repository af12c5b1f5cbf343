import crypto from 'node:crypto'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { serveFetchHandler } from '@/sandbox/http'
import { CALLBACK_RETRY_INTERVALS_MS, createWechatPayEmulator, generateSandboxKeys, type SandboxKeys, sandboxMerchant } from '@/sandbox/wechatpay'
import { startWechatPayTestbed, type WechatPayTestbed } from '@/sandbox/wechatpay/testkit'
import { newOutTradeNo, type NotificationEnvelope, parsePaymentNotification, parseRefundNotification } from '@/wechat/pay'

let keys: SandboxKeys
let bed: WechatPayTestbed
let forgerKeyPem: string
let seq = 0
const otn = () => newOutTradeNo('CB2026', ++seq)

const parsePayment = (msg: { headers: Headers | Record<string, string>; body: string }) =>
  parsePaymentNotification({ headers: msg.headers, body: msg.body, config: bed.config, now: bed.clock.now })

async function paidOrder(amountFen = 1990) {
  const outTradeNo = otn()
  await bed.client.prepayJsapi({ description: '推文好物', outTradeNo, amountFen, openid: 'oPayer', attach: 'order=7' })
  expect(bed.emulator.confirmPayment(outTradeNo).ok).toBe(true)
  return outTradeNo
}

beforeAll(async () => {
  keys = generateSandboxKeys()
  forgerKeyPem = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
  bed = await startWechatPayTestbed({ keys })
})
afterAll(() => bed.close())
beforeEach(() => {
  bed.received.length = 0
  // our handler's rule: 204 only for a verified, decrypted notification (§4.7)
  bed.respond = (msg) => (parsePayment(msg).ok || parseRefundNotification({ ...msg, config: bed.config, now: bed.clock.now }).ok ? 204 : 400)
})

describe('payment callback', () => {
  it('is signed, AES-GCM encrypted, and verifies + decrypts with parsePaymentNotification', async () => {
    const outTradeNo = await paidOrder(1990)
    expect(bed.received).toHaveLength(0) // nothing happens until the scheduler runs
    await bed.emulator.runDueCallbacks()
    expect(bed.received).toHaveLength(1)
    const [msg] = bed.received
    expect(msg.path).toBe('/api/wechatpay/notify')
    expect(msg.status).toBe(204)
    expect(msg.headers.get('wechatpay-serial')).toBe(keys.platform.publicKeyId)
    const envelope = JSON.parse(msg.body) as NotificationEnvelope
    expect(envelope).toMatchObject({ event_type: 'TRANSACTION.SUCCESS', resource_type: 'encrypt-resource', summary: '支付成功' })
    expect(envelope.id).toMatch(/^EV-/)
    expect(envelope.resource).toMatchObject({ algorithm: 'AEAD_AES_256_GCM', associated_data: 'transaction', original_type: 'transaction' })
    expect(envelope.resource.nonce).toHaveLength(12)
    const parsed = parsePayment(msg)
    if (!parsed.ok) throw parsed.error
    expect(parsed.id).toBe(envelope.id)
    expect(parsed.resource).toMatchObject({
      mchid: bed.config.mchid,
      appid: bed.config.appid,
      out_trade_no: outTradeNo,
      trade_state: 'SUCCESS',
      trade_type: 'JSAPI',
      attach: 'order=7',
      payer: { openid: 'oPayer' },
      amount: { total: 1990, payer_total: 1990, currency: 'CNY' },
    })
    expect(parsed.resource.transaction_id).toBe(bed.emulator.getOrder(outTradeNo)!.transactionId)
    expect(bed.emulator.callbacks.at(-1)!.state).toBe('delivered')
  })

  it('rejects forged, stale, tampered, probe and mismatched callbacks with a typed reason', async () => {
    const outTradeNo = await paidOrder()
    await bed.emulator.runDueCallbacks()
    const build = (forgery: Parameters<typeof bed.emulator.buildCallback>[1]) => parsePayment(bed.emulator.buildCallback(outTradeNo, forgery))
    const reason = (forgery: Parameters<typeof bed.emulator.buildCallback>[1]) => {
      const result = build(forgery)
      return result.ok ? 'OK' : result.error.reason
    }
    expect(reason({})).toBe('OK')
    expect(reason({ signWithPrivateKeyPem: forgerKeyPem })).toBe('BAD_SIGNATURE')
    expect(reason({ tamper: 'body-after-signing' })).toBe('BAD_SIGNATURE')
    expect(reason({ signTest: true })).toBe('BAD_SIGNATURE')
    expect(reason({ timestampOffsetSeconds: -301 })).toBe('STALE_TIMESTAMP')
    expect(reason({ timestampOffsetSeconds: 301 })).toBe('STALE_TIMESTAMP')
    expect(reason({ timestampOffsetSeconds: -299 })).toBe('OK')
    expect(reason({ serial: 'PUB_KEY_ID_0000000000000000000000' })).toBe('UNKNOWN_SERIAL')
    expect(reason({ tamper: 'ciphertext' })).toBe('DECRYPT_FAILED')
    expect(reason({ tamper: 'associated_data' })).toBe('DECRYPT_FAILED')
    expect(reason({ apiV3Key: 'X'.repeat(32) })).toBe('DECRYPT_FAILED')
    expect(reason({ plaintextPatch: { mchid: '1999999999' } })).toBe('MCHID_MISMATCH')
    expect(reason({ plaintextPatch: { appid: 'wx0000000000000001' } })).toBe('APPID_MISMATCH')
    expect(reason({ eventType: 'REFUND.SUCCESS' })).toBe('WRONG_EVENT')
    const built = bed.emulator.buildCallback(outTradeNo)
    const { 'wechatpay-signature': _dropped, ...withoutSignature } = built.headers
    expect(parsePayment({ headers: withoutSignature, body: built.body })).toMatchObject({ ok: false, error: { reason: 'MISSING_HEADERS' } })

    // the same forgeries sent over HTTP get a 4xx from the handler
    const sent = await bed.emulator.replayCallback(outTradeNo, { forgery: { signWithPrivateKeyPem: forgerKeyPem } })
    expect(sent).toMatchObject({ status: 400, ok: false })
    // an exact replay of the delivered bytes is accepted now, and stale once 5 minutes have passed
    expect((await bed.emulator.replayCallback(outTradeNo, { exact: true })).status).toBe(204)
    await bed.emulator.tick(5 * 60_000 + 1000)
    expect((await bed.emulator.replayCallback(outTradeNo, { exact: true })).status).toBe(400)
    // a duplicate (fresh signature) carries the same notification id, for dedup on our side
    expect((await bed.emulator.replayCallback(outTradeNo)).status).toBe(204)
    const ids = bed.received.filter((r) => r.status === 204).map((r) => (JSON.parse(r.body) as NotificationEnvelope).id)
    expect(new Set(ids).size).toBe(1)
  })
})

describe('retry schedule (virtual time)', () => {
  it('retries on 15s,15s,30s,3m,10m… and stops after the first success ack', async () => {
    let failuresLeft = 5
    bed.respond = () => (failuresLeft-- > 0 ? 500 : 204)
    const outTradeNo = await paidOrder()
    const t0 = bed.clock.now()
    await bed.emulator.tick(48 * 3600_000)
    const record = bed.emulator.callbacks.find((r) => r.key === outTradeNo)!
    expect(record.attempts.map((a) => (a.at - t0) / 1000)).toEqual([0, 15, 30, 60, 240, 840])
    expect(record.attempts.map((a) => a.status)).toEqual([500, 500, 500, 500, 500, 204])
    expect(record.state).toBe('delivered')
    expect(bed.received.map((r) => r.at - t0)).toEqual([0, 15, 30, 60, 240, 840].map((s) => s * 1000))
    // each resend is re-signed with its own timestamp and nonce
    expect(new Set(bed.received.map((r) => r.headers.get('wechatpay-nonce'))).size).toBe(6)
    expect(new Set(bed.received.map((r) => r.headers.get('wechatpay-timestamp'))).size).toBe(6)
    expect(bed.emulator.pendingTasks()).toBe(0)
  })

  it('gives up after 15 resends, about 24 h 4 min after the first delivery', async () => {
    bed.respond = () => 503
    const outTradeNo = await paidOrder()
    const t0 = bed.clock.now()
    await bed.emulator.tick(23 * 3600_000)
    const record = bed.emulator.callbacks.find((r) => r.key === outTradeNo)!
    expect(record.attempts).toHaveLength(15)
    expect(record.state).toBe('pending')
    await bed.emulator.tick(2 * 3600_000)
    expect(record.attempts).toHaveLength(16)
    expect(record.state).toBe('failed')
    let cumulative = 0
    const expected = [0, ...CALLBACK_RETRY_INTERVALS_MS.map((ms) => (cumulative += ms))]
    expect(record.attempts.map((a) => a.at - t0)).toEqual(expected)
    expect(expected.at(-1)).toBe((24 * 60 + 4) * 60_000)
  })

  it('a handler rejecting a bad callback causes a retry; the retry (fresh signature) is accepted', async () => {
    let first = true
    bed.respond = (msg) => {
      if (first) {
        first = false
        return 500
      }
      return parsePayment(msg).ok ? 204 : 400
    }
    const outTradeNo = await paidOrder()
    await bed.emulator.tick(15_000)
    const record = bed.emulator.callbacks.find((r) => r.key === outTradeNo)!
    expect(record.attempts.map((a) => a.status)).toEqual([500, 204])
  })
})

describe('refund callback', () => {
  it('sends REFUND.SUCCESS (AAD "refund", refund_status) after settlement, and REFUND.CLOSED when forced', async () => {
    const outTradeNo = await paidOrder(5000)
    await bed.emulator.runDueCallbacks()
    bed.received.length = 0
    await bed.client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 2000, totalFen: 5000 })
    await bed.emulator.tick(59_000)
    expect(bed.received).toHaveLength(0)
    await bed.emulator.tick(1_000)
    expect(bed.received).toHaveLength(1)
    const envelope = JSON.parse(bed.received[0].body) as NotificationEnvelope
    expect(envelope).toMatchObject({ event_type: 'REFUND.SUCCESS', resource: { associated_data: 'refund', original_type: 'refund' } })
    const parsed = parseRefundNotification({ headers: bed.received[0].headers, body: bed.received[0].body, config: bed.config, now: bed.clock.now })
    if (!parsed.ok) throw parsed.error
    expect(parsed.resource).toMatchObject({
      out_trade_no: outTradeNo,
      out_refund_no: `${outTradeNo}R1`,
      refund_status: 'SUCCESS',
      amount: { refund: 2000, total: 5000 },
    })
    expect(parsePayment(bed.received[0])).toMatchObject({ ok: false, error: { reason: 'WRONG_EVENT' } })

    await bed.client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R2`, refundFen: 3000, totalFen: 5000 })
    bed.emulator.settleRefund(`${outTradeNo}R2`, 'CLOSED')
    await bed.emulator.runDueCallbacks()
    const closed = parseRefundNotification({ headers: bed.received[1].headers, body: bed.received[1].body, config: bed.config, now: bed.clock.now })
    expect(closed).toMatchObject({ ok: true, eventType: 'REFUND.CLOSED', resource: { refund_status: 'CLOSED' } })
    // a CLOSED refund releases its amount
    expect((await bed.client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R3`, refundFen: 3000, totalFen: 5000 })).status).toBe('PROCESSING')
  })
})

describe('real-time mode', () => {
  it('delivers and retries on timers, compressed by timeFactor', async () => {
    let calls = 0
    const receiver = await serveFetchHandler(() => new Response(null, { status: ++calls === 1 ? 500 : 204 }))
    const emulator = createWechatPayEmulator({
      platform: keys.platform,
      merchants: [sandboxMerchant(keys)],
      timeFactor: 0.001,
      policy: { allowInsecureNotifyUrl: true },
    })
    const server = await serveFetchHandler(emulator.handle)
    try {
      const { createWechatPayClient } = await import('@/wechat/pay')
      const { sandboxClientConfig } = await import('@/sandbox/wechatpay')
      const client = createWechatPayClient(sandboxClientConfig(keys, { apiBase: server.url, notifyUrl: `${receiver.url}/notify` }))
      const outTradeNo = otn()
      await client.prepayNative({ description: 'x', outTradeNo, amountFen: 1 })
      emulator.confirmPayment(outTradeNo)
      const deadline = Date.now() + 3000
      while (emulator.callbacks[0]?.state !== 'delivered' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
      expect(emulator.callbacks[0].attempts.map((a) => a.status)).toEqual([500, 204])
    } finally {
      emulator.dispose()
      await Promise.all([server.close(), receiver.close()])
    }
  })
})
