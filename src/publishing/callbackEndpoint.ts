// WeChat pushes PUBLISHJOBFINISH / MASSSENDJOBFINISH and subscribe / SCAN (follow attribution) to /api/wechat-accounts/:id/callback (§1.11). The signature
// is checked with the account's token; forged or unsigned requests are rejected with 401.
import type { Endpoint, PayloadRequest } from 'payload'

import type { Push } from '../payload-types'
import { recordFollow } from '../analytics/follow'
import { CallbackXmlError, parseCallbackXml, verifyCallbackSignature } from '../wechat/oa'
import { loadAccount } from './account'
import { applyMassResult, applyPublishResult } from './results'

const text = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

async function verified(req: PayloadRequest): Promise<{ ok: true; accountId: string } | { ok: false; response: Response }> {
  const id = String(req.routeParams?.id ?? '')
  let token = ''
  try {
    token = (await loadAccount(req.payload, id)).callbackTokenPlain
  } catch {
    return { ok: false, response: text('unknown account', 404) }
  }
  const q = new URL(req.url ?? 'http://localhost').searchParams
  if (!token || !verifyCallbackSignature({ token, timestamp: q.get('timestamp'), nonce: q.get('nonce'), signature: q.get('signature') })) {
    return { ok: false, response: text('invalid signature', 401) }
  }
  return { ok: true, accountId: id }
}

/** GET: URL verification probe, echo `echostr` when the signature is right. */
export const callbackVerifyEndpoint: Endpoint = {
  path: '/:id/callback',
  method: 'get',
  handler: async (req) => {
    const check = await verified(req)
    if (!check.ok) return check.response
    return text(new URL(req.url ?? 'http://localhost').searchParams.get('echostr') ?? '')
  },
}

export const callbackEndpoint: Endpoint = {
  path: '/:id/callback',
  method: 'post',
  handler: async (req) => {
    const check = await verified(req)
    if (!check.ok) return check.response
    let message
    try {
      message = parseCallbackXml((await req.text?.()) ?? '')
    } catch (error) {
      if (error instanceof CallbackXmlError) return text('bad xml', 400)
      throw error
    }
    const find = async (field: 'publishId' | 'msgId', value: string) =>
      (
        await req.payload.find({
          collection: 'pushes',
          where: { and: [{ [field]: { equals: value } }, { account: { equals: check.accountId } }] },
          limit: 1,
          depth: 0,
          overrideAccess: true,
        })
      ).docs[0] as Push | undefined
    if (message.type === 'PUBLISHJOBFINISH') {
      const push = await find('publishId', message.publishId)
      if (push) await applyPublishResult(req.payload, push, message)
    } else if (message.type === 'MASSSENDJOBFINISH') {
      const push = await find('msgId', message.msgId)
      if (push) await applyMassResult(req.payload, push, message)
    } else if (message.type === 'subscribe' || message.type === 'SCAN') {
      // §1.9 follow attribution; idempotent, so WeChat's retries are harmless.
      await recordFollow(req.payload, check.accountId, message)
    }
    // 'success' stops WeChat's retries; unknown events are acknowledged too.
    return text('success')
  },
}
