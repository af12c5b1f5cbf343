import { describe, expect, it } from 'vitest'

import { payloadSecret } from './payloadSecret'

describe('payloadSecret', () => {
  it('uses PAYLOAD_SECRET when set', () => {
    expect(payloadSecret({ PAYLOAD_SECRET: 's3cret', NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toBe('s3cret')
  })
  it('falls back to a dev secret outside production', () => {
    expect(payloadSecret({ NODE_ENV: 'development' } as NodeJS.ProcessEnv)).toMatch(/dev/)
  })
  it('refuses to run in production without one', () => {
    expect(() => payloadSecret({ NODE_ENV: 'production' } as NodeJS.ProcessEnv)).toThrow(/PAYLOAD_SECRET/)
  })
  it('lets next build through (it signs nothing)', () => {
    expect(payloadSecret({ NODE_ENV: 'production', NEXT_PHASE: 'phase-production-build' } as NodeJS.ProcessEnv)).toBeTruthy()
  })
})
