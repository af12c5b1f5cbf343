const BASE = 'http://return-path.invalid'

/**
 * Returns `input` only if it is a path on our own site, normalised; otherwise `fallback`. Rejects absolute
 * and scheme-relative URLs (`//evil`, `/\evil`, `javascript:`), backslashes and control characters (the URL
 * parser drops tabs/newlines, turning `/\t/evil` into `//evil`), and anything that leaves our origin.
 */
export function safeReturnPath(input: unknown, fallback = '/'): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > 2048) return fallback
  if (!input.startsWith('/') || input.startsWith('//')) return fallback
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f\s]/.test(input)) return fallback
  let url: URL
  try {
    url = new URL(input, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return path.startsWith('//') ? fallback : path
}
