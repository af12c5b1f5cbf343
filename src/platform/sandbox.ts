/**
 * Whether the local WeChat and WeChat Pay emulators (沙箱) may run: by name only in production
 * (`TUIWEN_SANDBOX=1`), on by default in development and tests (`TUIWEN_SANDBOX=0` turns them off).
 * A production box without the variable never pays an order through the emulator.
 */
export function sandboxAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.TUIWEN_SANDBOX === '1') return true
  if (env.TUIWEN_SANDBOX === '0') return false
  return env.NODE_ENV !== 'production'
}
