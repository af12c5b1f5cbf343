// What a reader is told when an order is refused, in Chinese, by error code (src/commerce/errors.ts) and, for bad
// input, by the field it names: shown inline on the 确认订单 page.
import { saleStartLabel } from '../platform/beijingTime'

const MESSAGES: Record<string, string> = {
  OUT_OF_STOCK: '库存不足，已售罄或剩余数量不够',
  UNKNOWN_PRODUCT: '商品不存在或已下架',
  VARIANT_REQUIRED: '请先选择规格',
  UNKNOWN_VARIANT: '所选规格不存在或已下架，请重新选择',
  PAYMENT_UNAVAILABLE: '微信支付暂时不可用，请稍后再试',
  MAX_PER_ORDER: '超过每单限购数量，请减少购买件数',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  BUSY: '排队人数较多，请稍后再试',
  INVALID_BODY: '请检查填写的信息',
  INVALID_COUPON: '优惠券无效，请换一张',
  COUPON_NOT_FOUND: '没有找到这张优惠券（请在领券的设备上使用）',
  COUPON_USED: '这张优惠券已经用过了',
  COUPON_NOT_STARTED: '优惠券尚未到使用时间',
  COUPON_EXPIRED: '优惠券已过期',
  COUPON_MIN_SPEND_NOT_MET: '未达到优惠券的最低消费金额',
  COUPON_WRONG_BRAND: '该优惠券不适用于此品牌的商品',
  NOT_STARTED: '秒杀还没开始，请到开抢时间再来',
  BUYER_REQUIRED: '这件商品每人限购，请填写手机号后再下单',
  LIMIT_REACHED: '已达到每人限购数量，不能再买了',
  INTERNAL: '下单失败，请重试',
}

/** The message under a field of the 确认订单 form that the refusal names. */
export const FIELD_MESSAGES: Record<string, string> = {
  'buyer.name': '请填写收货人姓名',
  'buyer.phone': '请填写正确的手机号',
  'buyer.address': '请填写详细的收货地址',
  coupon: '这张优惠券不能用于本单',
  'items[0].quantity': '请选择正确的数量',
}

/** The refusal's message; 秒杀 ones made concrete with the details the redirect carried (start time, limit, what is left). */
export function refusalMessage(code: string, query: URLSearchParams): string {
  if (code === 'NOT_STARTED') {
    const at = Date.parse(query.get('startsAt') ?? '')
    if (Number.isFinite(at)) return `秒杀还没开始：${saleStartLabel(at)}（北京时间），请到时再来`
  }
  if (code === 'LIMIT_REACHED') {
    const limit = Number(query.get('limit'))
    const remaining = Number(query.get('remaining'))
    if (Number.isInteger(limit) && limit >= 1 && limit <= 999) {
      return Number.isInteger(remaining) && remaining > 0 && remaining < limit
        ? `每人限购 ${limit} 件，您还可以买 ${remaining} 件，请减少数量`
        : `每人限购 ${limit} 件，您已达到限购数量`
    }
  }
  return MESSAGES[code] ?? MESSAGES.INTERNAL!
}

/** The refused fields the form has: every one the refusal lists (`fields`), else the one it names (`field`). */
export const refusedFields = (fields: string | null | undefined, field: string | null | undefined): string[] =>
  (fields || field || '').split(',').filter((f) => f in FIELD_MESSAGES)
