import { describe, expect, it, vi } from 'vitest'

import { setupWechatShare, withSharer, type WxLike } from './WechatShare'

const WECHAT_UA = 'Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.50 NetType/WIFI'
const config = {
  appId: 'wx123',
  timestamp: 1414587457,
  nonceStr: 'abc',
  signature: 'f'.repeat(40),
  jsApiList: ['updateAppMessageShareData', 'updateTimelineShareData'],
  openTagList: [],
}
const props = { title: '春茶上新', desc: '山野茶事', imgUrl: 'https://cdn.example/c.jpg', link: 'https://tuiwen.example/a/spring' }

function env(ua: string, withWx = true) {
  const wx: WxLike = {
    config: vi.fn(),
    ready: vi.fn((fn: () => void) => fn()),
    updateAppMessageShareData: vi.fn(),
    updateTimelineShareData: vi.fn(),
  }
  const fetch = vi.fn(async (_url: string): Promise<{ ok: boolean; json(): Promise<unknown> }> => ({ ok: true, json: async () => config }))
  return {
    wx,
    fetch,
    e: {
      navigator: { userAgent: ua },
      location: { href: 'https://tuiwen.example/a/spring?x=1#top', origin: 'https://tuiwen.example' },
      wx: withWx ? wx : undefined,
      fetch,
    },
  }
}

describe('WechatShare', () => {
  it('inside WeChat: signs the URL without the hash, configures wx and sets both cards with the sharer', async () => {
    const { wx, fetch, e } = env(WECHAT_UA)
    expect(await setupWechatShare(e, { ...props, sharer: 'cust_42' })).toBe(true)
    expect(fetch.mock.calls[0][0]).toBe(`/api/wechat/jssdk-config?url=${encodeURIComponent('https://tuiwen.example/a/spring?x=1')}`)
    expect(wx.config).toHaveBeenCalledWith(expect.objectContaining({ appId: 'wx123', nonceStr: 'abc', signature: config.signature }))
    const card = { ...props, link: 'https://tuiwen.example/a/spring?sharer=cust_42' }
    expect(wx.updateAppMessageShareData).toHaveBeenCalledWith(card)
    expect(wx.updateTimelineShareData).toHaveBeenCalledWith(card)
  })

  it('uses the reader recognised by the server as the sharer when the page passes none', async () => {
    const { wx, fetch, e } = env(WECHAT_UA)
    fetch.mockResolvedValueOnce({ ok: true, json: async () => ({ ...config, sharer: 'reader-9' }) })
    expect(await setupWechatShare(e, props)).toBe(true)
    expect(wx.updateAppMessageShareData).toHaveBeenCalledWith({ ...props, link: 'https://tuiwen.example/a/spring?sharer=reader-9' })
  })

  it('does nothing outside WeChat, or without window.wx, or when the config request fails', async () => {
    const outside = env('Mozilla/5.0 Chrome/120')
    expect(await setupWechatShare(outside.e, props)).toBe(false)
    expect(outside.fetch).not.toHaveBeenCalled()
    const noWx = env(WECHAT_UA, false)
    expect(await setupWechatShare(noWx.e, props)).toBe(false)
    expect(noWx.fetch).not.toHaveBeenCalled()
    const failing = env(WECHAT_UA)
    failing.fetch.mockResolvedValueOnce({ ok: false, json: async () => ({}) })
    expect(await setupWechatShare(failing.e, props)).toBe(false)
    expect(failing.wx.config).not.toHaveBeenCalled()
  })

  it('leaves the link alone without a (valid) sharer', () => {
    expect(withSharer(props.link, undefined)).toBe(props.link)
    expect(withSharer(props.link, 'bad id!')).toBe(props.link)
  })
})
