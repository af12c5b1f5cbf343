import { WechatApiError } from './errors'

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>

/**
 * JSON as raw UTF-8 bytes. JSON.stringify never writes `\uXXXX` for CJK, which matters: WeChat measures the
 * escaped text, so an escaped short title fails with 45003 (wechat-api.md §1.0).
 */
export function encodeJsonBody(value: unknown): Uint8Array<ArrayBuffer> {
  return new Uint8Array(new TextEncoder().encode(JSON.stringify(value)))
}

/**
 * Reads a WeChat response. Always decodes UTF-8 ourselves (the server says `encoding=utf-8`, not `charset`),
 * tolerates non-JSON bodies (WAF HTML, §1.4.3) and turns `errcode ≠ 0` into WechatApiError (§1.0 client rule).
 */
export async function readWechatResponse<T>(response: Response): Promise<T> {
  const text = new TextDecoder('utf-8').decode(await response.arrayBuffer())
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    body = undefined
  }
  if (!response.ok || typeof body !== 'object' || body === null) {
    throw new WechatApiError({
      errcode: -1,
      errmsg: `HTTP ${response.status}: ${text.slice(0, 200)}`,
      kind: 'http',
      httpStatus: response.status,
      retryable: response.status >= 500 || response.status === 429 || response.ok,
    })
  }
  const record = body as Record<string, unknown>
  const errcode = typeof record.errcode === 'number' ? record.errcode : 0
  if (errcode !== 0) {
    throw new WechatApiError({ errcode, errmsg: String(record.errmsg ?? ''), body: record })
  }
  return body as T
}

export async function sendRequest<T>(fetchImpl: FetchLike, url: string, init: RequestInit): Promise<T> {
  let response: Response
  try {
    response = await fetchImpl(url, init)
  } catch (error) {
    throw new WechatApiError({ errcode: -1, errmsg: `network error: ${String(error)}`, kind: 'network', retryable: true })
  }
  return readWechatResponse<T>(response)
}

export function withQuery(base: string, path: string, query: Record<string, string | undefined>): string {
  const url = new URL(path.replace(/^\//, ''), base.endsWith('/') ? base : `${base}/`)
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value)
  return url.toString()
}
