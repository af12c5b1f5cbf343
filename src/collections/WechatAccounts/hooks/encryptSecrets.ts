import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { encryptSecret } from '../../../platform/secrets'
import { isEncodingAESKey } from '../../../wechat/oa/callbackCrypto'
import { ENCODING_AES_KEY_INVALID, ENCODING_AES_KEY_REQUIRED } from '../validation/callbackSecurity'

const SECRETS = [
  ['appSecret', 'appSecretEncrypted', 'hasAppSecret'],
  ['callbackToken', 'callbackTokenEncrypted', 'hasCallbackToken'],
  ['encodingAESKey', 'encodingAESKeyEncrypted', 'hasEncodingAESKey'],
] as const

type Doc = Record<string, unknown> | undefined

/** The field validator only sees the blanked input on save, so the rules are enforced here, before encrypting. */
function callbackSecurityErrors(data: Record<string, unknown>, originalDoc: Doc): string | undefined {
  const key = typeof data.encodingAESKey === 'string' ? data.encodingAESKey.trim() : ''
  if (key && !isEncodingAESKey(key)) return ENCODING_AES_KEY_INVALID
  const mode = data.callbackMode ?? originalDoc?.callbackMode ?? 'plaintext'
  const stored = data.encodingAESKeyEncrypted ?? originalDoc?.encodingAESKeyEncrypted
  if (mode !== 'plaintext' && !key && !stored) return ENCODING_AES_KEY_REQUIRED
  return undefined
}

/**
 * Secrets arrive in `appSecret` / `callbackToken` / `encodingAESKey`, are encrypted into hidden fields and the
 * inputs are blanked, so they are never returned by the API nor shown after saving. Leaving an input empty
 * keeps the stored secret.
 */
export const encryptSecrets: CollectionBeforeChangeHook = ({ collection, data, originalDoc, req }) => {
  const message = callbackSecurityErrors(data, originalDoc)
  if (message) throw new ValidationError({ collection: collection.slug, errors: [{ path: 'encodingAESKey', message }], req })
  for (const [input, stored, flag] of SECRETS) {
    const value = typeof data[input] === 'string' ? data[input].trim() : ''
    if (value) data[stored] = encryptSecret(value)
    else if (data[stored] === undefined && originalDoc?.[stored]) data[stored] = originalDoc[stored]
    data[input] = ''
    data[flag] = Boolean(data[stored])
  }
  return data
}
