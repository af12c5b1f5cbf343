// Non-WeChat routes of the emulator: the sandbox pay page and a JSON stand-in for WeixinJSBridge.
import type { EmulatorContext } from './context'
import { findOrder } from './context'
import { confirmPayment, jsapiInvoke, type JsapiInvokeParams } from './payHook'
import { htmlResponse, renderPayPage, renderResultPage } from './payPage'

const JSAPI_FIELDS = ['appId', 'timeStamp', 'nonceStr', 'package', 'signType', 'paySign', 'openid', 'page_url'] as const

export async function handlePayPage(ctx: EmulatorContext, request: Request, id: string, selfUrl: URL): Promise<Response> {
  const order = findOrder(ctx, id)
  if (!order) return htmlResponse(renderResultPage(false, '订单不存在'), 404)
  if (request.method === 'GET') {
    const hidden: Record<string, string> = {}
    for (const name of ['redirect_url', ...JSAPI_FIELDS]) {
      const value = selfUrl.searchParams.get(name)
      if (value !== null) hidden[name] = value
    }
    return htmlResponse(renderPayPage(order, { actionUrl: `${selfUrl.pathname}`, hidden }))
  }
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  const form = new URLSearchParams(await request.text())
  const redirectUrl = form.get('redirect_url') ?? undefined
  if (form.get('action') === 'cancel') {
    // A failed or cancelled attempt leaves the order NOTPAY and sends no callback (§4.5, §4.7)
    return htmlResponse(renderResultPage(false, '已取消支付，订单仍为待支付', redirectUrl))
  }
  let ok: boolean
  let message: string
  if (form.get('paySign')) {
    const params = Object.fromEntries(JSAPI_FIELDS.map((k) => [k, form.get(k) ?? ''])) as unknown as JsapiInvokeParams
    const result = jsapiInvoke(ctx, params, { openid: form.get('openid') ?? '', pageUrl: form.get('page_url') ?? undefined })
    ok = result.err_msg.endsWith(':ok')
    message = ok ? '支付成功' : `${result.err_msg}（${result.message}）`
  } else {
    const outcome = confirmPayment(ctx, id, { openid: form.get('openid') ?? undefined })
    ok = outcome.ok
    message = outcome.ok ? '支付成功' : outcome.message
  }
  if (ok && redirectUrl) return new Response(null, { status: 303, headers: { location: redirectUrl } })
  return htmlResponse(renderResultPage(ok, message, redirectUrl), ok ? 200 : 409)
}

export async function handleJsapiInvoke(ctx: EmulatorContext, request: Request): Promise<Response> {
  if (request.method !== 'POST') return new Response(null, { status: 405 })
  let input: { params: JsapiInvokeParams; openid: string; pageUrl?: string }
  try {
    input = JSON.parse(await request.text())
  } catch {
    return Response.json({ err_msg: 'get_brand_wcpay_request:fail', message: 'bad json' }, { status: 400 })
  }
  return Response.json(jsapiInvoke(ctx, input.params ?? ({} as JsapiInvokeParams), { openid: input.openid, pageUrl: input.pageUrl }))
}
