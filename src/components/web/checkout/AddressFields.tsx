import React from 'react'

import { FIELD_MESSAGES } from '@/commerce/checkoutMessages'
import { ADDRESS_LIMITS, type ShippingAddress } from '@/platform/reader/shippingAddress'

import { WechatAddressButton } from './WechatAddressButton'

const FIELDS = [
  { name: 'name', label: '收货人', autoComplete: 'name', type: 'text' },
  { name: 'phone', label: '手机号', autoComplete: 'tel', type: 'tel' },
  { name: 'address', label: '详细地址', autoComplete: 'street-address', type: 'text' },
] as const

/**
 * 收货信息, required (everything sold here ships): filled in with the address remembered on this device; each field a
 * refusal lists is marked and says why. Inside WeChat, 「使用微信收货地址」 fills it from the reader's WeChat
 * addresses (JS-SDK openAddress).
 */
export function AddressFields({ remembered, invalid = [] }: { remembered?: ShippingAddress; invalid?: string[] }) {
  return (
    <fieldset className="address-fields" data-address>
      <legend>收货信息</legend>
      <WechatAddressButton />
      {FIELDS.map((f) => {
        const wrong = invalid.includes(`buyer.${f.name}`)
        const hint = `${f.name}-error`
        return (
          <label key={f.name} className={wrong ? 'is-invalid' : undefined}>
            <span>
              {f.label}
              <span className="required" aria-hidden>
                *
              </span>
            </span>
            <input
              name={f.name}
              type={f.type}
              required
              maxLength={ADDRESS_LIMITS[f.name]}
              autoComplete={f.autoComplete}
              defaultValue={remembered?.[f.name] ?? ''}
              placeholder={f.name === 'address' ? '省市区、街道、门牌号' : undefined}
              aria-invalid={wrong || undefined}
              aria-describedby={wrong ? hint : undefined}
            />
            {wrong ? (
              <span className="field-error" id={hint}>
                {FIELD_MESSAGES[`buyer.${f.name}`]}
              </span>
            ) : null}
          </label>
        )
      })}
    </fieldset>
  )
}
