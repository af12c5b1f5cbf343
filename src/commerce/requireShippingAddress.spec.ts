import { describe, expect, it } from 'vitest'

import { requireShippingAddress } from './requireShippingAddress'

const ok = { name: '林小姐', phone: '13800138000', address: '浙江省杭州市西湖区龙井路 1 号' }
const fieldOf = (buyer: Parameters<typeof requireShippingAddress>[0]) => {
  try {
    requireShippingAddress(buyer)
    return 'ok'
  } catch (error) {
    return (error as { field?: string }).field
  }
}

describe('the shipping address an order form must carry', () => {
  it('accepts a complete address, mainland and international numbers', () => {
    expect(fieldOf(ok)).toBe('ok')
    expect(fieldOf({ ...ok, phone: '+86 138 0013 8000' })).toBe('ok')
    expect(fieldOf({ ...ok, phone: '+852 6123 4567' })).toBe('ok')
    expect(fieldOf({ ...ok, phone: '020-81167888' })).toBe('ok')
  })

  it('names the first missing or malformed field', () => {
    expect(fieldOf(undefined)).toBe('buyer.name')
    expect(fieldOf({ ...ok, name: '  ' })).toBe('buyer.name')
    expect(fieldOf({ ...ok, phone: '' })).toBe('buyer.phone')
    expect(fieldOf({ ...ok, phone: '12345' })).toBe('buyer.phone')
    expect(fieldOf({ ...ok, address: '杭州' })).toBe('buyer.address')
  })

  it('lists every wrong field, so the form marks them all at once', () => {
    try {
      requireShippingAddress({ name: '', phone: '12345', address: '杭州' })
      expect.unreachable()
    } catch (error) {
      expect(error).toMatchObject({ field: 'buyer.name', details: { fields: 'buyer.name,buyer.phone,buyer.address' } })
    }
  })
})
