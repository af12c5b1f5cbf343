const DEV_SECRET = 'tuiwen-dev-secret-change-me'

/**
 * A fixed secret is fine for development and tests; a production server without PAYLOAD_SECRET would
 * sign sessions with a public value, so it refuses to boot. `next build` runs with NODE_ENV=production
 * but signs nothing, so the build phase may use the dev value.
 */
export function payloadSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PAYLOAD_SECRET) return env.PAYLOAD_SECRET
  if (env.NODE_ENV === 'production' && env.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('PAYLOAD_SECRET is not set: refusing to start in production without a secret (set PAYLOAD_SECRET to a long random string).')
  }
  return DEV_SECRET
}
