import type { Ctx, Route } from './context'
import { html, json, randomId, wxError } from './respond'
import type { SnsToken } from './state'

const CODE_TTL_MS = 300_000
const SNS_TOKEN_TTL_S = 7200
const REFRESH_TTL_MS = 30 * 86_400_000
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** WeChat shows an error page rather than redirecting (§2.1 table); the header lets tests read the code. */
const errorPage = (code: number, text: string) =>
  html(`<title>微信授权错误</title><h1>${code}</h1><p>${escapeHtml(text)}</p>`, 200, { 'x-wechat-oauth-error': String(code) })

/**
 * §5.4 item 25. Test hooks in the query: `emu_openid` picks the user (default: the first one),
 * `emu_decision=allow|deny` answers the snsapi_userinfo consent page (which is shown otherwise).
 */
const authorize: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    const q = ctx.url.searchParams
    const appId = q.get('appid')
    if (!appId) return errorPage(10012, 'appid 参数错误')
    const account = ctx.state.accounts.get(appId)
    if (!account) return errorPage(10012, 'appid 无效')
    const redirectUri = q.get('redirect_uri')
    if (!redirectUri) return errorPage(10011, 'redirect_uri 参数错误')
    const scope = q.get('scope')
    if (!scope) return errorPage(10010, 'scope 参数错误')
    let redirect: URL
    try {
      redirect = new URL(redirectUri)
    } catch {
      return errorPage(10003, 'redirect_uri 域名与后台配置不一致')
    }
    if (!account.oauthDomains.includes(redirect.hostname)) return errorPage(10003, 'redirect_uri 域名与后台配置不一致')
    if (scope !== 'snsapi_base' && scope !== 'snsapi_userinfo') return errorPage(10005, '此公众号并没有这些 scope 的权限')
    const state = q.get('state') ?? ''
    if (!/^[A-Za-z0-9]{0,128}$/.test(state)) return errorPage(10013, 'state 参数错误')
    const openid = q.get('emu_openid') ?? [...account.users.keys()][0]
    const user = openid ? account.users.get(openid) : undefined
    if (!user) return errorPage(10006, '测试用户不存在')

    const decision = q.get('emu_decision')
    if (scope === 'snsapi_userinfo' && decision !== 'allow' && decision !== 'deny') {
      const link = (d: string) => {
        const next = new URL(ctx.url)
        next.searchParams.set('emu_decision', d)
        return escapeHtml(next.pathname + next.search)
      }
      return html(
        `<title>微信授权</title><p>${escapeHtml(appId)} 申请获取你的昵称、头像</p>` + `<a href="${link('allow')}">允许</a> <a href="${link('deny')}">拒绝</a>`,
      )
    }
    if (decision === 'deny') {
      redirect.searchParams.set('state', state)
      return new Response(null, { status: 302, headers: { location: redirect.toString() } })
    }
    const code = randomId(24)
    ctx.state.oauthCodes.set(code, { code, appId, openid: user.openid, scope, expiresAt: ctx.clock.now() + CODE_TTL_MS, used: false })
    redirect.searchParams.set('code', code)
    redirect.searchParams.set('state', state)
    return new Response(null, { status: 302, headers: { location: redirect.toString() } })
  },
}

function issueSnsToken(ctx: Ctx, appId: string, openid: string, scope: string, refreshToken?: string) {
  const now = ctx.clock.now()
  const token: SnsToken = { token: `93_${randomId(64)}`, appId, openid, scope, expiresAt: now + SNS_TOKEN_TTL_S * 1000 }
  ctx.state.snsTokens.set(token.token, token)
  const refresh = refreshToken ?? `93_${randomId(64)}`
  if (!refreshToken) ctx.state.snsRefresh.set(refresh, { token: refresh, appId, openid, scope, expiresAt: now + REFRESH_TTL_MS })
  const account = ctx.state.accounts.get(appId)
  const user = account?.users.get(openid)
  return json({
    access_token: token.token,
    expires_in: SNS_TOKEN_TTL_S,
    refresh_token: refresh,
    openid,
    scope,
    ...(user?.snapshot ? { is_snapshotuser: 1 } : {}),
    ...(scope === 'snsapi_userinfo' && account?.openPlatformBound && user?.unionid ? { unionid: user.unionid } : {}),
  })
}

/** §5.4 item 26: 40029 unknown/expired/foreign code, 40163 reused code. */
const accessToken: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    const q = ctx.url.searchParams
    const account = ctx.state.accounts.get(q.get('appid') ?? '')
    if (!account) return wxError(40013)
    if (q.get('secret') !== account.appSecret) return wxError(40125)
    if (q.get('grant_type') !== 'authorization_code') return wxError(40002)
    const code = ctx.state.oauthCodes.get(q.get('code') ?? '')
    if (!code || code.appId !== account.appId || ctx.clock.now() >= code.expiresAt) return wxError(40029)
    if (code.used) return wxError(40163)
    code.used = true
    return issueSnsToken(ctx, account.appId, code.openid, code.scope)
  },
}

const refreshToken: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    const q = ctx.url.searchParams
    const account = ctx.state.accounts.get(q.get('appid') ?? '')
    if (!account) return wxError(40013)
    if (q.get('grant_type') !== 'refresh_token') return wxError(40002)
    const refresh = ctx.state.snsRefresh.get(q.get('refresh_token') ?? '')
    if (!refresh || refresh.appId !== account.appId) return wxError(40030)
    if (ctx.clock.now() >= refresh.expiresAt) return wxError(42002)
    return issueSnsToken(ctx, account.appId, refresh.openid, refresh.scope, refresh.token)
  },
}

type SnsCheck = { ok: true; token: SnsToken } | { ok: false; response: Response }

function checkSnsToken(ctx: Ctx): SnsCheck {
  const q = ctx.url.searchParams
  const raw = q.get('access_token')
  if (!raw) return { ok: false, response: wxError(41001) }
  const token = ctx.state.snsTokens.get(raw)
  if (!token) return { ok: false, response: wxError(40001) }
  if (ctx.clock.now() >= token.expiresAt) return { ok: false, response: wxError(42001) }
  if (q.get('openid') !== token.openid) return { ok: false, response: wxError(40003) }
  return { ok: true, token }
}

/** §5.4 item 28: a snsapi_base token gets 48001. */
const userinfo: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    const check = checkSnsToken(ctx)
    if (!check.ok) return check.response
    if (check.token.scope !== 'snsapi_userinfo') return wxError(48001)
    const account = ctx.state.accounts.get(check.token.appId)
    const user = account?.users.get(check.token.openid)
    return json({
      openid: check.token.openid,
      nickname: user?.nickname ?? '微信用户',
      sex: 0,
      province: '',
      city: '',
      country: '',
      headimgurl: `https://thirdwx.qlogo.cn/mmopen/vi_32/${check.token.openid}/132`,
      privilege: [],
      ...(account?.openPlatformBound && user?.unionid ? { unionid: user.unionid } : {}),
    })
  },
}

const auth: Route = {
  method: 'GET',
  auth: false,
  json: false,
  handle(ctx) {
    const check = checkSnsToken(ctx)
    return check.ok ? json({ errcode: 0, errmsg: 'ok' }) : check.response
  },
}

export const oauthRoutes: Record<string, Route> = {
  '/connect/oauth2/authorize': authorize,
  '/sns/oauth2/access_token': accessToken,
  '/sns/oauth2/refresh_token': refreshToken,
  '/sns/userinfo': userinfo,
  '/sns/auth': auth,
}
