// `npm run test:mongo`: the integration suites again, against MongoDB (MONGODB_URI, a replica set for
// transactions). No MongoDB server can be installed on our machines, so without it this says so and passes.
import { bin, run, vitestJsonFor } from './lib/app.mjs'

if (!process.env.MONGODB_URI) {
  console.log('MongoDB integration run skipped: MONGODB_URI is not set (no MongoDB server here); set it to run tests/int against MongoDB.')
  process.exit(0)
}
await run(bin('vitest'), ['run', 'tests/int', ...process.argv.slice(2)], { TUIWEN_TEST_ENGINE: 'mongodb', ...vitestJsonFor('mongodb') }).catch((e) => {
  console.error(e.message)
  process.exit(1)
})
