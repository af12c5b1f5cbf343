// POST /api/checkout for an anonymous buyer, answered by scripts/server.mjs without Next's router
// (src/platform/http/directRoutes.ts): the same operation and answer as Payload's REST route. A signed-in user
// (Payload's cookie or an Authorization header) goes through the REST route, which authenticates them.
import type { Payload } from 'payload'

import { registerDirectRoute } from '@/platform/http/directRoutes'

import { answerCheckout, MAX_CHECKOUT_BODY } from './endpoints'

const signedIn = (headers: Headers) => headers.has('authorization') || /(?:^|;\s*)payload-token=/.test(headers.get('cookie') ?? '')

export function registerDirectCheckout(payload: Payload): void {
  registerDirectRoute('POST', '/api/checkout', {
    maxBody: MAX_CHECKOUT_BODY,
    accepts: (headers) => !signedIn(headers),
    answer: (request) => answerCheckout(payload, request),
  })
}
