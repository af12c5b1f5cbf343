import { describe, expect, it } from 'vitest'

import { buildWxConfig, jsapiSignature } from './jssdk'

// Official test vectors, wechat-api.md §3.2.
const ticket = 'sM4AOVdWfPE4DxkXGEs8VMCPGGVi4C3VM0P37wVUCFvkVAy_90u5h9nbSlYy3-Sl-HhTdfl2fzFy1AOcHKP7qg'
const base = { ticket, nonceStr: 'Wm3WZYTPz0wzccnW', timestamp: 1414587457 }

describe('jsapiSignature', () => {
  it('reproduces the current doc vector', () => {
    expect(jsapiSignature({ ...base, url: 'http://mp.weixin.qq.com?params=value' })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })
  it('reproduces the old doc vector', () => {
    expect(jsapiSignature({ ...base, url: 'http://mp.weixin.qq.com' })).toBe('f4d90daf4b3bca3078ab155816175ba34c443a7b')
  })
  it('ignores the #fragment, but not an encoded URL', () => {
    expect(jsapiSignature({ ...base, url: 'http://mp.weixin.qq.com?params=value#share' })).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
    expect(jsapiSignature({ ...base, url: encodeURIComponent('http://mp.weixin.qq.com?params=value') })).not.toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })
  it('buildWxConfig uses seconds and the same signature', () => {
    const config = buildWxConfig({ appId: 'wx1', ticket, url: 'http://mp.weixin.qq.com?params=value', nowMs: 1414587457_123, nonceStr: base.nonceStr })
    expect(config.timestamp).toBe(1414587457)
    expect(config.signature).toBe('0f9de62fce790f9a083d5c99e95740ceb90c27ed')
  })
})
