import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ensureSandboxKeys } from './keys'

describe('ensureSandboxKeys', () => {
  it('generates once into the directory (0600), then loads the same keys', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wxpay-keys-')), 'sandbox')
    const first = ensureSandboxKeys(dir)
    const second = ensureSandboxKeys(dir)
    expect(second).toEqual(first)
    expect(Buffer.byteLength(first.apiV3Key)).toBe(32)
    expect(first.merchant.serialNo).toMatch(/^[0-9A-F]{40}$/)
    expect(first.platform.publicKeyId).toMatch(/^PUB_KEY_ID_/)
    for (const file of fs.readdirSync(dir)) expect(fs.statSync(path.join(dir, file)).mode & 0o077).toBe(0)
    // the pairs match
    const sig = crypto.sign('RSA-SHA256', Buffer.from('x'), first.merchant.privateKeyPem)
    expect(crypto.verify('RSA-SHA256', Buffer.from('x'), first.merchant.publicKeyPem, sig)).toBe(true)
    expect(crypto.verify('RSA-SHA256', Buffer.from('x'), first.platform.publicKeyPem, sig)).toBe(false)
  })
})
