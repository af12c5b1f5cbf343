// Who is really calling: the only code that reads X-Forwarded-* from the network. scripts/server.mjs applies it to
// every request before Next sees it, so the app (src/platform/http/origin.ts) can read the headers it leaves.

/** TRUST_PROXY → how many proxies stand in front of us (unset/0 = none). Anything else is a configuration error. */
export function trustedProxyCount(value = process.env.TRUST_PROXY) {
  if (value === undefined || value === '' || value === '0' || value === 'false') return 0
  if (!/^\d{1,2}$/.test(value)) throw new Error(`TRUST_PROXY must be the number of proxies in front of the app (e.g. 1 behind one nginx); got "${value}"`)
  return Number(value)
}

const list = (value) =>
  (Array.isArray(value) ? value.join(',') : (value ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

const unmapped = (ip) => (ip?.startsWith('::ffff:') && ip.includes('.') ? ip.slice(7) : ip)

/**
 * The client address, protocol and host of one request. Without trusted proxies: the socket's peer address and
 * the Host header; X-Forwarded-* are ignored. With N trusted proxies: the address N hops from the right of
 * X-Forwarded-For + peer (what the outermost trusted proxy saw), and the nearest proxy's X-Forwarded-Proto/-Host.
 * @param {{ peer?: string, encrypted?: boolean, headers: Record<string, string | string[] | undefined>, trustProxy: number }} input
 */
export function resolveForwarded({ peer, encrypted = false, headers, trustProxy }) {
  const host = typeof headers.host === 'string' ? headers.host : undefined
  if (!trustProxy) return { clientIp: unmapped(peer) || 'unknown', proto: encrypted ? 'https' : 'http', host }
  const chain = [...list(headers['x-forwarded-for']), peer].filter(Boolean)
  const clientIp = unmapped(chain[Math.max(0, chain.length - 1 - trustProxy)]) || 'unknown'
  const proto = list(headers['x-forwarded-proto']).at(-1) === 'https' ? 'https' : encrypted ? 'https' : 'http'
  return { clientIp, proto, host: list(headers['x-forwarded-host']).at(-1) || host }
}

const FORWARDED = ['x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-forwarded-port', 'x-real-ip', 'forwarded']

/** Rewrites a Node request's headers in place so only resolveForwarded's answer remains. */
export function normalizeForwardedHeaders(req, trustProxy) {
  const resolved = resolveForwarded({ peer: req.socket?.remoteAddress, encrypted: Boolean(req.socket?.encrypted), headers: req.headers, trustProxy })
  for (const name of FORWARDED) delete req.headers[name]
  req.headers['x-forwarded-for'] = resolved.clientIp
  req.headers['x-forwarded-proto'] = resolved.proto
  if (resolved.host) req.headers['x-forwarded-host'] = resolved.host
  return resolved
}
