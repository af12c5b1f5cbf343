import { type Clock, systemClock, unixSeconds } from '../../platform/clock'
import type { WechatPayConfig } from './config'
import { WechatPayError } from './errors'
import { buildAuthorization } from './sign'
import { verifyWechatPaySignature } from './verify'

export type WechatPayClientOptions = {
  fetch?: typeof fetch
  now?: Clock['now']
  userAgent?: string
  timeoutMs?: number
  /** Verify Wechatpay-* signatures on 2xx responses (§4.2). Default true. */
  verifyResponses?: boolean
}

export type SignedRequest = (method: 'GET' | 'POST', path: string, body?: unknown) => Promise<{ status: number; data: unknown }>

/** Signs, sends, maps non-2xx to WechatPayError and verifies 2xx signatures. */
export function createSignedRequest(config: WechatPayConfig, options: WechatPayClientOptions = {}): SignedRequest {
  const doFetch = options.fetch ?? fetch
  const now = options.now ?? systemClock.now
  return async (method, path, body) => {
    // Serialize once; these exact bytes are signed and sent (§7).
    const bodyText = body === undefined ? '' : JSON.stringify(body)
    const url = new URL(`${config.apiBase}${path}`)
    const authorization = buildAuthorization({
      mchid: config.mchid,
      serialNo: config.serialNo,
      privateKeyPem: config.privateKeyPem,
      method,
      pathWithQuery: `${url.pathname}${url.search}`,
      body: bodyText,
      timestamp: unixSeconds(now()),
    })
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'User-Agent': options.userAgent ?? 'tuiwen-wechatpay/1.0',
      Authorization: authorization,
    }
    if (bodyText) headers['Content-Type'] = 'application/json'
    if (config.verification.mode === 'publicKey') headers['Wechatpay-Serial'] = config.verification.publicKeyId

    let response: Response
    let text: string
    try {
      response = await doFetch(url, {
        method,
        headers,
        body: bodyText || undefined,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      })
      text = await response.text()
    } catch (error) {
      throw new WechatPayError(0, 'NETWORK_ERROR', `request failed: ${(error as Error).message}`)
    }
    const requestId = response.headers.get('request-id') ?? undefined
    if (response.status < 200 || response.status >= 300) {
      let parsed: { code?: string; message?: string; detail?: unknown } = {}
      try {
        parsed = text ? JSON.parse(text) : {}
      } catch {
        // 404/405 come with an empty or non-JSON body (§4.9)
      }
      throw new WechatPayError(response.status, parsed.code ?? `HTTP_${response.status}`, parsed.message ?? response.statusText, parsed.detail, requestId)
    }
    if (options.verifyResponses !== false) {
      verifyWechatPaySignature({ headers: response.headers, body: text, verification: config.verification, now })
    }
    return { status: response.status, data: text ? JSON.parse(text) : undefined }
  }
}
