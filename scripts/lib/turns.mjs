// Requests start in the order they arrived, one per turn of the event loop, so a crowd of new connections is
// accepted within milliseconds instead of waiting seconds in the kernel's queue.
//
// Why by hand: libuv (1.46, Node 20) accepts one connection per turn of the event loop, and Node starts every
// request whose bytes arrived in a turn within that turn. Under a push-day crowd a turn then lasts as long as all the
// work that arrived in it (200 keep-alive buyers × a few ms each), so a burst of new buyers is accepted one per
// such turn: the last of 200 waited 8–9 s while the first were served again and again (bench/README.md, "Fair
// turns"). Starting one request per turn keeps turns short; the listener is polled between requests, and every
// request waits its turn in arrival order. No library does this for Node's http server.
//
// A request that waited longer than `maxWaitMs` (the crowd is more than this instance can serve in time) is answered
// at once with 503 and Retry-After instead of being started late: the buyer's page tells them to try again.

const RETRY_AFTER_S = 2

const BUSY_MESSAGE = '排队人数较多，请稍后再试'
const BUSY_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${BUSY_MESSAGE}</title><body style="font:16px/1.6 -apple-system,'PingFang SC',sans-serif;text-align:center;padding:30vh 24px 0;color:#333">
<p>${BUSY_MESSAGE}</p><p><a href="" style="color:#07c160">重试</a></p></body></html>
`

/**
 * The refusal a request gets when it waited too long for its turn: the API's error shape (503 BUSY, as the
 * checkout's own admission answers) for /api and JSON clients, a small page in Chinese for a reader's browser.
 */
export function answerBusy(req, res) {
  req.resume() // its body is not wanted
  if (res.headersSent || res.destroyed) return
  const json = (req.url ?? '').startsWith('/api/') || /json/.test(req.headers.accept ?? '')
  res.writeHead(503, {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'retry-after': String(RETRY_AFTER_S),
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'SAMEORIGIN',
    'referrer-policy': 'strict-origin-when-cross-origin',
  })
  res.end(json ? JSON.stringify({ error: { code: 'BUSY', message: `${BUSY_MESSAGE} (too many requests at once; try again in a moment)` } }) : BUSY_PAGE)
}

/**
 * `start(work, onTooLate)` queues `work`; queued work runs first in, first out, one per turn (a `setImmediate`
 * each, so the poll phase, and with it the listener, runs between any two). Work that waited longer than
 * `maxWaitMs` gets `onTooLate()` instead. `stats()` is for tests and benches.
 */
export function createTurns({ maxWaitMs = 10_000, now = () => performance.now() } = {}) {
  const queue = []
  let head = 0
  let scheduled = false
  let started = 0
  let refused = 0

  const take = () => {
    const entry = queue[head]
    queue[head++] = undefined
    if (head === queue.length) {
      queue.length = 0
      head = 0
    } else if (head >= 1024 && head * 2 >= queue.length) {
      queue.splice(0, head) // a queue that never empties under load must not grow for ever
      head = 0
    }
    return entry
  }

  const runNext = () => {
    const entry = take()
    scheduled = queue.length > head
    if (scheduled) setImmediate(runNext)
    if (now() - entry.queuedAt > maxWaitMs) {
      refused++
      entry.onTooLate()
      return
    }
    started++
    entry.work()
  }

  return {
    start(work, onTooLate) {
      queue.push({ work, onTooLate, queuedAt: now() })
      if (!scheduled) {
        scheduled = true
        setImmediate(runNext)
      }
    },
    stats: () => ({ queued: queue.length - head, started, refused }),
  }
}
