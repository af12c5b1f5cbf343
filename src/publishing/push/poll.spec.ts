// What a poll of a submitted publish stores, and through whom: the job's `save`, so the job's copy of the push and
// the stored one agree without reading it back. A poll that learns nothing new writes nothing.
import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import type { Push } from '@/payload-types'
import type { OfficialAccountClient } from '@/wechat/oa'

import { pollPublish } from './poll'

type PublishStatus = { publish_status: number; article_id?: string; article_detail?: { item: { idx: number; article_url: string }[] }; fail_idx: number[] }

function setup(answer: PublishStatus, pushPatch: Partial<Push> = {}) {
  const push = {
    id: 'push-1',
    status: 'publishing',
    publishId: 'pub-1',
    mediaId: 'media-1',
    draftArticles: ['art-1', 'art-2'],
    steps: [
      { key: 'draft', label: '创建草稿', state: 'done', done: 2, total: 2 },
      { key: 'publish', label: '发表', state: 'running', done: 0, total: 0, message: '已提交发表，等待微信审核结果' },
    ],
    ...pushPatch,
  } as unknown as Push
  const writes: string[] = []
  const payload = {
    find: async () => ({
      docs: [
        { id: 'art-1', title: '头条' },
        { id: 'art-2', title: '次条' },
      ],
    }),
    update: async () => writes.push('payload.update'),
    findByID: async () => writes.push('payload.findByID'),
  } as unknown as Payload
  const asked: string[] = []
  const client = {
    publish: {
      get: async (publishId: string) => {
        asked.push(publishId)
        return answer
      },
    },
  } as unknown as OfficialAccountClient
  const saved: Partial<Push>[] = []
  const save = async (data: Partial<Push>) => {
    saved.push(data)
    Object.assign(push, data)
  }
  return { push, payload, client, save, saved, writes, asked }
}

describe('polling a submitted publish', () => {
  it('stores a success through save: status, article URLs in draft order, the publish step done, the draft gone', async () => {
    const t = setup({
      publish_status: 0,
      article_id: 'wx-article',
      article_detail: {
        item: [
          { idx: 1, article_url: 'http://mp.weixin.qq.com/s/1' },
          { idx: 2, article_url: 'http://mp.weixin.qq.com/s/2' },
        ],
      },
      fail_idx: [],
    })
    await pollPublish(t.payload, t.client, t.push, t.save)
    expect(t.asked).toEqual(['pub-1'])
    expect(t.saved).toHaveLength(1)
    expect(t.saved[0]).toMatchObject({
      status: 'published',
      wechatArticleId: 'wx-article',
      mediaId: null,
      lastError: null,
      publishedUrls: [
        { articleId: 'art-1', title: '头条', idx: 1, url: 'http://mp.weixin.qq.com/s/1' },
        { articleId: 'art-2', title: '次条', idx: 2, url: 'http://mp.weixin.qq.com/s/2' },
      ],
    })
    expect(t.push.status).toBe('published')
    expect((t.push.steps as { key: string; state: string; message?: string }[]).find((s) => s.key === 'publish')).toMatchObject({
      state: 'done',
      message: '发表成功',
    })
    // save is the one writer; nothing is written or read back behind it.
    expect(t.writes).toEqual([])
  })

  it('stores a rejection through save, naming the articles that failed', async () => {
    const t = setup({ publish_status: 4, fail_idx: [2] })
    await pollPublish(t.payload, t.client, t.push, t.save)
    expect(t.saved).toEqual([expect.objectContaining({ status: 'failed', lastError: '平台审核未通过：第 2 篇', mediaId: null })])
    expect((t.push.steps as { key: string; state: string; message?: string }[]).find((s) => s.key === 'publish')).toMatchObject({
      state: 'failed',
      message: '平台审核未通过：第 2 篇',
    })
    expect(t.writes).toEqual([])
  })

  it('while WeChat still reviews it, stores nothing: the push stays publishing with its running step', async () => {
    const t = setup({ publish_status: 1, fail_idx: [] })
    const before = structuredClone(t.push)
    await pollPublish(t.payload, t.client, t.push, t.save)
    expect(t.asked).toEqual(['pub-1'])
    expect(t.saved).toEqual([])
    expect(t.writes).toEqual([])
    expect(t.push).toEqual(before)
  })

  it('asks nothing of WeChat for a push that is not publishing or was never submitted', async () => {
    for (const patch of [{ status: 'published' }, { status: 'failed' }, { publishId: null }] as Partial<Push>[]) {
      const t = setup({ publish_status: 0, fail_idx: [] }, patch)
      await pollPublish(t.payload, t.client, t.push, t.save)
      expect(t.asked).toEqual([])
      expect(t.saved).toEqual([])
    }
  })
})
