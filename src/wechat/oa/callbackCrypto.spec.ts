import { createCipheriv } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { callbackSignature } from './callback'
import { CallbackCryptoError, decryptCallbackMessage, encryptCallbackMessage, generateEncodingAESKey, isEncodingAESKey } from './callbackCrypto'

// WeChat's own samples for the 消息加解密 SDKs (WXBizMsgCrypt): an OA message from the docs and the SDK unit test.
const DOC = {
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  token: 'spamtest',
  appId: 'wx2c2769f8efd9abc2',
  timestamp: '1409735669',
  nonce: '1320562132',
  msgSignature: '5d197aaffba7e9b25a30732f161a50dee96bd5fa',
  encrypt:
    'hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=',
}
const SDK = {
  encodingAESKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: Buffer.from('aaaabbbbccccdddd'),
  xml: '我是中文abcd123',
  encrypt: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
}

const KEY = generateEncodingAESKey()
const expectCryptoError = (fn: () => unknown) => expect(fn).toThrow(CallbackCryptoError)

describe('callbackCrypto (安全模式 envelope, §1.11)', () => {
  it('reproduces WeChat’s documented sample: msg_signature and decryption', () => {
    expect(callbackSignature({ token: DOC.token, timestamp: DOC.timestamp, nonce: DOC.nonce, encrypt: DOC.encrypt })).toBe(DOC.msgSignature)
    const opened = decryptCallbackMessage({ encodingAESKey: DOC.encodingAESKey, encrypted: DOC.encrypt })
    expect(opened.appId).toBe(DOC.appId)
    expect(opened.xml).toContain('<Content><![CDATA[abcdteT]]></Content>')
    expect(opened.xml).toContain('<MsgId>6054768590064713728</MsgId>')
  })

  it('encrypts byte for byte like the official SDK (fixed random prefix, multi-byte UTF-8)', () => {
    expect(encryptCallbackMessage({ encodingAESKey: SDK.encodingAESKey, appId: SDK.appId, xml: SDK.xml, random: SDK.random })).toBe(SDK.encrypt)
    expect(decryptCallbackMessage({ encodingAESKey: SDK.encodingAESKey, encrypted: SDK.encrypt })).toEqual({ xml: SDK.xml, appId: SDK.appId })
  })

  it('round-trips, pads to whole 32-byte blocks and uses a fresh random prefix each time', () => {
    for (const xml of ['', 'x', '<xml><Content>茶</Content></xml>', 'y'.repeat(12), 'z'.repeat(1000)]) {
      const encrypted = encryptCallbackMessage({ encodingAESKey: KEY, appId: 'wx0123456789abcdef', xml })
      expect(Buffer.from(encrypted, 'base64').length % 32).toBe(0)
      expect(decryptCallbackMessage({ encodingAESKey: KEY, encrypted })).toEqual({ xml, appId: 'wx0123456789abcdef' })
    }
    const a = encryptCallbackMessage({ encodingAESKey: KEY, appId: 'wx1', xml: 'same' })
    expect(encryptCallbackMessage({ encodingAESKey: KEY, appId: 'wx1', xml: 'same' })).not.toBe(a)
  })

  it('generates and recognises EncodingAESKeys (43 × [A-Za-z0-9])', () => {
    expect(KEY).toMatch(/^[A-Za-z0-9]{43}$/)
    expect(generateEncodingAESKey()).not.toBe(KEY)
    expect(isEncodingAESKey(KEY)).toBe(true)
    expect(isEncodingAESKey(`${KEY.slice(0, 42)}+`)).toBe(false)
    expect(isEncodingAESKey(KEY.slice(0, 42))).toBe(false)
    expect(isEncodingAESKey(`${KEY}A`)).toBe(false)
    expectCryptoError(() => encryptCallbackMessage({ encodingAESKey: 'short', appId: 'wx1', xml: 'x' }))
  })

  it('rejects tampered, truncated or foreign ciphertext with CallbackCryptoError, never another error', () => {
    const encrypted = encryptCallbackMessage({ encodingAESKey: KEY, appId: 'wx1', xml: '<xml><A>1</A></xml>' })
    const bytes = Buffer.from(encrypted, 'base64')
    // CBC: flipping a byte of the previous block flips the same byte of the last plaintext block, here the pad length.
    const badPadding = Buffer.from(bytes)
    badPadding[bytes.length - 17] ^= 0x55
    const cases = [
      badPadding.toString('base64'),
      bytes.subarray(0, bytes.length - 7).toString('base64'), // not whole AES blocks
      bytes.subarray(0, 16).toString('base64'), // too short for the 20-byte header
      '',
      'not base64 at all!',
    ]
    for (const bad of cases) expectCryptoError(() => decryptCallbackMessage({ encodingAESKey: KEY, encrypted: bad }))
    // Another account's key: garbage padding or a garbage length field.
    expectCryptoError(() => decryptCallbackMessage({ encodingAESKey: generateEncodingAESKey(), encrypted }))
    expectCryptoError(() => decryptCallbackMessage({ encodingAESKey: 'not a key', encrypted }))
  })

  it('rejects a length field pointing past the message', () => {
    const key = Buffer.from(`${KEY}=`, 'base64')
    const plain = Buffer.concat([Buffer.alloc(16), Buffer.from([0, 0, 0, 200]), Buffer.from('short'), Buffer.from('wx1')])
    const pad = 32 - (plain.length % 32)
    const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false)
    const lying = Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
    expectCryptoError(() => decryptCallbackMessage({ encodingAESKey: KEY, encrypted: lying }))
  })
})
