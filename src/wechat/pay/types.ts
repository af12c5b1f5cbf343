// Wire shapes of WeChat Pay v3 (§4.3–§4.8). Snake case on purpose: these are the JSON bodies as sent/received.

export type TradeType = 'JSAPI' | 'NATIVE' | 'APP' | 'MWEB' | 'MICROPAY' | 'FACEPAY'
export type TradeState = 'SUCCESS' | 'REFUND' | 'NOTPAY' | 'CLOSED' | 'REVOKED' | 'USERPAYING' | 'PAYERROR'
export type PayChannel = 'jsapi' | 'h5' | 'native'

export type WechatPayTransaction = {
  appid: string
  mchid: string
  out_trade_no: string
  transaction_id?: string
  trade_type?: TradeType
  trade_state: TradeState
  trade_state_desc: string
  bank_type?: string
  attach?: string
  success_time?: string
  payer?: { openid: string }
  amount: { total: number; payer_total?: number; currency: string; payer_currency?: string }
  promotion_detail?: unknown[]
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'CLOSED' | 'ABNORMAL'

export type RefundAmount = {
  total: number
  refund: number
  payer_total: number
  payer_refund: number
  settlement_refund?: number
  settlement_total?: number
  discount_refund?: number
  currency: string
  refund_fee?: number
}

export type WechatPayRefund = {
  refund_id: string
  out_refund_no: string
  transaction_id: string
  out_trade_no: string
  channel: 'ORIGINAL' | 'BALANCE' | 'OTHER_BALANCE' | 'OTHER_BANKCARD'
  user_received_account: string
  status: RefundStatus
  success_time?: string
  create_time: string
  funds_account?: string
  amount: RefundAmount
  promotion_detail?: unknown[]
}

/** Refund callback plaintext: note `refund_status`, not `status` (§4.8). */
export type WechatPayRefundNotice = {
  mchid: string
  out_trade_no: string
  transaction_id: string
  out_refund_no: string
  refund_id: string
  refund_status: RefundStatus
  success_time?: string
  user_received_account: string
  amount: { total: number; refund: number; payer_total: number; payer_refund: number }
}

export type NotificationEnvelope = {
  id: string
  create_time: string
  resource_type: string
  event_type: string
  summary: string
  resource: {
    original_type: string
    algorithm: string
    ciphertext: string
    associated_data?: string
    nonce: string
  }
}

/** Inputs in our own vocabulary; the client maps them to the wire body. Amounts are integer fen. */
export type PrepayInput = {
  description: string
  outTradeNo: string
  amountFen: number
  attach?: string
  /** Date or RFC 3339 string; Dates are written in +08:00. */
  timeExpire?: Date | string
  goodsTag?: string
  /** Defaults to config.notifyUrl. */
  notifyUrl?: string
}

export type JsapiPrepayInput = PrepayInput & { openid: string }
export type H5PrepayInput = PrepayInput & {
  payerClientIp: string
  h5Type: 'Wap' | 'iOS' | 'Android'
  appName?: string
  appUrl?: string
}
export type NativePrepayInput = PrepayInput

export type RefundInput = ({ outTradeNo: string; transactionId?: never } | { transactionId: string; outTradeNo?: never }) & {
  outRefundNo: string
  refundFen: number
  /** Must equal the original order amount (§4.8). */
  totalFen: number
  reason?: string
  notifyUrl?: string
}

/** The object handed to WeixinJSBridge 'getBrandWCPayRequest' (§4.4). */
export type JsapiPayParams = {
  appId: string
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}
