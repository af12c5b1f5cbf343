// The server's half of the direct routes (src/platform/http/directRoutes.ts): the app registers them in a
// process-wide registry when Payload starts; here a request that one accepts is answered without Next's router.
// Until the app has started (or for whatever a route does not accept), Next answers as before.
const KEY = Symbol.for('tuiwen.http.directRoutes')

function webHeaders(nodeHeaders) {
  const headers = new Headers()
  for (const [name, value] of Object.entries(nodeHeaders)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}

/** The direct route for this request (after its forwarded headers were normalized), or undefined. */
export function directRouteFor(req) {
  const routes = globalThis[KEY]
  if (!routes?.size) return undefined
  const q = req.url.indexOf('?')
  const route = routes.get(`${req.method} ${q < 0 ? req.url : req.url.slice(0, q)}`)
  if (!route) return undefined
  const headers = webHeaders(req.headers)
  return route.accepts(headers) ? { route, headers } : undefined
}

/** The body as text, read up to `max` bytes and one more (the route refuses what is longer); the rest is discarded. */
function readBody(req, max) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    req.on('data', (chunk) => {
      if (size > max) return
      chunks.push(chunk)
      size += chunk.length
    })
    req.on('end', () =>
      resolve(
        Buffer.concat(chunks)
          .toString('utf8')
          .slice(0, max + 1),
      ),
    )
    req.on('error', reject)
  })
}

export async function serveDirect({ route, headers }, req, res) {
  let body
  const request = {
    method: req.method,
    url: `http://${req.headers.host || 'localhost'}${req.url}`,
    headers,
    text: () => (body ??= readBody(req, route.maxBody)),
  }
  try {
    const response = await route.answer(request)
    if (body === undefined) req.resume() // answered without the body (a refusal): let it drain
    res.statusCode = response.status
    response.headers.forEach((value, name) => res.setHeader(name, value))
    res.end(Buffer.from(await response.arrayBuffer()))
  } catch (error) {
    console.error('direct route failed:', error)
    if (res.headersSent) return res.destroy()
    res.statusCode = 500
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify({ error: { code: 'INTERNAL', message: 'internal error' } }))
  }
}
