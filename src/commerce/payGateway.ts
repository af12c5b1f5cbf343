// Which WeChat Pay the app talks to: real credentials (WECHATPAY_* set) or the sandbox gateway that the composition
// root plugs in (src/sandbox/adapters.ts), when the sandbox is allowed.
import { type Clock, systemClock } from '@/platform/clock'
import { configuredOrigin } from '@/platform/http/origin'
import { sandboxAllowed } from '@/platform/sandbox'
import type { JsapiPayParams } from '@/wechat/pay'
import { createWechatPayClient, type WechatPayClient } from '@/wechat/pay/client'
import { wechatPayConfigFromEnv } from '@/wechat/pay/config'

import { CommerceError } from './errors'

export const PAYMENT_UNAVAILABLE_MESSAGE =
  '本店暂未开通微信支付，暂时无法下单 (payments are not configured: set WECHATPAY_* for a live merchant, or TUIWEN_SANDBOX=1 for the sandbox)'

export type PayGateway = {
  mode: 'live' | 'sandbox'
  client: WechatPayClient
  /** Public base of the sandbox emulator (for its pay pages); undefined when live. */
  sandboxBase?: string
  /** Our notify endpoint as WeChat Pay calls it. */
  notifyUrl: string
  /** The public origin buyers return to after paying. */
  origin: string
  /** Sandbox only: a page standing in for WeixinJSBridge's pay sheet for a JSAPI bundle. */
  jsapiPayUrl?: (payParams: JsapiPayParams, user: { openid: string; redirectUrl?: string }) => string
  now: Clock['now']
}

/** The live mode is chosen by WECHATPAY_MCHID being set; then every other WECHATPAY_* variable is required. */
export const liveWechatPayConfigured = (env = process.env) => Boolean(env.WECHATPAY_MCHID?.trim())
/** The WeChat Pay sandbox (emulator at /sandbox/wechatpay, 沙箱 banner) pays when no merchant is configured and the sandbox is allowed. */
export const sandboxEnabled = (env = process.env) => !liveWechatPayConfigured(env) && sandboxAllowed(env)
/** Whether checkout can take money at all: a live merchant, or the allowed sandbox. */
export const paymentsAvailable = (env = process.env) => liveWechatPayConfigured(env) || sandboxEnabled(env)

export const NOTIFY_PATH = '/api/wechatpay/notify'
export const SANDBOX_MOUNT = '/sandbox/wechatpay'

const KEY = Symbol.for('tuiwen.commerce.payGateway')
type GatewayState = { override?: PayGateway; live?: PayGateway; sandbox: Map<string, PayGateway>; sandboxFactory?: (origin: string) => PayGateway }
type Holder = { [KEY]?: GatewayState }
const state = (): GatewayState => ((globalThis as Holder)[KEY] ??= { sandbox: new Map<string, PayGateway>() })

/** The composition root plugs in the sandbox emulator's gateway (src/sandbox/adapters.ts). */
export function useSandboxPayGateway(factory: (origin: string) => PayGateway): void {
  state().sandboxFactory = factory
}

/** Tests: route every payment call to a testbed (emulator on loopback, manual clock). Pass null to reset. */
export function setPayGatewayForTests(gateway: PayGateway | null): void {
  state().override = gateway ?? undefined
}

export function payGateway(origin: string = configuredOrigin()): PayGateway {
  const s = state()
  if (s.override) return s.override
  if (liveWechatPayConfigured()) {
    if (!s.live) {
      const config = wechatPayConfigFromEnv()
      s.live = { mode: 'live', client: createWechatPayClient(config), notifyUrl: config.notifyUrl, origin, now: systemClock.now }
    }
    return s.live.origin === origin ? s.live : { ...s.live, origin }
  }
  if (!sandboxEnabled()) throw new CommerceError('PAYMENT_UNAVAILABLE', 503, PAYMENT_UNAVAILABLE_MESSAGE)
  let gateway = s.sandbox.get(origin)
  if (!gateway) {
    if (!s.sandboxFactory) throw new CommerceError('PAYMENT_UNAVAILABLE', 503, PAYMENT_UNAVAILABLE_MESSAGE)
    gateway = s.sandboxFactory(origin)
    s.sandbox.set(origin, gateway)
  }
  return gateway
}
