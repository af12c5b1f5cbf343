import type { Validate } from 'payload'

import { isEncodingAESKey } from '../../../wechat/oa/callbackCrypto'

export const ENCODING_AES_KEY_INVALID = 'EncodingAESKey 应为 43 位字母或数字 (must be 43 letters or digits)'
export const ENCODING_AES_KEY_REQUIRED = '兼容模式和安全模式需要填写 EncodingAESKey (compatible and safe mode need an EncodingAESKey)'

/** An EncodingAESKey input that is empty ("keep the stored one") or well-formed; the error the admin shows while typing. */
export const encodingAESKeyInput: Validate = (value) =>
  typeof value !== 'string' || !value.trim() || isEncodingAESKey(value.trim()) ? true : ENCODING_AES_KEY_INVALID
