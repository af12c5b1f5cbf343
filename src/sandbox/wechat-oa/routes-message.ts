import { beijingDayNumber } from '@/platform/beijingTime'

import type { Ctx, Route } from './context'
import { ok, wxError } from './respond'
import { liveDraft } from './routes-draft'
import type { EmulatorUser } from './state'
import { invalidTemplateKey } from './template-rules'

const massAllowed = (ctx: Ctx) => ctx.account.type === 'service' || ctx.account.type === 'subscription'
const MSG_TYPES = ['mpnews', 'text', 'voice', 'image', 'mpvideo', 'music', 'wxcard']

const preview: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!massAllowed(ctx)) return wxError(48001)
    const { touser, towxname, msgtype } = ctx.body
    if (!touser && !towxname) return wxError(40003)
    // towxname wins when both are set (§1.6.1).
    const users = [...ctx.account.users.values()]
    const user: EmulatorUser | undefined = towxname ? users.find((u) => u.wxname === towxname) : ctx.account.users.get(String(touser))
    if (!user) return wxError(40003)
    if (!user.subscribed) return wxError(43004)
    if (typeof msgtype !== 'string' || !MSG_TYPES.includes(msgtype)) return wxError(40008)
    if (msgtype !== 'mpnews') return wxError(40008, 'emulator supports mpnews previews only')
    const mediaId = (ctx.body.mpnews as { media_id?: unknown } | undefined)?.media_id
    const draft = liveDraft(ctx, mediaId)
    if (!draft) return wxError(40007)
    const msgId = ctx.state.seq.msgId++
    ctx.state.messages.push({
      kind: 'preview',
      appId: ctx.account.appId,
      at: ctx.clock.now(),
      msgId,
      touser: towxname ? undefined : user.openid,
      towxname: towxname ? String(towxname) : undefined,
      mediaId: draft.mediaId,
      articles: draft.articles,
    })
    return ok({ msg_id: msgId }, 'preview success')
  },
}

const sendall: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    if (!massAllowed(ctx)) return wxError(48001)
    const now = ctx.clock.now()
    const clientmsgid = typeof ctx.body.clientmsgid === 'string' ? ctx.body.clientmsgid : ''
    if (clientmsgid.length > 64) return wxError(45067)
    // §1.6.2: dedupe on clientmsgid over 24 h, before any quota check, so a retry is answered as a duplicate.
    const dedupeKey = `${ctx.account.appId}|${clientmsgid}`
    const previous = clientmsgid ? ctx.state.massByClientId.get(dedupeKey) : undefined
    if (previous && now - previous.at < 86_400_000) {
      if (now - previous.at < 60_000) return wxError(45066, undefined, { msg_id: previous.msgId })
      return wxError(45065, undefined, { msg_id: previous.msgId })
    }
    if (ctx.body.msgtype !== 'mpnews') return wxError(40008)
    const mediaId = (ctx.body.mpnews as { media_id?: unknown } | undefined)?.media_id
    const draft = liveDraft(ctx, mediaId)
    if (!draft) return wxError(40007)
    const dayKey = `${ctx.account.appId}|${beijingDayNumber(now)}`
    const sentToday = ctx.state.massDaily.get(dayKey) ?? 0
    if (sentToday >= (ctx.account.type === 'subscription' ? 1 : 100)) return wxError(ctx.settings.massQuotaErrcode)
    ctx.state.massDaily.set(dayKey, sentToday + 1)

    const msgId = ctx.state.seq.msgId++
    if (clientmsgid) ctx.state.massByClientId.set(dedupeKey, { msgId, at: now })
    draft.state = 'masssent'
    const filter = (ctx.body.filter ?? {}) as { is_to_all?: boolean; tag_id?: number }
    const message = {
      kind: 'mass' as const,
      appId: ctx.account.appId,
      at: now,
      msgId,
      clientmsgid,
      mediaId: draft.mediaId,
      isToAll: filter.is_to_all !== false,
      tagId: filter.tag_id,
      articles: draft.articles,
      status: 'SENDING',
    }
    ctx.state.messages.push(message)
    const account = ctx.account
    const recipients = [...account.users.values()].filter(
      (u) => u.subscribed && (message.isToAll || (message.tagId !== undefined && u.tagIds?.includes(message.tagId))),
    )
    // The scripted outcome belongs to this send, so take it now rather than when the job finishes.
    const status = ctx.scripts.massStatus.shift() ?? 'send success'
    ctx.clock.schedule(ctx.settings.massDelayMs, () => {
      message.status = status
      const success = status === 'send success'
      ctx.push(account, {
        ToUserName: account.originalId,
        FromUserName: 'oV5CrjpxgaGXNHIQigzNlgLTnwic',
        CreateTime: Math.floor(ctx.clock.now() / 1000),
        MsgType: 'event',
        Event: 'MASSSENDJOBFINISH',
        MsgID: msgId,
        Status: status,
        TotalCount: recipients.length,
        FilterCount: recipients.length,
        SentCount: success ? recipients.length : 0,
        ErrorCount: success ? 0 : recipients.length,
      })
    })
    return ok({ msg_id: msgId, msg_data_id: msgId + 2_000_000 }, 'send job submission success')
  },
}

const templateSend: Route = {
  method: 'POST',
  auth: true,
  json: true,
  handle(ctx) {
    const { touser, template_id: templateId, data, url, client_msg_id: clientMsgId } = ctx.body
    const keys = typeof templateId === 'string' ? ctx.account.templates[templateId] : undefined
    if (!keys) return wxError(40037)
    const user = ctx.account.users.get(String(touser))
    if (!user) return wxError(40003)
    if (!user.subscribed) return wxError(43004)
    const bad = invalidTemplateKey(keys, data)
    if (bad) return wxError(47003, `argument invalid! data.${bad}.value invalid`)
    const now = ctx.clock.now()
    // §1.7.1: one delivery per (openid, client_msg_id) within 10 min; the repeat gets the same answer.
    const dedupeKey = `${ctx.account.appId}|${user.openid}|${String(clientMsgId)}`
    const previous = typeof clientMsgId === 'string' && clientMsgId ? ctx.state.templateDedupe.get(dedupeKey) : undefined
    if (previous && now - previous.at < 600_000) return ok({ msgid: previous.msgId })
    const msgId = ctx.state.seq.msgId++
    if (typeof clientMsgId === 'string' && clientMsgId) ctx.state.templateDedupe.set(dedupeKey, { msgId, at: now })
    const message = {
      kind: 'template' as const,
      appId: ctx.account.appId,
      at: now,
      msgId,
      touser: user.openid,
      templateId: String(templateId),
      url: typeof url === 'string' ? url : undefined,
      clientMsgId: typeof clientMsgId === 'string' ? clientMsgId : undefined,
      data: data as Record<string, { value: string }>,
      status: 'sending',
    }
    ctx.state.messages.push(message)
    const account = ctx.account
    const outcome = ctx.scripts.templateStatus.shift() ?? 'success'
    ctx.clock.schedule(ctx.settings.templateDelayMs, () => {
      message.status = outcome
      ctx.push(
        account,
        {
          ToUserName: account.originalId,
          FromUserName: user.openid,
          CreateTime: Math.floor(ctx.clock.now() / 1000),
          MsgType: 'event',
          Event: 'TEMPLATESENDJOBFINISH',
          MsgID: msgId,
          Status: message.status,
        },
        { openid: user.openid },
      )
    })
    return ok({ msgid: msgId })
  },
}

export const messageRoutes: Record<string, Route> = {
  '/cgi-bin/message/mass/preview': preview,
  '/cgi-bin/message/mass/sendall': sendall,
  '/cgi-bin/message/template/send': templateSend,
}
