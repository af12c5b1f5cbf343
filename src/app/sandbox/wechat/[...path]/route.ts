// 沙箱: the local Official Account emulator behind the same HTTP surface as api.weixin.qq.com. Sandbox accounts
// (wechat-accounts with 「沙箱」 ticked) talk to it; see src/publishing/sandbox.ts.
import config from '@payload-config'
import { getPayload } from 'payload'

import { syncSandboxAccounts } from '@/publishing/sandbox'

export const dynamic = 'force-dynamic'

async function handle(request: Request): Promise<Response> {
  const origin = (process.env.NEXT_PUBLIC_SERVER_URL || new URL(request.url).origin).replace(/\/+$/, '')
  const payload = await getPayload({ config })
  const emulator = await syncSandboxAccounts(payload, origin)
  return emulator.handle(request)
}

export const GET = handle
export const POST = handle
