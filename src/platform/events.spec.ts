import type { Payload } from 'payload'
import { afterEach, describe, expect, it } from 'vitest'

import type { OrderTransitioned } from '@/commerce/orderState'
import type { Order } from '@/payload-types'

import { publish, subscribe, unsubscribe } from './events'

const payload = {} as Payload
const event: OrderTransitioned = { order: { id: 'o1', status: 'paid' } as Order, from: 'pending_payment', to: 'paid', reason: 'test', actor: 'test' }
const names: string[] = []
const on = (name: string, handler: () => Promise<void> | void) => {
  names.push(name)
  subscribe('order.transitioned', name, handler)
}

afterEach(() => {
  for (const name of names.splice(0)) unsubscribe('order.transitioned', name)
})

describe('domain events', () => {
  it('runs the subscribers one after another, in the order they subscribed, with the payload and the event', async () => {
    const calls: string[] = []
    on('spec.first', async () => {
      await new Promise((r) => setTimeout(r, 10))
      calls.push('first')
    })
    subscribe('order.transitioned', 'spec.second', (p, e) => {
      calls.push(`second ${p === payload} ${e.order.id} ${e.from}→${e.to}`)
    })
    names.push('spec.second')
    await publish(payload, 'order.transitioned', event)
    expect(calls).toEqual(['first', 'second true o1 pending_payment→paid'])
  })

  it('stops at the first subscriber that throws and hands its error to the publisher, as sequential awaits did', async () => {
    const calls: string[] = []
    on('spec.first', () => {
      calls.push('first')
    })
    on('spec.failing', async () => {
      throw new Error('queue down')
    })
    on('spec.after', () => {
      calls.push('after')
    })
    await expect(publish(payload, 'order.transitioned', event)).rejects.toThrow('queue down')
    expect(calls).toEqual(['first'])
  })

  it('replaces a subscriber subscribed again under its name, in its place (a config loaded twice runs nothing twice)', async () => {
    const calls: string[] = []
    on('spec.a', () => void calls.push('a1'))
    on('spec.b', () => void calls.push('b'))
    on('spec.a', () => void calls.push('a2'))
    await publish(payload, 'order.transitioned', event)
    expect(calls).toEqual(['a2', 'b'])
  })

  it('publishes to nobody without error', async () => {
    await expect(publish(payload, 'order.transitioned', event)).resolves.toBeUndefined()
  })
})
