// Process-wide knobs of the reader identity endpoints; tests pin the clock, nonce or ticket source.
export const identityRuntime: {
  now: () => number
  /** Overrides the jsapi_ticket source (tests of the official vectors). */
  ticketFor?: (appId: string) => Promise<string>
  nonce?: () => string
} = {
  now: () => Date.now(),
}
