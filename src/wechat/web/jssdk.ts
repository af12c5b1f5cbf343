import { createHash, randomBytes } from 'node:crypto'

import type { Clock } from '../../platform/clock'
import type { OfficialAccountClient } from '../oa/client'
import { type CachedCredential, createCachedCredential } from '../oa/credential'
import { createMemoryTokenCache, type TokenCache } from '../oa/token-cache'

/** §3.2: sha1 over `jsapi_ticket=…&noncestr=…&timestamp=…&url=…` (keys in ASCII order); url without `#…`. */
export function jsapiSignature(input: { ticket: string; nonceStr: string; timestamp: number | string; url: string }): string {
  const url = input.url.split('#')[0]
  const plain = `jsapi_ticket=${input.ticket}&noncestr=${input.nonceStr}&timestamp=${input.timestamp}&url=${url}`
  return createHash('sha1').update(plain).digest('hex')
}

export type WxConfig = {
  appId: string
  timestamp: number
  /** camelCase here, `noncestr` in the signed string (§3.3). */
  nonceStr: string
  signature: string
  jsApiList: string[]
  openTagList: string[]
}

export function buildWxConfig(input: {
  appId: string
  ticket: string
  url: string
  nowMs: number
  jsApiList?: string[]
  openTagList?: string[]
  nonceStr?: string
}): WxConfig {
  const timestamp = Math.floor(input.nowMs / 1000)
  const nonceStr = input.nonceStr ?? randomBytes(8).toString('hex')
  return {
    appId: input.appId,
    timestamp,
    nonceStr,
    signature: jsapiSignature({ ticket: input.ticket, nonceStr, timestamp, url: input.url }),
    jsApiList: input.jsApiList ?? ['updateAppMessageShareData', 'updateTimelineShareData'],
    openTagList: input.openTagList ?? [],
  }
}

/** Globally cached jsapi_ticket (§3.1: heavily rate-limited), with the same single-flight as the token. */
export function createJsapiTicketProvider(options: {
  client: Pick<OfficialAccountClient, 'appId' | 'getTicket'>
  cache?: TokenCache
  clock?: Clock
  marginSeconds?: number
}): CachedCredential {
  return createCachedCredential({
    cache: options.cache ?? createMemoryTokenCache(options.clock),
    key: `wechat:jsapi_ticket:${options.client.appId}`,
    marginSeconds: options.marginSeconds,
    fetchFresh: async () => {
      const { ticket, expires_in } = await options.client.getTicket('jsapi')
      return { value: ticket, expiresIn: expires_in }
    },
  })
}
