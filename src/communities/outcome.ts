// What a no-JavaScript form post on the community page did, carried back to /c/<slug> in the 303's query:
//   ?done=claim&id=<coupon>&code=<code> | ?done=join&id=<community> | ?done=signup&id=<event>
//   ?error=<CODE>&action=<claim|join|signup>&id=<doc>[&field=phone]
// Only codes and ids travel: the page words the message itself, so a crafted link cannot put text on it.
export type ReaderActionName = 'claim' | 'join' | 'signup'

export type Outcome =
  { ok: true; action: ReaderActionName; id: string; code?: string } | { ok: false; action: ReaderActionName; id: string; error: string; field?: string }

const ACTIONS = new Set<string>(['claim', 'join', 'signup'])
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/
const CODE_RE = /^[A-Z0-9_]{1,32}$/

export function outcomeSearch(outcome: Outcome): string {
  const q = new URLSearchParams()
  if (outcome.ok) {
    q.set('done', outcome.action)
    q.set('id', outcome.id)
    if (outcome.code) q.set('code', outcome.code)
  } else {
    q.set('error', outcome.error)
    q.set('action', outcome.action)
    q.set('id', outcome.id)
    if (outcome.field) q.set('field', outcome.field)
  }
  return `?${q}`
}

/** The element of the page the outcome is shown next to (the 303 scrolls there). */
export const anchorOf = (action: ReaderActionName, id: string) => (action === 'join' ? 'join' : `${action === 'claim' ? 'coupon' : 'event'}-${id}`)

type Query = Record<string, string | string[] | undefined>
const one = (q: Query, key: string) => (typeof q[key] === 'string' ? (q[key] as string) : undefined)

/** The outcome a page's searchParams describe, or null when they describe none (or anything malformed). */
export function parseOutcome(query: Query): Outcome | null {
  const id = one(query, 'id')
  if (!id || !ID_RE.test(id)) return null
  const done = one(query, 'done')
  if (done && ACTIONS.has(done)) {
    const code = one(query, 'code')
    return { ok: true, action: done as ReaderActionName, id, code: code && CODE_RE.test(code) ? code : undefined }
  }
  const error = one(query, 'error')
  const action = one(query, 'action')
  if (!error || !CODE_RE.test(error) || !action || !ACTIONS.has(action)) return null
  const field = one(query, 'field')
  return { ok: false, action: action as ReaderActionName, id, error, field: field === 'phone' ? field : undefined }
}

/** The outcome of `action` on document `id`, if the query is about it. */
export const outcomeFor = (outcome: Outcome | null, action: ReaderActionName, id: string) =>
  outcome && outcome.action === action && outcome.id === id ? outcome : null

const ERRORS: Record<string, string> = {
  NOT_FOUND: '内容不存在或已下线，请刷新页面',
  NOT_STARTED: '优惠券还没开始领取',
  EXPIRED: '优惠券已过期',
  SOLD_OUT: '优惠券已被领完',
  CLOSED: '活动已开始，报名已截止',
  ALREADY_SIGNED_UP: '你已经报名了这个活动',
  FULL: '名额已满',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  CSRF: '请求来源不受信任，已拒绝',
}

/** The Chinese message of a refusal; `limit` words LIMIT_REACHED like the endpoint does. */
export function errorMessage(code: string, field?: string, limit = 1): string {
  if (code === 'INVALID') return field === 'phone' ? '手机号格式不正确' : '提交的内容有误，请检查后重试'
  if (code === 'LIMIT_REACHED') return limit === 1 ? '你已经领过这张券了' : `每人限领 ${limit} 张`
  return ERRORS[code] ?? '操作失败，请重试'
}
