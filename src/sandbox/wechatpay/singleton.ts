import path from 'node:path'

import { createWechatPayEmulator, type WechatPayEmulator } from './emulator'
import { ensureSandboxKeys } from './keys'
import { sandboxMerchant } from './sandboxConfig'

const KEY = Symbol.for('tuiwen.sandbox.wechatpay')
type Holder = { [KEY]?: WechatPayEmulator }

/**
 * One emulator per server process for the demo's 沙箱 mode, surviving Next dev reloads (kept on globalThis).
 * Keys live in data/sandbox/ (git-ignored). Orders are in memory only.
 */
export function getSandboxWechatPayEmulator(options: { keysDir?: string; publicBasePath?: string; publicOrigin?: string } = {}): WechatPayEmulator {
  const holder = globalThis as Holder
  if (!holder[KEY]) {
    const keys = ensureSandboxKeys(options.keysDir ?? path.join(process.cwd(), 'data', 'sandbox'))
    holder[KEY] = createWechatPayEmulator({
      platform: keys.platform,
      merchants: [sandboxMerchant(keys)],
      publicBasePath: options.publicBasePath ?? '/sandbox/wechatpay',
      publicOrigin: options.publicOrigin,
      // the demo runs on http://localhost, so its notify_url cannot be https (§4.3 rule relaxed for the sandbox only)
      policy: { allowInsecureNotifyUrl: true },
    })
  }
  return holder[KEY]!
}
