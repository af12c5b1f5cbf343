// Prepay and refund body validation (§5.7 items 33 and 39). Each failure names its field as a JSON Pointer.
import type { Product } from './types'

export type ParamError = {
  status: 400
  code: 'PARAM_ERROR'
  message: string
  detail: { field: string; value?: unknown; issue: string; location: 'body' | 'query' }
}

const paramError = (pointer: string, issue: string, value?: unknown, location: 'body' | 'query' = 'body'): ParamError => ({
  status: 400,
  code: 'PARAM_ERROR',
  message: `输入源"/${location}${location === 'body' ? pointer : `/${pointer}`}"映射到值字段规则校验失败，${issue}`,
  detail: { field: pointer, ...(value === undefined ? {} : { value }), issue, location },
})

const missing = (pointer: string) => paramError(pointer, '此字段为必填项')

type Json = Record<string, unknown>

const get = (obj: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Json)[key] : undefined), obj)

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/
export const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/
export const OUT_REFUND_NO = /^[0-9A-Za-z_\-|*@]{1,64}$/

function stringField(body: Json, pointer: string, max: number, required: boolean): ParamError | undefined {
  const value = get(body, pointer)
  if (value === undefined || value === null || value === '') return required ? missing(pointer) : undefined
  if (typeof value !== 'string') return paramError(pointer, '类型错误，应为字符串', value)
  if ([...value].length > max) return paramError(pointer, `长度超过最大值 ${max}`, value)
  return undefined
}

function amountField(body: Json, pointer: string, label: string): ParamError | undefined {
  const value = get(body, pointer)
  if (value === undefined || value === null) return missing(pointer)
  if (typeof value !== 'number' || !Number.isInteger(value)) return paramError(pointer, `"${label}"应为整数`, value)
  if (value < 1) {
    // the documented message (§4.3)
    return { ...paramError(pointer, '值低于最小值 1', value), message: `输入源"/body${pointer}"映射到数值字段"${label}"规则校验失败，值低于最小值 1` }
  }
  return undefined
}

export type NotifyUrlPolicy = { allowInsecure: boolean }

function notifyUrlError(body: Json, pointer: string, policy: NotifyUrlPolicy, required: boolean): ParamError | undefined {
  const bad = stringField(body, pointer, 255, required)
  if (bad) return bad
  const value = get(body, pointer)
  if (value === undefined) return undefined
  const url = String(value)
  if (url.includes('?')) return paramError(pointer, 'notify_url不能携带参数', url)
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return paramError(pointer, 'notify_url格式不正确', url)
  }
  if (policy.allowInsecure) return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? undefined : paramError(pointer, 'notify_url格式不正确', url)
  if (parsed.protocol !== 'https:') return paramError(pointer, 'notify_url必须为https地址', url)
  // No IP, localhost or intranet addresses (§4.3)
  if (/^(localhost|\d+\.\d+\.\d+\.\d+|\[.*\])$/i.test(parsed.hostname)) return paramError(pointer, 'notify_url不能是IP或本地地址', url)
  return undefined
}

export function validatePrepay(body: Json, product: Product, policy: NotifyUrlPolicy): ParamError | undefined {
  return (
    stringField(body, '/appid', 32, true) ??
    stringField(body, '/mchid', 32, true) ??
    stringField(body, '/description', 127, true) ??
    stringField(body, '/out_trade_no', 32, true) ??
    (OUT_TRADE_NO.test(String(body.out_trade_no)) ? undefined : paramError('/out_trade_no', '商户订单号格式不正确', body.out_trade_no)) ??
    stringField(body, '/attach', 128, false) ??
    stringField(body, '/goods_tag', 32, false) ??
    notifyUrlError(body, '/notify_url', policy, true) ??
    (body.time_expire === undefined || (typeof body.time_expire === 'string' && RFC3339.test(body.time_expire) && !Number.isNaN(Date.parse(body.time_expire)))
      ? undefined
      : paramError('/time_expire', '时间格式不符合RFC3339', body.time_expire)) ??
    (get(body, '/amount') === undefined ? missing('/amount') : undefined) ??
    amountField(body, '/amount/total', '总金额') ??
    (get(body, '/amount/currency') === undefined || get(body, '/amount/currency') === 'CNY'
      ? undefined
      : paramError('/amount/currency', '币种仅支持CNY', get(body, '/amount/currency'))) ??
    (product === 'jsapi' ? stringField(body, '/payer/openid', 128, true) : undefined) ??
    (product === 'h5' ? stringField(body, '/scene_info/payer_client_ip', 45, true) : undefined) ??
    (product === 'h5'
      ? ['Wap', 'iOS', 'Android'].includes(String(get(body, '/scene_info/h5_info/type')))
        ? undefined
        : get(body, '/scene_info/h5_info/type') === undefined
          ? missing('/scene_info/h5_info/type')
          : paramError('/scene_info/h5_info/type', '场景类型应为 Wap、iOS 或 Android', get(body, '/scene_info/h5_info/type'))
      : undefined)
  )
}

export function validateRefund(body: Json, policy: NotifyUrlPolicy): ParamError | undefined {
  if (body.out_trade_no === undefined && body.transaction_id === undefined) return missing('/out_trade_no')
  return (
    stringField(body, '/out_trade_no', 32, false) ??
    stringField(body, '/transaction_id', 32, false) ??
    stringField(body, '/out_refund_no', 64, true) ??
    (OUT_REFUND_NO.test(String(body.out_refund_no)) ? undefined : paramError('/out_refund_no', '商户退款单号格式不正确', body.out_refund_no)) ??
    stringField(body, '/reason', 80, false) ??
    notifyUrlError(body, '/notify_url', policy, false) ??
    (get(body, '/amount') === undefined ? missing('/amount') : undefined) ??
    amountField(body, '/amount/refund', '退款金额') ??
    amountField(body, '/amount/total', '原订单金额') ??
    (get(body, '/amount/currency') === undefined
      ? missing('/amount/currency')
      : get(body, '/amount/currency') === 'CNY'
        ? undefined
        : paramError('/amount/currency', '币种仅支持CNY', get(body, '/amount/currency')))
  )
}

export const queryParamError = (name: string, issue: string, value?: unknown) => paramError(`${name}`, issue, value, 'query')
export const bodyParamError = paramError
