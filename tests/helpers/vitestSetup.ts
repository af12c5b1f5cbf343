// Every test process gets its own throwaway data and media folders; never the developer's data/.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-test-'))
process.env.PAYLOAD_SECRET ||= 'test-secret-not-for-production'
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.TUIWEN_DB_PUSH ??= '1'
if (!process.env.TUIWEN_TEST_KEEP_DB) process.env.DATABASE_URI = `file:${path.join(dir, 'test.db')}`
