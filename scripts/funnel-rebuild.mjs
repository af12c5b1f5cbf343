// npm run funnel:rebuild [-- --from=YYYY-MM-DD]: recounts the funnel rollups of DATABASE_URI (src/analytics/rebuildCli.ts).
import { payloadRunOrFail } from './lib/app.mjs'

const from = process.argv.find((a) => a.startsWith('--from='))?.slice('--from='.length)
try {
  await payloadRunOrFail('src/analytics/rebuildCli.ts', from ? { TUIWEN_REBUILD_FROM: from } : {})
} catch (error) {
  console.error(error.message)
  process.exit(1)
}
