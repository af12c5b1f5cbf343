import type { JsapiPayParams } from '@/wechat/pay'

/** The part of WeChat's in-app browser bridge that payment uses. */
export type WeixinJSBridgeLike = {
  invoke: (api: 'getBrandWCPayRequest', params: JsapiPayParams, callback: (res: { err_msg?: string }) => void) => void
}

export type PayOutcome = 'ok' | 'cancel' | 'fail'

/**
 * Opens WeChat's pay sheet. `ok` only means the buyer finished in the sheet: the order becomes paid when
 * WeChat Pay's signed notification (or our query) confirms it, so the page re-reads the order afterwards.
 */
export function invokeWechatPay(bridge: WeixinJSBridgeLike, params: JsapiPayParams): Promise<PayOutcome> {
  return new Promise((resolve) => {
    bridge.invoke('getBrandWCPayRequest', params, (res) => {
      const msg = res?.err_msg ?? ''
      resolve(msg.endsWith(':ok') ? 'ok' : msg.endsWith(':cancel') ? 'cancel' : 'fail')
    })
  })
}
