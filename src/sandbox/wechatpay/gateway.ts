// The 沙箱 WeChat Pay gateway: the in-process emulator behind the same client the live merchant uses. Wired in by
// the composition root (src/sandbox/adapters.ts); commerce only ever sees a PayGateway.
import path from 'node:path'

import { NOTIFY_PATH, type PayGateway, SANDBOX_MOUNT } from '@/commerce/payGateway'
import { systemClock } from '@/platform/clock'
import { createWechatPayClient } from '@/wechat/pay/client'

import { ensureSandboxKeys } from './keys'
import { sandboxClientConfig, sandboxJsapiPayUrl } from './sandboxConfig'
import { getSandboxWechatPayEmulator } from './singleton'

export function createSandboxPayGateway(origin: string): PayGateway {
  const keysDir = path.join(process.cwd(), 'data', 'sandbox')
  const keys = ensureSandboxKeys(keysDir)
  const emulator = getSandboxWechatPayEmulator({ keysDir, publicBasePath: SANDBOX_MOUNT })
  const sandboxBase = `${origin}${SANDBOX_MOUNT}`
  const notifyUrl = `${origin}${NOTIFY_PATH}`
  const config = sandboxClientConfig(keys, { apiBase: sandboxBase, notifyUrl })
  // In-process: the server does not call itself over HTTP for prepay/query; the emulator answers directly.
  const inProcessFetch: typeof fetch = async (input, init) => emulator.handle(new Request(input as RequestInfo, init))
  return {
    mode: 'sandbox',
    client: createWechatPayClient(config, { fetch: inProcessFetch }),
    sandboxBase,
    notifyUrl,
    origin,
    now: systemClock.now,
    jsapiPayUrl: (payParams, user) => sandboxJsapiPayUrl(sandboxBase, payParams, user),
  }
}
