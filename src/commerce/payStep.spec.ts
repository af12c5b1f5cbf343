import { describe, expect, it } from 'vitest'

import { payStepFor } from './payStep'

const params = (prepayId: string) => ({
  appId: 'wx0000000000000001',
  timeStamp: '1',
  nonceStr: 'n',
  package: `prepay_id=${prepayId}`,
  signType: 'RSA' as const,
  paySign: 'sig',
})
type P = Parameters<typeof payStepFor>[0][number]
const pay = (p: Partial<P>): P => ({ status: 'pending', channel: 'h5', sandbox: false, prepayId: null, payUrl: null, ...p })

describe('what the order page offers for a pending payment', () => {
  it('inside WeChat (live JSAPI): a freshly signed bundle for WeixinJSBridge, not a link', () => {
    expect(payStepFor([pay({ channel: 'jsapi', prepayId: 'wx201410272009395522657a690389285100' })], params)).toEqual({
      kind: 'jsapi',
      params: params('wx201410272009395522657a690389285100'),
    })
  })
  it('on a computer (live Native): the weixin:// code URL as a QR code', () => {
    expect(payStepFor([pay({ channel: 'native', payUrl: 'weixin://wxpay/bizpayurl?pr=abc' })], params)).toEqual({
      kind: 'qr',
      codeUrl: 'weixin://wxpay/bizpayurl?pr=abc',
    })
  })
  it('H5 and every 沙箱 payment: a link to the page that takes the payment', () => {
    expect(payStepFor([pay({ channel: 'h5', payUrl: 'https://wx.tenpay.com/cgi-bin/mmpayweb-bin/checkmweb?prepay_id=1' })], params)).toMatchObject({
      kind: 'link',
    })
    expect(payStepFor([pay({ channel: 'jsapi', sandbox: true, prepayId: 'p', payUrl: 'http://localhost/sandbox/wechatpay/pay?x=1' })], params)).toEqual({
      kind: 'link',
      href: 'http://localhost/sandbox/wechatpay/pay?x=1',
    })
  })
  it('the newest pending payment decides; paid, closed or missing payments offer nothing', () => {
    const newest = pay({ channel: 'native', payUrl: 'weixin://wxpay/bizpayurl?pr=new' })
    const older = pay({ channel: 'h5', payUrl: 'https://old.example/pay' })
    expect(payStepFor([newest, older], params)).toMatchObject({ kind: 'qr', codeUrl: 'weixin://wxpay/bizpayurl?pr=new' })
    expect(payStepFor([pay({ status: 'paid', payUrl: 'https://x' }), pay({ status: 'closed', payUrl: 'https://y' })], params)).toBeNull()
    expect(payStepFor([], params)).toBeNull()
    expect(payStepFor([pay({ channel: 'h5', payUrl: null })], params)).toBeNull()
  })
})
