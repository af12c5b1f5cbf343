// WeChat pushes PUBLISHJOBFINISH / MASSSENDJOBFINISH and subscribe / SCAN (follow attribution) to
// /api/wechat-accounts/:id/callback (§1.11), in plaintext or 安全模式. A request is handled only when it is signed
// with the account's token, its timestamp is within ±5 minutes, its nonce is new for the account and, encrypted,
// it opens to the account's appid; anything else is answered 4xx. WeChat's retries of one message (new
// timestamp and nonce, same dedupe key) are acknowledged without being processed again.
import type { Endpoint, PayloadRequest } from 'payload'

import { recordFollow } from '../analytics/follow'
import { createDbUsedStateStore, type DbUsedStateStore } from '../db/usedStates'
import type { Push } from '../payload-types'
import { SecretDecryptError } from '../platform/secrets'
import { loadAccount } from '../wechat/account'
import { authenticateCallback, authenticateProbe, type CallbackAccount, type CallbackMessage, CallbackXmlError, parseCallbackXml } from '../wechat/oa'
import { callbackRuntime } from './callbackRuntime'
import { applyMassResult, applyPublishResult } from './results'

/** Longer than WeChat's retries (3 attempts, 5 s apart) by far. */
const MESSAGE_TTL_MS = 24 * 3600_000

const text = (body: string, status = 200) => new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } })

type Target = { accountId: string; account: CallbackAccount; query: URLSearchParams; store: DbUsedStateStore }

async function target(req: PayloadRequest): Promise<Target | Response> {
  const accountId = String(req.routeParams?.id ?? '')
  const query = new URL(req.url ?? 'http://localhost').searchParams
  try {
    const loaded = await loadAccount(req.payload, accountId)
    const account: CallbackAccount = {
      appId: loaded.appId,
      token: loaded.callbackTokenPlain,
      encodingAESKey: loaded.encodingAESKeyPlain,
      mode: loaded.callbackMode ?? 'plaintext',
    }
    return { accountId, account, query, store: createDbUsedStateStore(req.payload, callbackRuntime.now) }
  } catch (error) {
    if (error instanceof SecretDecryptError) return text('account secrets cannot be decrypted; re-enter them in the admin', 409)
    return text('unknown account', 404)
  }
}

/** Spends the nonce; false when another request (on any server) already used it. */
const spendNonce = (t: Target, nonce: string, expiresAtMs: number) => t.store.markUsed(`oa-cb:${t.accountId}:${nonce}`, expiresAtMs)

/** GET: URL verification probe, echo `echostr` when the signature, timestamp and nonce are right. */
export const callbackVerifyEndpoint: Endpoint = {
  path: '/:id/callback',
  method: 'get',
  handler: async (req) => {
    const t = await target(req)
    if (t instanceof Response) return t
    const check = authenticateProbe(t.account, t.query, callbackRuntime.now())
    if (!check.ok) return text(check.reason, check.status)
    if (!(await spendNonce(t, check.nonce, check.expiresAtMs))) return text('nonce already used', 401)
    return text(check.echostr)
  },
}

async function dispatch(req: PayloadRequest, accountId: string, message: CallbackMessage): Promise<void> {
  const find = async (field: 'publishId' | 'msgId', value: string) =>
    (
      await req.payload.find({
        collection: 'pushes',
        where: { and: [{ [field]: { equals: value } }, { account: { equals: accountId } }] },
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
    await recordFollow(req.payload, accountId, message) // §1.9 follow attribution
  }
}

export const callbackEndpoint: Endpoint = {
  path: '/:id/callback',
  method: 'post',
  handler: async (req) => {
    const t = await target(req)
    if (t instanceof Response) return t
    const check = authenticateCallback(t.account, t.query, (await req.text?.()) ?? '', callbackRuntime.now())
    if (!check.ok) return text(check.reason, check.status)
    if (!(await spendNonce(t, check.nonce, check.expiresAtMs))) return text('nonce already used', 401)
    let message: CallbackMessage
    try {
      message = parseCallbackXml(check.xml)
    } catch (error) {
      if (error instanceof CallbackXmlError) return text('bad xml', 400)
      throw error
    }
    // 'success' stops WeChat's retries; a retry of a message already handled (or in hand) is acknowledged only.
    const claim = `oa-msg:${t.accountId}:${message.dedupeKey}`
    if (!(await t.store.markUsed(claim, callbackRuntime.now() + MESSAGE_TTL_MS))) return text('success')
    try {
      await dispatch(req, t.accountId, message)
    } catch (error) {
      // Give the claim back so WeChat's next retry can process the message.
      await t.store.release(claim).catch(() => undefined)
      req.payload.logger.error({ err: error, msg: 'wechat callback failed', account: t.accountId, dedupeKey: message.dedupeKey })
      return text('temporarily unavailable, retry later', 503)
    }
    return text('success')
  },
}
