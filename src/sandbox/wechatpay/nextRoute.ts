import { getSandboxWechatPayEmulator } from './singleton'

/**
 * Handlers for a catch-all Next route at app/sandbox/wechatpay/[...path]/route.ts:
 *   export const { GET, POST } = sandboxWechatPayRoute({ enabled: sandboxEnabled })
 * `enabled` is asked on every request; disabled → plain 404, so production never exposes the emulator.
 */
export function sandboxWechatPayRoute(options: { enabled: () => boolean; keysDir?: string; publicOrigin?: string }) {
  const handler = async (request: Request): Promise<Response> => {
    if (!options.enabled()) return new Response('Not Found', { status: 404 })
    return getSandboxWechatPayEmulator({ keysDir: options.keysDir, publicOrigin: options.publicOrigin, publicBasePath: '/sandbox/wechatpay' }).handle(request)
  }
  return { GET: handler, POST: handler }
}
