'use client'
// Share cards inside WeChat's browser (§3.3). Renders nothing. Only when the UA is WeChat's (MicroMessenger) and the
// JS-SDK is on the page (`window.wx`): fetches /api/wechat/jssdk-config for the current URL (without the hash, §3.2),
// then wx.config + wx.ready → updateAppMessageShareData / updateTimelineShareData. Failures are silent: the page
// keeps WeChat's default share card.
import { useEffect } from 'react'

export type ShareCard = { title: string; desc: string; imgUrl: string; link: string }

export type WechatShareProps = ShareCard & {
  /** The sharer id for `link`; by default the reader recognised by jssdk-config (their customer id), if any. */
  sharer?: string
  /** Passed to jssdk-config when the page's Official Account is not found from its path. */
  brand?: string
  /** Defaults to '/api/wechat/jssdk-config'. */
  endpoint?: string
}

type WxConfig = { appId: string; timestamp: number; nonceStr: string; signature: string; jsApiList?: string[]; openTagList?: string[]; sharer?: string }
export type WxLike = {
  config(config: WxConfig & { debug?: boolean }): void
  ready(fn: () => void): void
  error?(fn: (res: { errMsg?: string }) => void): void
  updateAppMessageShareData(card: ShareCard): void
  updateTimelineShareData(card: Omit<ShareCard, 'desc'> & { desc?: string }): void
}
type EnvLike = {
  navigator: { userAgent: string }
  location: { href: string; origin?: string }
  wx?: WxLike
  fetch: (input: string, init?: RequestInit) => Promise<{ ok: boolean; json(): Promise<unknown> }>
}

const ID = /^[A-Za-z0-9_-]{1,64}$/

export function withSharer(link: string, sharer: string | undefined, base?: string): string {
  if (!sharer || !ID.test(sharer)) return link
  try {
    const url = new URL(link, base)
    url.searchParams.set('sharer', sharer)
    return url.toString()
  } catch {
    return link
  }
}

const absolute = (url: string, base: string) => {
  try {
    return new URL(url, base).toString()
  } catch {
    return url
  }
}

export const JSSDK_SRC = 'https://res.wx.qq.com/open/js/jweixin-1.6.0.js'

/** The effect, separated from React so it can be tested with a fake `window`. Resolves true once wx.config ran. */
export async function setupWechatShare(env: EnvLike, props: WechatShareProps): Promise<boolean> {
  if (!/MicroMessenger/i.test(env.navigator.userAgent) || !env.wx) return false
  const wx = env.wx
  const pageUrl = env.location.href.split('#')[0]
  const q = new URLSearchParams({ url: pageUrl })
  if (props.brand) q.set('brand', props.brand)
  let config: WxConfig
  try {
    const res = await env.fetch(`${props.endpoint ?? '/api/wechat/jssdk-config'}?${q}`, { credentials: 'same-origin' })
    if (!res.ok) return false
    config = (await res.json()) as WxConfig
  } catch {
    return false
  }
  const card: ShareCard = {
    title: props.title,
    desc: props.desc,
    imgUrl: absolute(props.imgUrl, pageUrl),
    link: withSharer(absolute(props.link, pageUrl), props.sharer ?? config.sharer, env.location.origin ?? pageUrl),
  }
  wx.config({
    debug: false,
    appId: config.appId,
    timestamp: config.timestamp,
    nonceStr: config.nonceStr,
    signature: config.signature,
    jsApiList: config.jsApiList ?? ['updateAppMessageShareData', 'updateTimelineShareData'],
    openTagList: config.openTagList ?? [],
  })
  wx.ready(() => {
    wx.updateAppMessageShareData(card)
    wx.updateTimelineShareData(card)
  })
  return true
}

/**
 * Runs `then` once the JS-SDK is on the page: at once outside WeChat (there is none to load, so other readers never
 * fetch it) or when it already is, else after loading it (once per page, whoever asks first).
 */
export function withJssdk(then: () => void): void {
  if (!/MicroMessenger/i.test(navigator.userAgent) || (window as unknown as { wx?: unknown }).wx) return then()
  let script = document.querySelector<HTMLScriptElement>(`script[src="${JSSDK_SRC}"]`)
  if (!script) {
    script = document.createElement('script')
    script.src = JSSDK_SRC
    script.async = true
    document.head.appendChild(script)
  }
  script.addEventListener('load', then, { once: true })
}

export function WechatShare(props: WechatShareProps) {
  const { title, desc, imgUrl, link, sharer, brand, endpoint } = props
  useEffect(() => {
    withJssdk(() => void setupWechatShare(window as unknown as EnvLike, { title, desc, imgUrl, link, sharer, brand, endpoint }))
  }, [title, desc, imgUrl, link, sharer, brand, endpoint])
  return null
}
