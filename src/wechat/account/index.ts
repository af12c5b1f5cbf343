import type { Payload } from 'payload'

import type { WechatAccount } from '../../payload-types'
import { decryptSecret } from '../../platform/secrets'
import { createOfficialAccountClient, DEFAULT_WECHAT_API_BASE, type OfficialAccountClient } from '../oa'
import { AccountSetupError } from './errors'
import { publishingRuntime } from './runtime'

export { AccountSetupError } from './errors'

export type AccountWithSecrets = WechatAccount & { appSecretPlain: string; callbackTokenPlain: string; encodingAESKeyPlain: string }

export async function loadAccount(payload: Payload, id: string): Promise<AccountWithSecrets> {
  const account = (await payload.findByID({
    collection: 'wechat-accounts',
    id,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })) as WechatAccount | null
  if (!account) throw new AccountSetupError('找不到该公众号配置，可能已被删除')
  return {
    ...account,
    appSecretPlain: decryptSecret(account.appSecretEncrypted),
    callbackTokenPlain: account.callbackTokenEncrypted ? decryptSecret(account.callbackTokenEncrypted) : '',
    encodingAESKeyPlain: account.encodingAESKeyEncrypted ? decryptSecret(account.encodingAESKeyEncrypted) : '',
  }
}

export function apiBaseFor(account: Pick<WechatAccount, 'sandbox'>, origin: string): string {
  if (publishingRuntime.apiBase) return publishingRuntime.apiBase
  if (account.sandbox) return `${origin}/sandbox/wechat`
  return process.env.WECHAT_API_BASE || DEFAULT_WECHAT_API_BASE
}

export function clientFor(account: AccountWithSecrets, origin: string): OfficialAccountClient {
  if (!account.appSecretPlain) throw new AccountSetupError('该公众号尚未填写 AppSecret，请先在「设置 → 公众号」中填写')
  return createOfficialAccountClient({
    apiBase: apiBaseFor(account, origin),
    appId: account.appId,
    appSecret: account.appSecretPlain,
    tokenCache: publishingRuntime.tokenCache,
    // We validate ourselves first, with article numbers in the messages.
    validateDrafts: false,
  })
}
