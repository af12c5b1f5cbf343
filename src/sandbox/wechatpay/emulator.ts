import { beijingRfc3339 } from '@/platform/beijingTime'
import { type Clock, isTestClock, systemClock } from '@/platform/clock'

import { authenticate } from './auth'
import { type EmulatorContext, type EmulatorPolicy, findOrder } from './context'
import { encryptResource } from './crypto'
import { CALLBACK_RETRY_INTERVALS_MS, type CallbackForgery, type CallbackRecord, createNotifier } from './notifier'
import { handleJsapiInvoke, handlePayPage } from './pageRoutes'
import { confirmPayment, jsapiInvoke, type JsapiInvokeParams } from './payHook'
import { emptyResponse, errorResponse, type PlatformSigner, signedResponse } from './respond'
import { matchRoute } from './router'
import { findRefund, settleRefund } from './routes/refund'
import { createScheduler } from './scheduler'
import type { MerchantRegistration, ScriptedError } from './types'

export type WechatPayEmulatorOptions = {
  /** The emulator's platform keypair (from ensureSandboxKeys / generateSandboxKeys). */
  platform: { publicKeyId: string; certificateSerial?: string; privateKeyPem: string; publicKeyPem: string; certificatePem?: string }
  /** Which serial signs responses and callbacks (§4.2). Default 'publicKey'. */
  platformMode?: 'publicKey' | 'certificate'
  merchants?: MerchantRegistration[]
  /** Default: the real clock. Pass createTestClock() in tests and drive time with tick(). */
  clock?: Clock
  /** Where the app mounts the emulator, e.g. '/sandbox/wechatpay'; stripped for routing and used in page links. */
  publicBasePath?: string
  /** Origin for page links (h5_url / code_url); default: the request's origin. */
  publicOrigin?: string
  /** Used to deliver callbacks. Default: global fetch. */
  fetch?: typeof fetch
  /** A callback must be answered within this (§4.7: 5 s). */
  callbackTimeoutMs?: number
  retryIntervalsMs?: number[]
  /** Run scheduled work on real timers. Default: true unless it is a test clock. */
  autoRun?: boolean
  /** With autoRun, multiply delays by this (e.g. 0.001 to compress a day of retries). Default 1. */
  timeFactor?: number
  policy?: Partial<EmulatorPolicy>
}

const DEFAULT_POLICY: EmulatorPolicy = {
  allowInsecureNotifyUrl: false,
  reorderPaid: { status: 403, code: 'OUT_TRADE_NO_USED', message: '商户订单号重复' },
  closePaid: { status: 400, code: 'ORDERPAID', message: '订单已支付，不能关闭' },
  refundFeeMismatch: { status: 400, code: 'REFUND_FEE_MISMATCH', message: '订单金额或退款金额与之前请求不一致，请核实后再试' },
  refundSettleDelayMs: 60_000,
}

export type WechatPayEmulator = ReturnType<typeof createWechatPayEmulator>

export function createWechatPayEmulator(options: WechatPayEmulatorOptions) {
  const clock = options.clock ?? systemClock
  const mode = options.platformMode ?? 'publicKey'
  const basePath = (options.publicBasePath ?? '').replace(/\/+$/, '')
  const scheduler = createScheduler(clock, { auto: options.autoRun ?? !isTestClock(clock), timeFactor: options.timeFactor ?? 1 })
  let signTests = 0
  const signer: PlatformSigner = {
    serial: () => (mode === 'publicKey' ? options.platform.publicKeyId : (options.platform.certificateSerial ?? '')),
    privateKeyPem: options.platform.privateKeyPem,
    clock,
    takeSignTest: () => (signTests > 0 ? (signTests--, true) : false),
  }
  const notifier = createNotifier({
    clock,
    scheduler,
    signer,
    fetch: options.fetch ?? ((...args) => fetch(...args)),
    timeoutMs: options.callbackTimeoutMs ?? 5000,
    retryIntervalsMs: options.retryIntervalsMs ?? CALLBACK_RETRY_INTERVALS_MS,
  })
  const ctx: EmulatorContext = {
    clock,
    scheduler,
    notifier,
    signer,
    policy: { ...DEFAULT_POLICY, ...options.policy },
    merchants: new Map(),
    orders: new Map(),
    refunds: new Map(),
    scripted: [],
    payPageUrl: (origin, prepayId) => `${options.publicOrigin ?? origin}${basePath}/sandbox/pay/${encodeURIComponent(prepayId)}`,
  }
  for (const merchant of options.merchants ?? []) ctx.merchants.set(merchant.mchid, merchant)

  function takeScripted(name: string): ScriptedError | undefined {
    const index = ctx.scripted.findIndex((s) => s.route === name || s.route === 'any')
    if (index < 0) return undefined
    const scripted = ctx.scripted[index]
    if (scripted.times === undefined || --scripted.times <= 0) ctx.scripted.splice(index, 1)
    return scripted
  }

  function certificates(): Response {
    // Public-key-only merchants get this (§4.2)
    return errorResponse(404, 'RESOURCE_NOT_EXISTS', '无可用的平台证书，请在商户平台-API安全申请使用微信支付公钥')
  }

  async function handleApi(request: Request, url: URL, path: string): Promise<Response> {
    const isCertificates = path === '/v3/certificates'
    const matched = isCertificates ? undefined : matchRoute(request.method, path)
    if (!isCertificates && matched === undefined) return emptyResponse(404)
    if (matched === 'method-not-allowed' || (isCertificates && request.method !== 'GET')) return emptyResponse(405)
    const route = matched?.route
    const strict = isCertificates || route!.needsUaAccept
    if (strict && (!request.headers.get('user-agent') || !request.headers.get('accept'))) {
      return errorResponse(400, 'INVALID_REQUEST', 'Http头缺少Accept或User-Agent')
    }
    const bodyText = request.method === 'GET' ? '' : await request.text()
    const auth = authenticate({
      authorization: request.headers.get('authorization'),
      method: request.method,
      rawPathWithQuery: `${url.pathname}${url.search}`,
      body: bodyText,
      nowMs: clock.now(),
      family: route?.family ?? 'strict',
      merchants: ctx.merchants,
      mchNotExistsStatus: route?.name === 'refund' || route?.name === 'refundQuery' ? 404 : 400,
    })
    if (!auth.ok) return errorResponse(auth.error.status, auth.error.code, auth.error.message, undefined, { withRequestId: auth.withRequestId })
    if (isCertificates) return mode === 'certificate' ? certificateList(auth.merchant.apiV3Key) : certificates()

    let body: Record<string, unknown> = {}
    if (request.method === 'POST') {
      try {
        const parsed = JSON.parse(bodyText)
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object')
        body = parsed
      } catch {
        return errorResponse(400, 'PARAM_ERROR', '请求体格式不正确，应为JSON对象', { field: '/', issue: 'invalid json', location: 'body' })
      }
      if (body.mchid !== undefined && body.mchid !== auth.merchant.mchid) {
        return errorResponse(400, 'PARAM_ERROR', 'http header中的mchid与post payload中的mchid不匹配')
      }
    }
    const scripted = takeScripted(route!.name)
    if (scripted && !scripted.afterProcessing) return errorResponse(scripted.status, scripted.code, scripted.message)
    const response = await route!.run(
      ctx,
      { merchant: auth.merchant, body, query: url.searchParams, params: matched!.params, origin: url.origin },
      matched!.route.pattern.exec(path)!,
    )
    if (scripted) return errorResponse(scripted.status, scripted.code, scripted.message)
    return response
  }

  /** §4.2 platform-certificate mode; needs options.platform.certificatePem. */
  function certificateList(apiV3Key: string): Response {
    const pem = options.platform.certificatePem
    if (!pem) return certificates()
    const now = clock.now()
    return signedResponse(signer, 200, {
      data: [
        {
          serial_no: options.platform.certificateSerial,
          effective_time: beijingRfc3339(now - 86_400_000),
          expire_time: beijingRfc3339(now + 5 * 365 * 86_400_000),
          encrypt_certificate: encryptResource(pem, apiV3Key, 'certificate'),
        },
      ],
    })
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    let path = url.pathname
    if (basePath && (path === basePath || path.startsWith(`${basePath}/`))) path = path.slice(basePath.length) || '/'
    const page = path.match(/^\/sandbox\/pay\/([^/]+)$/)
    if (page) return handlePayPage(ctx, request, decodeURIComponent(page[1]), url)
    if (path === '/sandbox/jsapi/invoke') return handleJsapiInvoke(ctx, request)
    return handleApi(request, url, path)
  }

  function callbackRecord(idOrKey: string | CallbackRecord): CallbackRecord {
    if (typeof idOrKey !== 'string') return idOrKey
    const found = [...notifier.records].reverse().find((r) => r.id === idOrKey || r.key === idOrKey)
    if (!found) throw new Error(`no callback ${idOrKey}`)
    return found
  }

  return {
    handle,
    clock,
    platform: {
      mode,
      publicKeyId: options.platform.publicKeyId,
      publicKeyPem: options.platform.publicKeyPem,
      certificateSerial: options.platform.certificateSerial,
    },
    registerMerchant(merchant: MerchantRegistration): void {
      ctx.merchants.set(merchant.mchid, merchant)
    },
    /** The user pays (sandbox page "确认支付"): SUCCESS + transaction_id + callback. `id` = prepay_id or out_trade_no. */
    confirmPayment: (id: string, opts?: { openid?: string }) => confirmPayment(ctx, id, opts),
    /** WeixinJSBridge getBrandWCPayRequest with the §4.4 bundle. */
    jsapiInvoke: (params: JsapiInvokeParams, user: { openid: string; pageUrl?: string }) => jsapiInvoke(ctx, params, user),
    getOrder: (id: string) => findOrder(ctx, id),
    getRefund: (outRefundNo: string) => findRefund(ctx, outRefundNo),
    /** Force a PROCESSING refund to its final state (SUCCESS, CLOSED or ABNORMAL) now. */
    settleRefund(outRefundNo: string, status: 'SUCCESS' | 'CLOSED' | 'ABNORMAL' = 'SUCCESS'): void {
      const refund = findRefund(ctx, outRefundNo)
      if (!refund) throw new Error(`no refund ${outRefundNo}`)
      settleRefund(ctx, refund, status)
    },
    payPageUrl: (id: string, origin = options.publicOrigin ?? '') => ctx.payPageUrl(origin, findOrder(ctx, id)?.prepayId ?? id),
    /** Advance a test clock, running callbacks and refund settlements at their exact virtual times. */
    tick: (ms: number) => scheduler.tick(ms),
    runDueCallbacks: () => scheduler.runDue(),
    pendingTasks: () => scheduler.pending(),
    callbacks: notifier.records as readonly CallbackRecord[],
    /** A callback for `idOrKey` (event id, out_trade_no or out_refund_no), freshly signed, optionally spoiled. */
    buildCallback: (idOrKey: string | CallbackRecord, forgery?: CallbackForgery) => notifier.build(callbackRecord(idOrKey), forgery),
    sendCallback: notifier.send,
    /** Deliver again outside the schedule: fresh signature by default, or the exact last bytes and headers (`exact`). */
    async replayCallback(idOrKey: string | CallbackRecord, opts: { exact?: boolean; forgery?: CallbackForgery } = {}) {
      const record = callbackRecord(idOrKey)
      const built = opts.exact && record.lastSent ? record.lastSent : notifier.build(record, opts.forgery)
      return notifier.send(built)
    },
    /** Answer the next matching request(s) with an error (e.g. 403 NOT_ENOUGH, 429 FREQUENCY_LIMITED, 500 SYSTEM_ERROR). */
    scriptError(error: ScriptedError): void {
      ctx.scripted.push({ ...error })
    },
    /** Sign the next n 2xx responses with a WECHATPAY/SIGNTEST/ probe signature (§4.2). */
    signTestNext(n = 1): void {
      signTests += n
    },
    dispose: () => scheduler.dispose(),
  }
}
