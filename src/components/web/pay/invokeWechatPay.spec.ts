import { describe, expect, it } from 'vitest'

import { invokeWechatPay, type WeixinJSBridgeLike } from './invokeWechatPay'

const params = { appId: 'wx0000000000000001', timeStamp: '1700000000', nonceStr: 'n', package: 'prepay_id=p1', signType: 'RSA' as const, paySign: 'sig' }
const bridge = (errMsg: string | undefined, seen: unknown[] = []): WeixinJSBridgeLike => ({
  invoke: (api, p, cb) => {
    seen.push([api, p])
    setTimeout(() => cb(errMsg === undefined ? {} : { err_msg: errMsg }), 1)
  },
})

describe('WeChat pay sheet (WeixinJSBridge getBrandWCPayRequest)', () => {
  it('passes the signed bundle unchanged to getBrandWCPayRequest', async () => {
    const seen: unknown[] = []
    await invokeWechatPay(bridge('get_brand_wcpay_request:ok', seen), params)
    expect(seen).toEqual([['getBrandWCPayRequest', params]])
  })
  it("maps WeChat's results: ok, cancel, and anything else as a failure", async () => {
    expect(await invokeWechatPay(bridge('get_brand_wcpay_request:ok'), params)).toBe('ok')
    expect(await invokeWechatPay(bridge('get_brand_wcpay_request:cancel'), params)).toBe('cancel')
    expect(await invokeWechatPay(bridge('get_brand_wcpay_request:fail'), params)).toBe('fail')
    expect(await invokeWechatPay(bridge(undefined), params)).toBe('fail')
  })
})
