import type { StoredDraftArticle } from '@/wechat/oa/types'

/** 'subscription_unverified' and 'personal' get 48001 on freepublish and mass APIs (§1.5, §5.2 item 14). */
export type AccountType = 'service' | 'subscription' | 'subscription_unverified' | 'personal'

export type EmulatorUser = {
  openid: string
  subscribed: boolean
  /** WeChat ID, for mass/preview `towxname`. */
  wxname?: string
  unionid?: string
  nickname?: string
  /** Moments snapshot virtual user: OAuth answers carry is_snapshotuser:1 (§2.1). */
  snapshot?: boolean
  subscribeTime?: number
  subscribeScene?: string
  qrScene?: number
  qrSceneStr?: string
  tagIds?: number[]
}

/** 服务器配置 of an account: 明文模式 / 兼容模式 (plaintext fields and Encrypt) / 安全模式 (Encrypt only). */
export type EmulatorCallback = { url: string; token: string; encodingAESKey?: string; mode?: 'plaintext' | 'compatible' | 'safe' }

export type EmulatorAccount = {
  appId: string
  appSecret: string
  type: AccountType
  /** gh_… original id, the ToUserName of pushed events. */
  originalId: string
  /** null = no whitelist configured; an array = only these caller IPs may get tokens (40164). */
  ipWhitelist: string[] | null
  commentPrivilege: boolean
  openPlatformBound: boolean
  /** Where events are pushed; with an EncodingAESKey and mode 'safe' / 'compatible' they go encrypted (§1.11). */
  callback?: EmulatorCallback
  /** 网页授权域名: exact hostnames (§2.1). */
  oauthDomains: string[]
  /** template_id → keyword keys such as `thing3`; the type is the key without its digits (§1.7.1). */
  templates: Record<string, string[]>
  /** template_id → what get_all_private_template lists; a template without one gets a title and content made from its keys. */
  templateDetails: Record<string, EmulatorTemplateDetails>
  users: Map<string, EmulatorUser>
}

export type EmulatorTemplateDetails = { title: string; content: string; primaryIndustry?: string; deputyIndustry?: string; example?: string }

export type EmulatorAccountInit = Partial<Omit<EmulatorAccount, 'users' | 'appId' | 'appSecret'>> & {
  appId: string
  appSecret: string
  users?: EmulatorUser[]
}

export type TokenRecord = {
  token: string
  appId: string
  kind: 'basic' | 'stable'
  issuedAt: number
  expiresAt: number
  /** Set when superseded; the token keeps working until then (5-minute overlap, §1.1.1). */
  invalidAfter?: number
}

export type MediaRecord = {
  mediaId: string
  appId: string
  type: 'image' | 'thumb' | 'voice' | 'video'
  permanent: boolean
  url?: string
  bytes: Uint8Array
  contentType: string
  createdAt: number
}

export type DraftRecord = {
  mediaId: string
  appId: string
  articles: StoredDraftArticle[]
  createdAt: number
  updatedAt: number
  /** Published or mass-sent drafts leave the draft box (§1.4.1). */
  state: 'draft' | 'published' | 'masssent' | 'deleted'
}

export type PublishOutcome = { status: 0 | 2 | 3 | 4; failIdx?: number[] }

export type PublishJob = {
  publishId: number
  appId: string
  draftMediaId: string
  articles: StoredDraftArticle[]
  status: 0 | 1 | 2 | 3 | 4 | 5 | 6
  submittedAt: number
  articleId?: string
  articleUrls: string[]
  failIdx: number[]
  deleted?: boolean
}

export type EmulatorMessage =
  | { kind: 'preview'; appId: string; at: number; msgId: number; touser?: string; towxname?: string; mediaId: string; articles: StoredDraftArticle[] }
  | {
      kind: 'mass'
      appId: string
      at: number
      msgId: number
      clientmsgid: string
      mediaId: string
      isToAll: boolean
      tagId?: number
      articles: StoredDraftArticle[]
      status: string
    }
  | {
      kind: 'template'
      appId: string
      at: number
      msgId: number
      touser: string
      templateId: string
      url?: string
      clientMsgId?: string
      data: Record<string, { value: string }>
      status: string
    }

export type CallbackDelivery = {
  appId: string
  event: string
  url: string
  /** The message itself (plaintext XML). */
  xml: string
  /** What was POSTed: `xml`, or its encrypted envelope. */
  body: string
  query: Record<string, string>
  attempts: number
  delivered: boolean
  lastStatus?: number
  lastError?: string
}

export type OAuthCode = { code: string; appId: string; openid: string; scope: string; expiresAt: number; used: boolean }
export type SnsToken = { token: string; appId: string; openid: string; scope: string; expiresAt: number }
export type SnsRefresh = { token: string; appId: string; openid: string; scope: string; expiresAt: number }
export type QrTicket = { ticket: string; appId: string; scene: string; isInt: boolean; permanent: boolean; expiresAt?: number; url: string }
export type JsTicket = { ticket: string; appId: string; type: string; issuedAt: number; expiresAt: number }

export type EmulatorState = {
  accounts: Map<string, EmulatorAccount>
  tokens: Map<string, TokenRecord>
  stable: Map<string, TokenRecord>
  stableForce: Map<string, { last: number; day: number; count: number }>
  media: Map<string, MediaRecord>
  /** Image URLs issued by uploadimg/add_material, without scheme: the only <img> sources kept in drafts. */
  imageUrls: Map<string, MediaRecord>
  drafts: Map<string, DraftRecord>
  publishJobs: Map<number, PublishJob>
  messages: EmulatorMessage[]
  massByClientId: Map<string, { msgId: number; at: number }>
  massDaily: Map<string, number>
  templateDedupe: Map<string, { msgId: number; at: number }>
  callbacks: CallbackDelivery[]
  oauthCodes: Map<string, OAuthCode>
  snsTokens: Map<string, SnsToken>
  snsRefresh: Map<string, SnsRefresh>
  qrTickets: Map<string, QrTicket>
  jsTickets: Map<string, JsTicket>
  quotaCounts: Map<string, number>
  clearQuota: Map<string, number>
  stats: { tokenCalls: number; tokensIssued: number; ticketCalls: number; ticketsIssued: number; requests: number }
  seq: { publishId: number; msgId: number }
}

export function createState(): EmulatorState {
  return {
    accounts: new Map(),
    tokens: new Map(),
    stable: new Map(),
    stableForce: new Map(),
    media: new Map(),
    imageUrls: new Map(),
    drafts: new Map(),
    publishJobs: new Map(),
    messages: [],
    massByClientId: new Map(),
    massDaily: new Map(),
    templateDedupe: new Map(),
    callbacks: [],
    oauthCodes: new Map(),
    snsTokens: new Map(),
    snsRefresh: new Map(),
    qrTickets: new Map(),
    jsTickets: new Map(),
    quotaCounts: new Map(),
    clearQuota: new Map(),
    stats: { tokenCalls: 0, tokensIssued: 0, ticketCalls: 0, ticketsIssued: 0, requests: 0 },
    seq: { publishId: 2247503051, msgId: 1000001 },
  }
}

export function toAccount(init: EmulatorAccountInit): EmulatorAccount {
  return {
    appId: init.appId,
    appSecret: init.appSecret,
    type: init.type ?? 'service',
    originalId: init.originalId ?? `gh_${init.appId.slice(-12).padStart(12, '0')}`,
    ipWhitelist: init.ipWhitelist ?? null,
    commentPrivilege: init.commentPrivilege ?? true,
    openPlatformBound: init.openPlatformBound ?? false,
    callback: init.callback,
    oauthDomains: init.oauthDomains ?? ['localhost', '127.0.0.1'],
    templates: init.templates ?? {},
    templateDetails: init.templateDetails ?? {},
    users: new Map((init.users ?? []).map((u) => [u.openid, { ...u }])),
  }
}
