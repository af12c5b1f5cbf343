import crypto from 'node:crypto'

import { beforeAll, describe, expect, it } from 'vitest'

import { beijingRfc3339 } from '../../platform/beijingTime'
import { decryptResource } from './aesgcm'
import { WechatPaySignatureError } from './errors'
import { isRetryableWechatPayError } from './errors'
import { AUTH_SCHEME, buildAuthorization, requestSignMessage, rsaSign, rsaVerify } from './sign'
import { verifyWechatPaySignature } from './verify'

let privateKeyPem: string
let publicKeyPem: string
beforeAll(() => {
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
  publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string
})

describe('request signing (§4.1)', () => {
  it('signs with the key it is given each time: a rotated merchant key takes effect at once (keys are parsed once per PEM)', () => {
    const other = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
    const otherPem = other.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const first = rsaSign('m', privateKeyPem)
    const second = rsaSign('m', otherPem)
    expect(rsaSign('m', privateKeyPem)).toBe(first) // PKCS#1 v1.5 is deterministic: same key, same signature
    expect(rsaVerify('m', first, crypto.createPublicKey(publicKeyPem))).toBe(true)
    expect(rsaVerify('m', second, crypto.createPublicKey(publicKeyPem))).toBe(false)
    expect(rsaVerify('m', second, other.publicKey)).toBe(true)
  })

  it('builds the five-line message with a trailing newline, empty body line for GET', () => {
    expect(requestSignMessage('get', '/v3/pay/transactions/out-trade-no/A1?mchid=1900000109', 1554208460, 'N0NCE', '')).toBe(
      'GET\n/v3/pay/transactions/out-trade-no/A1?mchid=1900000109\n1554208460\nN0NCE\n\n',
    )
  })

  it('formats the Authorization header and its signature verifies over the message', () => {
    const body = '{"a":1}'
    const header = buildAuthorization({
      mchid: '1900007291',
      serialNo: '408B07E7',
      privateKeyPem,
      method: 'POST',
      pathWithQuery: '/v3/x',
      body,
      timestamp: 1554208460,
      nonce: 'ABC',
    })
    const match = header.match(/^WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="ABC",signature="([^"]+)",timestamp="1554208460",serial_no="408B07E7"$/)
    expect(header.startsWith(`${AUTH_SCHEME} `)).toBe(true)
    expect(match).not.toBeNull()
    const message = Buffer.from('POST\n/v3/x\n1554208460\nABC\n{"a":1}\n')
    expect(crypto.verify('RSA-SHA256', message, publicKeyPem, Buffer.from(match![1], 'base64'))).toBe(true)
    expect(crypto.verify('RSA-SHA256', Buffer.from('POST\n/v3/x\n1554208460\nABC\n{"a":2}\n'), publicKeyPem, Buffer.from(match![1], 'base64'))).toBe(false)
  })
})

describe('response verification (§4.2)', () => {
  const sign = (ts: string, nonce: string, body: string) =>
    crypto.sign('RSA-SHA256', Buffer.from(`${ts}\n${nonce}\n${body}\n`), privateKeyPem).toString('base64')
  const now = () => 1_700_000_000_000
  const verification = () => ({ mode: 'publicKey' as const, publicKeyId: 'PUB_KEY_ID_X', publicKeyPem })
  const headers = (ts: string, signature: string, serial = 'PUB_KEY_ID_X') => ({
    'Wechatpay-Timestamp': ts,
    'Wechatpay-Nonce': 'n',
    'Wechatpay-Signature': signature,
    'Wechatpay-Serial': serial,
  })
  const reason = (fn: () => unknown) => {
    try {
      fn()
      return 'OK'
    } catch (e) {
      return (e as WechatPaySignatureError).reason
    }
  }

  it('accepts a good signature in both modes and an empty 204 body', () => {
    const ts = '1700000000'
    expect(reason(() => verifyWechatPaySignature({ headers: headers(ts, sign(ts, 'n', '')), body: '', verification: verification(), now }))).toBe('OK')
    const certMode = { mode: 'certificate' as const, certificates: { '5157F09EFDC096DE15EBE81A47057A7232F1B8E1': publicKeyPem } }
    const h = headers(ts, sign(ts, 'n', '{}'), '5157F09EFDC096DE15EBE81A47057A7232F1B8E1')
    expect(reason(() => verifyWechatPaySignature({ headers: new Headers(h), body: '{}', verification: certMode, now }))).toBe('OK')
  })

  it('rejects skew beyond 5 minutes (configurable), probe signatures, unknown serials and changed bodies', () => {
    const old = '1699999699'
    expect(reason(() => verifyWechatPaySignature({ headers: headers(old, sign(old, 'n', '')), body: '', verification: verification(), now }))).toBe(
      'STALE_TIMESTAMP',
    )
    expect(
      reason(() => verifyWechatPaySignature({ headers: headers(old, sign(old, 'n', '')), body: '', verification: verification(), now, maxSkewSeconds: 400 })),
    ).toBe('OK')
    const ts = '1700000000'
    expect(reason(() => verifyWechatPaySignature({ headers: headers(ts, 'WECHATPAY/SIGNTEST/abc'), body: '', verification: verification(), now }))).toBe(
      'BAD_SIGNATURE',
    )
    expect(
      reason(() => verifyWechatPaySignature({ headers: headers(ts, sign(ts, 'n', ''), 'PUB_KEY_ID_Y'), body: '', verification: verification(), now })),
    ).toBe('UNKNOWN_SERIAL')
    expect(reason(() => verifyWechatPaySignature({ headers: headers(ts, sign(ts, 'n', '{"a":1}')), body: '{"a":2}', verification: verification(), now }))).toBe(
      'BAD_SIGNATURE',
    )
  })
})

describe('AES-256-GCM resource decryption (§4.7)', () => {
  const key = '0123456789abcdef0123456789ABCDEF'
  const encrypt = (plaintext: string, aad: string, nonce = 'abcdefghijkl') => {
    const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(key), Buffer.from(nonce))
    cipher.setAAD(Buffer.from(aad))
    const ct = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]).toString('base64')
    return { algorithm: 'AEAD_AES_256_GCM', ciphertext: ct, associated_data: aad, nonce }
  }

  it('decrypts with AAD (including empty AAD) and fails on a wrong key or AAD', () => {
    expect(decryptResource(encrypt('{"x":"支付"}', 'transaction'), key)).toBe('{"x":"支付"}')
    expect(decryptResource(encrypt('{}', ''), key)).toBe('{}')
    expect(() => decryptResource(encrypt('{}', 'transaction'), 'X'.repeat(32))).toThrow()
    expect(() => decryptResource({ ...encrypt('{}', 'transaction'), associated_data: 'refund' }, key)).toThrow()
  })
})

describe('helpers', () => {
  it('formats RFC 3339 in +08:00', () => {
    expect(beijingRfc3339(Date.UTC(2018, 5, 8, 2, 34, 56))).toBe('2018-06-08T10:34:56+08:00')
  })

  it('classifies retryable errors per §4.9', () => {
    expect(isRetryableWechatPayError({ status: 500, code: 'SYSTEM_ERROR' })).toBe(true)
    expect(isRetryableWechatPayError({ status: 503, code: 'SERVICE_UNAVAILABLE' })).toBe(true)
    expect(isRetryableWechatPayError({ status: 429, code: 'FREQUENCY_LIMITED' })).toBe(true)
    expect(isRetryableWechatPayError({ status: 0, code: 'NETWORK_ERROR' })).toBe(true)
    expect(isRetryableWechatPayError({ status: 401, code: 'SIGN_ERROR' })).toBe(false)
    expect(isRetryableWechatPayError({ status: 403, code: 'OUT_TRADE_NO_USED' })).toBe(false)
    expect(isRetryableWechatPayError({ status: 400, code: 'PARAM_ERROR' })).toBe(false)
  })
})
