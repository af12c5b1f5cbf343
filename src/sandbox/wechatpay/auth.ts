import { publicKeyOf, verifySha256Rsa } from './crypto'
import type { MerchantRegistration } from './types'
import type { ApiError } from './types'

const SCHEME = 'WECHATPAY2-SHA256-RSA2048'
const PAIRS = /^[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*$/

export type ParsedAuthorization = { mchid: string; nonce_str: string; signature: string; timestamp: string; serial_no: string }

/** §4.1: scheme, one space, then key="value" pairs joined by "," with no spaces. */
export function parseAuthorization(header: string | null): ParsedAuthorization | undefined {
  if (!header || !header.startsWith(`${SCHEME} `)) return undefined
  const rest = header.slice(SCHEME.length + 1)
  if (!PAIRS.test(rest)) return undefined
  const fields: Record<string, string> = {}
  for (const match of rest.matchAll(/([a-z_]+)="([^"]*)"/g)) fields[match[1]] = match[2]
  const { mchid, nonce_str, signature, timestamp, serial_no } = fields
  if (!mchid || !nonce_str || !signature || !timestamp || !serial_no) return undefined
  return { mchid, nonce_str, signature, timestamp, serial_no }
}

const err = (status: number, code: string, message: string): ApiError => ({ status, code, message })

/**
 * §5.7 item 32, steps 4–7: header format, timestamp window (before the signature), merchant serial,
 * then RSA over METHOD\nPATH?QUERY\nTIMESTAMP\nNONCE\nBODY\n with the raw path and body as received.
 */
export function authenticate(input: {
  authorization: string | null
  method: string
  rawPathWithQuery: string
  body: string
  nowMs: number
  family: 'transactions' | 'strict'
  merchants: Map<string, MerchantRegistration>
  mchNotExistsStatus: number
}): { ok: true; merchant: MerchantRegistration } | { ok: false; error: ApiError; withRequestId: boolean } {
  const parsed = parseAuthorization(input.authorization)
  const onTransactions = input.family === 'transactions'
  if (!parsed) {
    const message = onTransactions ? '签名信息错误，验签失败' : 'Http头Authorization值格式错误，请参考《微信支付商户REST API签名规则》'
    // 401s on /v3/pay/transactions/* carry no Request-ID [probe]
    return { ok: false, error: err(401, 'SIGN_ERROR', message), withRequestId: !onTransactions }
  }
  const ts = Number(parsed.timestamp)
  if (!/^\d+$/.test(parsed.timestamp) || Math.abs(Math.floor(input.nowMs / 1000) - ts) > 300) {
    return { ok: false, error: err(401, 'SIGN_ERROR', 'Http头Authorization中的timestamp与发起请求的时间不得超过5分钟'), withRequestId: !onTransactions }
  }
  const merchant = input.merchants.get(parsed.mchid)
  if (!merchant) return { ok: false, error: err(input.mchNotExistsStatus, 'MCH_NOT_EXISTS', '商户号不存在'), withRequestId: true }
  if (parsed.serial_no.toUpperCase() !== merchant.serialNo.toUpperCase()) {
    return { ok: false, error: err(401, 'SIGN_ERROR', '商户证书序列号有误。请使用签名私钥匹配的证书序列号'), withRequestId: !onTransactions }
  }
  const key = publicKeyOf(merchant.publicKeyPem)
  const parts = [input.method, input.rawPathWithQuery, parsed.timestamp, parsed.nonce_str, input.body]
  if (!verifySha256Rsa(parts, parsed.signature, key)) {
    return { ok: false, error: err(401, 'SIGN_ERROR', '签名错误'), withRequestId: !onTransactions }
  }
  return { ok: true, merchant }
}
