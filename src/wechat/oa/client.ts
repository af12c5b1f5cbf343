import { type Clock, systemClock } from '../../platform/clock'
import { type CachedCredential, createCachedCredential } from './credential'
import { isWechatApiError, TOKEN_ERRCODES } from './errors'
import { encodeJsonBody, type FetchLike, sendRequest, withQuery } from './http'
import { createMemoryTokenCache, type TokenCache } from './token-cache'
import type {
  DraftArticle,
  DraftBatchGetResult,
  DraftGetResult,
  MassPreviewInput,
  MassSendAllInput,
  PrivateTemplate,
  PublishGetResult,
  QrCodeInput,
  QrCodeResult,
  TemplateSendInput,
  UploadFile,
  UserInfo,
} from './types'
import { assertValidDraftArticles } from './validate-draft'

export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com'

export type OfficialAccountClientOptions = {
  /** Defaults to env WECHAT_API_BASE, then https://api.weixin.qq.com. Point it at the emulator in tests. */
  apiBase?: string
  appId: string
  appSecret: string
  /** Share one cache across instances (e.g. Redis) so they do not rotate each other's tokens. */
  tokenCache?: TokenCache
  clock?: Clock
  fetch?: FetchLike
  tokenMarginSeconds?: number
  /** Run validateDraftArticle before draft/add and draft/update. Default true. */
  validateDrafts?: boolean
}

type CallOptions = {
  method?: 'GET' | 'POST'
  query?: Record<string, string | undefined>
  json?: unknown
  /** Built per attempt: a FormData body cannot be replayed after a token retry. */
  form?: () => FormData
}

export type OfficialAccountClient = ReturnType<typeof createOfficialAccountClient>

export function createOfficialAccountClient(options: OfficialAccountClientOptions) {
  const apiBase = options.apiBase ?? process.env.WECHAT_API_BASE ?? DEFAULT_WECHAT_API_BASE
  const fetchImpl: FetchLike = options.fetch ?? ((input, init) => fetch(input, init))
  const clock = options.clock ?? systemClock
  const cache = options.tokenCache ?? createMemoryTokenCache(clock)
  const validate = options.validateDrafts ?? true

  const postJson = <T>(path: string, json: unknown, query: Record<string, string | undefined> = {}) =>
    sendRequest<T>(fetchImpl, withQuery(apiBase, path, query), {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: encodeJsonBody(json),
    })

  const stableToken = (forceRefresh: boolean) =>
    postJson<{ access_token: string; expires_in: number }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: options.appId,
      secret: options.appSecret,
      force_refresh: forceRefresh,
    })

  const accessToken: CachedCredential = createCachedCredential({
    cache,
    key: `wechat:access_token:${options.appId}`,
    marginSeconds: options.tokenMarginSeconds,
    // Normal mode first: it returns a newer token if one exists. Only force a rotation (20/day, §1.1.2) when
    // the server hands back the very token it just rejected.
    fetchFresh: async (rejected) => {
      let token = await stableToken(false)
      if (rejected !== undefined && token.access_token === rejected) token = await stableToken(true)
      return { value: token.access_token, expiresIn: token.expires_in }
    },
  })

  async function call<T>(path: string, opts: CallOptions = {}): Promise<T> {
    const attempt = async (token: string) => {
      const url = withQuery(apiBase, path, { ...opts.query, access_token: token })
      const method = opts.method ?? 'POST'
      if (opts.form) return sendRequest<T>(fetchImpl, url, { method, body: opts.form() })
      if (method === 'GET') return sendRequest<T>(fetchImpl, url, { method })
      return sendRequest<T>(fetchImpl, url, {
        method,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: encodeJsonBody(opts.json ?? {}),
      })
    }
    const token = await accessToken.get()
    try {
      return await attempt(token)
    } catch (error) {
      // §1.1.2 client rule: on 40001/40014/42001 refresh once (single-flight) and retry the call once.
      if (!isWechatApiError(error) || !TOKEN_ERRCODES.has(error.errcode)) throw error
      return attempt(await accessToken.refresh(token))
    }
  }

  const fileForm =
    (file: UploadFile, extra: Record<string, string> = {}) =>
    () => {
      const form = new FormData()
      const bytes = new Uint8Array(file.data)
      form.append('media', new Blob([bytes], { type: file.contentType ?? 'application/octet-stream' }), file.filename)
      for (const [key, value] of Object.entries(extra)) form.append(key, value)
      return form
    }

  return {
    appId: options.appId,
    getAccessToken: () => accessToken.get(),
    /** Force-refresh path, for callers that learned elsewhere that `rejected` is stale. */
    refreshAccessToken: (rejected?: string) => accessToken.refresh(rejected),
    call,

    /** §1.2: image inside the article body; JPG/PNG under 1 MB. Returns the mmbiz URL. */
    uploadImage: (file: UploadFile) => call<{ url: string }>('/cgi-bin/media/uploadimg', { form: fileForm(file) }),

    /** §1.3: permanent material; `thumb_media_id` of a draft must come from here. */
    addMaterial: async (type: 'image' | 'thumb', file: UploadFile) => {
      const result = await call<{ media_id: string; url?: string }>('/cgi-bin/material/add_material', {
        query: { type },
        form: fileForm(file),
      })
      return { media_id: result.media_id, url: result.url }
    },

    draft: {
      add: async (articles: DraftArticle[]) => {
        if (validate) assertValidDraftArticles(articles)
        const { media_id } = await call<{ media_id: string }>('/cgi-bin/draft/add', { json: { articles } })
        return { media_id }
      },
      get: (mediaId: string) => call<DraftGetResult>('/cgi-bin/draft/get', { json: { media_id: mediaId } }),
      /** §1.4.3: a full article (not a patch) at 0-based `index`; `articles` is an object here. */
      update: async (mediaId: string, index: number, article: DraftArticle) => {
        if (validate) assertValidDraftArticles([article])
        await call('/cgi-bin/draft/update', { json: { media_id: mediaId, index, articles: article } })
      },
      delete: async (mediaId: string) => {
        await call('/cgi-bin/draft/delete', { json: { media_id: mediaId } })
      },
      batchGet: (input: { offset?: number; count?: number; noContent?: boolean } = {}) =>
        call<DraftBatchGetResult>('/cgi-bin/draft/batchget', {
          json: { offset: input.offset ?? 0, count: input.count ?? 20, no_content: input.noContent ? 1 : 0 },
        }),
      count: async () => (await call<{ total_count: number }>('/cgi-bin/draft/count', { method: 'GET' })).total_count,
    },

    publish: {
      /** Accepted ≠ published: the outcome arrives via PUBLISHJOBFINISH or publish.get (§1.5.1). */
      submit: async (mediaId: string) => {
        const result = await call<{ publish_id: string | number; msg_data_id?: string | number }>('/cgi-bin/freepublish/submit', {
          json: { media_id: mediaId },
        })
        // publish_id is a number in SDKs and event XML but a string in the docs: store it as a string (§1.5.1).
        return {
          publish_id: String(result.publish_id),
          msg_data_id: result.msg_data_id === undefined ? undefined : String(result.msg_data_id),
        }
      },
      get: async (publishId: string) => {
        const result = await call<PublishGetResult & { publish_id: string | number }>('/cgi-bin/freepublish/get', {
          json: { publish_id: publishId },
        })
        return { ...result, publish_id: String(result.publish_id), fail_idx: result.fail_idx ?? [] } as PublishGetResult
      },
    },

    mass: {
      preview: async (input: MassPreviewInput) => {
        const recipient = 'towxname' in input ? { towxname: input.towxname } : { touser: input.touser }
        const result = await call<{ msg_id?: number | string }>('/cgi-bin/message/mass/preview', {
          json: { ...recipient, msgtype: 'mpnews', mpnews: { media_id: input.media_id } },
        })
        return { msg_id: result.msg_id === undefined ? undefined : String(result.msg_id) }
      },
      sendAll: async (input: MassSendAllInput) => {
        const result = await call<{ msg_id: number | string; msg_data_id?: number | string }>('/cgi-bin/message/mass/sendall', {
          json: {
            filter: { is_to_all: input.is_to_all ?? true, ...(input.tag_id === undefined ? {} : { tag_id: input.tag_id }) },
            mpnews: { media_id: input.media_id },
            msgtype: 'mpnews',
            send_ignore_reprint: input.send_ignore_reprint ?? 0,
            clientmsgid: input.clientmsgid,
          },
        })
        return {
          msg_id: String(result.msg_id),
          msg_data_id: result.msg_data_id === undefined ? undefined : String(result.msg_data_id),
        }
      },
    },

    template: {
      send: async (input: TemplateSendInput) => {
        const result = await call<{ msgid: number | string }>('/cgi-bin/message/template/send', { json: input })
        return { msgid: String(result.msgid) }
      },
      /** §1.7: the account's own templates (those added in the 公众平台). */
      list: async () => {
        const result = await call<{ template_list?: PrivateTemplate[] }>('/cgi-bin/template/get_all_private_template', { method: 'GET' })
        return result.template_list ?? []
      },
    },

    createQrCode: (input: QrCodeInput) => {
      const scene = 'scene_id' in input ? { scene_id: input.scene_id } : { scene_str: input.scene_str }
      const expire = 'expire_seconds' in input && input.expire_seconds !== undefined ? { expire_seconds: input.expire_seconds } : {}
      return call<QrCodeResult>('/cgi-bin/qrcode/create', {
        json: { ...expire, action_name: input.action_name, action_info: { scene } },
      })
    },

    getUserInfo: (openid: string, lang: 'zh_CN' | 'zh_TW' | 'en' = 'zh_CN') => call<UserInfo>('/cgi-bin/user/info', { method: 'GET', query: { openid, lang } }),

    /** §3.1 raw call; cache it with createJsapiTicketProvider (src/wechat/web). */
    getTicket: (type: 'jsapi' | 'wx_card' = 'jsapi') =>
      call<{ ticket: string; expires_in: number }>('/cgi-bin/ticket/getticket', { method: 'GET', query: { type } }),
  }
}
