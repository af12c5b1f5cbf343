'use client'
// 「使用微信收货地址」 inside WeChat's browser: the JS-SDK's openAddress (§3) shows the reader's saved addresses and
// fills the form with the one chosen. Rendered only where it can work (WeChat, JS-SDK configured); elsewhere, and
// without JavaScript, the plain fields are the form.
import { useEffect, useState } from 'react'

import { withJssdk } from '../WechatShare'

type WechatAddress = { userName: string; telNumber: string; provinceName: string; cityName: string; countryName: string; detailInfo: string }
type WxWithAddress = {
  config(config: Record<string, unknown>): void
  ready(fn: () => void): void
  openAddress(options: { success(address: WechatAddress): void; cancel?(): void; fail?(): void }): void
}

/** The JS-SDK's address as our three fields (the district is `countryName` in WeChat's answer). */
export const addressFields = (a: WechatAddress) => ({
  name: a.userName,
  phone: a.telNumber,
  address: `${a.provinceName}${a.cityName}${a.countryName}${a.detailInfo}`,
})

function fill(button: HTMLElement, values: ReturnType<typeof addressFields>) {
  const form = button.closest('form')
  for (const [name, value] of Object.entries(values)) {
    const input = form?.elements.namedItem(name) as HTMLInputElement | null
    if (input) input.value = value.slice(0, input.maxLength > 0 ? input.maxLength : undefined)
  }
}

export function WechatAddressButton() {
  const [wx, setWx] = useState<WxWithAddress | undefined>()
  useEffect(() => {
    if (!/MicroMessenger/i.test(navigator.userAgent)) return
    withJssdk(async () => {
      const sdk = (window as unknown as { wx?: WxWithAddress }).wx
      if (!sdk) return
      const url = location.href.split('#')[0]!
      const res = await fetch(`/api/wechat/jssdk-config?${new URLSearchParams({ url })}`, { credentials: 'same-origin' }).catch(() => undefined)
      if (!res?.ok) return
      const config = (await res.json()) as Record<string, unknown>
      sdk.config({ appId: config.appId, timestamp: config.timestamp, nonceStr: config.nonceStr, signature: config.signature, jsApiList: ['openAddress'] })
      sdk.ready(() => setWx(sdk))
    })
  }, [])
  if (!wx) return null
  return (
    <button
      type="button"
      className="wechat-address"
      onClick={(event) => {
        const button = event.currentTarget
        wx.openAddress({ success: (address) => fill(button, addressFields(address)) })
      }}
    >
      使用微信收货地址
    </button>
  )
}
