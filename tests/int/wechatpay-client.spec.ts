import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { startWechatPayTestbed, type WechatPayTestbed } from '@/sandbox/wechatpay/testkit'
import {
  buildAuthorization,
  createWechatPayClient,
  jsapiPaySignMessage,
  newOutTradeNo,
  type WechatPayClient,
  WechatPayError,
  WechatPaySignatureError,
} from '@/wechat/pay'

let bed: WechatPayTestbed
let client: WechatPayClient
let seq = 0
const otn = () => newOutTradeNo(`TW${Date.now()}`, ++seq)

async function expectPayError(promise: Promise<unknown>, status: number, code: string): Promise<WechatPayError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(WechatPayError)
  expect(error).toMatchObject({ status, code })
  return error as WechatPayError
}

const base = (outTradeNo: string, amountFen = 100) => ({ description: '推文好物 · 测试商品', outTradeNo, amountFen })

let otherKey: { privateKeyPem: string; publicKeyPem: string }

beforeAll(async () => {
  const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  otherKey = {
    privateKeyPem: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }) as string,
  }
  bed = await startWechatPayTestbed()
  client = bed.client
})
afterAll(() => bed.close())

describe('signed requests against the emulator', () => {
  it('accepts a correctly signed prepay and signs its response', async () => {
    const { prepayId } = await client.prepayJsapi({ ...base(otn()), openid: 'oUser1' })
    expect(prepayId).toMatch(/^wx\d{14}[0-9a-f]{18}$/)
  })

  it('rejects a tampered signature with 401 SIGN_ERROR and no Wechatpay-* headers', async () => {
    const body = JSON.stringify({
      appid: bed.config.appid,
      mchid: bed.config.mchid,
      description: 'x',
      out_trade_no: otn(),
      notify_url: bed.config.notifyUrl,
      amount: { total: 1 },
    })
    const authorization = buildAuthorization({
      mchid: bed.config.mchid,
      serialNo: bed.config.serialNo,
      privateKeyPem: bed.config.privateKeyPem,
      method: 'POST',
      pathWithQuery: '/v3/pay/transactions/native',
      body,
      timestamp: Math.floor(bed.clock.now() / 1000),
    })
    const send = (auth: string, sentBody = body) =>
      fetch(`${bed.emulatorServer.url}/v3/pay/transactions/native`, {
        method: 'POST',
        headers: { authorization: auth, 'content-type': 'application/json', accept: 'application/json', 'user-agent': 't' },
        body: sentBody,
      })
    const tampered = authorization.replace(/signature="(.)/, (_, c: string) => `signature="${c === 'A' ? 'B' : 'A'}`)
    const res = await send(tampered)
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 'SIGN_ERROR', message: '签名错误' })
    expect([...res.headers.keys()].some((k) => k.startsWith('wechatpay-'))).toBe(false)
    // body changed after signing
    const reserialized = await send(authorization, JSON.stringify(JSON.parse(body), null, 1))
    expect(reserialized.status).toBe(401)
    // the untouched request passes
    expect((await send(authorization)).status).toBe(200)
    // non-WECHATPAY2 scheme on /v3/pay/transactions/*
    const bearer = await send('Bearer abc')
    expect(await bearer.json()).toMatchObject({ code: 'SIGN_ERROR', message: '签名信息错误，验签失败' })
    expect(bearer.headers.get('request-id')).toBeNull()
  })

  it('rejects a stale timestamp (checked before the signature) and a wrong serial', async () => {
    const skewed = createWechatPayClient(bed.config, { now: () => bed.clock.now() - 301_000 })
    const e = await expectPayError(skewed.prepayNative(base(otn())), 401, 'SIGN_ERROR')
    expect(e.message).toContain('5分钟')
    const wrongSerial = createWechatPayClient({ ...bed.config, serialNo: 'ABCDEF0123456789ABCDEF0123456789ABCDEF01' }, { now: bed.clock.now })
    expect((await expectPayError(wrongSerial.prepayNative(base(otn())), 401, 'SIGN_ERROR')).message).toContain('序列号')
    const wrongKey = createWechatPayClient({ ...bed.config, privateKeyPem: otherKey.privateKeyPem }, { now: bed.clock.now })
    const signErr = await expectPayError(wrongKey.prepayNative(base(otn())), 401, 'SIGN_ERROR')
    expect(signErr.retryable).toBe(false)
  })

  it('rejects a response whose signature does not verify (probe signature, wrong platform key)', async () => {
    bed.emulator.signTestNext()
    const probe = await client.prepayNative(base(otn())).catch((e: unknown) => e)
    expect(probe).toBeInstanceOf(WechatPaySignatureError)
    expect(probe).toMatchObject({ reason: 'BAD_SIGNATURE' })
    const otherPub = otherKey.publicKeyPem
    const v = bed.config.verification as { publicKeyId: string }
    const distrusting = createWechatPayClient(
      { ...bed.config, verification: { mode: 'publicKey', publicKeyId: v.publicKeyId, publicKeyPem: otherPub } },
      { now: bed.clock.now },
    )
    await expect(distrusting.prepayNative(base(otn()))).rejects.toMatchObject({ reason: 'BAD_SIGNATURE' })
    // certificate mode with an unknown serial
    const certMode = createWechatPayClient({ ...bed.config, verification: { mode: 'certificate', certificates: {} } }, { now: bed.clock.now })
    await expect(certMode.prepayNative(base(otn()))).rejects.toMatchObject({ reason: 'UNKNOWN_SERIAL' })
  })

  it('answers unknown paths 404 and wrong methods 405 with empty bodies; refunds need User-Agent', async () => {
    const unknown = await fetch(`${bed.emulatorServer.url}/v3/nope`)
    expect([unknown.status, await unknown.text()]).toEqual([404, ''])
    const wrong = await fetch(`${bed.emulatorServer.url}/v3/pay/transactions/jsapi`)
    expect([wrong.status, await wrong.text()]).toEqual([405, ''])
    const noUa = await fetch(`${bed.emulatorServer.url}/v3/refund/domestic/refunds`, { method: 'POST', headers: { 'user-agent': '' }, body: '{}' })
    expect(noUa.status).toBe(400)
    expect(await noUa.json()).toMatchObject({ code: 'INVALID_REQUEST', message: 'Http头缺少Accept或User-Agent' })
  })
})

describe('prepay', () => {
  it('JSAPI: prepay_id and a paySign bundle that verifies with the merchant public key', async () => {
    const { prepayId, payParams } = await client.jsapiCheckout({ ...base(otn(), 2990), openid: 'oReader42' })
    expect(payParams).toMatchObject({
      appId: bed.config.appid,
      package: `prepay_id=${prepayId}`,
      signType: 'RSA',
      timeStamp: String(Math.floor(bed.clock.now() / 1000)),
    })
    const message = jsapiPaySignMessage(payParams.appId, payParams.timeStamp, payParams.nonceStr, payParams.package)
    expect(message).toBe(`${payParams.appId}\n${payParams.timeStamp}\n${payParams.nonceStr}\nprepay_id=${prepayId}\n`)
    expect(crypto.verify('RSA-SHA256', Buffer.from(message), bed.keys.merchant.publicKeyPem, Buffer.from(payParams.paySign, 'base64'))).toBe(true)
    // the emulated WeChat client checks the bundle and the payer
    expect(
      bed.emulator.jsapiInvoke(
        {
          ...payParams,
          paySign: payParams.paySign.replace(/^./, 'A') === payParams.paySign ? payParams.paySign.replace(/^./, 'B') : payParams.paySign.replace(/^./, 'A'),
        },
        { openid: 'oReader42' },
      ),
    ).toMatchObject({ err_msg: 'get_brand_wcpay_request:fail', message: '支付验证签名失败' })
    expect(bed.emulator.jsapiInvoke(payParams, { openid: 'oSomeoneElse' })).toMatchObject({ message: '下单账号与支付账号不一致' })
    expect(bed.emulator.jsapiInvoke(payParams, { openid: 'oReader42' })).toEqual({ err_msg: 'get_brand_wcpay_request:ok' })
    const tx = await client.queryByOutTradeNo(bed.emulator.getOrder(prepayId)!.outTradeNo)
    expect(tx).toMatchObject({ trade_state: 'SUCCESS', trade_type: 'JSAPI', payer: { openid: 'oReader42' }, amount: { total: 2990, payer_total: 2990 } })
    expect(tx.transaction_id).toMatch(/^4200\d{24}$/)
  })

  it('H5: h5_url opens the sandbox page, which confirms payment', async () => {
    const outTradeNo = otn()
    const { h5Url } = await client.prepayH5({ ...base(outTradeNo, 1234), payerClientIp: '203.0.113.9', h5Type: 'Wap' })
    expect(h5Url.startsWith(`${bed.emulatorServer.url}/sandbox/pay/wx`)).toBe(true)
    const page = await fetch(`${h5Url}?redirect_url=${encodeURIComponent('https://shop.example/o/1')}`)
    const html = await page.text()
    expect(html).toContain('沙箱环境 · 非真实支付')
    expect(html).toContain('¥12.34')
    expect(html).toContain(outTradeNo)
    const cancel = await fetch(h5Url, { method: 'POST', body: new URLSearchParams({ action: 'cancel' }) })
    expect(await cancel.text()).toContain('已取消支付')
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('NOTPAY')
    const confirm = await fetch(h5Url, {
      method: 'POST',
      body: new URLSearchParams({ action: 'confirm', redirect_url: 'https://shop.example/o/1' }),
      redirect: 'manual',
    })
    expect(confirm.status).toBe(303)
    expect(confirm.headers.get('location')).toBe('https://shop.example/o/1')
    expect(await client.queryByOutTradeNo(outTradeNo)).toMatchObject({ trade_state: 'SUCCESS', trade_type: 'MWEB' })
  })

  it('Native: code_url; H5 requires scene_info; JSAPI requires payer.openid', async () => {
    const { codeUrl } = await client.prepayNative(base(otn()))
    expect(codeUrl).toMatch(/\/sandbox\/pay\/wx/)
    const noScene = await expectPayError(
      client.request('POST', '/v3/pay/transactions/h5', {
        appid: bed.config.appid,
        mchid: bed.config.mchid,
        description: 'x',
        out_trade_no: otn(),
        notify_url: bed.config.notifyUrl,
        amount: { total: 1 },
      }),
      400,
      'PARAM_ERROR',
    )
    expect(noScene.detail).toMatchObject({ field: '/scene_info/payer_client_ip', location: 'body' })
    const noPayer = await expectPayError(
      client.request('POST', '/v3/pay/transactions/jsapi', {
        appid: bed.config.appid,
        mchid: bed.config.mchid,
        description: 'x',
        out_trade_no: otn(),
        notify_url: bed.config.notifyUrl,
        amount: { total: 1 },
      }),
      400,
      'PARAM_ERROR',
    )
    expect(noPayer.detail).toMatchObject({ field: '/payer/openid' })
  })

  it('validates fields: amount ≥ 1, out_trade_no charset, notify_url, appid binding, mchid match', async () => {
    const body = {
      appid: bed.config.appid,
      mchid: bed.config.mchid,
      description: 'x',
      out_trade_no: otn(),
      notify_url: bed.config.notifyUrl,
      amount: { total: 0 },
    }
    const zero = await expectPayError(client.request('POST', '/v3/pay/transactions/native', body), 400, 'PARAM_ERROR')
    expect(zero.message).toBe('输入源"/body/amount/total"映射到数值字段"总金额"规则校验失败，值低于最小值 1')
    expect(zero.detail).toMatchObject({ field: '/amount/total', value: 0 })
    const badNo = await expectPayError(
      client.request('POST', '/v3/pay/transactions/native', { ...body, amount: { total: 1 }, out_trade_no: 'ab#12345' }),
      400,
      'PARAM_ERROR',
    )
    expect(badNo.detail).toMatchObject({ field: '/out_trade_no' })
    const query = await expectPayError(
      client.request('POST', '/v3/pay/transactions/native', { ...body, amount: { total: 1 }, notify_url: 'https://shop.example/n?x=1' }),
      400,
      'PARAM_ERROR',
    )
    expect(query.detail).toMatchObject({ field: '/notify_url' })
    await expectPayError(
      client.request('POST', '/v3/pay/transactions/native', { ...body, amount: { total: 1 }, appid: 'wx0000000000000000' }),
      400,
      'APPID_MCHID_NOT_MATCH',
    )
    const mismatch = await expectPayError(
      client.request('POST', '/v3/pay/transactions/native', { ...body, amount: { total: 1 }, mchid: '1234567890' }),
      400,
      'PARAM_ERROR',
    )
    expect(mismatch.message).toContain('mchid')
    await expectPayError(
      client.request('POST', '/v3/pay/transactions/native', { ...body, amount: { total: 1 }, time_expire: '2026-01-01 10:00:00' }),
      400,
      'PARAM_ERROR',
    )
  })

  it('same out_trade_no: identical params → same prepay_id; changed params or product → 403 OUT_TRADE_NO_USED', async () => {
    const outTradeNo = otn()
    const input = { ...base(outTradeNo, 500), openid: 'oA', timeExpire: new Date(bed.clock.now() + 24 * 3600_000) }
    const first = await client.prepayJsapi(input)
    const again = await client.prepayJsapi(input)
    expect(again.prepayId).toBe(first.prepayId)
    await expectPayError(client.prepayJsapi({ ...input, amountFen: 501 }), 403, 'OUT_TRADE_NO_USED')
    await expectPayError(client.prepayJsapi({ ...input, timeExpire: new Date(bed.clock.now() + 25 * 3600_000) }), 403, 'OUT_TRADE_NO_USED')
    await expectPayError(client.prepayNative(base(outTradeNo, 500)), 403, 'OUT_TRADE_NO_USED')
    // after the 2 h validity the old prepay_id cannot be paid; identical parameters give a fresh one
    await bed.emulator.tick(2 * 3600_000 + 1000)
    expect(bed.emulator.confirmPayment(first.prepayId)).toMatchObject({ ok: false, message: '支付链接已过期，请重新下单' })
    const renewed = await client.prepayJsapi(input)
    expect(renewed.prepayId).not.toBe(first.prepayId)
    // paid → 403 OUT_TRADE_NO_USED
    expect(bed.emulator.confirmPayment(renewed.prepayId).ok).toBe(true)
    await expectPayError(client.prepayJsapi(input), 403, 'OUT_TRADE_NO_USED')
  })
})

describe('query and close', () => {
  it('queries by out_trade_no in any state and by transaction_id only once paid', async () => {
    const outTradeNo = otn()
    await client.prepayNative({ ...base(outTradeNo, 800), attach: 'order:42' })
    const unpaid = await client.queryByOutTradeNo(outTradeNo)
    expect(unpaid).toEqual({
      appid: bed.config.appid,
      mchid: bed.config.mchid,
      out_trade_no: outTradeNo,
      trade_state: 'NOTPAY',
      trade_state_desc: '订单未支付',
      attach: 'order:42',
      amount: { total: 800, currency: 'CNY' },
    })
    await expectPayError(client.queryByOutTradeNo('NO_SUCH_ORDER_1'), 404, 'ORDER_NOT_EXIST')
    const paid = bed.emulator.confirmPayment(outTradeNo)
    expect(paid.ok).toBe(true)
    const byId = await client.queryByTransactionId(bed.emulator.getOrder(outTradeNo)!.transactionId!)
    expect(byId).toMatchObject({ out_trade_no: outTradeNo, trade_state: 'SUCCESS', trade_type: 'NATIVE', attach: 'order:42' })
    await expectPayError(client.queryByTransactionId('4200000000000000000000000000'), 404, 'ORDER_NOT_EXIST')
  })

  it('closes unpaid orders (204, re-entrant), refuses paid ones, and a closed number cannot be reused', async () => {
    const outTradeNo = otn()
    await client.prepayNative(base(outTradeNo))
    await client.closeOrder(outTradeNo)
    await client.closeOrder(outTradeNo)
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('CLOSED')
    expect(bed.emulator.confirmPayment(outTradeNo)).toMatchObject({ ok: false, message: '订单已关闭' })
    await expectPayError(client.prepayNative(base(outTradeNo)), 400, 'ORDER_CLOSED')
    await expectPayError(client.closeOrder('NO_SUCH_ORDER_2'), 404, 'ORDER_NOT_EXIST')
    const paidNo = otn()
    await client.prepayNative(base(paidNo))
    bed.emulator.confirmPayment(paidNo)
    await expectPayError(client.closeOrder(paidNo), 400, 'ORDERPAID')
  })
})

describe('refunds', () => {
  it('refunds up to the paid amount, idempotently by out_refund_no', async () => {
    const outTradeNo = otn()
    await client.prepayNative(base(outTradeNo, 10000))
    await expectPayError(client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 100, totalFen: 10000 }), 404, 'RESOURCE_NOT_EXISTS')
    bed.emulator.confirmPayment(outTradeNo)
    const first = await client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 3000, totalFen: 10000, reason: '尺码不合适' })
    expect(first).toMatchObject({ status: 'PROCESSING', out_trade_no: outTradeNo, amount: { refund: 3000, total: 10000, currency: 'CNY' } })
    const repeat = await client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 3000, totalFen: 10000, reason: '尺码不合适' })
    expect(repeat.refund_id).toBe(first.refund_id)
    await expectPayError(client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R1`, refundFen: 3001, totalFen: 10000 }), 400, 'REFUND_FEE_MISMATCH')
    await expectPayError(client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R2`, refundFen: 7001, totalFen: 10000 }), 400, 'INVALID_REQUEST')
    await expectPayError(client.refund({ outTradeNo, outRefundNo: `${outTradeNo}R3`, refundFen: 10, totalFen: 9999 }), 400, 'INVALID_REQUEST')
    const rest = await client.refund({
      transactionId: bed.emulator.getOrder(outTradeNo)!.transactionId!,
      outRefundNo: `${outTradeNo}R4`,
      refundFen: 7000,
      totalFen: 10000,
    })
    expect(rest.status).toBe('PROCESSING')
    expect((await client.queryByOutTradeNo(outTradeNo)).trade_state).toBe('REFUND')
    const noCurrency = await expectPayError(
      client.request('POST', '/v3/refund/domestic/refunds', { out_trade_no: outTradeNo, out_refund_no: 'R9x', amount: { refund: 1, total: 10000 } }),
      400,
      'PARAM_ERROR',
    )
    expect(noCurrency.detail).toMatchObject({ field: '/amount/currency' })
    await expectPayError(client.queryRefund('NO_SUCH_REFUND'), 404, 'RESOURCE_NOT_EXISTS')
    // settles after the configured delay (virtual time)
    expect((await client.queryRefund(`${outTradeNo}R1`)).status).toBe('PROCESSING')
    await bed.emulator.tick(60_000)
    const settled = await client.queryRefund(`${outTradeNo}R1`)
    expect(settled.status).toBe('SUCCESS')
    expect(settled.success_time).toMatch(/\+08:00$/)
  })

  it('scripted 429 after acceptance is retryable and the refund is found by query', async () => {
    const outTradeNo = otn()
    await client.prepayNative(base(outTradeNo, 500))
    bed.emulator.confirmPayment(outTradeNo)
    bed.emulator.scriptError({ route: 'refund', status: 429, code: 'FREQUENCY_LIMITED', message: '频率超限', afterProcessing: true })
    const e = await expectPayError(client.refund({ outTradeNo, outRefundNo: `${outTradeNo}RA`, refundFen: 500, totalFen: 500 }), 429, 'FREQUENCY_LIMITED')
    expect(e.retryable).toBe(true)
    expect((await client.queryRefund(`${outTradeNo}RA`)).amount.refund).toBe(500)
    bed.emulator.scriptError({ route: 'prepay', status: 500, code: 'SYSTEM_ERROR', message: '系统错误' })
    expect((await expectPayError(client.prepayNative(base(otn())), 500, 'SYSTEM_ERROR')).retryable).toBe(true)
  })
})

describe('sandbox mounting', () => {
  it('works under a base path (as mounted at /sandbox/wechatpay) and the JSAPI pay page runs the bundle checks', async () => {
    const { createWechatPayEmulator, sandboxClientConfig, sandboxJsapiPayUrl, sandboxMerchant } = await import('@/sandbox/wechatpay')
    const { serveFetchHandler } = await import('@/sandbox/http')
    const emulator = createWechatPayEmulator({
      platform: bed.keys.platform,
      merchants: [sandboxMerchant(bed.keys)],
      clock: bed.clock,
      publicBasePath: '/sandbox/wechatpay',
      policy: { allowInsecureNotifyUrl: true },
    })
    const server = await serveFetchHandler(emulator.handle)
    try {
      const apiBase = `${server.url}/sandbox/wechatpay`
      const mounted = createWechatPayClient(sandboxClientConfig(bed.keys, { apiBase, notifyUrl: 'http://127.0.0.1:1/notify' }), { now: bed.clock.now })
      const { codeUrl } = await mounted.prepayNative(base(otn()))
      expect(codeUrl.startsWith(`${apiBase}/sandbox/pay/wx`)).toBe(true)
      const outTradeNo = otn()
      const { payParams } = await mounted.jsapiCheckout({ ...base(outTradeNo, 990), openid: 'oMounted' })
      const wrongUser = new URL(sandboxJsapiPayUrl(apiBase, payParams, { openid: 'oIntruder' }))
      const page = await fetch(wrongUser)
      expect(await page.text()).toContain('value="oIntruder"')
      const denied = await fetch(wrongUser.origin + wrongUser.pathname, {
        method: 'POST',
        body: new URLSearchParams({ ...Object.fromEntries(wrongUser.searchParams), action: 'confirm' }),
      })
      expect(denied.status).toBe(409)
      expect(await denied.text()).toContain('下单账号与支付账号不一致')
      const url = new URL(sandboxJsapiPayUrl(apiBase, payParams, { openid: 'oMounted', redirectUrl: 'http://127.0.0.1/o/1' }))
      const paid = await fetch(url.origin + url.pathname, {
        method: 'POST',
        body: new URLSearchParams({ ...Object.fromEntries(url.searchParams), action: 'confirm' }),
        redirect: 'manual',
      })
      expect(paid.status).toBe(303)
      expect((await mounted.queryByOutTradeNo(outTradeNo)).trade_state).toBe('SUCCESS')
    } finally {
      emulator.dispose()
      await server.close()
    }
  })
})
