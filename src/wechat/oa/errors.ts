import { errcodeMessageZh } from './error-messages'

/** Codes that a later retry can fix. Token codes are retried by the client itself (§1.1.2 client rule). */
const RETRYABLE = new Set([-1, 45011, 40001, 40014, 42001])
export const TOKEN_ERRCODES: ReadonlySet<number> = new Set([40001, 40014, 42001])

export type WechatErrorKind = 'api' | 'http' | 'network'

export class WechatApiError extends Error {
  readonly errcode: number
  readonly errmsg: string
  readonly messageZh: string
  readonly retryable: boolean
  readonly kind: WechatErrorKind
  readonly httpStatus?: number
  /** Extra fields of the error body, e.g. the existing `msg_id` on 45065. */
  readonly body?: Record<string, unknown>

  constructor(init: { errcode: number; errmsg: string; kind?: WechatErrorKind; httpStatus?: number; retryable?: boolean; body?: Record<string, unknown> }) {
    super(`WeChat API error ${init.errcode}: ${init.errmsg}`)
    this.name = 'WechatApiError'
    this.errcode = init.errcode
    this.errmsg = init.errmsg
    this.kind = init.kind ?? 'api'
    this.httpStatus = init.httpStatus
    this.body = init.body
    this.retryable = init.retryable ?? RETRYABLE.has(init.errcode)
    this.messageZh =
      this.kind === 'api' ? errcodeMessageZh(init.errcode) : `无法连接微信服务器${init.httpStatus ? `（HTTP ${init.httpStatus}）` : ''}，请稍后重试`
  }
}

export function isWechatApiError(value: unknown): value is WechatApiError {
  return value instanceof WechatApiError
}
