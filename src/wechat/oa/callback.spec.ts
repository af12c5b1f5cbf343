import { createHash } from 'node:crypto'

import { describe, expect, it } from 'vitest'

import { callbackSignature, parseCallbackXml, verifyCallbackSignature } from './callback'

describe('callback signature (§1.11)', () => {
  const token = 'tuiwenToken'
  it('is sha1 of the sorted parts, and verification rejects forgeries', () => {
    const expected = createHash('sha1').update(['1714000000', '123456', token].sort().join('')).digest('hex')
    expect(callbackSignature({ token, timestamp: '1714000000', nonce: '123456' })).toBe(expected)
    expect(verifyCallbackSignature({ token, timestamp: '1714000000', nonce: '123456', signature: expected })).toBe(true)
    expect(verifyCallbackSignature({ token, timestamp: '1714000001', nonce: '123456', signature: expected })).toBe(false)
    expect(verifyCallbackSignature({ token: 'other', timestamp: '1714000000', nonce: '123456', signature: expected })).toBe(false)
    expect(verifyCallbackSignature({ token, timestamp: '1714000000', nonce: '123456', signature: 'abc' })).toBe(false)
    expect(verifyCallbackSignature({ token, timestamp: null, nonce: '123456', signature: expected })).toBe(false)
  })
})

describe('parseCallbackXml', () => {
  it('PUBLISHJOBFINISH success (doc sample shape)', () => {
    const xml = `<xml><ToUserName><![CDATA[gh_4d00ed8d6399]]></ToUserName>
<FromUserName><![CDATA[oV5CrjpxgaGXNHIQigzNlgLTnwic]]></FromUserName>
<CreateTime>1481013459</CreateTime><MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[PUBLISHJOBFINISH]]></Event>
<PublishEventInfo><publish_id>2247503051</publish_id><publish_status>0</publish_status>
 <article_id><![CDATA[b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy]]></article_id>
 <article_detail><count>2</count><item><idx>1</idx><article_url><![CDATA[http://mp.weixin.qq.com/s/a?x=1&y=2]]></article_url></item>
 <item><idx>2</idx><article_url><![CDATA[http://mp.weixin.qq.com/s/b]]></article_url></item></article_detail>
</PublishEventInfo></xml>`
    const event = parseCallbackXml(xml)
    expect(event).toMatchObject({
      type: 'PUBLISHJOBFINISH',
      toUserName: 'gh_4d00ed8d6399',
      createTime: 1481013459,
      publishId: '2247503051',
      publishStatus: 0,
      articleId: 'b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy',
      articles: [
        { idx: 1, url: 'http://mp.weixin.qq.com/s/a?x=1&y=2' },
        { idx: 2, url: 'http://mp.weixin.qq.com/s/b' },
      ],
      failIdx: [],
      dedupeKey: 'publish:2247503051',
    })
  })

  it('PUBLISHJOBFINISH failure carries repeated fail_idx', () => {
    const event = parseCallbackXml(
      '<xml><CreateTime>1</CreateTime><MsgType>event</MsgType><Event>PUBLISHJOBFINISH</Event><PublishEventInfo><publish_id>7</publish_id><publish_status>4</publish_status><fail_idx>1</fail_idx><fail_idx>3</fail_idx></PublishEventInfo></xml>',
    )
    expect(event).toMatchObject({ type: 'PUBLISHJOBFINISH', publishStatus: 4, failIdx: [1, 3], articleId: undefined })
  })

  it('MASSSENDJOBFINISH, TEMPLATESENDJOBFINISH, subscribe with qrscene_, SCAN, unknown', () => {
    expect(
      parseCallbackXml(
        '<xml><FromUserName>u</FromUserName><CreateTime>9</CreateTime><MsgType>event</MsgType><Event>MASSSENDJOBFINISH</Event><MsgID>1000001</MsgID><Status>err(20002)</Status><TotalCount>10</TotalCount><FilterCount>8</FilterCount><SentCount>0</SentCount><ErrorCount>8</ErrorCount></xml>',
      ),
    ).toMatchObject({ type: 'MASSSENDJOBFINISH', msgId: '1000001', status: 'err(20002)', totalCount: 10, filterCount: 8, errorCount: 8, dedupeKey: '1000001' })
    expect(
      parseCallbackXml('<xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>5</MsgID><Status><![CDATA[failed:user block]]></Status></xml>'),
    ).toMatchObject({ type: 'TEMPLATESENDJOBFINISH', msgId: '5', status: 'failed:user block' })
    expect(
      parseCallbackXml(
        '<xml><FromUserName>o1</FromUserName><CreateTime>3</CreateTime><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_post-123</EventKey><Ticket>T</Ticket></xml>',
      ),
    ).toMatchObject({ type: 'subscribe', scene: 'post-123', ticket: 'T', dedupeKey: 'o1:3' })
    expect(parseCallbackXml('<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey></EventKey></xml>')).toMatchObject({
      type: 'subscribe',
      scene: undefined,
    })
    expect(parseCallbackXml('<xml><MsgType>event</MsgType><Event>SCAN</Event><EventKey>123456</EventKey></xml>')).toMatchObject({
      type: 'SCAN',
      scene: '123456',
    })
    expect(parseCallbackXml('<xml><MsgType>text</MsgType><Content><![CDATA[你好 <b>&amp;</b>]]></Content><MsgId>42</MsgId></xml>')).toMatchObject({
      type: 'other',
      msgType: 'text',
      fields: { Content: '你好 <b>&amp;</b>' },
      dedupeKey: '42',
    })
  })

  it('rejects a body without <xml>', () => {
    expect(() => parseCallbackXml('{"not":"xml"}')).toThrow(/no <xml>/)
  })
})
