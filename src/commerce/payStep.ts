// What the order page offers a buyer whose order still waits for payment, per channel and mode.
import type { Payment } from '@/payload-types'
import type { JsapiPayParams } from '@/wechat/pay'

export type PayStep =
  /** A page that takes the payment: the 沙箱 pay pages, or WeChat Pay's H5 cashier (mweb_url). */
  | { kind: 'link'; href: string }
  /** Inside WeChat: WeixinJSBridge's getBrandWCPayRequest with a freshly signed bundle. */
  | { kind: 'jsapi'; params: JsapiPayParams }
  /** On a computer (Native): a QR code of code_url to scan with WeChat. */
  | { kind: 'qr'; codeUrl: string }

/**
 * The newest pending payment decides. A live JSAPI payment has no URL to open, so the page must call
 * WeixinJSBridge; its pay bundle is signed again at render time (`signJsapi`) because the one from checkout
 * is not stored. A live Native payment's `weixin://` code URL only works as a QR code.
 */
export function payStepFor(
  payments: Pick<Payment, 'status' | 'channel' | 'sandbox' | 'prepayId' | 'payUrl'>[],
  signJsapi: (prepayId: string) => JsapiPayParams,
): PayStep | null {
  const payment = payments.find((p) => p.status === 'pending')
  if (!payment) return null
  if (payment.channel === 'jsapi' && !payment.sandbox && payment.prepayId) return { kind: 'jsapi', params: signJsapi(payment.prepayId) }
  if (!payment.payUrl) return null
  if (payment.payUrl.startsWith('weixin://')) return { kind: 'qr', codeUrl: payment.payUrl }
  return { kind: 'link', href: payment.payUrl }
}
