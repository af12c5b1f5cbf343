import crypto from 'node:crypto'

export const AUTH_SCHEME = 'WECHATPAY2-SHA256-RSA2048'

export function newNonce(): string {
  return crypto.randomBytes(16).toString('hex').toUpperCase()
}

/** §4.1: five lines, each ending in "\n" (the last one too); body is "" for GET. */
export function requestSignMessage(method: string, pathWithQuery: string, timestamp: number | string, nonce: string, body: string): string {
  return `${method.toUpperCase()}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`
}

// Parsing a PEM costs about as much as the signature itself; a process holds a handful of keys, so each is
// parsed once (keyed on the PEM text: a rotated key is a new entry).
const privateKeys = new Map<string, crypto.KeyObject>()
const publicKeys = new Map<string, crypto.KeyObject>()
const MAX_CACHED_KEYS = 64

function cached(cache: Map<string, crypto.KeyObject>, pem: string, parse: (pem: string) => crypto.KeyObject): crypto.KeyObject {
  let key = cache.get(pem)
  if (!key) {
    if (cache.size >= MAX_CACHED_KEYS) cache.clear()
    cache.set(pem, (key = parse(pem)))
  }
  return key
}

/** The parsed private key of a PEM (cached). */
export const privateKeyOf = (pem: string) => cached(privateKeys, pem, crypto.createPrivateKey)
/** The parsed public key of a PEM, SPKI or certificate (cached). */
export const publicKeyOf = (pem: string) => cached(publicKeys, pem, crypto.createPublicKey)

export function rsaSign(message: string, privateKeyPem: string): string {
  return crypto.sign('RSA-SHA256', Buffer.from(message, 'utf8'), privateKeyOf(privateKeyPem)).toString('base64')
}

export function rsaVerify(message: string | Buffer, signatureB64: string, publicKey: crypto.KeyLike): boolean {
  // Probe signatures (§4.2) are not base64 RSA signatures; they must fail, never throw.
  if (!signatureB64 || signatureB64.startsWith('WECHATPAY/SIGNTEST/')) return false
  try {
    const data = typeof message === 'string' ? Buffer.from(message, 'utf8') : message
    return crypto.verify('RSA-SHA256', data, publicKey, Buffer.from(signatureB64, 'base64'))
  } catch {
    return false
  }
}

export type AuthorizationInput = {
  mchid: string
  serialNo: string
  privateKeyPem: string
  method: string
  pathWithQuery: string
  body: string
  timestamp: number
  nonce?: string
}

/** `Authorization` header value for a v3 request (§4.1). */
export function buildAuthorization(input: AuthorizationInput): string {
  const nonce = input.nonce ?? newNonce()
  const message = requestSignMessage(input.method, input.pathWithQuery, input.timestamp, nonce, input.body)
  const signature = rsaSign(message, input.privateKeyPem)
  return `${AUTH_SCHEME} mchid="${input.mchid}",nonce_str="${nonce}",signature="${signature}",` + `timestamp="${input.timestamp}",serial_no="${input.serialNo}"`
}
