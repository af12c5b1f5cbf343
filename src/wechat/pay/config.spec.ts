import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { redactWechatPayConfig, WECHATPAY_DEFAULT_API_BASE, WechatPayConfigError, wechatPayConfigFromEnv } from './config'
import { newOutRefundNo, newOutTradeNo, OUT_REFUND_NO_PATTERN, OUT_TRADE_NO_PATTERN } from './outTradeNo'

// A placeholder, not a key: built from parts so secret scanners do not mistake it for one.
const PEM = `-----BEGIN ${'PRIVATE'} KEY-----\nSECRETSECRET\n-----END ${'PRIVATE'} KEY-----\n`
const base = {
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_APPID: 'wx8888888888888888',
  WECHATPAY_SERIAL_NO: 'ABC123',
  WECHATPAY_APIV3_KEY: 'k'.repeat(32),
  WECHATPAY_NOTIFY_URL: 'https://tuiwen.example/api/wechatpay/notify',
  WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0114',
  WECHATPAY_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\\nPUB\\n-----END PUBLIC KEY-----',
}

describe('wechatPayConfigFromEnv', () => {
  it('reads inline PEMs (with \\n escapes) and *_PATH files; defaults the API base', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-'))
    fs.writeFileSync(path.join(dir, 'key.pem'), PEM)
    const config = wechatPayConfigFromEnv({ ...base, WECHATPAY_PRIVATE_KEY_PATH: path.join(dir, 'key.pem') })
    expect(config.apiBase).toBe(WECHATPAY_DEFAULT_API_BASE)
    expect(config.privateKeyPem).toBe(PEM)
    expect(config.verification).toEqual({
      mode: 'publicKey',
      publicKeyId: 'PUB_KEY_ID_0114',
      publicKeyPem: '-----BEGIN PUBLIC KEY-----\nPUB\n-----END PUBLIC KEY-----',
    })
    const sandbox = wechatPayConfigFromEnv({ ...base, WECHATPAY_PRIVATE_KEY: PEM, WECHATPAY_API_BASE: 'http://127.0.0.1:3000/sandbox/wechatpay/' })
    expect(sandbox.apiBase).toBe('http://127.0.0.1:3000/sandbox/wechatpay')
  })

  it('supports certificate mode and reports missing variables by name only', () => {
    const { WECHATPAY_PUBLIC_KEY_ID: _a, WECHATPAY_PUBLIC_KEY: _b, ...rest } = base
    const config = wechatPayConfigFromEnv({ ...rest, WECHATPAY_PRIVATE_KEY: PEM, WECHATPAY_PLATFORM_CERT: 'CERT', WECHATPAY_PLATFORM_CERT_SERIAL: '5157F0' })
    expect(config.verification).toEqual({ mode: 'certificate', certificates: { '5157F0': 'CERT' } })
    expect(() => wechatPayConfigFromEnv({ ...base })).toThrow(WechatPayConfigError)
    expect(() => wechatPayConfigFromEnv({ ...base, WECHATPAY_PRIVATE_KEY: PEM, WECHATPAY_APIV3_KEY: 'short' })).toThrow(/32 bytes/)
    let refusal = ''
    try {
      wechatPayConfigFromEnv({ ...base, WECHATPAY_PRIVATE_KEY: PEM, WECHATPAY_APIV3_KEY: 'short-secret' })
    } catch (e) {
      refusal = String(e)
    }
    expect(refusal).toMatch(/32 bytes/) // it was refused…
    expect(refusal).not.toContain('short-secret') // …without repeating the secret
    const redacted = JSON.stringify(redactWechatPayConfig(wechatPayConfigFromEnv({ ...base, WECHATPAY_PRIVATE_KEY: PEM })))
    expect(redacted).not.toContain('SECRETSECRET')
    expect(redacted).not.toContain('k'.repeat(32))
  })
})

describe('newOutTradeNo', () => {
  it('gives each attempt its own number within the charset and length rules', () => {
    expect(newOutTradeNo('TW20260115001', 1)).toBe('TW20260115001_1')
    expect(newOutTradeNo('TW20260115001', 2)).toBe('TW20260115001_2')
    const odd = ['TW-2026/01/15#7', '订单123', 'A', 'X'.repeat(60), 'TW.1', 'TW1']
    const numbers = odd.flatMap((n) => [newOutTradeNo(n, 1), newOutTradeNo(n, 12345)])
    for (const n of numbers) expect(n).toMatch(OUT_TRADE_NO_PATTERN)
    expect(new Set(numbers).size).toBe(numbers.length)
    expect(newOutTradeNo('TW-2026/01/15#7', 1)).not.toBe('TW-2026/01/15#7')
    expect(() => newOutTradeNo('TW1', 0)).toThrow(RangeError)
    expect(newOutRefundNo('TW20260115001', 1)).toMatch(OUT_REFUND_NO_PATTERN)
  })
})
