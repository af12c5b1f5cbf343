// The cluster harness's "real" Official Account platform: one emulator in a process of its own, so that the pushes
// of every app instance reach the same account (the 沙箱 at /sandbox/wechat is one emulator per instance, in memory).
// The instances reach it through WECHAT_API_BASE with the account's 沙箱 box unticked.
//
//   tsx scripts/cluster/wechat-oa.ts <appId> <appSecret> [port]
//
// Listens on 127.0.0.1 and prints one JSON line `{"url": …}`. `GET /__cluster/state` answers how often each API path
// was called (a push published twice shows as two `/cgi-bin/freepublish/submit`), with the drafts and publish jobs.
import { serveFetchHandler } from '@/sandbox/http'
import { createEmulatorClock, createOfficialAccountEmulator } from '@/sandbox/wechat-oa'

const [appId, appSecret, portArg] = process.argv.slice(2)
if (!appId || !appSecret) {
  console.error('usage: tsx scripts/cluster/wechat-oa.ts <appId> <appSecret> [port]')
  process.exit(2)
}

const emulator = createOfficialAccountEmulator({
  clock: createEmulatorClock({ mode: 'system' }),
  settings: { publishDelayMs: 2_000, massDelayMs: 2_000 },
  // The seeded account is a verified 服务号 (src/seed/wechatSandbox.ts).
  accounts: [{ appId, appSecret, type: 'service' }],
})

/** Successful answers per API path (token, uploads, draft/add, freepublish/submit …). */
const calls: Record<string, number> = {}

const server = await serveFetchHandler(
  async (request) => {
    const path = new URL(request.url).pathname
    if (path === '/__cluster/state') {
      return Response.json({
        calls,
        drafts: emulator.drafts.list(appId).length,
        publishJobs: emulator.publishJobs.list().map(({ publishId, draftMediaId, status }) => ({ publishId, draftMediaId, status })),
      })
    }
    const response = await emulator.handle(request)
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { errcode?: number } | undefined
    if (response.ok && !body?.errcode) calls[path] = (calls[path] ?? 0) + 1
    return response
  },
  Number(portArg) || 0,
)
console.log(JSON.stringify({ url: server.url }))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().finally(() => process.exit(0)))
}
