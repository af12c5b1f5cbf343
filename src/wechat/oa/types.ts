// Request/response shapes of the Official Account endpoints we use (wechat-api.md §1).

export type DraftArticle = {
  article_type?: 'news' | 'newspic'
  title: string
  author?: string
  digest?: string
  content: string
  content_source_url?: string
  thumb_media_id?: string
  need_open_comment?: 0 | 1
  only_fans_can_comment?: 0 | 1
  pic_crop_235_1?: string
  pic_crop_1_1?: string
  image_info?: { image_list: { image_media_id: string }[] }
  product_info?: { footer_product_info?: { product_key: string } }
}

export type StoredDraftArticle = DraftArticle & { url: string; show_cover_pic: 0 | 1 }

export type DraftGetResult = { news_item: StoredDraftArticle[] }

export type DraftBatchGetResult = {
  total_count: number
  item_count: number
  item: { media_id: string; content: { news_item: StoredDraftArticle[] }; update_time: number }[]
}

export type PublishStatus = 0 | 1 | 2 | 3 | 4 | 5 | 6

export type PublishGetResult = {
  publish_id: string
  publish_status: PublishStatus
  article_id?: string
  article_detail?: { count: number; item: { idx: number; article_url: string }[] }
  fail_idx: number[]
}

export type MassPreviewInput = ({ touser: string } | { towxname: string }) & {
  msgtype?: 'mpnews'
  media_id: string
}

export type MassSendAllInput = {
  media_id: string
  /** Idempotency key, ≤ 64 chars (§1.6.2): the server rejects a repeat within 24 h with 45065. */
  clientmsgid: string
  is_to_all?: boolean
  tag_id?: number
  send_ignore_reprint?: 0 | 1
}

export type TemplateSendInput = {
  touser: string
  template_id: string
  url?: string
  miniprogram?: { appid: string; pagepath?: string }
  /** Only one delivery per (openid, client_msg_id) within 10 min (§1.7.1). */
  client_msg_id?: string
  data: Record<string, { value: string }>
}

/** One row of get_all_private_template (§1.7): `content` holds the keys as `{{thing2.DATA}}`. */
export type PrivateTemplate = {
  template_id: string
  title: string
  primary_industry?: string
  deputy_industry?: string
  content: string
  example?: string
}

export type QrCodeInput =
  | { action_name: 'QR_SCENE'; scene_id: number; expire_seconds?: number }
  | { action_name: 'QR_STR_SCENE'; scene_str: string; expire_seconds?: number }
  | { action_name: 'QR_LIMIT_SCENE'; scene_id: number }
  | { action_name: 'QR_LIMIT_STR_SCENE'; scene_str: string }

export type QrCodeResult = { ticket: string; expire_seconds?: number; url: string }

export type UserInfo = {
  subscribe: 0 | 1
  openid: string
  subscribe_time?: number
  unionid?: string
  remark?: string
  groupid?: number
  tagid_list?: number[]
  subscribe_scene?: string
  qr_scene?: number
  qr_scene_str?: string
}

export type UploadFile = { data: Uint8Array; filename: string; contentType?: string }
