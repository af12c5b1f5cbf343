// The HTTP server for `npm start`, `npm run demo`, the e2e run and the benches: Next's request handler behind a
// plain Node server, so that the client's address comes from the socket. Next alone keeps any X-Forwarded-For a
// client sends; here every request's forwarded headers are rewritten first (scripts/lib/forwarded.mjs), trusting
// them only from the TRUST_PROXY nearest proxies. In production the app's direct routes (scripts/lib/direct.mjs)
// answer the few requests they accept before Next's router.
import http from 'node:http'

import next from 'next'

import { directRouteFor, serveDirect } from './lib/direct.mjs'
import { normalizeForwardedHeaders, trustedProxyCount } from './lib/forwarded.mjs'
import { answerBusy, createTurns } from './lib/turns.mjs'

const dev = process.argv.includes('--dev')
const port = Number(process.env.PORT || 3000)
const hostname = process.env.HOSTNAME_BIND || '0.0.0.0'
let trustProxy
try {
  trustProxy = trustedProxyCount()
} catch (error) {
  console.error(error.message)
  process.exit(1)
}

const app = next({ dev, port, hostname: 'localhost', dir: process.cwd() })
const handle = app.getRequestHandler()
await app.prepare()

// Requests start in arrival order, one per event-loop turn, so a crowd's new connections are accepted at once
// (scripts/lib/turns.mjs); in production one that waited past TUIWEN_TURN_WAIT_MS is told to retry (503).
const turns = createTurns({ maxWaitMs: dev ? Infinity : Number(process.env.TUIWEN_TURN_WAIT_MS) || 3_000 })
const serve = (req, res) => {
  normalizeForwardedHeaders(req, trustProxy)
  // The push's hot request (an anonymous checkout) skips Next's router in production (src/platform/http/directRoutes.ts).
  const direct = dev ? undefined : directRouteFor(req)
  if (direct) serveDirect(direct, req, res)
  else handle(req, res)
}
const server = http.createServer((req, res) =>
  turns.start(
    () => serve(req, res),
    () => answerBusy(req, res),
  ),
)
// Slow clients must not pin sockets for ever; a checkout answers well within these.
server.headersTimeout = 20_000
server.requestTimeout = 60_000
server.keepAliveTimeout = 5_000
server.listen(port, hostname, () => {
  console.log(`> Ready on http://localhost:${port}${trustProxy ? ` (trusting ${trustProxy} proxy hop${trustProxy > 1 ? 's' : ''})` : ''}`)
})
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => server.close(() => process.exit(0)))
