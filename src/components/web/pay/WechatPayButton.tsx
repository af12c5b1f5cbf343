'use client'
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

import type { JsapiPayParams } from '@/wechat/pay'

import { invokeWechatPay, type WeixinJSBridgeLike } from './invokeWechatPay'

const MESSAGES = {
  cancel: '已取消支付，可以再次点击支付',
  fail: '支付没有完成，请重试',
  outside: '请在微信内打开本页完成支付',
  checking: '支付完成，正在确认…',
}

/** 微信支付 inside WeChat (JSAPI): opens the pay sheet, then re-reads the order until it shows paid. */
export function WechatPayButton({ params }: { params: JsapiPayParams }) {
  const router = useRouter()
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  async function pay() {
    const bridge = (window as unknown as { WeixinJSBridge?: WeixinJSBridgeLike }).WeixinJSBridge
    if (!bridge) return setMessage(MESSAGES.outside)
    setBusy(true)
    const outcome = await invokeWechatPay(bridge, params)
    setBusy(false)
    if (outcome !== 'ok') return setMessage(MESSAGES[outcome])
    setMessage(MESSAGES.checking)
    // The page itself asks WeChat Pay when it renders a pending order, so a few refreshes settle it.
    for (let i = 0; i < 5; i++) {
      router.refresh()
      await new Promise((r) => setTimeout(r, 2000))
    }
  }
  return (
    <p>
      <button type="button" className="buy" onClick={pay} disabled={busy} data-testid="wechat-pay">
        {busy ? '正在打开微信支付…' : '微信支付'}
      </button>
      {message ? <span role="status">{message}</span> : null}
    </p>
  )
}
