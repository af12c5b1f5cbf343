// The funnel's vocabulary: which steps are counted and where a visit came from.

export const EVENT_TYPES = [
  { value: 'article_view', zh: '文章阅读（网页）', en: 'Article view (web)' },
  { value: 'block_impression', zh: '商品块曝光', en: 'Product block impression' },
  { value: 'block_tap', zh: '商品块点击', en: 'Product block tap' },
  { value: 'landing_view', zh: '落地页浏览', en: 'Landing page view' },
  { value: 'checkout_started', zh: '发起下单', en: 'Checkout started' },
  { value: 'paid', zh: '已支付', en: 'Paid' },
  { value: 'refunded', zh: '已退款', en: 'Refunded' },
  { value: 'follow', zh: '新关注', en: 'New follower' },
] as const

export type EventType = (typeof EVENT_TYPES)[number]['value']

/** Events a browser may send through the beacon; the rest are recorded by server code only. */
export const BEACON_TYPES: ReadonlySet<EventType> = new Set(['article_view', 'block_impression', 'block_tap', 'landing_view'])

export const CHANNELS = [
  { value: 'web', zh: '网页', en: 'Web' },
  { value: 'qr', zh: '二维码', en: 'QR code' },
  { value: 'read_more', zh: '阅读原文', en: 'Read more link' },
  { value: 'mini_program', zh: '小程序', en: 'Mini program' },
  { value: 'share', zh: '好友分享', en: 'Shared to a friend' },
  { value: 'moments', zh: '朋友圈', en: 'Moments' },
  { value: 'community', zh: '社群', en: 'Community' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const

export type Channel = (typeof CHANNELS)[number]['value']
export const CHANNEL_VALUES: ReadonlySet<string> = new Set(CHANNELS.map((c) => c.value))
export const EVENT_TYPE_VALUES: ReadonlySet<string> = new Set(EVENT_TYPES.map((t) => t.value))

/** What callers pass to recordEvent. Ids are opaque strings (UUID on SQLite, ObjectId on MongoDB). */
export type FunnelEventInput = {
  type: EventType
  /** Resolved from the article, then the product, when omitted. Events without a resolvable brand are dropped. */
  brand?: string
  article?: string
  /** 0-based index of the product block in the article (document order, as `b=` in landing links). */
  block?: number
  product?: string
  channel?: Channel
  /** The sharer's id from `sharer=` (an opaque customer/visitor reference, never a raw openid). */
  sharer?: string
  /** Already hashed visitor id (see visitorHash); raw cookies or IPs are never stored. */
  visitor?: string
  order?: string
  /** Integer fen, for paid/refunded. */
  amount?: number
  /** Defaults to now. */
  at?: Date | string
  /** paid / refunded: the order's lines, each with its share of `amount` (see orderStepOf). */
  items?: { product: string; units: number; amount: number }[]
  /** Makes the write idempotent, e.g. `order:<id>:paid`; a second event with the same key is ignored. */
  dedupeKey?: string
}
