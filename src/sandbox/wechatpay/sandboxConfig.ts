import type { WechatPayConfig } from '@/wechat/pay/config'

import { SANDBOX_APPID, SANDBOX_MCHID, type SandboxKeys } from './keys'
import type { MerchantRegistration } from './types'

/** The merchant as the emulator knows it, from the same sandbox keys the client uses. */
export function sandboxMerchant(keys: SandboxKeys, overrides: Partial<MerchantRegistration> = {}): MerchantRegistration {
  return {
    mchid: SANDBOX_MCHID,
    appids: [SANDBOX_APPID],
    serialNo: keys.merchant.serialNo,
    publicKeyPem: keys.merchant.publicKeyPem,
    apiV3Key: keys.apiV3Key,
    ...overrides,
  }
}

/** Client config pointing at an emulator (public-key mode). apiBase includes the mount path, e.g. http://localhost:3000/sandbox/wechatpay. */
export function sandboxClientConfig(keys: SandboxKeys, input: { apiBase: string; notifyUrl: string; mchid?: string; appid?: string }): WechatPayConfig {
  return {
    apiBase: input.apiBase.replace(/\/+$/, ''),
    mchid: input.mchid ?? SANDBOX_MCHID,
    appid: input.appid ?? SANDBOX_APPID,
    serialNo: keys.merchant.serialNo,
    privateKeyPem: keys.merchant.privateKeyPem,
    apiV3Key: keys.apiV3Key,
    notifyUrl: input.notifyUrl,
    verification: { mode: 'publicKey', publicKeyId: keys.platform.publicKeyId, publicKeyPem: keys.platform.publicKeyPem },
  }
}

/**
 * Sandbox stand-in for WeixinJSBridge: the emulator's pay page for a JSAPI order, carrying the signed bundle so that
 * "确认支付" runs the same checks as the WeChat client (paySign, appId, payer openid; §5.7 item 35).
 */
export function sandboxJsapiPayUrl(
  apiBase: string,
  payParams: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: string; paySign: string },
  user: { openid: string; redirectUrl?: string; pageUrl?: string },
): string {
  const prepayId = payParams.package.replace(/^prepay_id=/, '')
  const query = new URLSearchParams({ ...payParams, openid: user.openid })
  if (user.redirectUrl) query.set('redirect_url', user.redirectUrl)
  if (user.pageUrl) query.set('page_url', user.pageUrl)
  return `${apiBase.replace(/\/+$/, '')}/sandbox/pay/${encodeURIComponent(prepayId)}?${query}`
}
