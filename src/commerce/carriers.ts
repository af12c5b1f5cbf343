// The carriers a brand ships with, the tracking-number rule, and where a reader tracks a parcel. Pure (no server
// imports): the Orders collection, the admin's 发货 inputs and the reader's order page read the same table.
import type { LabelledValue } from '@/utilities/selectOptions'

export const CARRIERS = [
  { value: 'sf', zh: '顺丰速运', en: 'SF Express' },
  { value: 'jd', zh: '京东物流', en: 'JD Logistics' },
  { value: 'zto', zh: '中通快递', en: 'ZTO Express' },
  { value: 'yto', zh: '圆通速递', en: 'YTO Express' },
  { value: 'sto', zh: '申通快递', en: 'STO Express' },
  { value: 'yunda', zh: '韵达快递', en: 'Yunda Express' },
  { value: 'ems', zh: 'EMS', en: 'EMS' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly LabelledValue[]

export type Carrier = (typeof CARRIERS)[number]['value']

export const isCarrier = (value: unknown): value is Carrier => CARRIERS.some((c) => c.value === value)

/** The Chinese name of a carrier; an unknown value is shown as it is. */
export const carrierLabel = (value: string) => CARRIERS.find((c) => c.value === value)?.zh ?? value

export const TRACKING_NUMBER_PATTERN = /^[A-Za-z0-9-]{6,40}$/
export const TRACKING_NUMBER_MESSAGE = '运单号须为 6–40 位字母、数字或短横线'

export const isTrackingNumber = (value: unknown): value is string => typeof value === 'string' && TRACKING_NUMBER_PATTERN.test(value)

/** The carrier's public tracking page for a parcel; carriers without a stable one go through 快递100. */
export function trackingUrl(carrier: string, trackingNumber: string): string {
  const no = encodeURIComponent(trackingNumber)
  if (carrier === 'sf') return `https://www.sf-express.com/chn/sc/waybill/waybill-detail/${no}`
  return `https://www.kuaidi100.com/chaxun?nu=${no}`
}
