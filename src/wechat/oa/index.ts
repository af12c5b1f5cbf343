export { type CallbackMessage, callbackSignature, CallbackXmlError, parseCallbackXml, parseEncryptedCallbackXml, verifyCallbackSignature } from './callback'
export {
  authenticateCallback,
  type AuthenticatedCallback,
  type AuthenticatedProbe,
  authenticateProbe,
  CALLBACK_MAX_SKEW_MS,
  type CallbackAccount,
  type CallbackMode,
  type CallbackRejection,
} from './callbackAuth'
export { CallbackCryptoError, decryptCallbackMessage, encryptCallbackMessage, generateEncodingAESKey, isEncodingAESKey } from './callbackCrypto'
export { createOfficialAccountClient, DEFAULT_WECHAT_API_BASE, type OfficialAccountClient, type OfficialAccountClientOptions } from './client'
export { type CachedCredential, createCachedCredential, type FreshCredential } from './credential'
export { ERRCODE_MESSAGES_ZH, errcodeMessageZh } from './error-messages'
export { isWechatApiError, TOKEN_ERRCODES, WechatApiError } from './errors'
export { encodeJsonBody, type FetchLike } from './http'
export { type RetryOptions, withRetry } from './retry'
export { createMemoryTokenCache, type TokenCache } from './token-cache'
export type * from './types'
export {
  assertValidDraftArticles,
  byteLength,
  charCount,
  DRAFT_LIMITS,
  type DraftFieldError,
  DraftValidationError,
  validateDraftArticle,
} from './validate-draft'
export { buildXml, parseXml, type XmlElement, type XmlValue } from './xml'
