// Test bed: an emulator and a notify receiver on loopback ports, a test clock, and a client wired to both.
import { createTestClock, type TestClock } from '@/platform/clock'
import { createWechatPayClient, type WechatPayClient } from '@/wechat/pay/client'
import type { WechatPayConfig } from '@/wechat/pay/config'

import { type RunningServer, serveFetchHandler } from '../http'
import { createWechatPayEmulator, type WechatPayEmulator, type WechatPayEmulatorOptions } from './emulator'
import { generateSandboxKeys, type SandboxKeys } from './keys'
import { sandboxClientConfig, sandboxMerchant } from './sandboxConfig'

export type ReceivedCallback = { at: number; path: string; headers: Headers; body: string; status: number }

export type WechatPayTestbed = {
  keys: SandboxKeys
  clock: TestClock
  emulator: WechatPayEmulator
  emulatorServer: RunningServer
  receiverServer: RunningServer
  config: WechatPayConfig
  client: WechatPayClient
  received: ReceivedCallback[]
  /** How the receiver answers a callback; default 204. */
  respond: (request: { headers: Headers; body: string }) => number
  close(): Promise<void>
}

export async function startWechatPayTestbed(options: { keys?: SandboxKeys; emulator?: Partial<WechatPayEmulatorOptions> } = {}): Promise<WechatPayTestbed> {
  const keys = options.keys ?? generateSandboxKeys()
  const clock = createTestClock()
  const emulator = createWechatPayEmulator({
    platform: keys.platform,
    merchants: [sandboxMerchant(keys)],
    clock,
    policy: { allowInsecureNotifyUrl: true },
    ...options.emulator,
  })
  const received: ReceivedCallback[] = []
  const bed = {} as WechatPayTestbed
  const receiverServer = await serveFetchHandler(async (request) => {
    const body = await request.text()
    const status = bed.respond({ headers: request.headers, body })
    received.push({ at: clock.now(), path: new URL(request.url).pathname, headers: request.headers, body, status })
    return new Response(status === 204 ? null : JSON.stringify({ code: status < 300 ? 'SUCCESS' : 'FAIL', message: '' }), { status })
  })
  const emulatorServer = await serveFetchHandler(emulator.handle)
  const config = sandboxClientConfig(keys, { apiBase: emulatorServer.url, notifyUrl: `${receiverServer.url}/api/wechatpay/notify` })
  Object.assign(bed, {
    keys,
    clock,
    emulator,
    emulatorServer,
    receiverServer,
    config,
    client: createWechatPayClient(config, { now: clock.now }),
    received,
    respond: () => 204,
    async close() {
      emulator.dispose()
      await Promise.all([emulatorServer.close(), receiverServer.close()])
    },
  })
  return bed
}
