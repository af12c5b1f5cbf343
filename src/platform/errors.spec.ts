import type { PayloadRequest } from 'payload'
import { describe, expect, it, vi } from 'vitest'

import { CommerceError } from '@/commerce/errors'
import { CommunityError } from '@/communities/errors'
import { PublishError } from '@/publishing/errors'
import { AccountSetupError } from '@/wechat/account/errors'

import { OverloadedError } from './admission'
import { answersErrors, AppError, errorResponse } from './errors'
import { RateLimitedError } from './limits'

const logger = () => ({ error: vi.fn() })

describe('errorResponse', () => {
  it('answers an AppError with its status, { error: { code, message, field, …details } } and its headers', async () => {
    const error = new AppError('NOT_STARTED', 409, '秒杀还没开始', {
      field: 'items[0].product',
      details: { startsAt: '2026-12-01T02:00:00.000Z', code: 'IGNORED' },
      headers: { 'retry-after': '7' },
    })
    const log = logger()
    const res = errorResponse(error, { logger: log, headers: { 'cache-control': 'no-store', 'retry-after': '1' } })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.headers.get('retry-after')).toBe('7') // the error's own header wins
    expect(res.headers.get('cache-control')).toBe('no-store')
    // Details never override code/message/field.
    expect(await res.json()).toEqual({
      error: { code: 'NOT_STARTED', message: '秒杀还没开始', field: 'items[0].product', startsAt: '2026-12-01T02:00:00.000Z' },
    })
    expect(log.error).not.toHaveBeenCalled()
  })

  it('leaves field out when there is none', async () => {
    expect(await errorResponse(new AppError('NOT_FOUND', 404, '找不到该推送')).json()).toEqual({ error: { code: 'NOT_FOUND', message: '找不到该推送' } })
  })

  it('answers anything else 500 INTERNAL, logged, without its message', async () => {
    const log = logger()
    const thrown = new Error('SQLITE_BUSY: database is locked at /srv/data/tuiwen.db')
    const res = errorResponse(thrown, { logger: log, logAs: 'checkout failed', headers: { 'cache-control': 'no-store' } })
    expect(res.status).toBe(500)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const text = await res.text()
    expect(text).not.toContain('SQLITE')
    expect(JSON.parse(text)).toEqual({ error: { code: 'INTERNAL', message: '操作失败，请重试 (internal error)' } })
    expect(log.error).toHaveBeenCalledWith({ msg: 'checkout failed', err: thrown })
    expect((await errorResponse('a string', { logger: log, internalMessage: '下单失败，请重试 (internal error)' }).json()).error).toEqual({
      code: 'INTERNAL',
      message: '下单失败，请重试 (internal error)',
    })
  })

  it('every domain error is an AppError with its contract code, status and Retry-After', async () => {
    const limited = errorResponse(new RateLimitedError('checkout', 12))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('12')
    expect((await limited.json()).error).toEqual({ code: 'RATE_LIMITED', message: '下单太频繁，请稍后再试 (too many checkouts)' })
    const busy = errorResponse(new OverloadedError())
    expect([busy.status, busy.headers.get('retry-after'), (await busy.json()).error.code]).toEqual([503, '2', 'BUSY'])
    const sale = errorResponse(new CommerceError('LIMIT_REACHED', 409, '每人限购 2 件', 'buyer.phone', { limit: 2, remaining: 0 }))
    expect(await sale.json()).toEqual({ error: { code: 'LIMIT_REACHED', message: '每人限购 2 件', field: 'buyer.phone', limit: 2, remaining: 0 } })
    expect((await errorResponse(new CommunityError('FULL', 409, '名额已满')).json()).error).toEqual({ code: 'FULL', message: '名额已满' })
    for (const error of [new PublishError('x'), new AccountSetupError('y'), new CommunityError('FULL', 409, 'z')]) expect(error).toBeInstanceOf(AppError)
    expect(errorResponse(new AccountSetupError('该公众号尚未填写 AppSecret')).status).toBe(409)
  })
})

describe('answersErrors', () => {
  it("turns a handler's throw into its answer, with the request's logger for the unexpected", async () => {
    const log = logger()
    const req = { payload: { logger: log } } as unknown as PayloadRequest
    const refused = answersErrors(
      async () => {
        throw new AppError('LOGIN_REQUIRED', 401, '请先登录')
      },
      { headers: { 'cache-control': 'no-store' } },
    )
    const res = await refused(req)
    expect([res.status, res.headers.get('cache-control')]).toEqual([401, 'no-store'])
    expect(await res.json()).toEqual({ error: { code: 'LOGIN_REQUIRED', message: '请先登录' } })
    const broken = answersErrors(async () => {
      throw new TypeError('secret detail')
    })
    expect((await (await broken(req)).json()).error.code).toBe('INTERNAL')
    expect(log.error).toHaveBeenCalledOnce()
    expect(await (await answersErrors(async () => new Response('ok'))(req)).text()).toBe('ok')
  })
})
