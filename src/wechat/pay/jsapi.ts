import { type Clock, systemClock, unixSeconds } from '../../platform/clock'
import type { WechatPayConfig } from './config'
import { newNonce, rsaSign } from './sign'
import type { JsapiPayParams } from './types'

export function jsapiPaySignMessage(appId: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return `${appId}\n${timeStamp}\n${nonceStr}\n${pkg}\n`
}

/** The getBrandWCPayRequest bundle (§4.4). signType is sent but not signed. */
export function buildJsapiPayParams(
  config: Pick<WechatPayConfig, 'appid' | 'privateKeyPem'>,
  prepayId: string,
  options: { now?: Clock['now']; nonce?: string } = {},
): JsapiPayParams {
  const now = options.now ?? systemClock.now
  const timeStamp = String(unixSeconds(now()))
  const nonceStr = options.nonce ?? newNonce()
  const pkg = `prepay_id=${prepayId}`
  return {
    appId: config.appid,
    timeStamp,
    nonceStr,
    package: pkg,
    signType: 'RSA',
    paySign: rsaSign(jsapiPaySignMessage(config.appid, timeStamp, nonceStr, pkg), config.privateKeyPem),
  }
}
