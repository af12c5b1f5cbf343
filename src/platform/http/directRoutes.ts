// Routes the production server (scripts/server.mjs) answers without Next's router, for the one request a push
// sends by the thousand: an anonymous buyer's POST /api/checkout. Through Next, any request costs about 2 ms of
// the single event-loop thread before our code runs (routing, the proxy's sandbox, Request/Response wrapping,
// tracing: bench/README.md), which is most of a checkout. A direct route does what the proxy does for it (the
// CSRF check and the security headers, src/proxy.ts) and calls the same operation as its Next route; whatever it
// does not accept (a signed-in user, another method) Next answers as before. Hand-written because no library
// puts a route in front of Next's handler inside one process.
import { allowedOrigins, checkCsrf, csrfRefusal } from './csrf'
import { publicOrigin } from './origin'
import { securityHeaders } from './securityHeaders'

/** What scripts/server.mjs hands a direct route: the normalized headers (X-Forwarded-* rewritten) and the body. */
export type DirectRequest = { method: string; url: string; headers: Headers; text: () => Promise<string> }

export type DirectRoute = {
  /** Decided on the headers alone, before the body is read: false leaves the request to Next. */
  accepts: (headers: Headers) => boolean
  answer: (request: DirectRequest) => Promise<Response>
  /** Bodies larger than this are refused (413) without being read to the end. */
  maxBody: number
}

const KEY = Symbol.for('tuiwen.http.directRoutes')
type Registry = Map<string, DirectRoute>
const registry = (): Registry => ((globalThis as { [KEY]?: Registry })[KEY] ??= new Map())

/** `path` is matched exactly (no query). The proxy's CSRF check and security headers wrap `route.answer`. */
export function registerDirectRoute(method: string, path: string, route: DirectRoute): void {
  registry().set(`${method.toUpperCase()} ${path}`, {
    ...route,
    answer: async (request) => {
      const headers = securityHeaders(path, publicOrigin(request))
      if (!checkCsrf(request, allowedOrigins(request)).ok) return csrfRefusal(headers)
      const response = await route.answer(request)
      for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
      return response
    },
  })
}

/** Tests: the route registered for method + path. */
export const directRouteFor = (method: string, path: string): DirectRoute | undefined => registry().get(`${method.toUpperCase()} ${path}`)
