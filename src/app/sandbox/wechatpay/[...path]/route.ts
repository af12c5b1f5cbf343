import { sandboxEnabled } from '@/commerce/payGateway'
import { sandboxWechatPayRoute } from '@/sandbox/wechatpay/nextRoute'

// The WeChat Pay emulator (沙箱): mounted only while no live merchant is configured and the sandbox is allowed
// (src/platform/sandbox.ts: by name only in production); otherwise every path here is 404.
export const dynamic = 'force-dynamic'
export const { GET, POST } = sandboxWechatPayRoute({ enabled: () => sandboxEnabled() })
