// Domain events inside one process: a module publishes what happened, the modules that react subscribe at the
// composition root (src/subscribers.ts), so the publisher imports none of them. Delivery is synchronous and in
// subscription order: publish awaits each subscriber in turn, and the first error stops the rest and reaches the
// publisher. What must survive a crash or must not fail the publisher belongs in the outbox (src/platform/outbox),
// which a subscriber may write.
import type { Payload } from 'payload'

/**
 * Topic → event. Each publisher declares its topics next to its code:
 * `declare module '@/platform/events' { interface DomainEvents { 'order.transitioned': OrderTransitioned } }`.
 */
// An interface so that publishers can merge their topics into it (declaration merging); a type alias cannot.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DomainEvents {}

export type Topic = keyof DomainEvents
export type Subscriber<T extends Topic> = (payload: Payload, event: DomainEvents[T]) => Promise<void> | void

// Per process, not per module instance: Next.js may load this module more than once.
const KEY = Symbol.for('tuiwen.platform.events')
type Subscribers = Map<string, Map<string, Subscriber<never>>>
const subscribers = (): Subscribers => ((globalThis as { [KEY]?: Subscribers })[KEY] ??= new Map())

/**
 * Subscribes `handler` to `topic` under `name`. Subscribing the same name again replaces the handler in its place,
 * so a configuration loaded twice (dev reloads, a second Payload instance in tests) does not run an effect twice.
 */
export function subscribe<T extends Topic>(topic: T, name: string, handler: Subscriber<T>): void {
  const list = subscribers().get(topic) ?? new Map<string, Subscriber<never>>()
  list.set(name, handler as Subscriber<never>)
  subscribers().set(topic, list)
}

/** Removes a subscriber (tests). */
export function unsubscribe(topic: Topic, name: string): void {
  subscribers().get(topic)?.delete(name)
}

/** Runs the subscribers of `topic` one after another; the first that throws stops the rest and its error propagates. */
export async function publish<T extends Topic>(payload: Payload, topic: T, event: DomainEvents[T]): Promise<void> {
  for (const handler of [...(subscribers().get(topic)?.values() ?? [])]) await (handler as Subscriber<T>)(payload, event)
}
