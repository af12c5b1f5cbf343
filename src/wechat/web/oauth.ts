import { DEFAULT_WECHAT_API_BASE } from '../oa/client'
import { type FetchLike, sendRequest, withQuery } from '../oa/http'

export const DEFAULT_AUTHORIZE_BASE = 'https://open.weixin.qq.com'

export type OAuthScope = 'snsapi_base' | 'snsapi_userinfo'

/** §2.1. `#wechat_redirect` is required by the WeChat client; `redirectUri` is encoded exactly once. */
export function buildAuthorizeUrl(input: {
  appId: string
  redirectUri: string
  scope: OAuthScope
  state: string
  /** Defaults to env WECHAT_AUTHORIZE_BASE, then https://open.weixin.qq.com (the emulator in the sandbox). */
  authorizeBase?: string
  forcePopup?: boolean
}): string {
  if (!/^[A-Za-z0-9]{0,128}$/.test(input.state)) throw new Error('OAuth state must match [A-Za-z0-9]{0,128} (§2.1)')
  const base = (input.authorizeBase ?? process.env.WECHAT_AUTHORIZE_BASE ?? DEFAULT_AUTHORIZE_BASE).replace(/\/$/, '')
  const query = [
    `appid=${encodeURIComponent(input.appId)}`,
    `redirect_uri=${encodeURIComponent(input.redirectUri)}`,
    'response_type=code',
    `scope=${input.scope}`,
    `state=${input.state}`,
    ...(input.forcePopup ? ['forcePopup=true'] : []),
  ].join('&')
  return `${base}/connect/oauth2/authorize?${query}#wechat_redirect`
}

/** Our callback URL with the return path in its query; WeChat appends `code` and `state` to it. */
export function buildOAuthRedirectUri(callbackUrl: string, returnTo: string): string {
  const url = new URL(callbackUrl)
  url.searchParams.set('next', returnTo)
  return url.toString()
}

export type SnsAccessToken = {
  access_token: string
  expires_in: number
  refresh_token: string
  openid: string
  scope: string
  unionid?: string
  /** 1 for the virtual user of a Moments snapshot page: never persist it as a real user (§2.1). */
  is_snapshotuser?: 1
}

export type SnsUserInfo = {
  openid: string
  nickname: string
  sex: number
  province: string
  city: string
  country: string
  headimgurl: string
  privilege: string[]
  unionid?: string
}

export type WebOAuthClient = ReturnType<typeof createWebOAuthClient>

/** §2.2. The sns access_token is per user and is not the base access_token. */
export function createWebOAuthClient(options: { appId: string; appSecret: string; apiBase?: string; fetch?: FetchLike }) {
  const apiBase = options.apiBase ?? process.env.WECHAT_API_BASE ?? DEFAULT_WECHAT_API_BASE
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init))
  const get = <T>(path: string, query: Record<string, string>) => sendRequest<T>(fetchImpl, withQuery(apiBase, path, query), { method: 'GET' })

  return {
    /** A code is single-use and valid 5 minutes: 40163 when reused, 40029 when unknown or expired. */
    exchangeCode: (code: string) =>
      get<SnsAccessToken>('/sns/oauth2/access_token', {
        appid: options.appId,
        secret: options.appSecret,
        code,
        grant_type: 'authorization_code',
      }),
    refreshToken: (refreshToken: string) =>
      get<SnsAccessToken>('/sns/oauth2/refresh_token', {
        appid: options.appId,
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      }),
    /** Needs a snsapi_userinfo token; a snsapi_base token gives 48001. */
    getUserInfo: (accessToken: string, openid: string, lang: 'zh_CN' | 'zh_TW' | 'en' = 'zh_CN') =>
      get<SnsUserInfo>('/sns/userinfo', { access_token: accessToken, openid, lang }),
    checkToken: async (accessToken: string, openid: string) => {
      await get('/sns/auth', { access_token: accessToken, openid })
      return true
    },
  }
}
