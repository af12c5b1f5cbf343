// Calls Payload's real REST route handlers in-process (as Payload's own test suite does), so access
// control, validation and error shapes are exercised exactly as over HTTP.
import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'

const handlers = { GET: REST_GET(config), POST: REST_POST(config), PATCH: REST_PATCH(config), DELETE: REST_DELETE(config) }

/**
 * A parsed JSON response body. Tests read whatever field they assert on; a field that is not there fails the
 * assertion, which is the check, so the body is not typed field by field.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above; the one place the suites use any
export type JsonBody = any

export type RestResponse<T = JsonBody> = { status: number; body: T }

/** Payload's validation errors (400), field by field. */
export type ValidationErrorBody = { errors?: { message?: string; data?: { errors?: { path: string; message: string }[] } }[] } | undefined

export const fieldErrors = (body: ValidationErrorBody): { path: string; message: string }[] => body?.errors?.flatMap((e) => e.data?.errors ?? []) ?? []

export async function rest<T = JsonBody>(
  method: keyof typeof handlers,
  path: string,
  { token, json, form, cookie, headers: extra }: { token?: string; json?: unknown; form?: FormData; cookie?: string; headers?: Record<string, string> } = {},
): Promise<RestResponse<T> & { headers: Headers }> {
  const url = new URL(`http://localhost/api${path}`)
  const headers = new Headers(extra)
  if (cookie) headers.set('Cookie', cookie)
  if (token) headers.set('Authorization', `JWT ${token}`)
  let body: BodyInit | undefined
  if (json !== undefined) {
    headers.set('Content-Type', 'application/json')
    body = JSON.stringify(json)
  } else if (form) body = form
  const request = new Request(url, { method, headers, body })
  const slug = url.pathname.replace(/^\/api\//, '').split('/')
  const response = await handlers[method](request, { params: Promise.resolve({ slug }) })
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers }
}

export async function login(email: string, password: string): Promise<string> {
  const res = await rest('POST', '/users/login', { json: { email, password } })
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.token
}

/**
 * The buyer taps 去支付: POST the checkout answer's `payment.prepayUrl`, which asks WeChat Pay for the prepay (once per
 * payment attempt). Returns that response, whose `body.payment` carries the channel's pay data.
 */
export async function prepay(checkoutBody: JsonBody, options: { cookie?: string } = {}) {
  const url = new URL(checkoutBody.payment.prepayUrl)
  return rest('POST', `${url.pathname.replace(/^\/api/, '')}${url.search}`, options)
}
