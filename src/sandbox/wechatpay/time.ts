/** RFC 3339 in +08:00, as WeChat Pay writes times. */
export function formatCst(ms: number): string {
  return `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`
}
