// Process-wide knobs of the reader identity endpoints; tests pin the clock, nonce or ticket source.
import { type Clock, systemClock } from '../../platform/clock'

export const identityRuntime: Clock & {
  /** Overrides the jsapi_ticket source (tests of the official vectors). */
  ticketFor?: (appId: string) => Promise<string>
  nonce?: () => string
} = {
  now: systemClock.now,
}
