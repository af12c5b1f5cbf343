export {
  type OAuthScope,
  type SnsAccessToken,
  type SnsUserInfo,
  type WebOAuthClient,
  DEFAULT_AUTHORIZE_BASE,
  buildAuthorizeUrl,
  buildOAuthRedirectUri,
  createWebOAuthClient,
} from './oauth'
export {
  type ConsumeOAuthStateResult,
  type UsedStateStore,
  OAUTH_STATE_TTL_MS,
  createOAuthState,
  consumeOAuthState,
  createMemoryUsedStateStore,
} from './oauth-state'
export { safeReturnPath } from './safe-return-path'
export { type WxConfig, jsapiSignature, buildWxConfig, createJsapiTicketProvider } from './jssdk'
