import type { EmulatorContext } from './context'
import { closeOrder } from './routes/close'
import type { RouteRequest } from './routes/common'
import { prepay } from './routes/prepay'
import { queryByOutTradeNo, queryByTransactionId } from './routes/query'
import { createRefund, queryRefund } from './routes/refund'
import type { Product, RouteName } from './types'

export type Route = {
  name: RouteName
  method: 'GET' | 'POST'
  pattern: RegExp
  params: string[]
  /** 401 message family and header checks differ by path (§4.9, §5.7 item 32). */
  family: 'transactions' | 'strict'
  /** Missing/malformed Accept or User-Agent is checked first on these (§4.1). */
  needsUaAccept: boolean
  run: (ctx: EmulatorContext, req: RouteRequest, match: RegExpMatchArray) => Promise<Response>
}

const T = 'transactions' as const

export const ROUTES: Route[] = [
  {
    name: 'prepay',
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/(jsapi|h5|native)$/,
    params: ['product'],
    family: T,
    needsUaAccept: false,
    run: (ctx, req) => prepay(ctx, req.params.product as Product, req),
  },
  {
    name: 'close',
    method: 'POST',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/,
    params: ['outTradeNo'],
    family: T,
    needsUaAccept: false,
    run: closeOrder,
  },
  {
    name: 'query',
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/,
    params: ['outTradeNo'],
    family: T,
    needsUaAccept: false,
    run: queryByOutTradeNo,
  },
  {
    name: 'queryById',
    method: 'GET',
    pattern: /^\/v3\/pay\/transactions\/id\/([^/]+)$/,
    params: ['transactionId'],
    family: T,
    needsUaAccept: false,
    run: queryByTransactionId,
  },
  { name: 'refund', method: 'POST', pattern: /^\/v3\/refund\/domestic\/refunds$/, params: [], family: 'strict', needsUaAccept: true, run: createRefund },
  {
    name: 'refundQuery',
    method: 'GET',
    pattern: /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/,
    params: ['outRefundNo'],
    family: 'strict',
    needsUaAccept: true,
    run: queryRefund,
  },
]

export function matchRoute(method: string, path: string): { route: Route; params: Record<string, string> } | 'method-not-allowed' | undefined {
  let pathKnown = false
  for (const route of ROUTES) {
    const match = path.match(route.pattern)
    if (!match) continue
    pathKnown = true
    if (route.method !== method) continue
    const params: Record<string, string> = {}
    route.params.forEach((name, i) => (params[name] = decodeURIComponent(match[i + 1])))
    return { route, params }
  }
  return pathKnown ? 'method-not-allowed' : undefined
}
