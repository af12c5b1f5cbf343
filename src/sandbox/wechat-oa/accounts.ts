// The demo's 沙箱 Official Account: one emulator per server process (kept on globalThis), mounted at
// /sandbox/wechat, whose accounts mirror the `sandbox` wechat-accounts documents.
import crypto from 'node:crypto'

import type { Payload } from 'payload'

import type { WechatAccount } from '../../payload-types'
import { decryptSecret } from '../../platform/secrets'
import { SANDBOX_ACCOUNT, sandboxTemplateDetails, sandboxTemplateKeys } from '../../seed/wechatSandbox'
import { createEmulatorClock } from './clock'
import { createOfficialAccountEmulator, type OfficialAccountEmulator } from './emulator'

const KEY = Symbol.for('tuiwen.sandbox.wechat-oa')
type Holder = { [KEY]?: { emulator: OfficialAccountEmulator; synced: Map<string, string>; lastSync: number; instance: string } }

export const SANDBOX_BASE_PATH = '/sandbox/wechat'

export function getSandboxOfficialAccountEmulator() {
  const holder = globalThis as Holder
  if (!holder[KEY]) {
    holder[KEY] = {
      emulator: createOfficialAccountEmulator({
        basePath: SANDBOX_BASE_PATH,
        clock: createEmulatorClock({ mode: 'system' }),
        // Image URLs stay on mmbiz.qpic.cn, as WeChat's do, so stored drafts pass the wechat-html §f checks.
        settings: { publishDelayMs: 3_000, massDelayMs: 3_000 },
      }),
      synced: new Map(),
      lastSync: 0,
      instance: crypto.randomUUID(),
    }
  }
  return holder[KEY]!
}

/**
 * The sandbox keeps its uploads in memory, so a restarted server has none of them: uploads cached in the
 * database are only valid for the emulator instance that received them.
 */
export const sandboxUploadScope = (appId: string) => `${appId}@sandbox:${getSandboxOfficialAccountEmulator().instance}`

const emulatorType = (a: WechatAccount) => (a.accountType === 'service' ? 'service' : a.verified ? 'subscription' : 'subscription_unverified')

/** The account's secrets as the emulator needs them; undefined when they cannot be decrypted (PAYLOAD_SECRET changed). */
function sandboxSecrets(account: WechatAccount): { appSecret: string; token: string; encodingAESKey: string } | undefined {
  try {
    return {
      appSecret: decryptSecret(account.appSecretEncrypted),
      token: decryptSecret(account.callbackTokenEncrypted),
      encodingAESKey: decryptSecret(account.encodingAESKeyEncrypted),
    }
  } catch {
    return undefined
  }
}

/** Adds (or refreshes) every sandbox account; at most every 2 s unless forced. */
export async function syncSandboxAccounts(payload: Payload, origin: string, force = false): Promise<OfficialAccountEmulator> {
  const holder = getSandboxOfficialAccountEmulator()
  const now = Date.now()
  if (!force && now - holder.lastSync < 2_000) return holder.emulator
  holder.lastSync = now
  const found = await payload.find({
    collection: 'wechat-accounts',
    where: { sandbox: { equals: true } },
    depth: 0,
    limit: 50,
    overrideAccess: true,
    showHiddenFields: true,
  })
  for (const account of found.docs as WechatAccount[]) {
    const secrets = sandboxSecrets(account)
    if (!secrets) continue
    const fingerprint = [secrets.appSecret, secrets.token, secrets.encodingAESKey, account.callbackMode, emulatorType(account), origin, account.updatedAt].join(
      '|',
    )
    if (holder.synced.get(account.appId) === fingerprint) continue
    const previous = holder.emulator.state.accounts.get(account.appId)
    const added = holder.emulator.accounts.add({
      appId: account.appId,
      appSecret: secrets.appSecret,
      type: emulatorType(account),
      callback: secrets.token
        ? {
            url: `${origin}/api/wechat-accounts/${account.id}/callback`,
            token: secrets.token,
            encodingAESKey: secrets.encodingAESKey || undefined,
            mode: account.callbackMode ?? 'plaintext',
          }
        : undefined,
      // The reader first: the emulator's authorize page recognises the first follower (src/sandbox/wechat-oa/routes-oauth.ts).
      users: [
        { ...SANDBOX_ACCOUNT.reader, subscribed: true },
        { ...SANDBOX_ACCOUNT.previewUser, subscribed: true },
      ],
      templates: sandboxTemplateKeys(),
      templateDetails: sandboxTemplateDetails(),
      // OAuth may return to the demo wherever it is served, not only on localhost.
      oauthDomains: [...new Set([new URL(origin).hostname, 'localhost', '127.0.0.1'])],
    })
    if (previous) for (const [openid, user] of previous.users) added.users.set(openid, user)
    holder.synced.set(account.appId, fingerprint)
  }
  return holder.emulator
}
