import { beijingRfc3339 } from '../../platform/beijingTime'
import { systemClock } from '../../platform/clock'
import type { WechatPayConfig } from './config'
import { createSignedRequest, type WechatPayClientOptions } from './http'
import { buildJsapiPayParams } from './jsapi'
import type {
  H5PrepayInput,
  JsapiPayParams,
  JsapiPrepayInput,
  NativePrepayInput,
  PrepayInput,
  RefundInput,
  WechatPayRefund,
  WechatPayTransaction,
} from './types'

export type WechatPayClient = ReturnType<typeof createWechatPayClient>

export function createWechatPayClient(config: WechatPayConfig, options: WechatPayClientOptions = {}) {
  const request = createSignedRequest(config, options)
  const now = options.now ?? systemClock.now
  const enc = encodeURIComponent

  function prepayBody(input: PrepayInput): Record<string, unknown> {
    if (!Number.isInteger(input.amountFen) || input.amountFen < 1) throw new RangeError('amountFen must be an integer ≥ 1 (fen)')
    const body: Record<string, unknown> = {
      appid: config.appid,
      mchid: config.mchid,
      description: input.description,
      out_trade_no: input.outTradeNo,
      notify_url: input.notifyUrl ?? config.notifyUrl,
      amount: { total: input.amountFen, currency: 'CNY' },
    }
    if (input.timeExpire !== undefined) {
      body.time_expire = typeof input.timeExpire === 'string' ? input.timeExpire : beijingRfc3339(input.timeExpire)
    }
    if (input.attach !== undefined) body.attach = input.attach
    if (input.goodsTag !== undefined) body.goods_tag = input.goodsTag
    return body
  }

  return {
    config,
    /** Low-level signed call, for endpoints without a wrapper. */
    request,

    async prepayJsapi(input: JsapiPrepayInput): Promise<{ prepayId: string }> {
      const { data } = await request('POST', '/v3/pay/transactions/jsapi', { ...prepayBody(input), payer: { openid: input.openid } })
      return { prepayId: (data as { prepay_id: string }).prepay_id }
    },

    async prepayH5(input: H5PrepayInput): Promise<{ h5Url: string }> {
      const h5_info: Record<string, string> = { type: input.h5Type }
      if (input.appName) h5_info.app_name = input.appName
      if (input.appUrl) h5_info.app_url = input.appUrl
      const body = { ...prepayBody(input), scene_info: { payer_client_ip: input.payerClientIp, h5_info } }
      const { data } = await request('POST', '/v3/pay/transactions/h5', body)
      return { h5Url: (data as { h5_url: string }).h5_url }
    },

    async prepayNative(input: NativePrepayInput): Promise<{ codeUrl: string }> {
      const { data } = await request('POST', '/v3/pay/transactions/native', prepayBody(input))
      return { codeUrl: (data as { code_url: string }).code_url }
    },

    /** Prepay (JSAPI) plus the signed bundle for WeixinJSBridge (§4.4). */
    async jsapiCheckout(input: JsapiPrepayInput): Promise<{ prepayId: string; payParams: JsapiPayParams }> {
      const { prepayId } = await this.prepayJsapi(input)
      return { prepayId, payParams: buildJsapiPayParams(config, prepayId, { now }) }
    },

    jsapiPayParams(prepayId: string): JsapiPayParams {
      return buildJsapiPayParams(config, prepayId, { now })
    },

    /** §4.5: mchid goes in the (signed) query string. */
    async queryByOutTradeNo(outTradeNo: string): Promise<WechatPayTransaction> {
      const { data } = await request('GET', `/v3/pay/transactions/out-trade-no/${enc(outTradeNo)}?mchid=${enc(config.mchid)}`)
      return data as WechatPayTransaction
    },

    async queryByTransactionId(transactionId: string): Promise<WechatPayTransaction> {
      const { data } = await request('GET', `/v3/pay/transactions/id/${enc(transactionId)}?mchid=${enc(config.mchid)}`)
      return data as WechatPayTransaction
    },

    /** §4.6: 204, re-entrant; mchid in the body. */
    async closeOrder(outTradeNo: string): Promise<void> {
      await request('POST', `/v3/pay/transactions/out-trade-no/${enc(outTradeNo)}/close`, { mchid: config.mchid })
    },

    /** §4.8: same out_refund_no = same refund; never change it on retry. */
    async refund(input: RefundInput): Promise<WechatPayRefund> {
      if (!Number.isInteger(input.refundFen) || input.refundFen < 1) throw new RangeError('refundFen must be an integer ≥ 1 (fen)')
      const body: Record<string, unknown> = input.outTradeNo !== undefined ? { out_trade_no: input.outTradeNo } : { transaction_id: input.transactionId }
      body.out_refund_no = input.outRefundNo
      if (input.reason !== undefined) body.reason = input.reason
      body.notify_url = input.notifyUrl ?? config.notifyUrl
      body.amount = { refund: input.refundFen, total: input.totalFen, currency: 'CNY' }
      const { data } = await request('POST', '/v3/refund/domestic/refunds', body)
      return data as WechatPayRefund
    },

    async queryRefund(outRefundNo: string): Promise<WechatPayRefund> {
      const { data } = await request('GET', `/v3/refund/domestic/refunds/${enc(outRefundNo)}`)
      return data as WechatPayRefund
    },
  }
}
