export { buildWxConfig, createJsapiTicketProvider, jsapiSignature, type WxConfig } from './jssdk'
export {
  buildAuthorizeUrl,
  buildOAuthRedirectUri,
  createWebOAuthClient,
  DEFAULT_AUTHORIZE_BASE,
  type OAuthScope,
  type SnsAccessToken,
  type SnsUserInfo,
  type WebOAuthClient,
} from './oauth'
export {
  consumeOAuthState,
  type ConsumeOAuthStateResult,
  createMemoryUsedStateStore,
  createOAuthState,
  OAUTH_STATE_TTL_MS,
  type UsedStateStore,
} from './oauth-state'
export { safeReturnPath } from './safe-return-path'
