/**
 * The draft box measures the title on the raw JSON token, so each `\uXXXX` escape counts as 6 characters
 * (§5.2 item 10; the reason clients must send raw UTF-8). Finds the raw token of a `"key":"…"` string whose
 * decoded value equals `value`; falls back to `value` itself.
 */
export function rawJsonToken(rawBody: string, key: string, value: string): string {
  const pattern = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'g')
  for (const match of rawBody.matchAll(pattern)) {
    try {
      if (JSON.parse(`"${match[1]}"`) === value) return match[1]
    } catch {
      // not a valid JSON string token; keep looking
    }
  }
  return value
}
