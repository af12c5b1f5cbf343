// Who may call our callback URL (§1.11, §10.2): the signature proves the token, the timestamp must be within
// ±5 minutes (the plaintext signature does not cover the body, so an old signed URL must not be replayable),
// and in 安全模式 the msg_signature covers the encrypted body, which must open to our own appid.
// Nonce reuse needs shared storage, so the caller checks it with the returned `nonce` and `expiresAtMs`.
import { CallbackXmlError, parseEncryptedCallbackXml, verifyCallbackSignature } from './callback'
import { CallbackCryptoError, decryptCallbackMessage } from './callbackCrypto'

/** 明文模式, 兼容模式 (either form) or 安全模式 (encrypted only), as set in 公众平台 → 服务器配置. */
export type CallbackMode = 'plaintext' | 'compatible' | 'safe'

export const CALLBACK_MAX_SKEW_MS = 5 * 60_000

export type CallbackAccount = { appId: string; token: string; encodingAESKey: string; mode: CallbackMode }

export type CallbackRejection = { ok: false; status: 400 | 401; reason: string }
type Fresh = { nonce: string; timestamp: number; /** Until when the nonce must stay spent. */ expiresAtMs: number }
export type AuthenticatedCallback = Fresh & { ok: true; xml: string; encrypted: boolean }
export type AuthenticatedProbe = Fresh & { ok: true; echostr: string }

const reject = (status: 400 | 401, reason: string): CallbackRejection => ({ ok: false, status, reason })

function fresh(query: URLSearchParams, nowMs: number): Fresh | CallbackRejection {
  const timestamp = query.get('timestamp') ?? ''
  const nonce = query.get('nonce') ?? ''
  if (!/^\d{1,12}$/.test(timestamp)) return reject(401, 'invalid timestamp')
  const atMs = Number(timestamp) * 1000
  if (Math.abs(atMs - nowMs) > CALLBACK_MAX_SKEW_MS) return reject(401, 'timestamp outside the 5-minute window')
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(nonce)) return reject(401, 'invalid nonce')
  return { nonce, timestamp: Number(timestamp), expiresAtMs: atMs + CALLBACK_MAX_SKEW_MS }
}

function signedPlain(account: CallbackAccount, query: URLSearchParams, nowMs: number): Fresh | CallbackRejection {
  if (!account.token) return reject(401, 'callback token not configured')
  const signed = verifyCallbackSignature({
    token: account.token,
    timestamp: query.get('timestamp'),
    nonce: query.get('nonce'),
    signature: query.get('signature'),
  })
  return signed ? fresh(query, nowMs) : reject(401, 'invalid signature')
}

/** GET URL verification: plaintext signature and echostr in every mode (§1.11). */
export function authenticateProbe(account: CallbackAccount, query: URLSearchParams, nowMs: number): AuthenticatedProbe | CallbackRejection {
  const check = signedPlain(account, query, nowMs)
  return 'ok' in check ? check : { ok: true, ...check, echostr: query.get('echostr') ?? '' }
}

function openEncrypted(account: CallbackAccount, query: URLSearchParams, body: string, nowMs: number): AuthenticatedCallback | CallbackRejection {
  if (account.mode === 'plaintext') return reject(400, 'encrypted callbacks are not enabled for this account (明文模式)')
  if (!account.encodingAESKey) return reject(400, 'no EncodingAESKey configured for this account')
  if (!account.token) return reject(401, 'callback token not configured')
  let encrypt: string
  try {
    encrypt = parseEncryptedCallbackXml(body).encrypt
  } catch (error) {
    if (error instanceof CallbackXmlError) return reject(400, 'bad xml')
    throw error
  }
  const signature = query.get('msg_signature')
  if (!verifyCallbackSignature({ token: account.token, timestamp: query.get('timestamp'), nonce: query.get('nonce'), signature, encrypt })) {
    return reject(401, 'invalid msg_signature')
  }
  const check = fresh(query, nowMs)
  if ('ok' in check) return check
  try {
    const opened = decryptCallbackMessage({ encodingAESKey: account.encodingAESKey, encrypted: encrypt })
    if (opened.appId !== account.appId) return reject(401, 'message is for another appid')
    return { ok: true, ...check, xml: opened.xml, encrypted: true }
  } catch (error) {
    if (error instanceof CallbackCryptoError) return reject(401, 'cannot decrypt the message')
    throw error
  }
}

/** POST: the message XML to handle, once the request is proven to come from WeChat for this account. */
export function authenticateCallback(account: CallbackAccount, query: URLSearchParams, body: string, nowMs: number): AuthenticatedCallback | CallbackRejection {
  if (query.get('encrypt_type') === 'aes') return openEncrypted(account, query, body, nowMs)
  if (account.mode === 'safe') return reject(401, 'this account accepts encrypted callbacks only (安全模式)')
  const check = signedPlain(account, query, nowMs)
  return 'ok' in check ? check : { ok: true, ...check, xml: body, encrypted: false }
}
