// 安全模式 message envelope (§1.11, §10.2): AES-256-CBC, key = base64decode(EncodingAESKey + '='), IV = key[0..16),
// PKCS#7 padding to 32-byte blocks, plaintext = random(16) ‖ uint32be(len(xml)) ‖ xml ‖ appid.
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'node:crypto'

const BLOCK = 32
const RANDOM_BYTES = 16
const HEADER = RANDOM_BYTES + 4
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/

/** A bad key, tampered ciphertext or a malformed envelope: the callback is refused, never a server error. */
export class CallbackCryptoError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CallbackCryptoError'
  }
}

/** WeChat's EncodingAESKey: 43 characters of [A-Za-z0-9]. */
export const isEncodingAESKey = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9]{43}$/.test(value)

/** A fresh EncodingAESKey, as the 公众平台 「随机生成」 button makes one. */
export function generateEncodingAESKey(): string {
  return Array.from({ length: 43 }, () => KEY_ALPHABET[randomInt(KEY_ALPHABET.length)]).join('')
}

function aesKey(encodingAESKey: string): Buffer {
  if (!isEncodingAESKey(encodingAESKey)) throw new CallbackCryptoError('EncodingAESKey must be 43 characters of A-Z, a-z, 0-9')
  return Buffer.from(`${encodingAESKey}=`, 'base64')
}

const cipherFor = (key: Buffer) => {
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16))
  cipher.setAutoPadding(false)
  return cipher
}

export function encryptCallbackMessage(input: { encodingAESKey: string; appId: string; xml: string; random?: Buffer }): string {
  const key = aesKey(input.encodingAESKey)
  const random = input.random ?? randomBytes(RANDOM_BYTES)
  if (random.length !== RANDOM_BYTES) throw new CallbackCryptoError('random prefix must be 16 bytes')
  const message = Buffer.from(input.xml, 'utf8')
  const length = Buffer.alloc(4)
  length.writeUInt32BE(message.length)
  const plain = Buffer.concat([random, length, message, Buffer.from(input.appId, 'utf8')])
  const pad = BLOCK - (plain.length % BLOCK)
  const cipher = cipherFor(key)
  return Buffer.concat([cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])), cipher.final()]).toString('base64')
}

function aesDecrypt(key: Buffer, data: Buffer): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16))
    decipher.setAutoPadding(false)
    return Buffer.concat([decipher.update(data), decipher.final()])
  } catch {
    throw new CallbackCryptoError('cannot decrypt the message')
  }
}

function unpad(plain: Buffer): Buffer {
  const pad = plain[plain.length - 1] ?? 0
  if (pad < 1 || pad > BLOCK || pad > plain.length) throw new CallbackCryptoError('bad padding')
  for (let i = plain.length - pad; i < plain.length; i++) if (plain[i] !== pad) throw new CallbackCryptoError('bad padding')
  return plain.subarray(0, plain.length - pad)
}

/** Opens an `<Encrypt>` value. The caller must compare `appId` with its own account's. */
export function decryptCallbackMessage(input: { encodingAESKey: string; encrypted: string }): { xml: string; appId: string } {
  const key = aesKey(input.encodingAESKey)
  const encrypted = input.encrypted.trim()
  if (!BASE64.test(encrypted)) throw new CallbackCryptoError('Encrypt is not base64')
  const data = Buffer.from(encrypted, 'base64')
  if (data.length === 0 || data.length % 16 !== 0) throw new CallbackCryptoError('ciphertext is not a whole number of AES blocks')
  const content = unpad(aesDecrypt(key, data))
  if (content.length < HEADER) throw new CallbackCryptoError('message too short')
  const length = content.readUInt32BE(RANDOM_BYTES)
  if (HEADER + length > content.length) throw new CallbackCryptoError('message length out of range')
  return {
    xml: content.subarray(HEADER, HEADER + length).toString('utf8'),
    appId: content.subarray(HEADER + length).toString('utf8'),
  }
}
