// `npm start`: the production server. Refuses to boot without PAYLOAD_SECRET; builds first when the sources are
// newer than the build (a deploy that ran `npm run build` starts at once).
import { buildIfStale, serve } from './lib/app.mjs'

if (!process.env.PAYLOAD_SECRET) {
  console.error('PAYLOAD_SECRET is not set: refusing to start in production without a secret.')
  console.error('Set it to a long random string, e.g. PAYLOAD_SECRET=$(openssl rand -hex 32) npm start')
  process.exit(1)
}
await buildIfStale().catch((e) => {
  console.error(e.message)
  process.exit(1)
})
await serve({ NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', PORT: process.env.PORT || '3000' }).catch((e) => {
  console.error(e.message)
  process.exit(1)
})
