import { createHash, timingSafeEqual } from 'node:crypto'

import { child, childText, parseXml, type XmlElement } from './xml'

type SignedParts = {
  token: string
  timestamp: string
  nonce: string
  /** 安全模式: the `<Encrypt>` value, which makes this the `msg_signature`. */
  encrypt?: string
}

/** §1.11: sha1 of the lexicographically sorted [token, timestamp, nonce(, Encrypt)], joined, as lower-case hex. */
export function callbackSignature(parts: SignedParts): string {
  const list = [parts.token, parts.timestamp, parts.nonce, ...(parts.encrypt === undefined ? [] : [parts.encrypt])]
  return createHash('sha1').update(list.sort().join('')).digest('hex')
}

/** Checks `signature` (plaintext) or, with `encrypt`, `msg_signature` (安全模式). */
export function verifyCallbackSignature(input: {
  token: string
  timestamp: string | null | undefined
  nonce: string | null | undefined
  signature: string | null | undefined
  encrypt?: string
}): boolean {
  const { token, timestamp, nonce, signature, encrypt } = input
  if (!token || !timestamp || !nonce || !signature || !/^[0-9a-f]{40}$/i.test(signature)) return false
  const expected = Buffer.from(callbackSignature({ token, timestamp, nonce, encrypt }), 'hex')
  return timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), 'hex'))
}

type Common = {
  toUserName: string
  fromUserName: string
  createTime: number
  /** What WeChat retries with: dedupe on it (§1.11: MsgId, else FromUserName+CreateTime; publish_id for §1.5.4). */
  dedupeKey: string
}

export type CallbackMessage =
  | (Common & {
      type: 'PUBLISHJOBFINISH'
      publishId: string
      publishStatus: number
      articleId?: string
      articles: { idx: number; url: string }[]
      failIdx: number[]
    })
  | (Common & {
      type: 'MASSSENDJOBFINISH'
      msgId: string
      status: string
      totalCount: number
      filterCount: number
      sentCount: number
      errorCount: number
    })
  | (Common & { type: 'TEMPLATESENDJOBFINISH'; msgId: string; status: string })
  /** `scene` is the QR scene with the `qrscene_` prefix removed (§1.9). */
  | (Common & { type: 'subscribe'; eventKey?: string; scene?: string; ticket?: string })
  | (Common & { type: 'SCAN'; eventKey: string; scene: string; ticket?: string })
  | (Common & { type: 'unsubscribe' })
  | (Common & { type: 'other'; msgType: string; event?: string; fields: Record<string, string> })

const num = (value: string | undefined) => (value === undefined || value === '' ? 0 : Number(value))

export class CallbackXmlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CallbackXmlError'
  }
}

/** Plaintext-mode callback body → typed event. Throws CallbackXmlError on a body without `<xml>`. */
export function parseCallbackXml(xml: string): CallbackMessage {
  const root = child(parseXml(xml), 'xml')
  if (!root) throw new CallbackXmlError('callback body has no <xml> root')
  const text = (name: string) => childText(root, name)
  const fromUserName = text('FromUserName') ?? ''
  const createTime = num(text('CreateTime'))
  const msgType = text('MsgType') ?? ''
  const event = text('Event')
  const common: Common = {
    toUserName: text('ToUserName') ?? '',
    fromUserName,
    createTime,
    dedupeKey: text('MsgId') ?? text('MsgID') ?? `${fromUserName}:${createTime}`,
  }

  if (msgType === 'event' && event === 'PUBLISHJOBFINISH') {
    const info = child(root, 'PublishEventInfo')
    const detail = child(info, 'article_detail')
    const publishId = childText(info, 'publish_id') ?? ''
    return {
      ...common,
      dedupeKey: `publish:${publishId}`,
      type: 'PUBLISHJOBFINISH',
      publishId,
      publishStatus: num(childText(info, 'publish_status')),
      articleId: childText(info, 'article_id'),
      articles: (detail?.children ?? [])
        .filter((c: XmlElement) => c.name === 'item')
        .map((item: XmlElement) => ({ idx: num(childText(item, 'idx')), url: childText(item, 'article_url') ?? '' })),
      failIdx: (info?.children ?? []).filter((c) => c.name === 'fail_idx').map((c) => num(c.text.trim())),
    }
  }
  if (msgType === 'event' && event === 'MASSSENDJOBFINISH') {
    return {
      ...common,
      type: 'MASSSENDJOBFINISH',
      msgId: text('MsgID') ?? text('MsgId') ?? '',
      status: text('Status') ?? '',
      totalCount: num(text('TotalCount')),
      filterCount: num(text('FilterCount')),
      sentCount: num(text('SentCount')),
      errorCount: num(text('ErrorCount')),
    }
  }
  if (msgType === 'event' && event === 'TEMPLATESENDJOBFINISH') {
    return { ...common, type: 'TEMPLATESENDJOBFINISH', msgId: text('MsgID') ?? text('MsgId') ?? '', status: text('Status') ?? '' }
  }
  if (msgType === 'event' && event === 'subscribe') {
    const eventKey = text('EventKey') || undefined
    const scene = eventKey?.startsWith('qrscene_') ? eventKey.slice('qrscene_'.length) : undefined
    return { ...common, type: 'subscribe', eventKey, scene, ticket: text('Ticket') || undefined }
  }
  if (msgType === 'event' && event === 'SCAN') {
    const eventKey = text('EventKey') ?? ''
    return { ...common, type: 'SCAN', eventKey, scene: eventKey, ticket: text('Ticket') || undefined }
  }
  if (msgType === 'event' && event === 'unsubscribe') return { ...common, type: 'unsubscribe' }
  const fields: Record<string, string> = {}
  for (const c of root.children) fields[c.name] = c.text.trim()
  return { ...common, type: 'other', msgType, event, fields }
}

/** 安全模式 body `<xml><ToUserName/><Encrypt>…</Encrypt></xml>` → the Encrypt value. */
export function parseEncryptedCallbackXml(xml: string): { toUserName: string; encrypt: string } {
  const root = child(parseXml(xml), 'xml')
  if (!root) throw new CallbackXmlError('callback body has no <xml> root')
  const encrypt = childText(root, 'Encrypt')
  if (!encrypt) throw new CallbackXmlError('encrypted callback body has no <Encrypt>')
  return { toUserName: childText(root, 'ToUserName') ?? '', encrypt }
}
