// Reader identity inside WeChat's browser (web OAuth, §2) and the JS-SDK share signature (§3), per brand account.
//   GET /api/wechat/oauth/start?returnTo=/p/x&scope=base|userinfo[&brand=<id>] → 302 to WeChat's authorize page
//   GET /api/wechat/oauth/callback?next=…&acc=…&code=…&state=…               → 302 back to our own path
//   GET /api/wechat/jssdk-config?url=<page url>[&brand=<id>]                   → wx.config fields
import { createHmac } from 'node:crypto'

import type { Endpoint, Payload, PayloadRequest } from 'payload'

import { createDbUsedStateStore } from '../../db/usedStates'
import { answersErrors, AppError } from '../../platform/errors'
import { publicOrigin } from '../../platform/http/origin'
import { readerCookie, readerOf } from '../../platform/reader'
import { payloadSecret } from '../../utilities/payloadSecret'
import { type AccountWithSecrets, apiBaseFor, clientFor, loadAccount } from '../account'
import { defaultOrigin, publishingRuntime } from '../account/runtime'
import { isWechatApiError } from '../oa'
import {
  buildAuthorizeUrl,
  buildOAuthRedirectUri,
  buildWxConfig,
  consumeOAuthState,
  createJsapiTicketProvider,
  createOAuthState,
  createWebOAuthClient,
  type OAuthScope,
  safeReturnPath,
} from '../web'
import { accountFor, articleOfPath } from './account'
import { identityRuntime } from './runtime'

export const OAUTH_CALLBACK_PATH = '/api/wechat/oauth/callback'

const stateSecret = (accountId: string) => createHmac('sha256', payloadSecret()).update(`tuiwen:oauth-state:${accountId}`).digest('hex')
const query = (req: PayloadRequest) => new URL(req.url ?? 'http://localhost').searchParams
const noStore = { 'cache-control': 'no-store' }
const redirect = (location: string, extra: Record<string, string> = {}) => new Response(null, { status: 302, headers: { ...noStore, ...extra, location } })
const page = (status: number, title: string, back: string) =>
  new Response(
    `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><p>${title}</p><p><a href="${back.replace(/"/g, '&quot;')}">返回</a></p>`,
    { status, headers: { 'content-type': 'text/html; charset=utf-8', ...noStore } },
  )

function authorizeBaseFor(account: AccountWithSecrets, origin: string): string | undefined {
  return publishingRuntime.apiBase || account.sandbox ? apiBaseFor(account, origin) : undefined
}

const looksLikeWechat = (ua: string | null) => !ua || /MicroMessenger|wechatdevtools/i.test(ua)

export const oauthStartEndpoint: Endpoint = {
  path: '/wechat/oauth/start',
  method: 'get',
  handler: async (req) => {
    const q = query(req)
    const returnTo = safeReturnPath(q.get('returnTo'))
    const scope: OAuthScope = q.get('scope') === 'userinfo' ? 'snsapi_userinfo' : 'snsapi_base'
    const account = await accountFor(req.payload, { brand: q.get('brand'), path: returnTo }).catch(() => undefined)
    // Outside WeChat, or without an account for this brand, the reader continues as a guest.
    if (!account || (!account.sandbox && !looksLikeWechat(req.headers.get('user-agent')))) return redirect(returnTo)
    const origin = defaultOrigin()
    const { state, returnTo: bound } = createOAuthState({ secret: stateSecret(account.id), returnTo, now: identityRuntime.now() })
    const callback = new URL(buildOAuthRedirectUri(`${origin}${OAUTH_CALLBACK_PATH}`, bound))
    callback.searchParams.set('acc', account.id)
    return redirect(
      buildAuthorizeUrl({ appId: account.appId, redirectUri: callback.toString(), scope, state, authorizeBase: authorizeBaseFor(account, origin) }),
    )
  },
}

async function upsertCustomer(
  payload: Payload,
  account: AccountWithSecrets,
  input: { openid: string; unionid?: string; scope: string; nickname?: string; avatar?: string; returnTo: string; now: number },
): Promise<string> {
  const found = await payload.find({
    collection: 'customers',
    where: { and: [{ appId: { equals: account.appId } }, { openid: { equals: input.openid } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const seen = new Date(input.now).toISOString()
  const existing = found.docs[0]
  if (existing) {
    await payload.update({
      collection: 'customers',
      id: existing.id,
      overrideAccess: true,
      data: {
        lastSeenAt: seen,
        ...(input.unionid ? { unionid: input.unionid } : {}),
        ...(input.nickname ? { nickname: input.nickname, avatar: input.avatar, scope: 'snsapi_userinfo' as const } : {}),
      },
    })
    return existing.id
  }
  const firstSeenArticle = await articleOfPath(payload, input.returnTo).catch(() => undefined)
  const created = await payload.create({
    collection: 'customers',
    overrideAccess: true,
    data: {
      openid: input.openid,
      appId: account.appId,
      unionid: input.unionid,
      scope: input.scope === 'snsapi_userinfo' ? 'snsapi_userinfo' : 'snsapi_base',
      nickname: input.nickname,
      avatar: input.avatar,
      firstSeenArticle,
      firstSeenPath: input.returnTo.slice(0, 500),
      lastSeenAt: seen,
      account: account.id,
      brand: typeof account.brand === 'string' ? account.brand : account.brand.id,
    },
  })
  return created.id
}

export const oauthCallbackEndpoint: Endpoint = {
  path: '/wechat/oauth/callback',
  method: 'get',
  handler: async (req) => {
    const q = query(req)
    const accountId = q.get('acc') ?? ''
    let account: AccountWithSecrets
    try {
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(accountId)) throw new Error('bad account id')
      account = await loadAccount(req.payload, accountId)
    } catch {
      return page(400, '登录链接无效，请返回重试', '/')
    }
    const consumed = await consumeOAuthState({
      secret: stateSecret(account.id),
      state: q.get('state'),
      returnTo: q.get('next'),
      now: identityRuntime.now(),
      used: createDbUsedStateStore(req.payload, identityRuntime.now),
    })
    if (!consumed.ok) {
      req.payload.logger.warn({ msg: 'oauth state rejected', reason: consumed.reason })
      // Forged/malformed: the return path is untrusted, go home. Expired/replayed: its MAC was valid.
      const back = consumed.reason === 'expired' || consumed.reason === 'replayed' ? safeReturnPath(q.get('next')) : '/'
      return page(400, consumed.reason === 'expired' ? '登录已过期，请返回重试' : '登录链接无效或已使用，请返回重试', back)
    }
    const returnTo = consumed.returnTo
    const code = q.get('code')
    // Denied (no code): continue as a guest.
    if (!code) return redirect(returnTo, { 'x-tuiwen-reader': 'guest' })
    const origin = defaultOrigin()
    const oauth = createWebOAuthClient({ appId: account.appId, appSecret: account.appSecretPlain, apiBase: apiBaseFor(account, origin) })
    try {
      const token = await oauth.exchangeCode(code)
      if (token.is_snapshotuser === 1) return redirect(returnTo, { 'x-tuiwen-reader': 'snapshot' })
      let nickname: string | undefined
      let avatar: string | undefined
      let unionid = token.unionid
      if (token.scope === 'snsapi_userinfo') {
        const info = await oauth.getUserInfo(token.access_token, token.openid).catch(() => undefined)
        nickname = info?.nickname?.slice(0, 64)
        avatar = info?.headimgurl?.slice(0, 500)
        unionid ??= info?.unionid
      }
      const now = identityRuntime.now()
      const customerId = await upsertCustomer(req.payload, account, { openid: token.openid, unionid, scope: token.scope, nickname, avatar, returnTo, now })
      return redirect(returnTo, { 'set-cookie': readerCookie(customerId, now, origin.startsWith('https:')), 'x-tuiwen-reader': 'recognised' })
    } catch (error) {
      // 40029 (expired/unknown code), 40163 (code reused), network trouble: never block the page, read as a guest.
      req.payload.logger.warn({
        msg: 'oauth code exchange failed',
        errcode: isWechatApiError(error) ? error.errcode : undefined,
        err: isWechatApiError(error) ? undefined : error,
      })
      return redirect(returnTo, { 'x-tuiwen-reader': 'guest' })
    }
  },
}

const ticketProviders = new Map<string, ReturnType<typeof createJsapiTicketProvider>>()

async function jsapiTicket(account: AccountWithSecrets, origin: string): Promise<string> {
  if (identityRuntime.ticketFor) return identityRuntime.ticketFor(account.appId)
  const key = `${account.appId}|${apiBaseFor(account, origin)}`
  let provider = ticketProviders.get(key)
  if (!provider) {
    // Shares the process token cache with publishing, so the access token is not rotated twice.
    provider = createJsapiTicketProvider({ client: clientFor(account, origin), cache: publishingRuntime.tokenCache })
    ticketProviders.set(key, provider)
  }
  return provider.get()
}

/** Allowed page URLs: absolute http(s) on our own public origin (or the request's host), no credentials. */
function ownPageUrl(raw: string | null, req: PayloadRequest): URL | undefined {
  if (!raw || raw.length > 2048) return undefined
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return undefined
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return undefined
  const hosts = new Set([new URL(defaultOrigin()).host, new URL(publicOrigin(req)).host])
  return hosts.has(url.host) ? url : undefined
}

export const jssdkConfigEndpoint: Endpoint = {
  path: '/wechat/jssdk-config',
  method: 'get',
  handler: answersErrors(
    async (req) => {
      const q = query(req)
      const raw = q.get('url')
      const url = ownPageUrl(raw, req)
      if (!url) throw new AppError('INVALID_QUERY', 400, 'url must be a page of this site', { field: 'url' })
      // §3.2: sign exactly what the browser has, minus the fragment.
      const signed = raw!.split('#')[0]
      const account = await accountFor(req.payload, { brand: q.get('brand'), path: url.pathname }).catch(() => undefined)
      if (!account) throw new AppError('NOT_FOUND', 404, 'no Official Account for this page')
      try {
        const ticket = await jsapiTicket(account, defaultOrigin())
        const config = buildWxConfig({
          appId: account.appId,
          ticket,
          url: signed,
          nowMs: identityRuntime.now(),
          nonceStr: identityRuntime.nonce?.(),
          jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'],
        })
        // The recognised reader becomes the sharer of the card they share, so their friends' visits are credited.
        const sharer = readerOf(req).customerId
        return Response.json(sharer ? { ...config, sharer } : config, { headers: noStore })
      } catch (error) {
        req.payload.logger.warn({ msg: 'jsapi ticket failed', errcode: isWechatApiError(error) ? error.errcode : undefined })
        throw new AppError('WECHAT_UNAVAILABLE', 502, 'jsapi_ticket unavailable')
      }
    },
    { headers: noStore },
  ),
}

export const identityEndpoints: Endpoint[] = [oauthStartEndpoint, oauthCallbackEndpoint, jssdkConfigEndpoint]
