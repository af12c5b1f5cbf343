// The cluster harness's "real WeChat Pay": one WeChat Pay emulator in a process of its own, so that every app instance
// talks to the same merchant state (with TUIWEN_SANDBOX=1 each instance would have its own, in memory). The instances
// are configured as a live merchant against it (WECHATPAY_*), and its signed notifies go to nginx, which hands them to
// whichever instance is up; a notify that fails is retried on the schedule below.
//
//   tsx scripts/cluster/wechatpay.ts <keys-dir> [port]
//
// Writes the sandbox keys to <keys-dir> (ensureSandboxKeys: the merchant's private key, WeChat Pay's public key, the
// APIv3 key), listens on 127.0.0.1, and prints one JSON line `{"url": …}` once it does. Besides WeChat Pay's API it
// answers the harness on /__cluster/*: the buyer pays (`POST /__cluster/pay {"outTradeNo"}`) and what it considers
// paid, with the state of its callbacks (`GET /__cluster/state`).
import { serveFetchHandler } from '@/sandbox/http'
import { createWechatPayEmulator } from '@/sandbox/wechatpay/emulator'
import { ensureSandboxKeys } from '@/sandbox/wechatpay/keys'
import { sandboxMerchant } from '@/sandbox/wechatpay/sandboxConfig'

const [keysDir, portArg] = process.argv.slice(2)
if (!keysDir) {
  console.error('usage: tsx scripts/cluster/wechatpay.ts <keys-dir> [port]')
  process.exit(2)
}

const keys = ensureSandboxKeys(keysDir)
// WeChat Pay resends after 15 s, 15 s, 30 s, 3 min … (§4.7); the harness waits for them, so it runs them sooner.
const retryIntervalsMs = (process.env.CLUSTER_NOTIFY_RETRY_MS ?? '2000,3000,5000,10000,15000,30000,60000').split(',').map(Number)
const emulator = createWechatPayEmulator({
  platform: keys.platform,
  merchants: [sandboxMerchant(keys)],
  // The notify URL is nginx on loopback over http.
  policy: { allowInsecureNotifyUrl: true },
  retryIntervalsMs,
})

/** out_trade_no of every order the buyer paid here. */
const paid = new Set<string>()

const json = (body: unknown, status = 200) => Response.json(body, { status })

async function control(request: Request, path: string): Promise<Response> {
  if (path === '/__cluster/pay' && request.method === 'POST') {
    const { outTradeNo } = (await request.json()) as { outTradeNo?: string }
    if (!outTradeNo) return json({ ok: false, message: 'outTradeNo is required' }, 400)
    const outcome = emulator.confirmPayment(outTradeNo)
    if (outcome.ok) paid.add(outTradeNo)
    return json(outcome.ok ? { ok: true, transactionId: outcome.order.transactionId } : { ok: false, message: outcome.message }, outcome.ok ? 200 : 409)
  }
  if (path === '/__cluster/state' && request.method === 'GET') {
    const callbacks = { pending: 0, delivered: 0, failed: 0, attempts: 0, failedAttempts: 0 }
    for (const record of emulator.callbacks) {
      callbacks[record.state]++
      callbacks.attempts += record.attempts.length
      callbacks.failedAttempts += record.attempts.filter((a) => !a.ok).length
    }
    return json({ paid: [...paid], callbacks })
  }
  return json({ ok: false, message: 'not found' }, 404)
}

const server = await serveFetchHandler(
  (request) => {
    const path = new URL(request.url).pathname
    return path.startsWith('/__cluster/') ? control(request, path) : emulator.handle(request)
  },
  Number(portArg) || 0,
)
console.log(JSON.stringify({ url: server.url }))

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    emulator.dispose()
    void server.close().finally(() => process.exit(0))
  })
}
