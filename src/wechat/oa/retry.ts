import { isWechatApiError } from './errors'

export type RetryOptions = {
  /** Total attempts including the first. Default 5. */
  attempts?: number
  baseDelayMs?: number
  maxDelayMs?: number
  /** Injectable so tests never really sleep. */
  sleep?: (ms: number) => Promise<void>
  isRetryable?: (error: unknown) => boolean
  onRetry?: (error: unknown, attempt: number) => void
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/**
 * Retries transient failures (errcode -1, 45011, HTTP 5xx, dropped connections) with exponential backoff.
 * Only wrap idempotent calls, or calls made idempotent by a key (sendall `clientmsgid`, template `client_msg_id`).
 */
export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5
  const base = options.baseDelayMs ?? 200
  const max = options.maxDelayMs ?? 5_000
  const sleep = options.sleep ?? realSleep
  const retryable = options.isRetryable ?? ((error: unknown) => isWechatApiError(error) && error.retryable)
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn()
    } catch (error) {
      if (attempt >= attempts || !retryable(error)) throw error
      options.onRetry?.(error, attempt)
      await sleep(Math.min(max, base * 2 ** (attempt - 1)))
    }
  }
}
