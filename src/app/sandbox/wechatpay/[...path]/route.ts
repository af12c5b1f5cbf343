import { sandboxEnabled } from '@/commerce/payGateway'
import { sandboxWechatPayRoute } from '@/sandbox/wechatpay/nextRoute'

// The WeChat Pay emulator (沙箱) is mounted here whenever real WECHATPAY_* credentials are not configured.
export const dynamic = 'force-dynamic'
export const { GET, POST } = sandboxWechatPayRoute({ enabled: sandboxEnabled() })
