// Every test process gets its own throwaway data and media folders; never the developer's data/.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { postgresTestDatabase } from './postgres'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-test-'))
process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
process.env.MEDIA_DIR = path.join(dir, 'media')
// Each test database is built by the committed migrations, as production's is: a wrong migration fails here.
// In the PostgreSQL run (`npm run test:postgres`) each test file gets a database of its own on the server, which
// Payload's adapter creates on connect (tests/helpers/payload.ts drops it at shutdown).
if (process.env.TUIWEN_TEST_ENGINE === 'postgres') process.env.DATABASE_URI = postgresTestDatabase()
else if (!process.env.TUIWEN_TEST_KEEP_DB) process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
// Correctness suites fire 1,000 checkouts at once on a loaded CI machine: let every one wait its turn rather than
// be turned away (503 BUSY), which src/platform/admission.spec.ts tests on its own.
process.env.TUIWEN_CHECKOUT_WAIT_MS ??= '120000'
