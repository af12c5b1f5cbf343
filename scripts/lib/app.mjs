// Shared by the demo, start and e2e scripts: build only when the sources changed, run binaries by path.
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
export const bin = (name) => path.join(root, 'node_modules/.bin', name)

/**
 * Serves the built app through scripts/server.mjs (the only server that decides which forwarded headers to trust).
 * `SERVER_PROFILE_DIR` (benchmarks) writes a V8 CPU profile of the server there on exit.
 */
export const serve = (env) => {
  const profile = process.env.SERVER_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SERVER_PROFILE_DIR}`] : []
  return run(process.execPath, [...profile, path.join(root, 'scripts/server.mjs')], env)
}

/** VITEST_JSON for one engine's run (vitest.json → vitest-postgres.json), so CI's summary counts every run. */
export const vitestJsonFor = (engine) => (process.env.VITEST_JSON ? { VITEST_JSON: process.env.VITEST_JSON.replace(/\.json$/, `-${engine}.json`) } : {})

export function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} ${args.join(' ')} exited with ${code}`))))
  })
}

function newestMtime(entry) {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)))
  return newest
}

const distDir = () => process.env.NEXT_DIST_DIR || '.next'

/** `next build` unless the dist folder holds a build newer than every source file. */
export async function buildIfStale() {
  const buildId = path.join(root, distDir(), 'BUILD_ID')
  const sources = ['src', 'public', 'payload.config.ts', 'next.config.mjs', 'package-lock.json'].map((p) => path.join(root, p)).filter((p) => fs.existsSync(p))
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > Math.max(...sources.map(newestMtime))) {
    console.log(`Using the existing build in ${distDir()} (sources unchanged).`)
    return
  }
  console.log('Building the app (next build)…')
  await run(bin('next'), ['build'], { NEXT_TELEMETRY_DISABLED: '1' })
}

/** A per-machine demo secret kept in data/ (git-ignored), so the demo never runs on a published secret. */
export function demoSecret() {
  const file = path.join(root, 'data/.demo-secret')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
  return fs.readFileSync(file, 'utf8').trim()
}

/**
 * Pages cached (ISR) by an earlier server outlive it inside the build folder. After the database was
 * recreated they would point at documents that no longer exist (e.g. a product page posting an old
 * product id), so servers started on a fresh or reseeded database drop them; they are rebuilt on demand.
 */
export function clearPageCache() {
  fs.rmSync(path.join(root, distDir(), 'server/route-cache'), { recursive: true, force: true })
}

/**
 * NODE_OPTIONS for a TypeScript script run under tsx that loads the Payload config. Lexical's packages resolve, under
 * Node's default "node" condition, to wrapper modules that pick their dev or prod build with a top-level
 * `await import(…)`; among Lexical's cyclic imports, with tsx's loader hooks, that deadlocks about one start in
 * eight (three in eight with several starting at once): the process exits 13 ("unsettled top-level await") with
 * no output. Naming the build's condition skips the wrappers (0 stalls in 36 starts, where 15 stalled without).
 */
export function tsxNodeOptions(env = process.env) {
  const condition = env.NODE_ENV === 'production' ? 'production' : 'development'
  return [env.NODE_OPTIONS, `--conditions=${condition}`].filter(Boolean).join(' ')
}

/**
 * Runs `payload run <script>` and checks that the script really ran (it writes PAYLOAD_RUN_DONE_FILE at its end):
 * `payload run` exits 0 without running the script to its end when Payload asks a question nobody can answer
 * (a schema push with warnings, or migrations over a database made by a dev push: its `prompts` exit 0 on a
 * closed stdin), and has been seen to do so once in a while besides. A seed that did not run would leave the
 * server on an empty database asking for a first user, so this retries twice and fails loudly after that.
 */
export async function payloadRunOrFail(script, env = {}) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    const done = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tuiwen-run-')), 'done')
    // tsx, not `payload run`: since the Official Account layer moved to src/wechat/account/, `payload run` exits 0
    // without running the script in a production environment with no terminal (the e2e seed). The scripts boot
    // Payload themselves (getPayload), so tsx with the tsconfig paths runs them the same way.
    await run(bin('tsx'), [script], { ...env, NODE_OPTIONS: tsxNodeOptions({ ...process.env, ...env }), PAYLOAD_RUN_DONE_FILE: done }).catch((error) =>
      console.error(error.message),
    )
    if (fs.existsSync(done)) return
    console.error(`payload run exited without running ${script} (attempt ${attempt}); retrying…`)
  }
  throw new Error(`payload run exited without running ${script} three times (did Payload ask about the schema above?).`)
}

/** Seeds the database of `env` (src/seed/cli.ts). */
export const seedOrFail = (env) => payloadRunOrFail('src/seed/cli.ts', env)
