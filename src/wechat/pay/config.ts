import fs from 'node:fs'

export const WECHATPAY_DEFAULT_API_BASE = 'https://api.mch.weixin.qq.com'

/** How responses and callbacks are verified (§4.2): WeChat Pay public key, or platform certificates by serial. */
export type WechatPayVerification =
  { mode: 'publicKey'; publicKeyId: string; publicKeyPem: string } | { mode: 'certificate'; certificates: Record<string, string> }

export type WechatPayConfig = {
  apiBase: string
  mchid: string
  appid: string
  /** Serial number of the merchant API certificate whose private key signs requests. */
  serialNo: string
  privateKeyPem: string
  /** 32 ASCII characters; the AES-256-GCM key for callback resources (§4.7). */
  apiV3Key: string
  notifyUrl: string
  verification: WechatPayVerification
}

export class WechatPayConfigError extends Error {
  override name = 'WechatPayConfigError'
}

type Env = Record<string, string | undefined>

/** Inline PEM wins over *_PATH; literal "\n" sequences (common in .env files) become newlines. */
function readPem(env: Env, name: string, required: boolean): string | undefined {
  const inline = env[name]
  if (inline && inline.trim()) return inline.includes('\\n') ? inline.replace(/\\n/g, '\n') : inline
  const file = env[`${name}_PATH`]
  if (file && file.trim()) {
    try {
      return fs.readFileSync(file, 'utf8')
    } catch {
      throw new WechatPayConfigError(`${name}_PATH: cannot read file ${file}`)
    }
  }
  if (required) throw new WechatPayConfigError(`${name} or ${name}_PATH is required`)
  return undefined
}

function req(env: Env, name: string): string {
  const value = env[name]?.trim()
  if (!value) throw new WechatPayConfigError(`${name} is required`)
  return value
}

/**
 * Reads WECHATPAY_* variables. Error messages name variables, never values (secrets are not logged).
 *
 * WECHATPAY_API_BASE, WECHATPAY_MCHID, WECHATPAY_APPID, WECHATPAY_SERIAL_NO, WECHATPAY_PRIVATE_KEY[_PATH],
 * WECHATPAY_APIV3_KEY, WECHATPAY_NOTIFY_URL, and either WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY[_PATH]
 * (public-key mode) or WECHATPAY_PLATFORM_CERTS_DIR / WECHATPAY_PLATFORM_CERT[_PATH] + WECHATPAY_PLATFORM_CERT_SERIAL.
 */
export function wechatPayConfigFromEnv(env: Env = process.env): WechatPayConfig {
  const apiV3Key = req(env, 'WECHATPAY_APIV3_KEY')
  if (Buffer.byteLength(apiV3Key, 'utf8') !== 32) throw new WechatPayConfigError('WECHATPAY_APIV3_KEY must be 32 bytes')
  const publicKeyId = env.WECHATPAY_PUBLIC_KEY_ID?.trim()
  let verification: WechatPayVerification
  if (publicKeyId) {
    verification = { mode: 'publicKey', publicKeyId, publicKeyPem: readPem(env, 'WECHATPAY_PUBLIC_KEY', true)! }
  } else {
    const certificates: Record<string, string> = {}
    const dir = env.WECHATPAY_PLATFORM_CERTS_DIR?.trim()
    if (dir) {
      // One file per certificate, named <serial>.pem.
      for (const file of fs.readdirSync(dir)) {
        if (file.endsWith('.pem')) certificates[file.slice(0, -4)] = fs.readFileSync(`${dir}/${file}`, 'utf8')
      }
    }
    const single = readPem(env, 'WECHATPAY_PLATFORM_CERT', false)
    if (single) certificates[req(env, 'WECHATPAY_PLATFORM_CERT_SERIAL')] = single
    if (Object.keys(certificates).length === 0) {
      throw new WechatPayConfigError(
        'set WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY[_PATH], or WECHATPAY_PLATFORM_CERTS_DIR / WECHATPAY_PLATFORM_CERT[_PATH]',
      )
    }
    verification = { mode: 'certificate', certificates }
  }
  return {
    apiBase: (env.WECHATPAY_API_BASE?.trim() || WECHATPAY_DEFAULT_API_BASE).replace(/\/+$/, ''),
    mchid: req(env, 'WECHATPAY_MCHID'),
    appid: req(env, 'WECHATPAY_APPID'),
    serialNo: req(env, 'WECHATPAY_SERIAL_NO'),
    privateKeyPem: readPem(env, 'WECHATPAY_PRIVATE_KEY', true)!,
    apiV3Key,
    notifyUrl: req(env, 'WECHATPAY_NOTIFY_URL'),
    verification,
  }
}

/** A copy safe to log: key material replaced by markers. */
export function redactWechatPayConfig(config: WechatPayConfig): Record<string, unknown> {
  return {
    apiBase: config.apiBase,
    mchid: config.mchid,
    appid: config.appid,
    serialNo: config.serialNo,
    notifyUrl: config.notifyUrl,
    privateKeyPem: '[redacted]',
    apiV3Key: '[redacted]',
    verification:
      config.verification.mode === 'publicKey'
        ? { mode: 'publicKey', publicKeyId: config.verification.publicKeyId }
        : { mode: 'certificate', serials: Object.keys(config.verification.certificates) },
  }
}
