import { describe, expect, it } from 'vitest'

import { addressFields } from '../../components/web/checkout/WechatAddressButton'
import { addressCookie, addressFromHeaders } from './shippingAddress'

const headersWith = (setCookie: string) => new Headers({ cookie: setCookie.split(';')[0]! })

describe('the shipping address remembered on the reader’s device', () => {
  it('comes back as typed, Chinese included, in a script-proof first-party cookie', () => {
    const address = { name: '林小姐', phone: '+86 138 0013 8000', address: '浙江省杭州市西湖区龙井路 18 号' }
    const cookie = addressCookie(address, true)
    expect(cookie).toMatch(/^tw_addr=[A-Za-z0-9_-]+; Path=\/; Max-Age=15552000; HttpOnly; SameSite=Lax; Secure$/)
    expect(addressFromHeaders(headersWith(cookie))).toEqual(address)
  })

  it('ignores a cookie it did not write: malformed, oversized fields, wrong shape', () => {
    const encode = (value: unknown) => `tw_addr=${Buffer.from(JSON.stringify(value)).toString('base64url')}`
    expect(addressFromHeaders(new Headers({ cookie: 'tw_addr=%%%' }))).toBeUndefined()
    expect(addressFromHeaders(new Headers({ cookie: encode({ name: 'x'.repeat(41), phone: '1', address: 'a' }) }))).toBeUndefined()
    expect(addressFromHeaders(new Headers({ cookie: encode({ name: 1, phone: '1', address: 'a' }) }))).toBeUndefined()
    expect(addressFromHeaders(new Headers({ cookie: encode(['a']) }))).toBeUndefined()
    expect(addressFromHeaders(new Headers())).toBeUndefined()
  })

  it("WeChat's openAddress answer fills the three fields (the district is countryName)", () => {
    const picked = {
      userName: '张三',
      telNumber: '020-81167888',
      provinceName: '广东省',
      cityName: '广州市',
      countryName: '海珠区',
      detailInfo: '新港中路397号',
    }
    expect(addressFields(picked)).toEqual({ name: '张三', phone: '020-81167888', address: '广东省广州市海珠区新港中路397号' })
  })
})
