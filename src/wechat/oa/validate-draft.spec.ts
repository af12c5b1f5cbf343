import { describe, expect, it } from 'vitest'

import type { DraftArticle } from './types'
import { assertValidDraftArticles, DraftValidationError, validateDraftArticle } from './validate-draft'

const valid: DraftArticle = { title: '春季新品上架', author: '小编', digest: '一句话摘要', content: '<p>正文</p>', thumb_media_id: 'THUMB' }
const fields = (a: Partial<DraftArticle>) => validateDraftArticle({ ...valid, ...a }).map((e) => [e.field, e.errcode])

describe('validateDraftArticle', () => {
  it('accepts a valid article', () => {
    expect(validateDraftArticle(valid)).toEqual([])
  })

  it('title: ≤ 32 characters and ≤ 64 bytes, not empty', () => {
    expect(fields({ title: '' })).toEqual([['title', 45003]])
    expect(fields({ title: 'a'.repeat(32) })).toEqual([])
    expect(fields({ title: 'a'.repeat(33) })).toEqual([['title', 45003]])
    expect(fields({ title: '中'.repeat(21) })).toEqual([]) // 63 bytes
    expect(fields({ title: '中'.repeat(22) })).toEqual([['title', 45003]]) // 22 chars but 66 bytes
    expect(validateDraftArticle({ ...valid, title: '中'.repeat(22) })[0].message).toMatch(/64 字节/)
  })

  it('author ≤ 8, digest ≤ 120 characters (code points)', () => {
    expect(fields({ author: '一二三四五六七八' })).toEqual([])
    expect(fields({ author: '一二三四五六七八九' })).toEqual([['author', 45110]])
    expect(fields({ digest: '字'.repeat(120) })).toEqual([])
    expect(fields({ digest: '字'.repeat(121) })).toEqual([['digest', 45004]])
    expect(fields({ digest: '😀'.repeat(120) })).toEqual([]) // 240 UTF-16 units, 120 characters
  })

  it('content: required, < 20 000 characters incl. tags, < 1 MB', () => {
    expect(fields({ content: '  ' })).toEqual([['content', 44002]])
    expect(fields({ content: 'x'.repeat(19_999) })).toEqual([])
    expect(fields({ content: 'x'.repeat(20_000) })).toEqual([['content', 45002]])
    expect(fields({ content: `<p style="color:red">${'x'.repeat(19_990)}</p>` })).toEqual([['content', 45002]])
    // 4-byte characters: 19 999 chars would be ~78 KB; the byte limit needs big characters, so check it directly.
    const big = '𠀀'.repeat(19_000) // 76 000 bytes, under both limits
    expect(fields({ content: big })).toEqual([])
  })

  it('content_source_url: http(s), ≤ 1 KB', () => {
    expect(fields({ content_source_url: 'https://shop.example.com/p/1' })).toEqual([])
    expect(fields({ content_source_url: 'javascript:alert(1)' })).toEqual([['content_source_url', 41039]])
    expect(fields({ content_source_url: `https://x.cn/${'a'.repeat(1024)}` })).toEqual([['content_source_url', 41039]])
  })

  it('thumb_media_id required for news, not for newspic', () => {
    expect(fields({ thumb_media_id: undefined })).toEqual([['thumb_media_id', 40007]])
    expect(fields({ thumb_media_id: ' ' })).toEqual([['thumb_media_id', 40007]])
    expect(fields({ article_type: 'newspic', thumb_media_id: undefined, image_info: { image_list: [{ image_media_id: 'M' }] } })).toEqual([])
    expect(fields({ article_type: 'newspic', thumb_media_id: undefined })).toEqual([['image_info', 40007]])
  })

  it('comment flags and crops', () => {
    expect(fields({ need_open_comment: 2 as 1 })).toEqual([['need_open_comment', 47001]])
    expect(fields({ pic_crop_235_1: '0.1945_0_1_0.5236' })).toEqual([])
    expect(fields({ pic_crop_1_1: '0.1_0.2_1.5_1' })).toEqual([['pic_crop_1_1', 40097]])
    expect(fields({ pic_crop_1_1: '0.1234567_0_1_1' })).toEqual([['pic_crop_1_1', 40097]])
  })

  it('assertValidDraftArticles reports every error with the article index, in Chinese', () => {
    try {
      assertValidDraftArticles([valid, { ...valid, title: '', author: '很长很长很长的作者名字' }])
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(DraftValidationError)
      const errors = (error as DraftValidationError).errors
      expect(errors.map((e) => [e.index, e.field])).toEqual([
        [1, 'title'],
        [1, 'author'],
      ])
      expect((error as Error).message).toContain('第 2 篇')
    }
    expect(() => assertValidDraftArticles([])).toThrow(DraftValidationError)
  })
})
