// Which WeChat Pay the app talks to: real credentials (WECHATPAY_* set) or the built-in sandbox emulator.
import path from 'node:path'

import { ensureSandboxKeys } from '@/sandbox/wechatpay/keys'
import { sandboxClientConfig } from '@/sandbox/wechatpay/sandboxConfig'
import { getSandboxWechatPayEmulator } from '@/sandbox/wechatpay/singleton'
import { configuredOrigin } from '@/platform/http/origin'
import { sandboxAllowed } from '@/platform/sandbox'
import { systemNow, type Now } from '@/wechat/pay/clock'
import { createWechatPayClient, type WechatPayClient } from '@/wechat/pay/client'
import { wechatPayConfigFromEnv } from '@/wechat/pay/config'

import { CommerceError } from './errors'

export const PAYMENT_UNAVAILABLE_MESSAGE = '本店暂未开通微信支付，暂时无法下单 (payments are not configured: set WECHATPAY_* for a live merchant, or TUIWEN_SANDBOX=1 for the sandbox)'

export type PayGateway = {
  mode: 'live' | 'sandbox'
  client: WechatPayClient
  /** Public base of the sandbox emulator (for its pay pages); undefined when live. */
  sandboxBase?: string
  /** Our notify endpoint as WeChat Pay calls it. */
  notifyUrl: string
  /** The public origin buyers return to after paying. */
  origin: string
  now: Now
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
type GatewayState = { override?: PayGateway; live?: PayGateway; sandbox: Map<string, PayGateway> }
type Holder = { [KEY]?: GatewayState }
const state = (): GatewayState => ((globalThis as Holder)[KEY] ??= { sandbox: new Map<string, PayGateway>() })

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
      s.live = { mode: 'live', client: createWechatPayClient(config), notifyUrl: config.notifyUrl, origin, now: systemNow }
    }
    return s.live.origin === origin ? s.live : { ...s.live, origin }
  }
  if (!sandboxEnabled()) throw new CommerceError('PAYMENT_UNAVAILABLE', 503, PAYMENT_UNAVAILABLE_MESSAGE)
  let gateway = s.sandbox.get(origin)
  if (!gateway) {
    const keysDir = path.join(process.cwd(), 'data', 'sandbox')
    const keys = ensureSandboxKeys(keysDir)
    const emulator = getSandboxWechatPayEmulator({ keysDir, publicBasePath: SANDBOX_MOUNT })
    const sandboxBase = `${origin}${SANDBOX_MOUNT}`
    const notifyUrl = `${origin}${NOTIFY_PATH}`
    const config = sandboxClientConfig(keys, { apiBase: sandboxBase, notifyUrl })
    // In-process: the server does not call itself over HTTP for prepay/query; the emulator answers directly.
    const inProcessFetch: typeof fetch = async (input, init) => emulator.handle(new Request(input as RequestInfo, init))
    gateway = { mode: 'sandbox', client: createWechatPayClient(config, { fetch: inProcessFetch }), sandboxBase, notifyUrl, origin, now: systemNow }
    s.sandbox.set(origin, gateway)
  }
  return gateway
}
