// 沙箱: the local Official Account emulator behind the same HTTP surface as api.weixin.qq.com. Sandbox accounts
// (wechat-accounts with 「沙箱」 ticked) talk to it; see src/sandbox/wechat-oa/accounts.ts. Off in production unless TUIWEN_SANDBOX=1.
import config from '@payload-config'
import { getPayload } from 'payload'

import { publicOrigin } from '@/platform/http/origin'
import { sandboxAllowed } from '@/platform/sandbox'
import { syncSandboxAccounts } from '@/sandbox/wechat-oa/accounts'

export const dynamic = 'force-dynamic'

async function handle(request: Request): Promise<Response> {
  // Off in production unless TUIWEN_SANDBOX=1: it would hand out access tokens to anyone.
  if (!sandboxAllowed()) return new Response('Not Found', { status: 404 })
  const origin = publicOrigin(request)
  const payload = await getPayload({ config })
  const emulator = await syncSandboxAccounts(payload, origin)
  return emulator.handle(request)
}

export const GET = handle
export const POST = handle
