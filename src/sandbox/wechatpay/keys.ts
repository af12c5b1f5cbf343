import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export type SandboxKeys = {
  merchant: { serialNo: string; privateKeyPem: string; publicKeyPem: string }
  platform: { publicKeyId: string; certificateSerial: string; privateKeyPem: string; publicKeyPem: string }
  /** 32 ASCII characters (§4.1). */
  apiV3Key: string
}

export const SANDBOX_MCHID = '1900000109'
export const SANDBOX_APPID = 'wx8888888888888888'

function rsaPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  })
  return { privateKeyPem: privateKey, publicKeyPem: publicKey }
}

const hex = (bytes: number) => crypto.randomBytes(bytes).toString('hex').toUpperCase()

/** Fresh keys in memory (two RSA-2048 pairs: slowish, generate once per test file). */
export function generateSandboxKeys(): SandboxKeys {
  // APIv3 key: 32 alphanumeric characters, like the ones merchants set in the portal.
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  const apiV3Key = Array.from(crypto.randomBytes(32), (b) => alphabet[b % alphabet.length]).join('')
  return {
    merchant: { serialNo: hex(20), ...rsaPair() },
    platform: { publicKeyId: `PUB_KEY_ID_01${hex(16)}`, certificateSerial: hex(20), ...rsaPair() },
    apiV3Key,
  }
}

const FILES = {
  meta: 'wechatpay-sandbox.json',
  merchantKey: 'wechatpay-merchant-key.pem',
  merchantPub: 'wechatpay-merchant-public.pem',
  platformKey: 'wechatpay-platform-key.pem',
  platformPub: 'wechatpay-platform-public.pem',
}

/**
 * Loads sandbox keys from `dir`, generating and writing them (mode 0600) the first time.
 * The directory must be git-ignored (the app uses data/sandbox/); these keys are never committed.
 */
export function ensureSandboxKeys(dir: string): SandboxKeys {
  const at = (name: string) => path.join(dir, name)
  if (fs.existsSync(at(FILES.meta))) {
    const meta = JSON.parse(fs.readFileSync(at(FILES.meta), 'utf8')) as {
      merchantSerialNo: string
      platformPublicKeyId: string
      platformCertificateSerial: string
      apiV3Key: string
    }
    return {
      merchant: {
        serialNo: meta.merchantSerialNo,
        privateKeyPem: fs.readFileSync(at(FILES.merchantKey), 'utf8'),
        publicKeyPem: fs.readFileSync(at(FILES.merchantPub), 'utf8'),
      },
      platform: {
        publicKeyId: meta.platformPublicKeyId,
        certificateSerial: meta.platformCertificateSerial,
        privateKeyPem: fs.readFileSync(at(FILES.platformKey), 'utf8'),
        publicKeyPem: fs.readFileSync(at(FILES.platformPub), 'utf8'),
      },
      apiV3Key: meta.apiV3Key,
    }
  }
  const keys = generateSandboxKeys()
  fs.mkdirSync(dir, { recursive: true })
  const write = (name: string, data: string) => fs.writeFileSync(at(name), data, { mode: 0o600 })
  write(FILES.merchantKey, keys.merchant.privateKeyPem)
  write(FILES.merchantPub, keys.merchant.publicKeyPem)
  write(FILES.platformKey, keys.platform.privateKeyPem)
  write(FILES.platformPub, keys.platform.publicKeyPem)
  // meta last: its presence marks a complete set
  write(
    FILES.meta,
    JSON.stringify(
      {
        merchantSerialNo: keys.merchant.serialNo,
        platformPublicKeyId: keys.platform.publicKeyId,
        platformCertificateSerial: keys.platform.certificateSerial,
        apiV3Key: keys.apiV3Key,
      },
      null,
      2,
    ),
  )
  return keys
}
