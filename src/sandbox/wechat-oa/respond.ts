import { randomBytes } from 'node:crypto'

// English errmsg prefixes as the real server sends them (wechat-api.md §1.0 table, S-ERRLIST).
const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40004: 'invalid media type',
  40005: 'invalid file type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40012: 'invalid thumb size',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40030: 'invalid refresh_token',
  40037: 'invalid template_id',
  40097: 'invalid args',
  40114: 'invalid index value',
  40125: 'invalid appsecret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41005: 'media data missing',
  41039: 'invalid content_source_url',
  42001: 'access_token expired',
  42002: 'refresh_token expired',
  43002: 'require POST method',
  43004: 'require subscribe',
  44002: 'empty post data',
  45002: 'content size out of limit',
  45003: 'title size out of limit',
  45004: 'description size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  45028: 'has no masssend quota',
  45065: 'clientmsgid exist',
  45066: 'same clientmsgid retry too fast',
  45067: 'clientmsgid size out of limit',
  45110: 'author size out of limit',
  47001: 'data format error',
  47003: 'argument invalid!',
  48001: 'api unauthorized',
  48006: 'forbid to clear quota because of reaching the limit',
  53503: '该草稿未通过发布检查',
  53504: '需前往公众平台官网使用草稿',
  53505: '请手动保存成功后再发表',
  53600: 'Article ID 无效',
  88000: 'without comment privilege',
}

/** Real errmsgs end in a random rid (§1.0), so no test can match errmsg exactly. */
const rid = () => [0, 1, 2].map(() => randomBytes(4).toString('hex')).join('-')

export const JSON_CONTENT_TYPE = 'application/json; encoding=utf-8'

export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_CONTENT_TYPE } })
}

export function wxError(errcode: number, detail?: string, extra: Record<string, unknown> = {}): Response {
  const text = detail ?? ERRMSG[errcode] ?? 'error'
  return json({ errcode, errmsg: `${text} rid: ${rid()}`, ...extra })
}

export function ok(body: Record<string, unknown> = {}, errmsg = 'ok'): Response {
  return json({ errcode: 0, errmsg, ...body })
}

export function html(body: string, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(`<!doctype html><meta charset="utf-8">${body}`, {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
  })
}

export const randomId = (bytes = 16) => randomBytes(bytes).toString('base64url')
