// Process-wide Official Account settings (publishing jobs, notifications, stats). Tests swap `sleep` for a no-op and may pin `apiBase`.
import { configuredOrigin } from '../../platform/http/origin'
import { createMemoryTokenCache, type TokenCache } from '../oa'

export const publishingRuntime: {
  sleep: (ms: number) => Promise<void>
  /** Overrides every account's API base (tests). */
  apiBase?: string
  /** Attempts per WeChat call for transient failures (-1, 45011, 5xx, dropped connections). */
  retryAttempts: number
  /** Shared by all jobs of this process, so jobs do not rotate each other's access tokens. */
  tokenCache: TokenCache
  /** Seconds between publish-status polls while WeChat reviews a publish. */
  pollDelaySeconds: number
  maxPolls: number
  /**
   * Where a sandbox account's uploads are cached: the 沙箱 keeps them in memory, so they are valid only for the emulator
   * instance that received them. Set at the composition root (src/sandbox/adapters.ts); absent, the appId.
   */
  sandboxUploadScope?: (appId: string) => string
} = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  retryAttempts: 8,
  tokenCache: createMemoryTokenCache(),
  pollDelaySeconds: 30,
  maxPolls: 20,
}

/** The site's public origin for work without a request (jobs): landing pages, QR codes, 阅读原文, the sandbox API. */
export const defaultOrigin = (): string => configuredOrigin()
