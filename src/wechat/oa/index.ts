export { type OfficialAccountClient, type OfficialAccountClientOptions, createOfficialAccountClient, DEFAULT_WECHAT_API_BASE } from './client'
export { type CachedCredential, type FreshCredential, createCachedCredential } from './credential'
export { type TokenCache, createMemoryTokenCache } from './token-cache'
export { WechatApiError, isWechatApiError, TOKEN_ERRCODES } from './errors'
export { ERRCODE_MESSAGES_ZH, errcodeMessageZh } from './error-messages'
export {
  DRAFT_LIMITS,
  type DraftFieldError,
  DraftValidationError,
  validateDraftArticle,
  assertValidDraftArticles,
  charCount,
  byteLength,
} from './validate-draft'
export { type RetryOptions, withRetry } from './retry'
export { type CallbackMessage, CallbackXmlError, callbackSignature, verifyCallbackSignature, parseCallbackXml, parseEncryptedCallbackXml } from './callback'
export {
  type AuthenticatedCallback,
  type AuthenticatedProbe,
  type CallbackAccount,
  type CallbackMode,
  type CallbackRejection,
  CALLBACK_MAX_SKEW_MS,
  authenticateCallback,
  authenticateProbe,
} from './callbackAuth'
export { CallbackCryptoError, decryptCallbackMessage, encryptCallbackMessage, generateEncodingAESKey, isEncodingAESKey } from './callbackCrypto'
export { type XmlElement, type XmlValue, parseXml, buildXml } from './xml'
export { type FetchLike, encodeJsonBody } from './http'
export type * from './types'
