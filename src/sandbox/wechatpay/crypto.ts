// The emulator's own crypto (server side). Deliberately not shared with src/wechat/pay, so that a bug
// in one side's message layout does not cancel out in the tests.
import crypto from 'node:crypto'

// Only the parsed-key cache is shared with the client: it changes no message layout.
import { beijingRfc3339 } from '@/platform/beijingTime'
import { privateKeyOf, publicKeyOf } from '@/wechat/pay/sign'

export { publicKeyOf }

export function randomNonce(length = 32): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
  return Array.from(crypto.randomBytes(length), (b) => alphabet[b % alphabet.length]).join('')
}

export function signSha256Rsa(parts: string[], privateKeyPem: crypto.KeyLike): string {
  const signer = crypto.createSign('RSA-SHA256')
  for (const part of parts) signer.update(`${part}\n`, 'utf8')
  return signer.sign(typeof privateKeyPem === 'string' ? privateKeyOf(privateKeyPem) : privateKeyPem, 'base64')
}

export function verifySha256Rsa(parts: string[], signature: string, publicKey: crypto.KeyLike): boolean {
  try {
    const verifier = crypto.createVerify('RSA-SHA256')
    for (const part of parts) verifier.update(`${part}\n`, 'utf8')
    return verifier.verify(publicKey, signature, 'base64')
  } catch {
    return false
  }
}

/** §4.7 / §5.7 item 38: AES-256-GCM with a 12-character nonce; ciphertext ‖ tag, base64. */
export function encryptResource(plaintext: string, apiV3Key: string, associatedData: string) {
  const nonce = randomNonce(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'))
  cipher.setAAD(Buffer.from(associatedData, 'utf8'))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()])
  return { algorithm: 'AEAD_AES_256_GCM', ciphertext: body.toString('base64'), associated_data: associatedData, nonce }
}

/** 28 digits with the 4200 prefix, as real transaction ids look (an emulator convention, §5.7 item 35). */
export function newTransactionId(): string {
  return `4200${Array.from(crypto.randomBytes(24), (b) => String(b % 10)).join('')}`
}

export function newPrepayId(nowMs: number): string {
  const d = beijingRfc3339(nowMs).replace(/\D/g, '').slice(0, 14)
  return `wx${d}${crypto.randomBytes(9).toString('hex')}`
}
