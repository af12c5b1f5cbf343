// The benches' crowd of buyers: `connections` keep-alive sockets (Node's http.Agent), each sending its requests one
// after another until `amount` have been sent, every request from an address of its own (X-Forwarded-For behind the
// one trusted proxy). Each request's latency is recorded, so p50/p99/max are exact.
//
// Why not autocannon here: with 200 connections opened at once, autocannon's runs showed a tail that is not the
// server's work. Against a plain Node server spending 4 ms per request, autocannon measured p99 7.0 s (the listening
// socket's queue held ~150 established connections for seconds, `ss -ltn`), while this client measured p99 1.4 s on
// the same server (bench/README.md). That tail hid the app's own latency in both the baseline and the checkout.
import http from 'node:http'

export type CrowdResult = {
  requests: number
  statuses: Record<number, number>
  errors: number
  wallMs: number
  /** All answers per second, and the answers with `okStatus` per second. */
  perSec: number
  okPerSec: number
  latency: { p50: number; p99: number; max: number }
}

export type CrowdOptions = {
  url: string
  method?: 'GET' | 'POST'
  body?: string
  /** Request i goes to paths[i % paths.length] instead of the url's path. */
  paths?: string[]
  connections: number
  amount: number
  okStatus: number
  timeoutMs?: number
  address: () => string
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0

export async function crowdRun(options: CrowdOptions): Promise<CrowdResult> {
  const url = new URL(options.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections })
  const statuses: Record<number, number> = {}
  const latencies: number[] = []
  let errors = 0
  let sent = 0
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const started = performance.now()
      const headers: Record<string, string> = { 'x-forwarded-for': options.address() }
      if (options.body !== undefined) headers['content-type'] = 'application/json'
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: options.paths ? options.paths[i % options.paths.length] : url.pathname + url.search,
          method: options.method ?? 'GET',
          headers,
          agent,
          timeout: options.timeoutMs ?? 30_000,
        },
        (response) => {
          response.resume()
          response.on('end', () => {
            statuses[response.statusCode ?? 0] = (statuses[response.statusCode ?? 0] ?? 0) + 1
            latencies.push(performance.now() - started)
            resolve()
          })
        },
      )
      request.on('timeout', () => request.destroy(new Error('timeout')))
      request.on('error', () => {
        errors++
        latencies.push(performance.now() - started)
        resolve()
      })
      request.end(options.body)
    })
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (sent < options.amount) await one(sent++)
    }),
  )
  const wallMs = performance.now() - t0
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const ok = statuses[options.okStatus] ?? 0
  return {
    requests: latencies.length,
    statuses,
    errors,
    wallMs: Math.round(wallMs),
    perSec: +(latencies.length / (wallMs / 1000)).toFixed(1),
    okPerSec: +(ok / (wallMs / 1000)).toFixed(1),
    latency: { p50: Math.round(quantile(latencies, 0.5)), p99: Math.round(quantile(latencies, 0.99)), max: Math.round(latencies.at(-1) ?? 0) },
  }
}
