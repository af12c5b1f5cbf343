import { html, wxError } from './respond'
import { createSeededRandom } from './rng'

export type FaultKind = 'system_error' | 'daily_quota' | 'minute_quota' | 'http_502' | 'drop'

export type FaultConfig = {
  /** Probability in [0, 1] per matching request. */
  rate: number
  seed?: number
  /** Default: system_error, http_502, drop (the transient ones). */
  kinds?: FaultKind[]
  /** Path prefixes (after the base path) to affect; default all /cgi-bin and /sns calls. */
  paths?: string[]
}

export class EmulatedConnectionDrop extends Error {
  constructor(path: string) {
    super(`emulated dropped connection on ${path}`)
    this.name = 'EmulatedConnectionDrop'
  }
}

/**
 * Transient failure injection with a seeded RNG, decided before the request is processed (so a retry is
 * always safe). The same seed and request sequence give the same faults.
 */
export function createFaults() {
  let config: FaultConfig | undefined
  let random = createSeededRandom(1)
  const injected: { path: string; kind: FaultKind }[] = []

  return {
    injected,
    configure(next: FaultConfig) {
      config = next
      random = createSeededRandom(next.seed ?? 1)
    },
    disable() {
      config = undefined
    },
    /** Returns the fault Response, throws for 'drop', or undefined to proceed. */
    apply(path: string): Response | undefined {
      if (!config || config.rate <= 0) return undefined
      const prefixes = config.paths ?? ['/cgi-bin/', '/sns/']
      if (!prefixes.some((p) => path.startsWith(p))) return undefined
      if (random() >= config.rate) return undefined
      const kinds = config.kinds?.length ? config.kinds : (['system_error', 'http_502', 'drop'] as FaultKind[])
      const kind = kinds[Math.floor(random() * kinds.length)]
      injected.push({ path, kind })
      switch (kind) {
        case 'system_error':
          return wxError(-1)
        case 'daily_quota':
          return wxError(45009)
        case 'minute_quota':
          return wxError(45011)
        case 'http_502':
          return html('<h1>502 Bad Gateway</h1>', 502)
        case 'drop':
          throw new EmulatedConnectionDrop(path)
      }
    },
  }
}

export type Faults = ReturnType<typeof createFaults>
