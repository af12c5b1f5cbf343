import { describe, expect, it } from 'vitest'

import { createTestClock } from '@/platform/clock'

import { parseAuthorization } from './auth'
import { createScheduler } from './scheduler'

describe('parseAuthorization (§4.1)', () => {
  const good = 'WECHATPAY2-SHA256-RSA2048 mchid="1900007291",nonce_str="N",signature="c2ln",timestamp="1554208460",serial_no="408B"'
  it('accepts pairs in any order, and rejects spaces, other schemes and missing fields', () => {
    expect(parseAuthorization(good)).toEqual({ mchid: '1900007291', nonce_str: 'N', signature: 'c2ln', timestamp: '1554208460', serial_no: '408B' })
    expect(parseAuthorization('WECHATPAY2-SHA256-RSA2048 serial_no="408B",timestamp="1",signature="s",nonce_str="N",mchid="1"')).not.toBeUndefined()
    expect(parseAuthorization(good.replace('",nonce_str', '", nonce_str'))).toBeUndefined()
    expect(parseAuthorization(good.replace('WECHATPAY2-SHA256-RSA2048 ', 'WECHATPAY2-SHA256-RSA2048  '))).toBeUndefined()
    expect(parseAuthorization(good.replace('WECHATPAY2', 'Bearer'))).toBeUndefined()
    expect(parseAuthorization(good.replace(',serial_no="408B"', ''))).toBeUndefined()
    expect(parseAuthorization(null)).toBeUndefined()
  })
})

describe('scheduler', () => {
  it('runs tasks at their exact virtual times, including tasks scheduled while running', async () => {
    const clock = createTestClock(0)
    const scheduler = createScheduler(clock, { auto: false, timeFactor: 1 })
    const ran: number[] = []
    scheduler.schedule(1000, async () => {
      ran.push(clock.now())
      scheduler.schedule(500, async () => void ran.push(clock.now()))
    })
    scheduler.schedule(5000, async () => void ran.push(clock.now()))
    await scheduler.tick(1200)
    expect(ran).toEqual([1000])
    expect(clock.now()).toBe(1200)
    await scheduler.tick(10_000)
    expect(ran).toEqual([1000, 1500, 5000])
    expect(clock.now()).toBe(11_200)
    expect(scheduler.pending()).toBe(0)
  })
})
