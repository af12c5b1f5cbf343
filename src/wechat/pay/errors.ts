/** A non-2xx answer from the v3 API (§4.9), or a transport failure (status 0). */
export class WechatPayError extends Error {
  override name = 'WechatPayError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly detail?: unknown,
    readonly requestId?: string,
  ) {
    super(message)
  }

  /** §4.9: 5xx and network failures retry with identical identifiers; 429 retries after back-off (refunds: query first). */
  get retryable(): boolean {
    return isRetryableWechatPayError(this)
  }
}

export function isRetryableWechatPayError(error: { status: number; code: string }): boolean {
  if (error.status === 0) return true // network error or timeout: outcome unknown, query then retry
  if (error.status === 429 || error.code === 'FREQUENCY_LIMITED') return true
  if (error.status >= 500) return true
  return error.code === 'SYSTEM_ERROR'
}

export type WechatPaySignatureFailure = 'MISSING_HEADERS' | 'STALE_TIMESTAMP' | 'UNKNOWN_SERIAL' | 'BAD_SIGNATURE'

/** A 2xx response or a callback whose Wechatpay-* signature could not be trusted (§4.2). */
export class WechatPaySignatureError extends Error {
  override name = 'WechatPaySignatureError'
  constructor(
    readonly reason: WechatPaySignatureFailure,
    message: string,
  ) {
    super(message)
  }
}

export type WechatPayNotificationFailure = WechatPaySignatureFailure | 'MALFORMED' | 'DECRYPT_FAILED' | 'WRONG_EVENT' | 'MCHID_MISMATCH' | 'APPID_MISMATCH'

export class WechatPayNotificationError extends Error {
  override name = 'WechatPayNotificationError'
  constructor(
    readonly reason: WechatPayNotificationFailure,
    message: string,
  ) {
    super(message)
  }
}
