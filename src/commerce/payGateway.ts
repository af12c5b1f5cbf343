// Which WeChat Pay the app talks to: real credentials (WECHATPAY_* set) or the built-in sandbox emulator.
import path from 'node:path'

import { ensureSandboxKeys } from '@/sandbox/wechatpay/keys'
import { sandboxClientConfig } from '@/sandbox/wechatpay/sandboxConfig'
import { getSandboxWechatPayEmulator } from '@/sandbox/wechatpay/singleton'
import { systemNow, type Now } from '@/wechat/pay/clock'
import { createWechatPayClient, type WechatPayClient } from '@/wechat/pay/client'
import { wechatPayConfigFromEnv } from '@/wechat/pay/config'

export type PayGateway = {
  mode: 'live' | 'sandbox'
  client: WechatPayClient
  /** Public base of the sandbox emulator (for its pay pages); undefined when live. */
  sandboxBase?: string
  /** Our notify endpoint as WeChat Pay calls it. */
  notifyUrl: string
  now: Now
}

/** The live mode is chosen by WECHATPAY_MCHID being set; then every other WECHATPAY_* variable is required. */
export const liveWechatPayConfigured = (env = process.env) => Boolean(env.WECHATPAY_MCHID?.trim())
/** The sandbox (emulator mounted at /sandbox/wechatpay, 沙箱 banner) is on whenever real credentials are not. */
export const sandboxEnabled = (env = process.env) => !liveWechatPayConfigured(env) && env.TUIWEN_SANDBOX !== '0'

export const NOTIFY_PATH = '/api/wechatpay/notify'
export const SANDBOX_MOUNT = '/sandbox/wechatpay'

/** The public origin: NEXT_PUBLIC_SERVER_URL when configured (the Host header is client-controlled), else the request's. */
export function publicOrigin(requestUrl?: string): string {
  if (process.env.NEXT_PUBLIC_SERVER_URL) return new URL(process.env.NEXT_PUBLIC_SERVER_URL).origin
  if (requestUrl) return new URL(requestUrl).origin
  return `http://localhost:${process.env.PORT || 3000}`
}

const KEY = Symbol.for('tuiwen.commerce.payGateway')
type GatewayState = { override?: PayGateway; live?: PayGateway; sandbox: Map<string, PayGateway> }
type Holder = { [KEY]?: GatewayState }
const state = (): GatewayState => ((globalThis as Holder)[KEY] ??= { sandbox: new Map<string, PayGateway>() })

/** Tests: route every payment call to a testbed (emulator on loopback, manual clock). Pass null to reset. */
export function setPayGatewayForTests(gateway: PayGateway | null): void {
  state().override = gateway ?? undefined
}

export function payGateway(requestUrl?: string): PayGateway {
  const s = state()
  if (s.override) return s.override
  if (liveWechatPayConfigured()) {
    if (!s.live) {
      const config = wechatPayConfigFromEnv()
      s.live = { mode: 'live', client: createWechatPayClient(config), notifyUrl: config.notifyUrl, now: systemNow }
    }
    return s.live
  }
  if (!sandboxEnabled()) throw new Error('WeChat Pay is not configured (set WECHATPAY_* or allow the sandbox)')
  const origin = publicOrigin(requestUrl)
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
    gateway = { mode: 'sandbox', client: createWechatPayClient(config, { fetch: inProcessFetch }), sandboxBase, notifyUrl, now: systemNow }
    s.sandbox.set(origin, gateway)
  }
  return gateway
}
