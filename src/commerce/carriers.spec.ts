import { describe, expect, it } from 'vitest'

import { carrierLabel, CARRIERS, isCarrier, isTrackingNumber, trackingUrl } from './carriers'

describe('carriers', () => {
  it('names every carrier in Chinese, unknown values as they are', () => {
    expect(CARRIERS.map((c) => c.value)).toEqual(['sf', 'jd', 'zto', 'yto', 'sto', 'yunda', 'ems', 'other'])
    expect(carrierLabel('sf')).toBe('顺丰速运')
    expect(carrierLabel('yunda')).toBe('韵达快递')
    expect(carrierLabel('dhl')).toBe('dhl')
    expect(isCarrier('jd')).toBe(true)
    expect(isCarrier('dhl')).toBe(false)
    expect(isCarrier(undefined)).toBe(false)
  })

  it('links 顺丰 to its own waybill page and the others to 快递100', () => {
    expect(trackingUrl('sf', 'SF1234567890')).toBe('https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890')
    expect(trackingUrl('zto', '7312-0000')).toBe('https://www.kuaidi100.com/chaxun?nu=7312-0000')
    expect(trackingUrl('other', 'ABC123')).toBe('https://www.kuaidi100.com/chaxun?nu=ABC123')
  })

  it('accepts 6–40 letters, digits and dashes as a tracking number', () => {
    expect(isTrackingNumber('SF1234567890')).toBe(true)
    expect(isTrackingNumber('ab-123')).toBe(true)
    expect(isTrackingNumber('x'.repeat(40))).toBe(true)
    expect(isTrackingNumber('x'.repeat(41))).toBe(false)
    expect(isTrackingNumber('12345')).toBe(false)
    expect(isTrackingNumber('SF 123456')).toBe(false)
    expect(isTrackingNumber('顺丰123456')).toBe(false)
    expect(isTrackingNumber(123456)).toBe(false)
  })
})
