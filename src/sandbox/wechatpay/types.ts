import type { PayChannel, RefundStatus } from '@/wechat/pay/types'

export type Product = PayChannel

export type MerchantRegistration = {
  mchid: string
  /** appids bound to this mchid (§4.3 APPID_MCHID_NOT_MATCH). */
  appids: string[]
  /** Merchant API certificate serial and its public key, used to verify request signatures. */
  serialNo: string
  publicKeyPem: string
  apiV3Key: string
  /** Enabled products; default all three (else 403 NO_AUTH). */
  products?: Product[]
  /** JSAPI 支付授权目录 prefixes; when set, the pay hook checks the page URL against them (§5.7 item 35). */
  jsapiAuthDirs?: string[]
}

export type OrderState = 'NOTPAY' | 'SUCCESS' | 'REFUND' | 'CLOSED'

export type OrderRecord = {
  mchid: string
  appid: string
  channel: Product
  outTradeNo: string
  /** Canonical (sorted-key) JSON of the prepay body, for the identical-parameters rule (§5.7 item 34). */
  canonicalBody: string
  description: string
  attach?: string
  totalFen: number
  notifyUrl: string
  payerOpenid?: string
  prepayId: string
  /** prepay_id / code_url valid 2 h, h5_url 5 min. */
  prepayExpiresAt: number
  /** time_expire, or 7 days after creation. */
  expiresAt: number
  createdAt: number
  state: OrderState
  transactionId?: string
  successAt?: number
  paidOpenid?: string
  refundNos: string[]
}

export type RefundRecord = {
  mchid: string
  outRefundNo: string
  refundId: string
  outTradeNo: string
  transactionId: string
  refundFen: number
  totalFen: number
  reason?: string
  notifyUrl?: string
  status: RefundStatus
  createdAt: number
  successAt?: number
}

export type ApiError = { status: number; code: string; message: string }

export type ScriptedError = ApiError & {
  route: RouteName | 'any'
  /** Process the request first, then answer with the error anyway (e.g. 429 after a refund was accepted, §5.7 item 39). */
  afterProcessing?: boolean
  times?: number
}

export type RouteName = 'prepay' | 'query' | 'queryById' | 'close' | 'refund' | 'refundQuery' | 'certificates'
