import type { XmlValue } from '@/wechat/oa/xml'

import type { EmulatorClock } from './clock'
import type { EmulatorAccount, EmulatorState, PublishOutcome } from './state'

/** Strict defaults (wechat-api.md §5 preamble); each [field]/[unverified] limit can be loosened. */
export type EmulatorLimits = {
  titleChars: number
  titleBytes: number
  authorChars: number
  digestChars: number
  contentChars: number
  contentBytes: number
  contentSourceUrlBytes: number
  uploadImgBytes: number
  imageBytes: number
  thumbBytes: number
}

export const DEFAULT_LIMITS: EmulatorLimits = {
  titleChars: 32,
  titleBytes: 64,
  authorChars: 8,
  digestChars: 120,
  contentChars: 20_000,
  contentBytes: 1024 * 1024,
  contentSourceUrlBytes: 1024,
  uploadImgBytes: 1024 * 1024,
  imageBytes: 10 * 1024 * 1024,
  thumbBytes: 64 * 1024,
}

export type EmulatorSettings = {
  limits: EmulatorLimits
  tokenTtlSeconds: number
  /** How long a superseded cgi-bin/token keeps working (§1.1.1). */
  tokenOverlapSeconds: number
  /** Per-path daily quotas per appid → 45009. */
  quotas: Record<string, number>
  publishDelayMs: number
  massDelayMs: number
  templateDelayMs: number
  /** publish_id type is disputed (§1.5.1): number by default. */
  publishIdAsString: boolean
  /** Subscription mass-send quota code, [unverified] (§1.6.2). */
  massQuotaErrcode: number
  imageUrlBase: string
  clientIp: (request: Request) => string
}

/** Scripted outcomes, consumed first-in first-out; default is success. */
export type EmulatorScripts = {
  /** A number is an errcode for freepublish/submit itself (53503/53504/53505). */
  publish: (PublishOutcome | { errcode: number })[]
  /** MASSSENDJOBFINISH Status, e.g. 'err(20002)'. */
  massStatus: string[]
  /** TEMPLATESENDJOBFINISH Status, e.g. 'failed:user block'. */
  templateStatus: string[]
}

export type PushEvent = (account: EmulatorAccount, fields: Record<string, XmlValue>, options?: { openid?: string }) => void

export type Ctx = {
  request: Request
  url: URL
  /** Path with the base path removed, e.g. /cgi-bin/draft/add. */
  path: string
  state: EmulatorState
  settings: EmulatorSettings
  scripts: EmulatorScripts
  clock: EmulatorClock
  /** Set for routes with auth. */
  account: EmulatorAccount
  token?: string
  /** Parsed JSON body for json routes. */
  body: Record<string, unknown>
  rawBody: string
  push: PushEvent
  basePath: string
}

export type Route = {
  method: 'GET' | 'POST' | 'ANY'
  /** Validates ?access_token= and resolves ctx.account. */
  auth: boolean
  /** Parses the body as JSON (44002 empty, 47001 invalid). */
  json: boolean
  handle: (ctx: Ctx) => Promise<Response> | Response
}
