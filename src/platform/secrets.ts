// AES-256-GCM for account secrets at rest (AppSecret, callback token). The key is derived from PAYLOAD_SECRET,
// so a database dump alone does not reveal them. Format: `enc:v1:<iv b64>:<tag b64>:<ciphertext b64>`.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'

import { payloadSecret } from '../utilities/payloadSecret'

const PREFIX = 'enc:v1:'

const key = () => createHash('sha256').update(`tuiwen:wechat-secrets:${payloadSecret()}`).digest()

export const isEncrypted = (value: unknown): value is string => typeof value === 'string' && value.startsWith(PREFIX)

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key(), iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return `${PREFIX}${iv.toString('base64')}:${cipher.getAuthTag().toString('base64')}:${data.toString('base64')}`
}

export class SecretDecryptError extends Error {
  constructor() {
    super('无法解密公众号密钥（服务器密钥 PAYLOAD_SECRET 可能已更换），请在公众号设置中重新填写 AppSecret 和令牌')
    this.name = 'SecretDecryptError'
  }
}

export function decryptSecret(stored: string | null | undefined): string {
  if (!stored) return ''
  if (!isEncrypted(stored)) throw new SecretDecryptError()
  const [iv, tag, data] = stored.slice(PREFIX.length).split(':')
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv ?? '', 'base64'))
    decipher.setAuthTag(Buffer.from(tag ?? '', 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(data ?? '', 'base64')), decipher.final()]).toString('utf8')
  } catch {
    throw new SecretDecryptError()
  }
}
