// Plugs the 沙箱 emulators into the domain at the composition root (payload.config.ts). Domain code never imports
// src/sandbox; whether a sandbox may serve a request is still decided per request (src/platform/sandbox.ts).
import { useSandboxPayGateway } from '@/commerce/payGateway'
import { publishingRuntime } from '@/wechat/account/runtime'

import { sandboxUploadScope } from './wechat-oa/accounts'
import { createSandboxPayGateway } from './wechatpay/gateway'

export function wireSandboxAdapters(): void {
  useSandboxPayGateway(createSandboxPayGateway)
  publishingRuntime.sandboxUploadScope = sandboxUploadScope
}
